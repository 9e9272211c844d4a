/** `npm run site` on a copy of the repository: what it produces, what it refuses, and that it never half-writes. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../../../test/fixtures/repo.ts';
import { latestRevision } from '../../../schema/registry.ts';
import { computeCoverage, formatShare, type SiteCatalogue } from './conformance-pages.ts';

const latest = latestRevision().id;
let repo: RepoCopy;
let out: string;

beforeAll(() => {
  repo = copyRepo();
  out = repo.path('site/dist');
  const result = repo.run('scripts/site.ts', [out]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
afterAll(() => repo.dispose());

const read = (path: string) => readFileSync(join(out, path), 'utf8');

describe('the built site', () => {
  it('has a home page, every revision, a latest alias, search, proposals and llms files', () => {
    expect(read('index.html')).toContain('<h1>MCP Specification</h1>');
    for (const revision of JSON.parse(repo.read('schema/revisions.json')).revisions as { id: string }[]) {
      for (const page of ['', 'schema/', 'schema-changes/', 'requirements/']) {
        expect(existsSync(join(out, revision.id, page, 'index.html')), `${revision.id}/${page}`).toBe(true);
      }
      // Published where its $id says, and linked from the schema reference.
      const schema = JSON.parse(read(`schema/${revision.id}/schema.json`)) as { $id: string };
      expect(new URL(schema.$id).pathname).toBe(`/schema/${revision.id}/schema.json`);
      expect(read(`${revision.id}/schema/index.html`)).toContain(`href="/schema/${revision.id}/schema.json"`);
    }
    // Published where its $id says, and linked from the catalogue.
    const resultSchema = JSON.parse(read('conformance/result.schema.json')) as { $id: string };
    expect(new URL(resultSchema.$id).pathname).toBe('/conformance/result.schema.json');
    expect(read('conformance/index.html')).toContain('href="/conformance/result.schema.json"');
    expect(read('latest/index.html')).toContain(`/${latest}/`);
    expect(read('latest/server/tools/index.html')).toContain(`/${latest}/server/tools/`);
    expect(existsSync(join(out, 'proposals/index.html'))).toBe(true);
    expect(JSON.parse(read('search-index.json'))).toHaveProperty('documentCount');
    const llms = read('llms.txt');
    expect(llms).toMatch(/^# MCP Specification\n\n> /);
    expect(llms).toContain(`## Revision ${latest}`);
    expect(read('llms-full.txt')).toContain(':req[');
  });

  it('renders requirement markers as permalinks and schema types as reference links', () => {
    const tools = read(`${latest}/server/tools/index.html`);
    expect(tools).toMatch(
      /<a href="#req-tools\.[a-z0-9.-]+" title="Requirement tools\.[a-z0-9.-]+" id="req-tools\.[a-z0-9.-]+" class="req">/,
    );
    const reference = read(`${latest}/schema/index.html`);
    expect(reference).toContain('id="calltoolrequest"');
    expect(reference).toContain('class="hljs-attr"');
  });

  it('renders deprecation markers as badges and lists them on the deprecations page with links to their anchors', () => {
    expect(read('draft/client/roots/index.html')).toMatch(
      /<span id="deprecated-roots" class="deprecated-feature"><a href="#deprecated-roots" title="Deprecated since 2026-07-28\. Migration: [^"]+" class="deprecated-badge">Deprecated<\/a> Roots<\/span>/,
    );
    const registry = read('deprecations/index.html');
    expect(registry).toContain('<a href="/draft/client/roots/#deprecated-roots">Roots</a>');
    expect(registry).toContain('href="/draft/deprecated/#deprecated-roots"');
    expect(registry).toContain('<a href="/2026-07-28/schema/#listrootsrequest"><code>ListRootsRequest</code>');
  });

  it('numbers sections and gives headings permalinks', () => {
    const html = read(`${latest}/server/tools/index.html`);
    expect(html).toMatch(/<h2 id="[^"]+"><span class="section-number">\d+\.\d+\.1 <\/span>/);
    expect(html).toContain('class="permalink"');
  });
});

describe('the conformance pages', () => {
  const catalogue = () => JSON.parse(repo.read('conformance/catalogue.json')) as SiteCatalogue;
  const requirementsOf = (revision: string) => ({
    id: revision,
    requirements: JSON.parse(repo.read(`spec/${revision}/requirements.json`)).requirements,
  });

  it('lists every scenario and check, with anchors and requirement links to the newest revision that has them', () => {
    const html = read('conformance/index.html');
    const { scenarios, checks } = catalogue();
    expect(html).toContain('<h1>Conformance checks</h1>');
    expect(html).toMatch(new RegExp(`Scenarios</th><td>${scenarios.length}<`));
    expect(html).toMatch(new RegExp(`Distinct checks</th><td>${checks.length}<`));
    for (const check of checks) expect(html, check.id).toContain(`id="check-${check.id}"`);
    for (const scenario of scenarios) expect(html, scenario.id).toContain(`id="scenario-${scenario.id}"`);
    // lifecycle.initialize-result applies up to 2025-11-25: its requirement links into that revision.
    expect(html).toMatch(
      /<tr id="check-lifecycle\.initialize-result"[^]*?href="\/2025-11-25\/basic\/lifecycle\/#req-lifecycle\.initialize\.server-responds"/,
    );
    expect(html).toContain('src="/assets/conformance.js"');
    expect(read('assets/conformance.js')).toContain('data-filter');
    // The site navigation reaches it from every page.
    expect(read('index.html')).toContain('<a href="/conformance/">Conformance</a>');
  });

  it('shows the coverage of each revision with requirements, as computed from the catalogue', () => {
    const html = read('conformance/coverage/index.html');
    for (const revision of ['2025-11-25', '2026-07-28', 'draft']) {
      const coverage = computeCoverage(catalogue(), requirementsOf(revision));
      expect(coverage.musts).toBeGreaterThan(0);
      expect(html).toContain(`id="coverage-${revision}"`);
      expect(html).toContain(
        `<strong>${coverage.coveredMusts} of ${coverage.musts}</strong> server MUST and MUST NOT requirements (${formatShare(coverage.share)})`,
      );
      for (const r of coverage.uncoveredMusts)
        expect(html).toMatch(new RegExp(`id="cov-${revision}-${r.id.replace(/\./g, '\\.')}"[^>]*data-gap="yes"`));
    }
    expect(html).toContain('href="/conformance/#check-lifecycle.initialize-result"');
    expect(html).toContain('id="coverage-gap"');
  });

  it('links requirements in the requirements index back to the checks citing them', () => {
    const html = read('2025-11-25/requirements/index.html');
    expect(html).toMatch(
      /href="\/2025-11-25\/basic\/lifecycle\/#req-lifecycle\.initialize\.server-responds"[^]*?<\/tr>/,
    );
    const row = /<tr[^>]*><td><a href="[^"]*#req-lifecycle\.initialize\.server-responds">[^]*?<\/tr>/.exec(html)![0];
    expect(row).toContain(
      '<a href="/conformance/#check-lifecycle.initialize-result"><code>lifecycle.initialize-result</code></a>',
    );
  });

  it('links check ids of proposals to the catalogue and shows untestable reasons on the coverage page', () => {
    const proposal = 'proposals/0002-rate-limits.md';
    const original = repo.read(proposal);
    const uncovered = computeCoverage(catalogue(), requirementsOf('draft')).uncoveredMusts[0]!;
    repo.write(proposal, original.replace(/^checks: \[\]$/m, 'checks: [lifecycle.initialize-result, no.such-check]'));
    repo.write('conformance/UNTESTABLE.md', `# Untestable\n\n- \`${uncovered.id}\` only a person can judge this.\n`);
    try {
      const result = repo.run('scripts/site.ts', [out]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const html = read('proposals/0002-rate-limits/index.html');
      expect(html).toContain(
        '<a href="/conformance/#check-lifecycle.initialize-result"><code>lifecycle.initialize-result</code></a>',
      );
      expect(html).toContain('<code>no.such-check</code>');
      expect(html).not.toContain('#check-no.such-check');
      expect(read('conformance/coverage/index.html')).toContain(
        'untestable, <span class="untestable">only a person can judge this.</span>',
      );
    } finally {
      repo.write(proposal, original);
      rmSync(repo.path('conformance/UNTESTABLE.md'), { force: true });
    }
  });
});

describe('npm run site refuses bad input', () => {
  const page = `spec/${latest}/server/tools.md`;

  function breakAndBuild(edit: (source: string) => string): { status: number | null; stderr: string } {
    const original = repo.read(page);
    const before = read('index.html');
    repo.write(page, edit(original));
    try {
      const result = repo.run('scripts/site.ts', [out]);
      // The last good site is still there, untouched.
      expect(read('index.html')).toBe(before);
      expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      return result;
    } finally {
      repo.write(page, original);
    }
  }

  it('names file and line for broken front matter', () => {
    const result = breakAndBuild((s) => s.replace(/^---\n/, '---\ntitle: [unclosed\n'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`error: ${page.replace(/[/.]/g, '\\$&')}:\\d+: broken front matter`));
  });

  it('names file and line for an unknown directive', () => {
    const result = breakAndBuild((s) => `${s}\nSee :nonsense[here].\n`);
    expect(result.stderr).toMatch(/server\/tools\.md:\d+: unknown directive ":nonsense"/);
  });

  it('names file and line for a malformed requirement ID', () => {
    const result = breakAndBuild((s) => `${s}\n:req[Tools.BAD ID] Servers MUST behave.\n`);
    expect(result.stderr).toMatch(/server\/tools\.md:\d+: malformed requirement ID "Tools\.BAD ID"/);
  });

  it('names file and line for a link to a missing page, anchor or type', () => {
    const result = breakAndBuild(
      (s) => `${s}\nSee [nowhere](../nowhere.md), [no anchor](prompts.md#no-such-heading) and :type[NoSuchType].\n`,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/server\/tools\.md:\d+: broken link: no page at \.\.\/nowhere\.md/);
    expect(result.stderr).toMatch(
      /server\/tools\.md:\d+: broken link: \/[^/]+\/server\/prompts\/ has no anchor #no-such-heading/,
    );
    expect(result.stderr).toMatch(/server\/tools\.md:\d+: :type\[NoSuchType\]: revision [^ ]+ has no such type/);
  });

  it('drops raw HTML and script URLs from Markdown', () => {
    const original = repo.read(page);
    repo.write(
      page,
      `${original}\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n`,
    );
    try {
      expect(repo.run('scripts/site.ts', [out]).status).toBe(0);
      const html = read(`${latest}/server/tools/index.html`);
      expect(html).not.toContain("alert('x')");
      expect(html).not.toContain('javascript:');
      expect(html).not.toContain('onerror');
    } finally {
      repo.write(page, original);
    }
  });
});
