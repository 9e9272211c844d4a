/**
 * `npm run schema:diff -- <from> <to> [--json]`: what changed between two revisions, classified for
 * senders and receivers. Each side is a revision id, `latest`, or a path to a schema.json file.
 */
import { parseArgs } from 'node:util';
import { getRevision, loadSchema } from '../schema/index.ts';
import { UsageError, runMain } from './lib/cli.ts';
import { readJsonFile, stringifyJson } from './lib/json.ts';
import { diffSchemas, renderDiffMarkdown } from './lib/schema-diff.ts';

const USAGE = 'usage: npm run schema:diff -- <from> <to> [--json]   (a revision id, "latest", or a schema.json path)';

function load(side: string): { label: string; schema: unknown } {
  if (side.endsWith('.json')) return { label: side, schema: readJsonFile(side) };
  const revision = getRevision(side);
  return { label: revision.id, schema: loadSchema(revision.id) };
}

await runMain(() => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError(USAGE);
  const [fromArg, toArg] = parsed.positionals as [string, string];
  const from = load(fromArg);
  const to = load(toArg);
  let diff;
  try {
    diff = diffSchemas(from.label, from.schema, to.label, to.schema);
  } catch (error) {
    throw new UsageError(`cannot compare: ${(error as Error).message}`);
  }
  process.stdout.write(parsed.values.json ? stringifyJson(diff) : renderDiffMarkdown(diff));
  return 0;
});
