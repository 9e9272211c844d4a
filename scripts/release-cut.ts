/**
 * `npm run release:cut -- <YYYY-MM-DD> [--dry-run]`: promotes `draft` to the dated final revision `<date>`
 * (the work is in `scripts/lib/release.ts`). With `--dry-run` it lists every file it would create or modify
 * and writes nothing.
 *
 * Exit codes: 0 done, 2 usage (no date, a malformed or impossible date, an unknown option), 1 the cut cannot
 * be made in this checkout (the revision exists, the date is not after the newest revision, ...).
 */
import { parseArgs } from 'node:util';
import { UsageError, runMain } from './lib/cli.ts';
import { cutRelease } from './lib/release.ts';

const USAGE = 'usage: npm run release:cut -- <YYYY-MM-DD> [--dry-run]';

await runMain(() => {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const dryRun = values['dry-run'] ?? false;
  const report = cutRelease(positionals[0]!, { dryRun });

  console.log(
    dryRun
      ? `dry run: cutting revision ${report.date} from draft would make these changes (nothing written):`
      : `cut revision ${report.date} from draft:`,
  );
  for (const change of report.changes) {
    console.log(`  ${change.action.padEnd(6)}  ${change.path}  (${change.detail})`);
  }
  for (const note of report.notes) console.log(`note: ${note}`);
  const created = report.changes.filter((c) => c.action === 'create').length;
  const updated = report.changes.length - created;
  console.log(
    dryRun
      ? `dry run: would create ${created} file(s) and update ${updated}; nothing written`
      : `created ${created} file(s) and updated ${updated}; revision ${report.date} is final with ` +
          `${Object.keys(report.entry.frozen ?? {}).length} frozen file(s)`,
  );
  return 0;
});

function parseCommandLine() {
  return parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
}
