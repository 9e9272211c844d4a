/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): the CSP lets the inline
 * script and style run, the page makes no request, the filters work, and without script everything is there.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from './html.ts';
import { checkOf, sampleRun } from './sample-run.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`the browser test must run in CI, but ${CHROMIUM} is missing`);

describe.skipIf(!available)('the HTML report in a browser', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcp-report-'));
    const run = sampleRun();
    checkOf(run, 'tools-list', 'result-valid').evidence[1]!.raw = '<script>window.__pwned = true</script>';
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(run));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    return { page, problems, requests };
  }

  const visibleRows = (page: Page) => page.locator('tr.check:visible').count();

  it('runs its script under its own CSP, requests nothing else, and filters by status, area and text', async () => {
    const { page, problems, requests } = await open(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
    const total = await page.locator('tr.check').count();
    // Passing scenarios start closed, so count through the attribute, not visibility, for the totals.
    const shown = () => page.locator('tr.check:not([hidden])').count();
    expect(await shown()).toBe(total);
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${total} of ${total} checks shown`);

    for (const status of ['pass', 'warn', 'skip', 'error']) await page.locator(`input[value="${status}"]`).uncheck();
    expect(await shown()).toBe(4);
    expect(await page.locator('tr.check:not([hidden])[data-status="fail"]').count()).toBe(4);
    await expect(page.locator('details.scenario[data-area="jsonrpc"]').first().isHidden()).resolves.toBe(true);

    for (const status of ['pass', 'warn', 'skip', 'error']) await page.locator(`input[value="${status}"]`).check();
    await page.locator('select[name="area"]').selectOption('streamable-http');
    expect(await shown()).toBe(6);
    await page.locator('select[name="area"]').selectOption('');

    await page.locator('input[name="q"]').fill('ListToolsResult');
    expect(await shown()).toBe(2);
    expect(await visibleRows(page)).toBe(2);
    await page.locator('input[name="q"]').fill('transports.http.session-id');
    expect(await shown()).toBe(2);
    await page.close();
  });

  it('shows everything without script: all checks of failing scenarios visible, the rest one click away', async () => {
    const { page, requests } = await open(false);
    expect(requests).toEqual([url]);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(false);
    expect(await page.locator('tr.check[hidden], details.scenario[hidden]').count()).toBe(0);
    const failing = page.locator('details.scenario[data-status="fail"] tr.check');
    expect(await failing.count()).toBeGreaterThan(0);
    expect(await page.locator('details.scenario[data-status="fail"] tr.check:visible').count()).toBe(
      await failing.count(),
    );
    const evidence = page.locator('details.scenario[data-status="fail"] tr.check td details').first();
    await evidence.locator('summary').click();
    await expect(evidence.locator('pre').first().isVisible()).resolves.toBe(true);
    await page.close();
  });
});
