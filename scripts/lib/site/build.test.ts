/** `npm run site` on a copy of the repository: what it produces, what it refuses, and that it never half-writes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../../../test/fixtures/repo.ts';
import { latestRevision } from '../../../schema/registry.ts';

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
      expect(JSON.parse(read(`${revision.id}/schema.json`)).$id).toContain(revision.id);
    }
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

  it('numbers sections and gives headings permalinks', () => {
    const html = read(`${latest}/server/tools/index.html`);
    expect(html).toMatch(/<h2 id="[^"]+"><span class="section-number">\d+\.\d+\.1 <\/span>/);
    expect(html).toContain('class="permalink"');
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
