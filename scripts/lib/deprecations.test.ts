import { cpSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../../test/fixtures/repo.ts';
import { deprecationRegistry, mergeDeprecations, scanSchema, type ProseMarkers } from './deprecations.ts';
import { parsePage } from './spec-markdown.ts';

/** A small fixture: revisions 2025-01-01, 2026-01-01 and draft, each a schema source and optional prose. */
const REVISIONS = ['2025-01-01', '2026-01-01', 'draft'];
const SCHEMA = `
export interface Capabilities {
  /** @deprecated Use tool arguments instead. */
  roots?: object;
  tools?: object;
}
/** @deprecated Use tool arguments instead. */
export interface ListRootsRequest { method: "roots/list" }
/** @deprecated Use OpenTelemetry instead. */
export interface LogMessage { level: string }
`;
const schemaOf = (revision: string, text = SCHEMA) => scanSchema(revision, `/repo/schema/${revision}/schema.ts`, text);
const proseOf = (revision: string, body: string): ProseMarkers => {
  const file = `/repo/spec/${revision}/features.md`;
  const parsed = parsePage(file, 'features', `---\ntitle: Features\n---\n\n${body}\n`);
  expect(parsed.problems.map((p) => p.format('/repo'))).toEqual([]);
  return { revision, markers: parsed.deprecations.map((d) => ({ ...d, file })) };
};
const ROOTS =
  ':deprecated[Roots]{since=2026-01-01 migration="use tool arguments instead" removal=2027-01-01 schema="Capabilities.roots ListRootsRequest"}';
const build = (draftProse: string, schemas = REVISIONS.map((r) => schemaOf(r, r === '2025-01-01' ? '' : SCHEMA))) =>
  mergeDeprecations(REVISIONS, schemas, [proseOf('draft', draftProse)]);
const messages = (result: { problems: { format(cwd: string): string }[] }) =>
  result.problems.map((p) => p.format('/repo'));

describe('merging schema tags and prose markers', () => {
  it('builds one entry per feature from a prose + schema fixture, linking every declaration', () => {
    const result = build(
      `${ROOTS} are deprecated.\n\nThe :deprecated[SSE transport]{since=2025-01-01 migration="use Streamable HTTP"} too.`,
    );
    expect(messages(result)).toEqual([]);
    expect(result.deprecations.map((d) => [d.feature, d.since, d.removal, d.removedIn])).toEqual([
      ['LogMessage', '2026-01-01', undefined, undefined],
      ['Roots', '2026-01-01', '2027-01-01', undefined],
      ['SSE transport', '2025-01-01', undefined, undefined],
    ]);
    const roots = result.deprecations.find((d) => d.feature === 'Roots')!;
    expect(roots.migration).toBe('use tool arguments instead');
    expect(roots.sources).toEqual([
      {
        kind: 'prose',
        revision: 'draft',
        page: 'features',
        anchor: 'deprecated-roots',
        file: '/repo/spec/draft/features.md',
        line: 5,
      },
      {
        kind: 'schema',
        revision: '2026-01-01',
        feature: 'Capabilities.roots',
        file: '/repo/schema/2026-01-01/schema.ts',
        line: 4,
      },
      {
        kind: 'schema',
        revision: '2026-01-01',
        feature: 'ListRootsRequest',
        file: '/repo/schema/2026-01-01/schema.ts',
        line: 8,
      },
    ]);
  });

  it('merges a marker named like a schema feature, and joins markers of one feature on several pages', () => {
    const result = mergeDeprecations(
      REVISIONS,
      REVISIONS.map((r) => schemaOf(r)),
      [
        proseOf('draft', ':deprecated[LogMessage]{since=2025-01-01 migration="use OpenTelemetry instead"}'),
        proseOf('draft', ':deprecated[LogMessage]{#log since=2025-01-01 migration="use OpenTelemetry"}'),
      ],
    );
    expect(messages(result)).toEqual([]);
    const log = result.deprecations.find((d) => d.feature === 'LogMessage')!;
    expect(log.sources.map((s) => (s.kind === 'prose' ? s.anchor : s.feature))).toEqual([
      'deprecated-logmessage',
      'log',
      'LogMessage',
    ]);
    expect(result.deprecations.filter((d) => d.feature === 'LogMessage')).toHaveLength(1);
  });

  it('applies the schema rules to prose markers: migration path, known since, twelve months', () => {
    const result = build(
      [
        ':deprecated[A]{since=2026-01-01 migration="no longer recommended"}',
        ':deprecated[B]{since=2024-06-01 migration="use C"}',
        ':deprecated[D]{since=2026-01-01 migration="use E" removal=2026-12-31}',
      ].join('\n\n'),
    );
    expect(messages(result)).toEqual([
      'spec/draft/features.md:5: :deprecated[A] names no migration path: say what to use instead in "migration"',
      'spec/draft/features.md:7: :deprecated[B]{since=2024-06-01}: no such revision (known: 2025-01-01, 2026-01-01, draft)',
      'spec/draft/features.md:9: :deprecated[D]{removal=2026-12-31}: less than 12 months after 2026-01-01; a deprecated feature stays for at least twelve months',
    ]);
  });

  it('reports disagreeing markers, schema names that are not deprecated, and a later since than the schema', () => {
    const result = build(
      [
        ':deprecated[Log]{since=draft migration="use OpenTelemetry" schema="LogMessage Capabilities.tools"}',
        ':deprecated[Log]{#log-again since=2026-01-01 migration="use OpenTelemetry"}',
      ].join('\n\n'),
    );
    expect(messages(result)).toEqual([
      'spec/draft/features.md:5: :deprecated[Log]{schema}: Capabilities.tools is not marked @deprecated in schema/draft/schema.ts',
      expect.stringMatching(
        /^spec\/draft\/features\.md:7: :deprecated\[Log\]\{since=2026-01-01\} disagrees with since=draft at \S*features\.md:5$/,
      ),
      'spec/draft/features.md:5: :deprecated[Log]{since=draft}: the schema marks LogMessage deprecated since 2026-01-01, earlier',
    ]);
  });

  it('takes removal from the schema and holds it to the announced removal date', () => {
    const schemas = [
      schemaOf('2025-01-01'),
      schemaOf('2026-01-01', SCHEMA.replace(/\/\*\* @deprecated[^\n]*\n\s*roots\?: object;/, '')),
      schemaOf('draft', ''),
    ];
    const result = mergeDeprecations(REVISIONS, schemas, [
      proseOf('2025-01-01', ROOTS.replace('since=2026-01-01', 'since=2025-01-01').replace('2027-01-01', '2026-06-01')),
    ]);
    const roots = result.deprecations.find((d) => d.feature === 'Roots')!;
    expect(roots.removedIn).toBe('2026-01-01');
    expect(messages(result)).toEqual([
      'spec/2025-01-01/features.md:5: Roots is removed in 2026-01-01, before its announced removal date 2026-06-01',
    ]);
  });
});

describe('the deprecated-features registry', () => {
  it('lists every @deprecated type and field and every prose marker, with the revision that deprecated it', () => {
    const { deprecations, problems } = deprecationRegistry();
    expect(problems.map((p) => p.format())).toEqual([]);
    const logging = deprecations.find((d) =>
      d.sources.some((s) => s.kind === 'schema' && s.feature === 'RequestMetaObject.io.modelcontextprotocol/logLevel'),
    );
    expect(logging).toMatchObject({ feature: 'Logging', since: '2026-07-28', removal: '2027-07-28' });
    expect(logging?.migration).toMatch(/instead/);
    expect(logging?.sources).toContainEqual(
      expect.objectContaining({
        kind: 'prose',
        revision: 'draft',
        page: 'server/utilities/logging',
        anchor: 'deprecated-logging',
      }),
    );
    expect(deprecations.map((d) => d.feature)).toEqual(
      expect.arrayContaining([
        'Dynamic Client Registration',
        'Roots',
        'Sampling',
        'HTTP+SSE transport of revision 2024-11-05',
      ]),
    );
    // Every deprecated schema feature of the draft is covered by a marker of the draft's prose.
    expect(deprecations.filter((d) => !d.sources.some((s) => s.kind === 'prose'))).toEqual([]);
    expect(deprecations.every((d) => d.removedIn === undefined)).toBe(true);
  });
});

describe('npm run check on deprecations', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.dispose());

  it('fails a deprecation without a migration path, naming file and line', () => {
    repo = copyRepo();
    const file = 'schema/draft/schema.ts';
    repo.write(
      file,
      repo
        .read(file)
        .replace(
          /@deprecated Deprecated in revision 2026-07-28 by SEP-2577 along with roots,[\s\S]*?instead\./,
          '@deprecated No longer recommended.',
        ),
    );
    const result = repo.run('scripts/check.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /error: schema\/2026-07-28\/schema\.ts:\d+: @deprecated on \S+ names no migration path|error: schema\/draft\/schema\.ts:\d+: @deprecated on \S+ names no migration path/,
    );
  });

  it('fails a malformed prose marker through the prose problems, naming file and line', () => {
    repo = copyRepo();
    const file = 'spec/draft/client/roots.md';
    repo.write(
      file,
      repo.read(file).replace(/:deprecated\[Roots\]\{since=2026-07-28/, ':deprecated[Roots]{since=someday'),
    );
    const result = repo.run('scripts/check.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /error: spec\/draft\/client\/roots\.md:\d+: :deprecated\[Roots\]\{since=someday\}: "since" must be a revision id/,
    );
  });

  it('fails a removal less than twelve months after the deprecation', () => {
    repo = copyRepo();
    cpSync(repo.path('schema/draft'), repo.path('schema/2026-09-01'), { recursive: true });
    const source = repo.read('schema/2026-09-01/schema.ts');
    repo.write(
      'schema/2026-09-01/schema.ts',
      source.replace(
        /\n(\s*\/\*\*(?:(?!\*\/)[\s\S])*?\*\/\s*)?"io\.modelcontextprotocol\/logLevel"\?: LoggingLevel;/,
        '',
      ),
    );
    const registry = JSON.parse(repo.read('schema/revisions.json'));
    registry.revisions.splice(-1, 0, { ...registry.revisions.at(-1), id: '2026-09-01', status: 'final' });
    repo.write('schema/revisions.json', JSON.stringify(registry, null, 2));
    const result = repo.run('scripts/check.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'schema/2026-09-01/schema.ts: RequestMetaObject.io.modelcontextprotocol/logLevel was deprecated in 2026-07-28 and removed in 2026-09-01, less than 12 months later',
    );
  });
});
