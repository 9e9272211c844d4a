/** A change to the published package (`conformance/src`) needs a changeset describing it for users. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT } from '../../schema/registry.ts';

function gitLines(args: string[], root: string): string[] {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Files changed since `base`, committed or not, under a path. */
function changedSince(base: string, path: string, root: string, filter?: string): string[] {
  const committedAndStaged = gitLines(
    ['diff', '--name-only', ...(filter ? [`--diff-filter=${filter}`] : []), base, '--', path],
    root,
  );
  const untracked = gitLines(['ls-files', '--others', '--exclude-standard', '--', path], root);
  return [...new Set([...committedAndStaged, ...untracked])];
}

export function checkChangesets(base: string | undefined, root: string = REPO_ROOT): UserError[] {
  if (!base) return [];
  const changed = changedSince(base, 'conformance/src', root);
  if (changed.length === 0) return [];
  const changesets = changedSince(base, '.changeset', root, 'A').filter(
    (f) => f.endsWith('.md') && !f.endsWith('README.md'),
  );
  if (changesets.length > 0) return [];
  return [
    new UserError(
      `conformance/src changed (${changed.length} file${changed.length === 1 ? '' : 's'}) but no changeset was added: ` +
        'run `npx changeset` and describe the change for users',
      join(root, changed[0]!),
    ),
  ];
}
