/**
 * Site pages for the conformance suite: the check catalogue (`/conformance/`) and the requirement coverage
 * matrix (`/conformance/coverage/`), both built from `conformance/catalogue.json`, the requirements of each
 * revision and, when present, `conformance/UNTESTABLE.md`. Both filter client-side (assets/conformance.js)
 * and show everything without JavaScript.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { UserError } from '../../../schema/errors.ts';
import { REPO_ROOT } from '../../../schema/registry.ts';
import { compareCodePoints, isPlainObject, readJsonFile } from '../json.ts';
import { LEVELS, type Requirement } from '../spec-markdown.ts';
import type { NavItem } from './layout.ts';
import type { OutgoingLink } from './render-markdown.ts';

export { UNTESTABLE_FILE, loadUntestable, parseUntestable } from '../../../conformance/src/coverage.ts';

export const CONFORMANCE_URL = '/conformance/';
/** Where the site publishes conformance/result.schema.json, the `$id` it declares. */
export const RESULT_SCHEMA_URL = '/conformance/result.schema.json';
export const COVERAGE_URL = '/conformance/coverage/';
export const CONFORMANCE_SCRIPT = '/assets/conformance.js';
export const CATALOGUE_FILE = join(REPO_ROOT, 'conformance', 'catalogue.json');

/** The anchor of a check on the catalogue page. */
export const checkAnchor = (id: string) => `check-${id}`;
export const checkHref = (id: string) => `${CONFORMANCE_URL}#${checkAnchor(id)}`;

/** The parts of the catalogue (format `mcp-conformance/catalogue`) the site reads. */
export interface SiteCatalogueCheck {
  id: string;
  title: string;
  level: string;
  requirements: string[];
  revisions: string[];
  transports: string[];
}

export interface SiteCatalogueScenario {
  id: string;
  title: string;
  area: string;
  depth: 'any' | 'fixture';
  description: string;
  revisions: string[];
  checks: SiteCatalogueCheck[];
}

export interface SiteCatalogue {
  tool?: { name: string; version: string };
  scenarios: SiteCatalogueScenario[];
  /** Every distinct check once, with the union of its revisions, and the scenarios declaring it. */
  checks: (SiteCatalogueCheck & { scenarios: string[] })[];
}

export type SiteRequirement = Pick<Requirement, 'id' | 'level' | 'subject' | 'text' | 'page' | 'anchor'> & {
  section?: string;
};

/** A revision and its requirements; a list of them runs oldest first, `draft` last, as the registry does. */
export interface RevisionRequirements {
  id: string;
  requirements: SiteRequirement[];
}

const MUST_LEVELS = new Set(['MUST', 'MUST NOT']);

/** Reads the catalogue; undefined (and no problem) when the conformance suite has published none yet. */
export function loadCatalogue(file: string = CATALOGUE_FILE): { catalogue?: SiteCatalogue; problems: UserError[] } {
  if (!existsSync(file)) return { problems: [] };
  let data: unknown;
  try {
    data = readJsonFile(file);
  } catch (error) {
    if (error instanceof UserError) return { problems: [error] };
    throw error;
  }
  if (
    !isPlainObject(data) ||
    data.format !== 'mcp-conformance/catalogue' ||
    !Array.isArray(data.scenarios) ||
    !Array.isArray(data.checks)
  ) {
    return {
      problems: [
        new UserError('not a conformance catalogue (format mcp-conformance/catalogue, scenarios, checks)', file),
      ],
    };
  }
  return { catalogue: data as unknown as SiteCatalogue, problems: [] };
}

/** The checks that verify a requirement in a revision: they cite it and apply to that revision. */
export function checksCiting(catalogue: SiteCatalogue | undefined, revision: string, id: string): string[] {
  return (catalogue?.checks ?? [])
    .filter((check) => check.revisions.includes(revision) && check.requirements.includes(id))
    .map((check) => check.id);
}

export interface RevisionCoverage {
  revision: string;
  /** Server-subject requirements of the revision, every level. */
  requirements: SiteRequirement[];
  /** Requirement id → the checks that verify it in this revision. */
  checks: Map<string, string[]>;
  /** Server MUST and MUST NOT requirements. */
  musts: number;
  coveredMusts: number;
  uncoveredMusts: SiteRequirement[];
  /** Covered share of `musts`, 0..1; undefined when there are none. */
  share: number | undefined;
}

export function computeCoverage(
  catalogue: SiteCatalogue | undefined,
  revision: RevisionRequirements,
): RevisionCoverage {
  const requirements = revision.requirements.filter((r) => r.subject === 'server');
  const checks = new Map(requirements.map((r) => [r.id, [] as string[]]));
  for (const check of catalogue?.checks ?? []) {
    if (!check.revisions.includes(revision.id)) continue;
    for (const id of check.requirements) {
      const list = checks.get(id);
      if (list && !list.includes(check.id)) list.push(check.id);
    }
  }
  const musts = requirements.filter((r) => MUST_LEVELS.has(r.level));
  const uncoveredMusts = musts.filter((r) => checks.get(r.id)!.length === 0);
  return {
    revision: revision.id,
    requirements,
    checks,
    musts: musts.length,
    coveredMusts: musts.length - uncoveredMusts.length,
    uncoveredMusts,
    share: musts.length ? (musts.length - uncoveredMusts.length) / musts.length : undefined,
  };
}

export const formatShare = (share: number | undefined) =>
  share === undefined ? 'n/a' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

export interface ConformanceInput {
  catalogue: SiteCatalogue | undefined;
  /** Every revision of the registry with its requirements, oldest first. */
  revisions: RevisionRequirements[];
  /** Site URL of a requirement of a revision (`/<revision>/<page>/#<anchor>`). */
  requirementHref: (revision: string, requirement: SiteRequirement) => string;
  /** Site URL and title of a prose page of a revision, if there is one. */
  pageLink?: (revision: string, page: string) => { url: string; title: string } | undefined;
  /** Requirement id → reason it cannot be tested (`conformance/UNTESTABLE.md`). */
  untestable?: Map<string, string>;
}

const join_ = (items: ElementContent[], separator = ', '): ElementContent[] =>
  items.flatMap((item, i) => (i ? [{ type: 'text', value: separator } as ElementContent, item] : [item]));

const depthLabel = (depth: string) =>
  depth === 'fixture' ? 'needs the fixture server' : depth === 'any' ? 'any server' : depth;

/** The text filter and selects of a page; hidden until assets/conformance.js shows it. */
function filterForm(
  label: string,
  noun: string,
  controls: ElementContent[],
  textPlaceholder: string,
  idPrefix: string,
): Element {
  // The wrapper carries `hidden`: `.filters` sets a display that would override the attribute.
  return h('div.conformance-filter-box', { hidden: true }, [
    h('form.filters.conformance-filters', { ariaLabel: label, dataNoun: noun }, [
      ...controls,
      h('p', [
        h('label', { htmlFor: `${idPrefix}-text` }, 'Text '),
        h(`input#${idPrefix}-text`, { type: 'search', dataFilter: 'text', placeholder: textPlaceholder }),
      ]),
      h('p.filter-count', { ariaLive: 'polite' }, ''),
    ]),
  ]);
}

function select(id: string, label: string, key: string, options: { value: string; label: string }[]): Element {
  return h('p', [
    h('label', { htmlFor: id }, `${label} `),
    h(`select#${id}`, { dataFilter: key }, [
      h('option', { value: '' }, 'all'),
      ...options.map((option) => h('option', { value: option.value }, option.label)),
    ]),
  ]);
}

/** The catalogue page: every scenario by area, with its checks and the requirements they verify. */
export function catalogueIndex(input: ConformanceInput): HastRoot {
  const { catalogue } = input;
  if (!catalogue) {
    return h(null, [
      h('p', 'The conformance suite has not published a check catalogue yet (conformance/catalogue.json).'),
    ]) as HastRoot;
  }
  const order = input.revisions.map((r) => r.id);
  const byRevision = new Map(input.revisions.map((r) => [r.id, new Map(r.requirements.map((q) => [q.id, q]))]));
  const sortRevisions = (ids: string[]) =>
    [...ids].sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity));

  const areas: string[] = [];
  for (const scenario of catalogue.scenarios) if (!areas.includes(scenario.area)) areas.push(scenario.area);
  const revisionsUsed = sortRevisions([...new Set(catalogue.scenarios.flatMap((s) => s.revisions))]);
  const depths = [...new Set(catalogue.scenarios.map((s) => s.depth))].sort(compareCodePoints);
  const citations = new Set(catalogue.checks.flatMap((c) => c.requirements));
  const levels = LEVELS.map((level) => [level, catalogue.checks.filter((c) => c.level === level).length] as const);

  const requirementLink = (check: SiteCatalogueCheck, id: string): ElementContent => {
    for (const revision of sortRevisions(check.revisions).reverse()) {
      const requirement = byRevision.get(revision)?.get(id);
      if (requirement) {
        return h(
          'a',
          { href: input.requirementHref(revision, requirement), title: `${id} in revision ${revision}` },
          h('code', id),
        );
      }
    }
    return h('code', { title: 'no catalogued revision of this check has this requirement' }, id);
  };

  const anchored = new Set<string>();
  const checkRow = (check: SiteCatalogueCheck): Element => {
    const first = !anchored.has(check.id);
    anchored.add(check.id);
    return h(
      'tr',
      { ...(first ? { id: checkAnchor(check.id) } : {}), dataSubitem: true, dataRevisions: check.revisions.join(' ') },
      [
        h(
          'td',
          first
            ? h('code', check.id)
            : h(
                'a',
                { href: `#${checkAnchor(check.id)}`, title: 'declared by several scenarios' },
                h('code', check.id),
              ),
        ),
        h('td', check.level),
        h('td', check.title),
        h('td', check.requirements.length ? join_(check.requirements.map((id) => requirementLink(check, id))) : 'none'),
        h('td', sortRevisions(check.revisions).join(', ')),
        h('td', check.transports.join(', ')),
      ],
    );
  };

  return h(null, [
    h('p', [
      'The checks of the ',
      h('code', catalogue.tool ? `${catalogue.tool.name} ${catalogue.tool.version}` : 'mcp-conformance'),
      ' server test suite, generated from ',
      h('code', 'conformance/catalogue.json'),
      '. Each check names the requirements it verifies; the ',
      h('a', { href: COVERAGE_URL }, 'coverage matrix'),
      " shows which server requirements of each revision are verified. A run's JSON report follows the ",
      h('a', { href: RESULT_SCHEMA_URL }, 'result schema'),
      '.',
    ]),
    h('table.conformance-summary', { tabIndex: 0 }, [
      h('caption', 'At a glance'),
      h('tbody', [
        h('tr', [h('th', { scope: 'row' }, 'Scenarios'), h('td', String(catalogue.scenarios.length))]),
        h('tr', [h('th', { scope: 'row' }, 'Distinct checks'), h('td', String(catalogue.checks.length))]),
        h('tr', [
          h('th', { scope: 'row' }, 'Checks by level'),
          h(
            'td',
            levels
              .filter(([, n]) => n > 0)
              .map(([level, n]) => `${level} ${n}`)
              .join(', '),
          ),
        ]),
        h('tr', [h('th', { scope: 'row' }, 'Requirements cited'), h('td', String(citations.size))]),
        h('tr', [h('th', { scope: 'row' }, 'Areas'), h('td', String(areas.length))]),
      ]),
    ]),
    filterForm(
      'Filter scenarios',
      'scenarios',
      [
        select(
          'filter-area',
          'Area',
          'area',
          areas.map((area) => ({
            value: area,
            label: `${area} (${catalogue.scenarios.filter((s) => s.area === area).length})`,
          })),
        ),
        select(
          'filter-depth',
          'Depth',
          'depth',
          depths.map((depth) => ({ value: depth, label: depthLabel(depth) })),
        ),
        select(
          'filter-revision',
          'Revision',
          'revisions',
          [...revisionsUsed].reverse().map((revision) => ({ value: revision, label: revision })),
        ),
      ],
      'check id, requirement id, word',
      'filter',
    ),
    ...areas.map((area) =>
      h('div.conformance-area', { dataGroup: true }, [
        h(`h2#area-${area}`, area),
        ...catalogue.scenarios
          .filter((scenario) => scenario.area === area)
          .map((scenario) =>
            h(
              'div.scenario',
              {
                dataItem: true,
                dataArea: scenario.area,
                dataDepth: scenario.depth,
                dataRevisions: scenario.revisions.join(' '),
              },
              [
                h(`h3#scenario-${scenario.id}`, [scenario.title, ' ', h('code', scenario.id)]),
                h('p.scenario-meta', [
                  h('strong', 'Depth:'),
                  ` ${depthLabel(scenario.depth)}. `,
                  h('strong', 'Revisions:'),
                  ` ${sortRevisions(scenario.revisions).join(', ')}.`,
                ]),
                h('p', scenario.description),
                h('table.checks', { tabIndex: 0 }, [
                  h(
                    'thead',
                    h('tr', [
                      h('th', 'Check'),
                      h('th', 'Level'),
                      h('th', 'What it verifies'),
                      h('th', 'Requirements'),
                      h('th', 'Revisions'),
                      h('th', 'Transports'),
                    ]),
                  ),
                  h('tbody', scenario.checks.map(checkRow)),
                ]),
              ],
            ),
          ),
      ]),
    ),
  ]) as HastRoot;
}

const pageSlug = (page: string) => (page || 'overview').replace(/[^a-z0-9]+/gi, '-');
const coverageAnchor = (revision: string) => `coverage-${revision}`;
const rowAnchor = (revision: string, id: string) => `cov-${revision}-${id}`;

/** The coverage page: per revision with requirements, server requirements against the checks that verify them. */
export function coveragePage(input: ConformanceInput): HastRoot {
  const untestable = input.untestable ?? new Map<string, string>();
  const coverages = input.revisions
    .filter((r) => r.requirements.length > 0)
    .map((r) => computeCoverage(input.catalogue, r))
    .reverse();
  const checkLinks = (ids: string[]) =>
    ids.length ? join_(ids.map((id) => h('a', { href: checkHref(id) }, h('code', id)))) : [];

  const status = (coverage: RevisionCoverage, requirement: SiteRequirement): ElementContent[] => {
    const covered = coverage.checks.get(requirement.id)!.length > 0;
    const reason = untestable.get(requirement.id);
    if (covered) return [{ type: 'text', value: 'covered' }];
    const must = MUST_LEVELS.has(requirement.level);
    return [
      must ? h('strong', 'not covered') : { type: 'text', value: 'not covered' },
      ...(reason ? [{ type: 'text', value: ': untestable, ' } as ElementContent, h('span.untestable', reason)] : []),
    ];
  };

  const revisionSection = (coverage: RevisionCoverage): Element => {
    const pages: string[] = [];
    for (const r of coverage.requirements) if (!pages.includes(r.page)) pages.push(r.page);
    pages.sort(compareCodePoints);
    const documented = coverage.uncoveredMusts.filter((r) => untestable.has(r.id)).length;
    return h('div.coverage-revision', { dataGroup: true }, [
      h(`h2#${coverageAnchor(coverage.revision)}`, `Revision ${coverage.revision}`),
      h('p.coverage-headline', [
        h('strong', `${coverage.coveredMusts} of ${coverage.musts}`),
        ` server MUST and MUST NOT requirements (${formatShare(coverage.share)}) are verified by at least one check; `,
        `${coverage.requirements.length} server requirements in all.`,
        ...(documented ? [` ${documented} of the uncovered are documented as untestable.`] : []),
      ]),
      coverage.uncoveredMusts.length
        ? h('details.uncovered', [
            h('summary', `Uncovered MUST and MUST NOT requirements (${coverage.uncoveredMusts.length})`),
            h(
              'ul',
              coverage.uncoveredMusts.map((r) =>
                h('li', [
                  h('a', { href: `#${rowAnchor(coverage.revision, r.id)}` }, h('code', r.id)),
                  ...(untestable.has(r.id) ? [` (untestable: ${untestable.get(r.id)!})`] : []),
                ]),
              ),
            ),
          ])
        : h('p', 'Every server MUST and MUST NOT requirement is verified by at least one check.'),
      ...pages.map((page) => {
        const link = input.pageLink?.(coverage.revision, page);
        const rows = coverage.requirements.filter((r) => r.page === page);
        return h('div.coverage-page', { dataGroup: true }, [
          h(`h3#${coverageAnchor(coverage.revision)}-${pageSlug(page)}`, [
            link ? h('a', { href: link.url }, link.title) : page || 'Overview',
            ' ',
            h(
              'span.coverage-count',
              `(${rows.filter((r) => coverage.checks.get(r.id)!.length).length} of ${rows.length} covered)`,
            ),
          ]),
          h('table.coverage', { tabIndex: 0 }, [
            h(
              'thead',
              h('tr', [
                h('th', 'Requirement'),
                h('th', 'Level'),
                h('th', 'Section'),
                h('th', 'Text'),
                h('th', 'Checks'),
                h('th', 'Status'),
              ]),
            ),
            h(
              'tbody',
              rows.map((r) => {
                const checks = coverage.checks.get(r.id)!;
                const gap = MUST_LEVELS.has(r.level) && checks.length === 0;
                return h(
                  'tr',
                  {
                    id: rowAnchor(coverage.revision, r.id),
                    dataItem: true,
                    dataRevision: coverage.revision,
                    dataLevel: r.level,
                    dataGap: gap ? 'yes' : 'no',
                  },
                  [
                    h('td', h('a', { href: input.requirementHref(coverage.revision, r) }, h('code', r.id))),
                    h('td', r.level),
                    h('td', r.section ?? ''),
                    h('td', r.text),
                    h('td', checkLinks(checks)),
                    h('td', status(coverage, r)),
                  ],
                );
              }),
            ),
          ]),
        ]);
      }),
    ]);
  };

  if (coverages.length === 0) {
    return h(null, [h('p', 'No revision has requirements yet.')]) as HastRoot;
  }
  return h(null, [
    h('p', [
      'Which server requirements the ',
      h('a', { href: CONFORMANCE_URL }, 'conformance checks'),
      ' verify, per revision. A requirement counts as covered in a revision when a check that applies to that revision cites it.',
      ...(input.catalogue ? [] : [' The conformance suite has published no catalogue yet, so nothing is covered.']),
    ]),
    h('table.coverage-summary', { tabIndex: 0 }, [
      h('caption', 'Server MUST and MUST NOT requirements verified by a check'),
      h(
        'thead',
        h('tr', [
          h('th', 'Revision'),
          h('th', 'Covered'),
          h('th', 'Total'),
          h('th', 'Share'),
          h('th', 'Uncovered'),
          h('th', 'Server requirements (all levels)'),
        ]),
      ),
      h(
        'tbody',
        coverages.map((c) =>
          h('tr', [
            h('td', h('a', { href: `#${coverageAnchor(c.revision)}` }, c.revision)),
            h('td', String(c.coveredMusts)),
            h('td', String(c.musts)),
            h('td', formatShare(c.share)),
            h('td', String(c.uncoveredMusts.length)),
            h('td', String(c.requirements.length)),
          ]),
        ),
      ),
    ]),
    filterForm(
      'Filter requirements',
      'requirements',
      [
        select(
          'coverage-revision',
          'Revision',
          'revision',
          coverages.map((c) => ({ value: c.revision, label: c.revision })),
        ),
        select(
          'coverage-level',
          'Level',
          'level',
          LEVELS.map((level) => ({ value: level, label: level })),
        ),
        h('p', [
          h('input#coverage-gap', { type: 'checkbox', value: 'yes', dataFilter: 'gap' }),
          ' ',
          h('label', { htmlFor: 'coverage-gap' }, 'Uncovered MUST / MUST NOT only'),
        ]),
      ],
      'requirement id, check id, word',
      'coverage',
    ),
    ...coverages.map(revisionSection),
  ]) as HastRoot;
}

/** The sidebar of both pages: the catalogue by area, the coverage by revision. */
export function conformanceNav(input: ConformanceInput): NavItem[] {
  const areas: string[] = [];
  for (const scenario of input.catalogue?.scenarios ?? [])
    if (!areas.includes(scenario.area)) areas.push(scenario.area);
  return [
    {
      title: 'Conformance checks',
      url: CONFORMANCE_URL,
      children: areas.map((area) => ({ title: area, url: `${CONFORMANCE_URL}#area-${area}`, children: [] })),
    },
    {
      title: 'Requirement coverage',
      url: COVERAGE_URL,
      children: input.revisions
        .filter((r) => r.requirements.length > 0)
        .reverse()
        .map((r) => ({ title: r.id, url: `${COVERAGE_URL}#${coverageAnchor(r.id)}`, children: [] })),
    },
  ];
}

/** Every internal link of a generated page, for the link check; same-page anchors are scoped to `url`. */
export function internalLinks(url: string, tree: HastRoot, file: string): OutgoingLink[] {
  const links: OutgoingLink[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const href = node.properties.href;
    if (href.startsWith('#')) links.push({ href: `${url}${href}`, file, line: 1 });
    else if (href.startsWith('/') && !href.startsWith('//')) links.push({ href, file, line: 1 });
  });
  return links;
}
