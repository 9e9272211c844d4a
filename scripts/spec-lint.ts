/**
 * `npm run spec:lint -- [revision | file.md ...]`: checks the prose markers and prints requirement counts per
 * page. Without arguments it checks every revision that has prose.
 */
import { resolve } from 'node:path';
import { getRevision, revisionIds } from '../schema/registry.ts';
import { runMain } from './lib/cli.ts';
import { readText } from './lib/json.ts';
import { loadProse, pagePath, specDir } from './lib/spec.ts';
import { parsePage } from './lib/spec-markdown.ts';

await runMain(() => {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => arg.endsWith('.md'));
  const ids = args.filter((arg) => !arg.endsWith('.md')).map((id) => getRevision(id).id);
  let problems = 0;
  for (const file of files.map((f) => resolve(f))) {
    const revision = revisionIds().find((id) => file.startsWith(`${specDir(id)}/`)) ?? '';
    const page = parsePage(file, revision ? pagePath(revision, file) : file, readText(file));
    console.log(`${String(page.requirements.length).padStart(4)}  ${file}`);
    for (const problem of page.problems) console.error(`error: ${problem.format()}`);
    problems += page.problems.length;
  }
  for (const id of ids.length || files.length ? ids : revisionIds()) {
    const prose = loadProse(id);
    if (prose.pages.length === 0) continue;
    console.log(`${id}: ${prose.pages.length} pages, ${prose.requirements.length} requirements`);
    for (const page of prose.pages) {
      console.log(`  ${String(page.requirements.length).padStart(4)}  ${page.page || '(index)'}`);
    }
    for (const problem of prose.problems) console.error(`error: ${problem.format()}`);
    problems += prose.problems.length;
  }
  return problems > 0 ? 1 : 0;
});
