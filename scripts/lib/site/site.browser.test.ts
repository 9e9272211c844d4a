/**
 * The built site in a real browser (Debian's chromium through playwright-core): navigation, the version
 * switcher, requirement permalinks, search, console errors and an axe-core accessibility scan.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../test/fixtures/static-server.ts';
import { REPO_ROOT } from '../../../test/fixtures/repo.ts';
import { latestRevision, previousRevision } from '../../../schema/registry.ts';
import { buildSite } from './build.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'site');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`the browser test must run in CI, but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
}

const require = createRequire(import.meta.url);
const latest = latestRevision().id;
const older = previousRevision(latest)!.id;

describe.skipIf(!available)('the site in a browser', () => {
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  const consoleErrors: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const results = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      return axe.run();
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  }

  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'mcp-site-')), 'dist');
    buildSite(out);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(out);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('opens the home page, with every revision listed', async () => {
    const page = await open('/');
    await expect(page.title()).resolves.toContain('MCP Specification');
    const revisions = await page.locator('#revisions + table tbody tr').count();
    expect(revisions).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('opens a spec page in two revisions and switches between them', async () => {
    const page = await open(`/${latest}/server/tools/`);
    await expect(page.locator('main h1').textContent()).resolves.toContain('Tools');
    await page.screenshot({ path: join(ARTIFACTS, 'tools-latest.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.switcher summary').click();
    await page.locator(`.switcher a[data-revision="${older}"]`).click();
    await page.waitForURL(`**/${older}/server/tools/`);
    await expect(page.locator('.switcher summary').textContent()).resolves.toContain(older);
    await page.screenshot({ path: join(ARTIFACTS, 'tools-older.png') });
    await page.close();
  });

  it('follows a requirement permalink to the sentence it names', async () => {
    const page = await open(`/${latest}/requirements/`);
    expect(await seriousViolations(page)).toEqual([]);
    const first = page.locator('table.requirements tbody tr').first().locator('a');
    const id = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(`**#req-${id}`);
    const target = page.locator(`[id="req-${id}"]`);
    await expect(target.isVisible()).resolves.toBe(true);
    await expect(target.evaluate((node) => node.matches(':target'))).resolves.toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'requirement-permalink.png') });
    await page.close();
  });

  it('filters the requirements index by level', async () => {
    const page = await open(`/${latest}/requirements/`);
    const all = await page.locator('table.requirements tbody tr:visible').count();
    await page.selectOption('#filter-level', 'MAY');
    const may = await page.locator('table.requirements tbody tr:visible').count();
    expect(may).toBeGreaterThan(0);
    expect(may).toBeLessThan(all);
    await page.close();
  });

  it('filters the conformance catalogue and follows a requirement link', async () => {
    const page = await open('/conformance/');
    expect(await seriousViolations(page)).toEqual([]);
    const scenarios = page.locator('.scenario:visible');
    const all = await scenarios.count();
    expect(all).toBeGreaterThan(1);
    await expect(page.locator('.filter-count').textContent()).resolves.toBe(`${all} of ${all} scenarios shown`);

    await page.selectOption('#filter-area', 'tools');
    const tools = await scenarios.count();
    expect(tools).toBeGreaterThan(0);
    expect(tools).toBeLessThan(all);
    expect(await page.locator('.scenario:visible[data-area]:not([data-area="tools"])').count()).toBe(0);
    await page.selectOption('#filter-area', '');

    await page.fill('#filter-text', 'lifecycle.initialize-result');
    await expect(scenarios.count()).resolves.toBe(1);
    await page.selectOption('#filter-revision', '2025-11-25');
    const row = page.locator('[id="check-lifecycle.initialize-result"]');
    await expect(row.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'conformance.png') });

    const link = row.locator('a[href*="#req-"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/2025-11-25\/[^#]+#req-lifecycle\.initialize\.server-responds$/);
    await link.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator('[id="req-lifecycle.initialize.server-responds"]');
    await expect(target.evaluate((node) => node.matches(':target'))).resolves.toBe(true);
    await page.close();
  });

  it('shows only the uncovered MUSTs of the coverage matrix on request', async () => {
    const page = await open('/conformance/coverage/');
    expect(await seriousViolations(page)).toEqual([]);
    const rows = page.locator('table.coverage tbody tr:visible');
    const all = await rows.count();
    await page.check('#coverage-gap');
    const gaps = await rows.count();
    expect(gaps).toBeGreaterThan(0);
    expect(gaps).toBeLessThan(all);
    expect(await page.locator('table.coverage tbody tr:visible[data-gap="no"]').count()).toBe(0);
    await page.selectOption('#coverage-revision', 'draft');
    expect(await page.locator('table.coverage tbody tr:visible:not([data-revision="draft"])').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'coverage.png') });
    await page.close();
  });

  it('finds tools/call with the offline search', async () => {
    const page = await open('/');
    await page.fill('#site-search', 'tools/call');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/search/?q=tools%2Fcall');
    const results = page.locator('ol.search-results li');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'search.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('logged no console errors on any page it opened', () => {
    expect(consoleErrors).toEqual([]);
  });
});
