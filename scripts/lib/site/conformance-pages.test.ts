/** The conformance pages from a small synthetic catalogue: links, anchors, coverage numbers, untestable reasons. */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import {
  catalogueIndex,
  checksCiting,
  computeCoverage,
  coveragePage,
  formatShare,
  internalLinks,
  parseUntestable,
  type ConformanceInput,
  type SiteCatalogue,
  type SiteRequirement,
} from './conformance-pages.ts';

const req = (id: string, level: SiteRequirement['level'], subject: SiteRequirement['subject'] = 'server') => ({
  id,
  level,
  subject,
  text: `The server ${level} do ${id}.`,
  page: id.split('.')[0]!,
  anchor: `req-${id}`,
  section: 'Section',
});

const check = (id: string, requirements: string[], revisions: string[], scenarios = ['s-one']) => ({
  id,
  title: `checks ${id}`,
  level: 'MUST',
  requirements,
  revisions,
  transports: ['stdio', 'http'],
  scenarios,
});

const catalogue: SiteCatalogue = {
  tool: { name: 'mcp-conformance', version: '9.9.9' },
  scenarios: [
    {
      id: 's-one',
      title: 'First scenario',
      area: 'lifecycle',
      depth: 'any',
      description: 'Does the first thing.',
      revisions: ['old', 'new'],
      checks: [check('a.first', ['a.must', 'a.gone'], ['old', 'new']), check('shared.wire', [], ['old', 'new'])],
    },
    {
      id: 's-two',
      title: 'Second scenario',
      area: 'tools',
      depth: 'fixture',
      description: 'Needs the fixture.',
      revisions: ['new'],
      checks: [check('b.second', ['b.must-not', 'b.should'], ['new']), check('shared.wire', [], ['new'])],
    },
  ],
  checks: [
    check('a.first', ['a.must', 'a.gone'], ['old', 'new']),
    check('shared.wire', [], ['old', 'new'], ['s-one', 's-two']),
    check('b.second', ['b.must-not', 'b.should'], ['new'], ['s-two']),
  ],
};

const input: ConformanceInput = {
  catalogue,
  revisions: [
    // `a.gone` exists only in the older revision; `c.client` is not a server requirement.
    { id: 'old', requirements: [req('a.must', 'MUST'), req('a.gone', 'MUST'), req('b.must-not', 'MUST NOT')] },
    {
      id: 'new',
      requirements: [
        req('a.must', 'MUST'),
        req('b.must-not', 'MUST NOT'),
        req('b.should', 'SHOULD'),
        req('b.uncovered', 'MUST'),
        req('c.untestable', 'MUST NOT'),
        req('c.client', 'MUST', 'client'),
      ],
    },
    { id: 'empty', requirements: [] },
  ],
  requirementHref: (revision, r) => `/${revision}/${r.page}/#${r.anchor}`,
  pageLink: (revision, page) => ({ url: `/${revision}/${page}/`, title: `Page ${page}` }),
  untestable: new Map([['c.untestable', 'needs a human to judge']]),
};

const html = (tree: HastRoot) => toHtml(tree);

describe('coverage', () => {
  it('counts server MUST and MUST NOT requirements verified by a check that applies to the revision', () => {
    const old = computeCoverage(catalogue, input.revisions[0]!);
    // b.second cites b.must-not but applies to `new` only.
    expect([old.coveredMusts, old.musts]).toEqual([2, 3]);
    expect(old.uncoveredMusts.map((r) => r.id)).toEqual(['b.must-not']);
    const latest = computeCoverage(catalogue, input.revisions[1]!);
    expect([latest.coveredMusts, latest.musts]).toEqual([2, 4]);
    expect(latest.requirements.map((r) => r.id)).not.toContain('c.client');
    expect(latest.checks.get('b.should')).toEqual(['b.second']);
    expect(latest.uncoveredMusts.map((r) => r.id)).toEqual(['b.uncovered', 'c.untestable']);
    expect(formatShare(latest.share)).toBe('50.0%');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(undefined)).toBe('n/a');
    expect(computeCoverage(undefined, input.revisions[1]!).coveredMusts).toBe(0);
  });

  it('names the checks citing a requirement in a revision', () => {
    expect(checksCiting(catalogue, 'new', 'b.must-not')).toEqual(['b.second']);
    expect(checksCiting(catalogue, 'old', 'b.must-not')).toEqual([]);
    expect(checksCiting(undefined, 'old', 'a.must')).toEqual([]);
  });

  it('reads untestable reasons from a Markdown list', () => {
    const reasons = parseUntestable(
      '# Untestable\n\nIntro.\n\n- `x.one` the client decides\n  on its own.\n* `x.two`: needs a person\n\nLater `x.three` text.\n',
    );
    expect([...reasons]).toEqual([
      ['x.one', 'the client decides on its own.'],
      ['x.two', 'needs a person'],
    ]);
  });
});

describe('the catalogue page', () => {
  const page = html(catalogueIndex(input));

  it('states the headline numbers and groups scenarios by area', () => {
    expect(page).toMatch(/Scenarios<\/th><td>2</);
    expect(page).toMatch(/Distinct checks<\/th><td>3</);
    expect(page).toContain('<h2 id="area-lifecycle">lifecycle</h2>');
    expect(page).toContain('<h2 id="area-tools">tools</h2>');
    expect(page).toContain('data-depth="fixture"');
    expect(page).toContain('needs the fixture server');
    expect(page).toContain('mcp-conformance 9.9.9');
  });

  it('anchors each check once and links repeated declarations to it', () => {
    expect(page.match(/id="check-shared\.wire"/g)).toHaveLength(1);
    expect(page).toContain('<a href="#check-shared.wire"');
    expect(page).toContain('id="check-b.second"');
  });

  it('links requirements to the newest catalogued revision that has them, and leaves unknown ids unlinked', () => {
    expect(page).toContain('href="/new/a/#req-a.must"');
    expect(page).toContain('href="/old/a/#req-a.gone"');
    expect(page).not.toContain('/old/a/#req-a.must');
    expect(page).toContain('<td>old, new</td>');
  });

  it('has a filter by area, depth, revision and text that is hidden without JavaScript', () => {
    expect(page).toMatch(/<div class="conformance-filter-box" hidden>/);
    for (const id of ['filter-area', 'filter-depth', 'filter-revision', 'filter-text'])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain('data-revisions="old new"');
  });

  it('says so when there is no catalogue', () => {
    expect(html(catalogueIndex({ ...input, catalogue: undefined }))).toContain('has not published a check catalogue');
  });
});

describe('the coverage page', () => {
  const tree = coveragePage(input);
  const page = html(tree);

  it('has a section per revision with requirements, newest first, with the headline numbers', () => {
    expect(page).toContain('id="coverage-new"');
    expect(page).toContain('id="coverage-old"');
    expect(page).not.toContain('id="coverage-empty"');
    expect(page.indexOf('id="coverage-new"')).toBeLessThan(page.indexOf('id="coverage-old"'));
    expect(page).toContain('<strong>2 of 4</strong> server MUST and MUST NOT requirements (50.0%)');
    expect(page).toContain('<strong>2 of 3</strong> server MUST and MUST NOT requirements (66.7%)');
  });

  it('links each requirement and the checks verifying it, and flags uncovered MUSTs with their reason', () => {
    expect(page).toContain('href="/new/b/#req-b.should"');
    expect(page).toContain('href="/conformance/#check-b.second"');
    expect(page).toMatch(/id="cov-new-b\.uncovered"[^>]*data-gap="yes"/);
    expect(page).toMatch(/id="cov-new-b\.should"[^>]*data-gap="no"/);
    expect(page).toContain('untestable, <span class="untestable">needs a human to judge</span>');
    expect(page).toContain('Uncovered MUST and MUST NOT requirements (2)');
    expect(page).toContain('<a href="#cov-new-b.uncovered">');
    expect(page).toContain('id="coverage-gap"');
    expect(page).not.toContain('c.client');
  });

  it('reports its internal links for the link check, same-page anchors scoped to the page', () => {
    const hrefs = internalLinks('/conformance/coverage/', tree, 'catalogue.json').map((l) => l.href);
    expect(hrefs).toContain('/conformance/coverage/#cov-new-b.uncovered');
    expect(hrefs).toContain('/conformance/#check-b.second');
    expect(hrefs).toContain('/new/b/#req-b.should');
  });
});
