/** End-to-end: the real `release:cut` command, run on copies of the repository. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, type CommandResult, type RepoCopy } from '../../test/fixtures/repo.ts';
import { parseRegistry } from '../../schema/registry.ts';
import { frozenFiles, hashFile } from './freeze.ts';
import { checkReleaseDate, freshChangelog } from './release.ts';
import { parsePage } from './spec-markdown.ts';

const CUT = 'scripts/release-cut.ts';
const DATE = '2027-03-15';

/** Every file of the copy (node_modules aside) with a hash of its content: any write shows up. */
function snapshot(repo: RepoCopy): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (path === repo.path('node_modules')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else
        files.set(
          relative(repo.root, path).split(sep).join('/'),
          createHash('sha1').update(readFileSync(path)).digest('hex'),
        );
    }
  };
  walk(repo.root);
  return files;
}

/** Bad input: one `error:` line, a non-zero exit, no stack trace. */
function expectOneLineError(result: CommandResult, status: number, message: string | RegExp): void {
  expect(result.status).toBe(status);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('checkReleaseDate and freshChangelog', () => {
  it('accepts real dates only', () => {
    expect(checkReleaseDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '2027-00-10', '2027-3-15', '20270315', 'draft', '']) {
      expect(() => checkReleaseDate(bad)).toThrow();
    }
  });

  it('writes a changelog page that parses without requirements or BCP 14 keywords', () => {
    const text = freshChangelog(DATE, 100, 'both');
    const page = parsePage('/x/spec/draft/changelog.md', 'changelog', text);
    expect(page.problems).toEqual([]);
    expect(page.requirements).toEqual([]);
    expect(page.frontMatter.title).toBe(`Changes since ${DATE}`);
    expect(page.frontMatter.order).toBe(100);
    expect(text).not.toMatch(/\b(MUST|SHALL|SHOULD|REQUIRED|RECOMMENDED|MAY|OPTIONAL)\b/);
  });
});

describe('npm run release:cut, without effect', () => {
  let repo: RepoCopy;
  let before: Map<string, string>;
  beforeAll(() => {
    repo = copyRepo();
    before = snapshot(repo);
  });
  afterAll(() => repo.dispose());

  it('--dry-run lists every planned change and writes nothing', () => {
    const registryBefore = repo.read('schema/revisions.json');
    const result = repo.run(CUT, [DATE, '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const [action, path] of [
      ['create', `schema/${DATE}/schema.ts`],
      ['create', `schema/${DATE}/examples/CallToolRequest/`],
      ['create', `spec/${DATE}/index.md`],
      ['create', `spec/${DATE}/changelog.md`],
      ['update', 'schema/revisions.json'],
      ['update', 'spec/draft/changelog.md'],
      ['create', `schema/${DATE}/schema.json`],
      ['create', `schema/${DATE}/CHANGES.md`],
      ['create', `spec/${DATE}/requirements.json`],
      ['update', 'schema/draft/CHANGES.md'],
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${action}\\s+${path}`, 'm'));
    }
    // Every source file of the draft is listed, each once.
    const examples = [...before.keys()].filter((f) => f.startsWith('schema/draft/examples/'));
    for (const example of examples) {
      expect(result.stdout).toContain(example.replace('schema/draft/', `schema/${DATE}/`));
    }
    expect(result.stdout).not.toContain(`spec/${DATE}/requirements.json  (from`);
    expect(result.stdout).toMatch(/add revision 2027-03-15 \(final, 2020-12, stateless, stdio, streamable-http\)/);
    expect(result.stdout).toContain('nothing written');
    expect(repo.read('schema/revisions.json')).toBe(registryBefore);
    expect(snapshot(repo)).toEqual(before);
  });

  it.each([
    ['2027-02-30', 2, /"2027-02-30" is not a calendar date/],
    ['2027-3-15', 2, /not a date: expected YYYY-MM-DD/],
    ['2026-07-28', 1, /revision 2026-07-28 already exists/],
    ['2020-01-01', 1, /must be later than the newest revision, 2026-07-28/],
  ])('rejects %s with one line and writes nothing', (date, status, message) => {
    expectOneLineError(repo.run(CUT, [date]), status, message);
    expect(snapshot(repo)).toEqual(before);
  });

  it('rejects a missing date, extra arguments and unknown options as usage errors', () => {
    expectOneLineError(repo.run(CUT), 2, /usage: npm run release:cut -- <YYYY-MM-DD> \[--dry-run\]/);
    expectOneLineError(repo.run(CUT, ['--dry-run']), 2, /usage:/);
    expectOneLineError(repo.run(CUT, [DATE, '2027-03-16']), 2, /usage:/);
    expectOneLineError(repo.run(CUT, [DATE, '--force']), 2, /usage:/);
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('npm run release:cut, for real', () => {
  let repo: RepoCopy | undefined;
  afterAll(() => repo?.dispose());

  it(`cuts ${DATE}: stamped, registered, frozen, regenerated; check and site pass`, { timeout: 240_000 }, () => {
    repo = copyRepo();
    const r = repo;
    const draftVersion = /LATEST_PROTOCOL_VERSION = "([^"]+)"/.exec(r.read('schema/draft/schema.ts'))![1]!;
    const draftChangelog = parsePage(r.path('spec/draft/changelog.md'), 'changelog', r.read('spec/draft/changelog.md'));
    // A feature the draft deprecates: the cut names the new revision as the one that deprecated it.
    const marker = ':deprecated[Conformance test feature]{since=draft migration="Use the newer feature instead."}';
    r.write('spec/draft/server/tools.md', `${r.read('spec/draft/server/tools.md')}\nA feature: ${marker}.\n`);

    const result = r.run(CUT, [DATE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`revision ${DATE} is final`);

    // The new schema: stamped constant and header, links into the new revision's pages.
    const source = r.read(`schema/${DATE}/schema.ts`);
    expect(source).toContain(`export const LATEST_PROTOCOL_VERSION = "${DATE}";`);
    expect(source).not.toContain('/specification/draft/');
    expect(source).toContain(`/specification/${DATE}/`);
    expect(source).toContain(`Model Context Protocol, revision ${DATE}.`);
    // Generated files are regenerated, not copied; sources are copied.
    for (const file of [
      `schema/${DATE}/schema.json`,
      `schema/${DATE}/CHANGES.md`,
      `spec/${DATE}/requirements.json`,
      `spec/${DATE}/index.md`,
    ]) {
      expect(existsSync(r.path(file)), file).toBe(true);
    }
    expect(JSON.parse(r.read(`schema/${DATE}/schema.json`)).$id).toBe(
      `https://mcp-spec.dev/schema/${DATE}/schema.json`,
    );
    expect(JSON.parse(r.read(`spec/${DATE}/requirements.json`)).revision).toBe(DATE);
    expect(r.read('schema/draft/CHANGES.md')).toContain(`from ${DATE} to draft`);
    expect(readdirSync(r.path(`schema/${DATE}/examples`))).toEqual(readdirSync(r.path('schema/draft/examples')));
    // Examples and prose are copied as they are: version strings are not rewritten.
    expect(r.read(`spec/${DATE}/server/tools.md`)).toBe(r.read('spec/draft/server/tools.md'));
    expect(r.read(`spec/${DATE}/server/tools.md`)).toContain(`"${draftVersion}"`);
    expect(r.read(`spec/${DATE}/server/tools.md`)).toContain(`{since=${DATE} migration=`);
    expect(r.read('spec/draft/server/tools.md')).not.toContain('since=draft');

    // The registry: final, just before draft, same dialect, era and transports, every frozen file hashed.
    const registry = parseRegistry(JSON.parse(r.read('schema/revisions.json')));
    const ids = registry.revisions.map((rev) => rev.id);
    expect(ids.slice(-2)).toEqual([DATE, 'draft']);
    const entry = registry.revisions.at(-2)!;
    const draft = registry.revisions.at(-1)!;
    expect(entry).toMatchObject({
      status: 'final',
      dialect: draft.dialect,
      era: draft.era,
      transports: draft.transports,
    });
    const frozen = frozenFiles(entry, r.root);
    expect(frozen).toContain(`schema/${DATE}/schema.ts`);
    expect(frozen).toContain(`spec/${DATE}/changelog.md`);
    expect(Object.keys(entry.frozen!).sort()).toEqual([...frozen].sort());
    for (const file of frozen) expect(entry.frozen![file], file).toBe(hashFile(file, r.root));

    // The draft changelog starts over, in the same place.
    const fresh = parsePage(r.path('spec/draft/changelog.md'), 'changelog', r.read('spec/draft/changelog.md'));
    expect(fresh.frontMatter.title).toBe(`Changes since ${DATE}`);
    expect(fresh.frontMatter.order).toBe(draftChangelog.frontMatter.order);
    expect(fresh.requirements).toEqual([]);
    expect(fresh.problems).toEqual([]);

    // The cut checkout passes everything and builds.
    const check = r.run('scripts/check.ts');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const site = r.run('scripts/site.ts', [r.path('site-out')]);
    expect(site.stderr).toBe('');
    expect(site.status).toBe(0);
    expect(site.stdout).toContain(`${DATE}: `);
    expect(existsSync(r.path(`site-out/${DATE}/index.html`))).toBe(true);
    expect(readFileSync(r.path('site-out/latest/index.html'), 'utf8')).toContain(`/${DATE}/`);

    // The new revision is frozen: editing its schema fails the check, naming the file.
    r.write(`schema/${DATE}/schema.ts`, `${source}\n// Edited after the cut.\n`);
    const edited = r.run('scripts/check.ts');
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain(`error: schema/${DATE}/schema.ts: revision ${DATE} is final and frozen`);
    expect(edited.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run release:cut, failing after it started', () => {
  let repo: RepoCopy | undefined;
  afterAll(() => repo?.dispose());

  it('restores the checkout when regeneration fails', () => {
    repo = copyRepo();
    const r = repo;
    r.write('schema/draft/schema.ts', `${r.read('schema/draft/schema.ts')}\nexport type Broken = NoSuchType;\n`);
    const before = snapshot(r);
    const result = r.run(CUT, [DATE]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: .*schema\.ts:\d+: TS2304/m);
    expect(result.stderr).not.toContain('internal error');
    expect(snapshot(r)).toEqual(before);
  });
});

describe('npm run release:cut, from a dirty git checkout', () => {
  let repo: RepoCopy | undefined;
  afterAll(() => repo?.dispose());

  it('refuses before writing anything', () => {
    repo = copyRepo();
    const r = repo;
    r.commitAll();
    r.write('spec/draft/index.md', `${r.read('spec/draft/index.md')}\nAn uncommitted edit.\n`);
    const before = snapshot(r);
    const result = r.run(CUT, [DATE]);
    expectOneLineError(
      result,
      1,
      /the working tree has 1 uncommitted change \(first: spec\/draft\/index\.md\): commit or stash/,
    );
    expect(snapshot(r)).toEqual(before);
  });
});
