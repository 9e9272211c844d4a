import { cpSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../../test/fixtures/repo.ts';
import { deprecationRegistry } from './deprecations.ts';

describe('the deprecated-features registry', () => {
  it('lists every @deprecated type and field with the revision that deprecated it', () => {
    const { deprecations, problems } = deprecationRegistry();
    expect(problems.map((p) => p.format())).toEqual([]);
    const logLevel = deprecations.find((d) => d.feature === 'RequestMetaObject.io.modelcontextprotocol/logLevel');
    expect(logLevel).toMatchObject({ since: '2026-07-28' });
    expect(logLevel?.migration).toMatch(/instead/);
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
