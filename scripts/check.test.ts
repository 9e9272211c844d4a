/** End-to-end: the real `generate`, `check`, `schema:diff` and `errata` commands, run on a copy of the repository. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { copyRepo, type CommandResult, type RepoCopy } from '../test/fixtures/repo.ts';

let repo: RepoCopy | undefined;
afterEach(() => repo?.dispose());

function fresh(): RepoCopy {
  repo = copyRepo();
  return repo;
}

/** Bad input must give clear lines, never a stack trace. */
function expectCleanFailure(result: CommandResult, status = 1): void {
  expect(result.status).toBe(status);
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(result.stderr).not.toContain('internal error');
}

describe('npm run check', () => {
  it('passes on the committed repository', () => {
    const result = fresh().run('scripts/check.ts');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('check passed');
  });

  it('fails, naming the file, when the draft schema.ts is edited without regenerating', () => {
    const r = fresh();
    const source = r.read('schema/draft/schema.ts');
    r.write(
      'schema/draft/schema.ts',
      `${source}\n/** A type added by the test. */\nexport interface AddedByTest {\n  /** A field. */\n  field: string;\n}\n`,
    );
    const result = r.run('scripts/check.ts');
    expectCleanFailure(result);
    expect(result.stderr).toContain('error: schema/draft/schema.json: generated file is stale');
    // Regenerating makes it pass again.
    expect(r.run('scripts/generate.ts').status).toBe(0);
    expect(r.run('scripts/check.ts').status).toBe(0);
  });

  it('fails, naming the file, when a final revision is edited, until an erratum records it', () => {
    const r = fresh();
    const file = 'schema/2024-11-05/schema.ts';
    r.write(file, `${r.read(file)}\n// An edit to a frozen revision.\n`);
    const result = r.run('scripts/check.ts');
    expectCleanFailure(result);
    expect(result.stderr).toContain(`error: ${file}: revision 2024-11-05 is final and frozen, but this file changed`);

    const errata = r.run('scripts/freeze.ts', ['--errata', '2024-11-05', 'Clarify a comment', '--date', '2026-11-23']);
    expect(errata.stderr).toBe('');
    expect(errata.status).toBe(0);
    expect(JSON.parse(r.read('schema/revisions.json')).revisions[0].errata.at(-1)).toMatchObject({
      date: '2026-11-23',
      summary: 'Clarify a comment',
    });
    expect(r.run('scripts/check.ts').status).toBe(0);
  });

  it('reports bad examples: unknown type folder, not JSON, unreadable, wrongly accepted or rejected', () => {
    const r = fresh();
    r.write('schema/draft/examples/NoSuchType/x.json', '{}\n');
    r.write('schema/draft/examples/Tool/broken.json', '{ "name": ');
    mkdirSync(r.path('schema/draft/examples/Tool/folder.json'));
    symlinkSync(r.path('nowhere.json'), r.path('schema/draft/examples/Tool/dangling.json'));
    r.write('schema/draft/examples/Tool/missing-input-schema.json', '{ "name": "t" }\n');
    r.write(
      'schema/draft/examples/Tool/invalid/actually-fine.json',
      '{ "name": "t", "inputSchema": { "type": "object" } }\n',
    );
    const result = r.run('scripts/check.ts');
    expectCleanFailure(result);
    const lines = result.stderr;
    expect(lines).toContain(
      'schema/draft/examples/NoSuchType: examples folder names "NoSuchType", which is not a definition of revision draft',
    );
    expect(lines).toMatch(/schema\/draft\/examples\/Tool\/broken\.json: example is not valid JSON/);
    expect(lines).toContain('schema/draft/examples/Tool/folder.json: is a directory, expected a file');
    expect(lines).toContain('schema/draft/examples/Tool/dangling.json: file not found');
    expect(lines).toMatch(
      /schema\/draft\/examples\/Tool\/missing-input-schema\.json: valid example rejected by Tool: \(root\): must have required property 'inputSchema'/,
    );
    expect(lines).toContain('schema/draft/examples/Tool/invalid/actually-fine.json: invalid example accepted by Tool');
  });
});

describe('npm run generate', () => {
  it('reports a syntax error with file and line, and writes nothing', () => {
    const r = fresh();
    const before = r.read('schema/draft/schema.json');
    r.write(
      'schema/draft/schema.ts',
      `${r.read('schema/draft/schema.ts')}\nexport interface Broken {\n  field: string\n`,
    );
    const result = r.run('scripts/generate.ts');
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/^error: schema\/draft\/schema\.ts:\d+: TS1005 at column \d+: '}' expected\./m);
    expect(r.read('schema/draft/schema.json')).toBe(before);
    expect(result.stdout).toBe('');
  });

  it('reports a type error with file and line', () => {
    const r = fresh();
    r.write('schema/draft/schema.ts', `${r.read('schema/draft/schema.ts')}\nexport type Broken = DoesNotExist;\n`);
    const result = r.run('scripts/generate.ts');
    expectCleanFailure(result);
    expect(result.stderr).toMatch(
      /^error: schema\/draft\/schema\.ts:\d+: TS2304 at column \d+: Cannot find name 'DoesNotExist'\./m,
    );
  });

  it('reports a schema.ts that is not a file, and one that is missing', () => {
    const r = fresh();
    rmSync(r.path('schema/draft/schema.ts'));
    mkdirSync(r.path('schema/draft/schema.ts'));
    expect(r.run('scripts/generate.ts').stderr).toBe('error: schema/draft/schema.ts: expected a file\n');
    rmSync(r.path('schema/draft/schema.ts'), { recursive: true });
    const missing = r.run('scripts/generate.ts');
    expectCleanFailure(missing);
    expect(missing.stderr).toBe(
      'error: schema/draft/schema.ts: schema source not found: every revision needs a schema.ts\n',
    );
  });

  it('reports a malformed registry', () => {
    const r = fresh();
    r.write('schema/revisions.json', '{ "revisions": [');
    const result = r.run('scripts/generate.ts');
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/^error: schema\/revisions\.json: not valid JSON/);
  });

  it('changes nothing when run twice', () => {
    const r = fresh();
    const first = r.run('scripts/generate.ts');
    expect(first.status).toBe(0);
    expect(first.stdout).not.toMatch(/^(created|updated) /m);
  });
});

describe('npm run schema:diff', () => {
  it('prints Markdown by default and JSON with --json', () => {
    const r = fresh();
    const markdown = r.run('scripts/schema-diff.ts', ['2025-06-18', '2025-11-25']);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('# Schema changes from 2025-06-18 to 2025-11-25');
    expect(markdown.stdout).toContain('## Definitions added');
    const json = r.run('scripts/schema-diff.ts', ['2025-06-18', 'latest', '--json']);
    expect(json.status).toBe(0);
    const diff = JSON.parse(json.stdout);
    expect(diff.from).toBe('2025-06-18');
    expect(diff.added).toContain('DiscoverRequest');
    expect(diff.changes[0]).toHaveProperty('senders');
  });

  it('rejects an unknown revision and bad usage with exit 2', () => {
    const r = fresh();
    const unknown = r.run('scripts/schema-diff.ts', ['2025-06-18', '1999-01-01']);
    expectCleanFailure(unknown, 2);
    expect(unknown.stderr).toContain('error: unknown revision "1999-01-01"; known revisions:');
    const usage = r.run('scripts/schema-diff.ts', ['2025-06-18']);
    expectCleanFailure(usage, 2);
    expect(usage.stderr).toContain('usage: npm run schema:diff');
    const missing = r.run('scripts/schema-diff.ts', ['nowhere.json', 'latest']);
    expectCleanFailure(missing, 1);
    expect(missing.stderr).toBe('error: nowhere.json: file not found\n');
  });
});
