/**
 * `npm run freeze -- <revision>` records the hashes that freeze a final revision.
 * `npm run errata -- <revision> "summary"` records an accepted correction to a frozen one.
 */
import { parseArgs } from 'node:util';
import { REGISTRY_FILE, getRevision, loadRegistry } from '../schema/registry.ts';
import { UserError } from '../schema/errors.ts';
import { UsageError, runMain } from './lib/cli.ts';
import { expectedHashes, frozenFiles, hashFile } from './lib/freeze.ts';
import { stringifyJson, writeFileAtomic } from './lib/json.ts';

await runMain(() => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { errata: { type: 'boolean' }, date: { type: 'string' } },
  });
  const registry = loadRegistry();
  const [id, summary] = positionals;
  if (!id) throw new UsageError('usage: npm run freeze -- <revision> | npm run errata -- <revision> "summary"');
  const revision = registry.revisions.find((r) => r.id === getRevision(id, registry).id)!;
  if (revision.status !== 'final')
    throw new UserError(`revision ${revision.id} is a draft; only final revisions freeze`);
  const hashes = Object.fromEntries(frozenFiles(revision).map((file) => [file, hashFile(file)]));

  if (!values.errata) {
    // Freezing records files not frozen yet (a new revision, or prose added to one); a frozen file changes only by erratum.
    const known = revision.frozen ?? {};
    const added = Object.fromEntries(Object.entries(hashes).filter(([file]) => !(file in known)));
    if (Object.keys(added).length === 0) {
      throw new UserError(
        `every file of ${revision.id} is already frozen; record a correction with \`npm run errata -- ${revision.id} "summary"\``,
      );
    }
    revision.frozen = Object.fromEntries(Object.entries({ ...known, ...added }).sort(([a], [b]) => (a < b ? -1 : 1)));
    console.log(`froze ${Object.keys(added).length} file(s) of ${revision.id}`);
  } else {
    if (!summary?.trim()) throw new UsageError('usage: npm run errata -- <revision> "what the erratum corrects"');
    if (!revision.frozen)
      throw new UserError(`revision ${revision.id} is not frozen yet: run \`npm run freeze -- ${revision.id}\``);
    const expected = expectedHashes(revision);
    const changed = Object.fromEntries(Object.entries(hashes).filter(([file, hash]) => expected.get(file) !== hash));
    if (Object.keys(changed).length === 0)
      throw new UserError(`no frozen file of ${revision.id} changed: nothing to record`);
    const date = values.date ?? new Date().toISOString().slice(0, 10);
    revision.errata = [...(revision.errata ?? []), { date, summary: summary.trim(), files: changed }];
  }
  writeFileAtomic(REGISTRY_FILE, stringifyJson(registry));
  if (values.errata)
    console.log(`recorded an erratum for ${revision.id}: ${Object.keys(revision.errata!.at(-1)!.files).join(', ')}`);
  return 0;
});
