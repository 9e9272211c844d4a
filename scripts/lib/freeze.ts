/** Freeze hashes: a final revision's source may only change together with an errata entry. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT, type Registry, type Revision } from '../../schema/registry.ts';
import { listFiles, readText } from './json.ts';

/** Repository-relative paths of the files a final revision freezes: its schema source and its prose. */
export function frozenFiles(revision: Revision, root: string = REPO_ROOT): string[] {
  const files = [`schema/${revision.id}/schema.ts`];
  const spec = `spec/${revision.id}`;
  files.push(
    ...listFiles(join(root, spec))
      .filter((file) => file.endsWith('.md'))
      .map((file) => `${spec}/${file}`),
  );
  return files;
}

/** `sha256-<hex>` of a file's text with line endings normalised, so a CRLF checkout hashes the same. */
export function hashFile(relativePath: string, root: string = REPO_ROOT): string {
  const text = readText(join(root, relativePath)).replace(/\r\n/g, '\n');
  return `sha256-${createHash('sha256').update(text).digest('hex')}`;
}

/** The hash each frozen file must have now: the newest erratum that touched it wins over the freeze. */
export function expectedHashes(revision: Revision): Map<string, string> {
  const expected = new Map(Object.entries(revision.frozen ?? {}));
  for (const erratum of revision.errata ?? []) {
    for (const [file, hash] of Object.entries(erratum.files)) expected.set(file, hash);
  }
  return expected;
}

/** One error per final revision that is unfrozen, or whose frozen file changed without an erratum. */
export function checkFrozen(registry: Registry, registryFile: string, root: string = REPO_ROOT): UserError[] {
  const problems: UserError[] = [];
  for (const revision of registry.revisions) {
    if (revision.status !== 'final') continue;
    if (!revision.frozen) {
      problems.push(
        new UserError(
          `final revision ${revision.id} has no freeze hashes: run \`npm run freeze -- ${revision.id}\``,
          registryFile,
        ),
      );
      continue;
    }
    const expected = expectedHashes(revision);
    for (const file of frozenFiles(revision, root)) {
      if (!expected.has(file)) {
        problems.push(
          new UserError(
            `revision ${revision.id} is final, but this file is not frozen: freeze it with \`npm run freeze -- ${revision.id}\``,
            join(root, file),
          ),
        );
      }
    }
    for (const [file, hash] of expected) {
      let actual: string;
      try {
        actual = hashFile(file, root);
      } catch (error) {
        problems.push(error instanceof UserError ? error : new UserError(String(error), join(root, file)));
        continue;
      }
      if (actual !== hash) {
        problems.push(
          new UserError(
            `revision ${revision.id} is final and frozen, but this file changed. Revert the change, make it in ` +
              `schema/draft instead, or record an erratum: \`npm run errata -- ${revision.id} "what it corrects"\``,
            join(root, file),
          ),
        );
      }
    }
  }
  return problems;
}
