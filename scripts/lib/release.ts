/**
 * `npm run release:cut -- <date>`: promotes `draft` to the dated final revision `<date>` in one step.
 *
 * The cut copies the draft's sources (`schema/draft/schema.ts` and `examples/`, the prose in `spec/draft/`) to
 * `<date>`, stamps the new schema's version constant and points its draft links at the new revision, stamps the
 * new revision into deprecation markers that say `since=draft` (in the copy and in the draft), registers
 * the revision as final and frozen, resets the draft's changelog and regenerates every derived file.
 *
 * Everything is validated and every new source file is computed in memory before anything is written; if a
 * later step fails (typically regeneration, on a type error in the draft), the files written so far are
 * restored, so a failed cut leaves the checkout as it was.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT, loadRegistry, registry, revisionIds, type Revision } from '../../schema/registry.ts';
import { UsageError } from './cli.ts';
import { frozenFiles, hashFile } from './freeze.ts';
import { compareCodePoints, listFiles, readText, stringifyJson, writeFileAtomic } from './json.ts';
import { produceOutputs } from './outputs.ts';
import { parsePage } from './spec-markdown.ts';

export interface ReleaseOptions {
  /** Plan only: compute and return every change, write nothing. */
  dryRun?: boolean;
  /**
   * The checkout to cut in. Defaults to the checkout these modules live in, and a real cut must run there:
   * regeneration goes through modules whose paths are fixed to their own checkout. A dry run reads only
   * files, so it works on any checkout.
   */
  root?: string;
}

export interface ReleaseChange {
  action: 'create' | 'update';
  /** Repository-relative path with forward slashes. */
  path: string;
  /** What the change is, for the console. */
  detail: string;
}

export interface ReleaseReport {
  date: string;
  dryRun: boolean;
  /** Every file created or modified, in the order the cut writes them (generated files last). */
  changes: ReleaseChange[];
  /** The entry added to `schema/revisions.json`, before `draft`. */
  entry: Revision;
  /** The draft's `LATEST_PROTOCOL_VERSION` before the cut, e.g. `2026-07-28`. */
  previousVersion: string;
  /** Things for the release manager to review; not errors. */
  notes: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const USAGE = 'usage: npm run release:cut -- <YYYY-MM-DD> [--dry-run]';
/** `export const LATEST_PROTOCOL_VERSION = "…";`, with the quote captured so the stamp keeps the style. */
const LATEST_CONSTANT = /(export\s+const\s+LATEST_PROTOCOL_VERSION\s*(?::[^=]*)?=\s*)(["'])([^"'\n]*)\2/;
/** Links into the draft's pages, `/specification/draft/...` (not `/specification/drafts`, `draft-x`). */
const DRAFT_LINK = /\/specification\/draft(?=[/#?)\s"'`]|$)/gm;
/** The first line of the draft schema's header comment, which a final revision states as `revision <date>.`. */
const DRAFT_HEADER = /^(\s*\*\s*Model Context Protocol, )draft revision\b[^\n]*$/m;

/** Files of `schema/draft/` that `npm run generate` writes; the cut regenerates them for the new revision. */
const GENERATED_SCHEMA_FILES = new Set(['schema.json', 'CHANGES.md']);
/** Files of `spec/draft/` that `npm run generate` writes. */
const GENERATED_SPEC_FILES = new Set(['requirements.json']);

/** Checks the argument is a real calendar date, `YYYY-MM-DD`; a bad one is a usage error (exit 2). */
export function checkReleaseDate(date: string | undefined): string {
  if (date === undefined || date === '') throw new UsageError(USAGE);
  if (!DATE.test(date)) throw new UsageError(`"${date}" is not a date: expected YYYY-MM-DD, e.g. 2027-03-15`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw new UsageError(`"${date}" is not a calendar date`);
  }
  return date;
}

/** Repository-relative, forward slashes: how the registry and the console name files. */
function repoPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** One file of the new revision: copied byte for byte, or with new text. */
interface NewFile {
  from: string;
  to: string;
  text?: string;
  detail: string;
}

function rewriteDraftLinks(text: string, date: string): { text: string; links: number } {
  return { text: text.replace(DRAFT_LINK, `/specification/${date}`), links: (text.match(DRAFT_LINK) ?? []).length };
}

/** `since=draft` in a deprecation marker: the feature is deprecated by whichever revision the draft becomes. */
const DRAFT_SINCE = /(:deprecated\[[^\]\n]*\]\{[^}\n]*\bsince=)draft\b/g;

/** Stamps the new revision into the deprecation markers that say `since=draft`. */
export function stampDeprecations(text: string, date: string): { text: string; stamped: number } {
  return { text: text.replace(DRAFT_SINCE, `$1${date}`), stamped: (text.match(DRAFT_SINCE) ?? []).length };
}

/** The draft changelog after a cut: nothing has changed since the new revision yet. No BCP 14 keywords. */
export function freshChangelog(date: string, order: number | undefined, subject: string | undefined): string {
  const front = [
    '---',
    `title: Changes since ${date}`,
    ...(order === undefined ? [] : [`order: ${order}`]),
    ...(subject === undefined ? [] : [`subject: ${subject}`]),
    `description: What has changed in the Model Context Protocol draft since revision ${date}.`,
    '---',
  ];
  return (
    `${front.join('\n')}\n\n` +
    `This page summarizes how the draft differs from revision ${date}, the newest final revision.\n\n` +
    `There are no changes yet: the draft is still identical to revision ${date}. As changes land in the draft,\n` +
    'each one is described here, with links to the pages that state its rules.\n'
  );
}

/**
 * Cuts revision `date` from `draft`: validates, plans, and (unless `dryRun`) writes. Returns every file it
 * creates or modifies. Throws a `UserError` naming the problem when the date or the checkout is not fit for a
 * cut; nothing is written then.
 */
/**
 * A cut rewrites many files; starting from uncommitted changes would mix them into the release and make
 * the cut impossible to review or undo with git. Outside a git checkout there is nothing to protect.
 */
export function assertCleanTree(root: string): void {
  let status: string;
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: 'ignore' });
    status = execFileSync('git', ['status', '--porcelain', '--untracked-files=normal'], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch {
    return;
  }
  const dirty = status.split('\n').filter(Boolean);
  if (dirty.length > 0) {
    throw new UserError(
      `the working tree has ${dirty.length} uncommitted change${dirty.length === 1 ? '' : 's'} ` +
        `(first: ${dirty[0]!.slice(3)}): commit or stash them before cutting a release`,
    );
  }
}

export function cutRelease(date: string, options: ReleaseOptions = {}): ReleaseReport {
  const dryRun = options.dryRun ?? false;
  const root = resolve(options.root ?? REPO_ROOT);
  checkReleaseDate(date);

  // The registry is read uncached here: the module's cached copy must first be read after the cut rewrote it.
  const registryFile = join(root, 'schema', 'revisions.json');
  const reg = loadRegistry(registryFile);
  const draftIndex = reg.revisions.findIndex((r) => r.id === 'draft');
  const draft = reg.revisions[draftIndex];
  if (!draft) throw new UserError('the registry has no "draft" revision to cut from', registryFile);
  if (reg.revisions.some((r) => r.id === date)) {
    throw new UserError(`revision ${date} already exists; pick a later date`, registryFile);
  }
  const dated = reg.revisions.filter((r) => r.id !== 'draft').map((r) => r.id);
  const newest = dated[dated.length - 1];
  if (newest !== undefined && date <= newest) {
    throw new UserError(`revision ${date} must be later than the newest revision, ${newest}`, registryFile);
  }

  if (!dryRun) assertCleanTree(root);

  const schemaDraft = join(root, 'schema', 'draft');
  const specDraft = join(root, 'spec', 'draft');
  const schemaNew = join(root, 'schema', date);
  const specNew = join(root, 'spec', date);
  for (const dir of [schemaNew, specNew]) {
    if (existsSync(dir)) {
      throw new UserError(`already exists, but the registry has no revision ${date}: remove it first`, dir);
    }
  }

  // --- Plan the new revision's sources, in memory. ---
  const draftSource = join(schemaDraft, 'schema.ts');
  const sourceText = readText(draftSource);
  const constant = LATEST_CONSTANT.exec(sourceText);
  if (!constant) {
    throw new UserError('no `export const LATEST_PROTOCOL_VERSION = "..."` to stamp with the new version', draftSource);
  }
  const previousVersion = constant[3] ?? '';
  const newFiles: NewFile[] = [];
  const notes: string[] = [];
  let mentions = 0;

  for (const file of listFiles(schemaDraft)) {
    if (GENERATED_SCHEMA_FILES.has(file)) continue;
    const from = join(schemaDraft, file);
    const to = join(schemaNew, file);
    if (file === 'schema.ts') {
      const stamped = sourceText
        .replace(LATEST_CONSTANT, (_match, head: string, quote: string) => `${head}${quote}${date}${quote}`)
        .replace(DRAFT_HEADER, `$1revision ${date}.`);
      const { text, links } = rewriteDraftLinks(stamped, date);
      newFiles.push({
        from,
        to,
        text,
        detail: `LATEST_PROTOCOL_VERSION "${previousVersion}" -> "${date}", ${links} draft link(s) -> ${date}`,
      });
      continue;
    }
    // Examples are copied byte for byte. A protocol version string in them equal to the draft's previous
    // LATEST_PROTOCOL_VERSION is deliberately NOT rewritten: a text substitution cannot tell "the version this
    // revision speaks" from "that specific older revision" (a supportedVersions list, a version a server
    // rejects, an older client negotiating down, an invalid example built around a version), and rewriting
    // the second kind would silently change what an example tests. Bumping the version an example speaks is a
    // reviewed edit to the draft, made before the cut; the cut only reports how many such strings remain.
    if (previousVersion && readText(from).includes(previousVersion)) mentions++;
    newFiles.push({ from, to, detail: `from ${repoPath(root, from)}` });
  }

  const draftStamps: Array<{ file: string; text: string; stamped: number }> = [];
  for (const file of listFiles(specDraft)) {
    if (GENERATED_SPEC_FILES.has(file)) continue;
    const from = join(specDraft, file);
    const to = join(specNew, file);
    if (!file.endsWith('.md')) {
      newFiles.push({ from, to, detail: `from ${repoPath(root, from)}` });
      continue;
    }
    // Prose: only links into the draft move to the new revision. Version strings stay, for the reason given
    // for examples above (prose also names older revisions on purpose: "deprecated in 2026-07-28").
    const original = readText(from);
    if (previousVersion && original.includes(previousVersion)) mentions++;
    const linked = rewriteDraftLinks(original, date);
    const { text, stamped } = stampDeprecations(linked.text, date);
    // The draft keeps the feature deprecated, now by the new revision.
    if (stamped > 0) draftStamps.push({ file: from, text: stampDeprecations(original, date).text, stamped });
    newFiles.push({
      from,
      to,
      text,
      detail:
        `from ${repoPath(root, from)}${linked.links > 0 ? `, ${linked.links} draft link(s) -> ${date}` : ''}` +
        (stamped > 0 ? `, ${stamped} deprecation marker(s) since=draft -> ${date}` : ''),
    });
  }
  if (mentions > 0) {
    notes.push(
      `${mentions} copied example or prose file(s) still mention "${previousVersion}", the draft's previous ` +
        'LATEST_PROTOCOL_VERSION; they were copied unchanged: review them',
    );
  }

  // The draft changelog starts over; keep its place in the navigation.
  const changelogFile = join(specDraft, 'changelog.md');
  const changelogBefore = existsSync(changelogFile) ? readText(changelogFile) : undefined;
  const oldPage = changelogBefore === undefined ? undefined : parsePage(changelogFile, 'changelog', changelogBefore);
  const changelogAfter = freshChangelog(date, oldPage?.frontMatter.order, oldPage?.frontMatter.subject);
  const check = parsePage(changelogFile, 'changelog', changelogAfter);
  if (check.problems.length > 0 || check.requirements.length > 0) {
    throw new Error(`the fresh changelog does not parse cleanly: ${check.problems.map((p) => p.message).join('; ')}`);
  }

  const entry: Revision = {
    id: date,
    status: 'final',
    dialect: draft.dialect,
    era: draft.era,
    transports: [...draft.transports],
  };
  const frozenCount = 1 + newFiles.filter((f) => f.to.startsWith(specNew + sep) && f.to.endsWith('.md')).length;
  const registryDetail =
    `add revision ${date} (final, ${entry.dialect}, ${entry.era}, ${entry.transports.join(', ')}) before draft, ` +
    `freezing ${frozenCount} file(s)`;

  const changes: ReleaseChange[] = [
    ...newFiles.map((f): ReleaseChange => ({ action: 'create', path: repoPath(root, f.to), detail: f.detail })),
    { action: 'update', path: repoPath(root, registryFile), detail: registryDetail },
    {
      action: changelogBefore === undefined ? 'create' : 'update',
      path: repoPath(root, changelogFile),
      detail: `reset: "Changes since ${date}", no changes yet`,
    },
    ...draftStamps.map((d): ReleaseChange => ({
      action: 'update',
      path: repoPath(root, d.file),
      detail: `${d.stamped} deprecation marker(s) since=draft -> ${date}`,
    })),
  ];
  if (dryRun) {
    changes.push(...predictGenerated(root, date, newest, newFiles, oldPage?.requirements.length ?? 0));
    return { date, dryRun, changes, entry, previousVersion, notes };
  }

  // --- Write. Regeneration reads the registry through the modules' own checkout, so it must be this one. ---
  if (realpathSync(root) !== realpathSync(REPO_ROOT)) {
    throw new Error(`cutRelease writes only in its own checkout (${REPO_ROOT}), not in ${root}`);
  }
  const journal = new Journal([schemaNew, specNew]);
  try {
    for (const file of newFiles) {
      if (file.text === undefined) {
        mkdirSync(dirname(file.to), { recursive: true });
        copyFileSync(file.from, file.to);
      } else {
        writeFileAtomic(file.to, file.text);
      }
    }
    // Freeze hashes are taken from the files as written, the way `npm run check` will read them.
    const files = frozenFiles(entry, root).sort(compareCodePoints);
    entry.frozen = Object.fromEntries(files.map((file) => [file, hashFile(file, root)]));
    reg.revisions.splice(draftIndex, 0, entry);
    journal.write(registryFile, stringifyJson(reg));
    journal.write(changelogFile, changelogAfter);
    for (const stamp of draftStamps) journal.write(stamp.file, stamp.text);

    // The first read of the cached registry in this process must see the new revision.
    if (!revisionIds(registry()).includes(date)) {
      throw new Error('the registry was read before the cut in this process; run the cut in a fresh process');
    }
    // All outputs are produced before any is written, as `npm run generate` does.
    const { files: outputs } = produceOutputs();
    for (const { file, content, summary } of outputs) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (current === content) continue;
      journal.write(file, content);
      changes.push({
        action: current === undefined ? 'create' : 'update',
        path: repoPath(root, file),
        detail: `generated: ${summary}`,
      });
    }
  } catch (error) {
    journal.rollback();
    throw error;
  }
  return { date, dryRun, changes, entry, previousVersion, notes };
}

/**
 * What regeneration will write, predicted without running it (a dry run cannot generate: the generator
 * reads the new revision from disk and from the registry).
 */
function predictGenerated(
  root: string,
  date: string,
  previous: string | undefined,
  newFiles: NewFile[],
  oldChangelogRequirements: number,
): ReleaseChange[] {
  const predicted: ReleaseChange[] = [
    { action: 'create', path: `schema/${date}/schema.json`, detail: 'generated: JSON Schema of the new revision' },
  ];
  if (previous !== undefined) {
    predicted.push({
      action: 'create',
      path: `schema/${date}/CHANGES.md`,
      detail: `generated: changes from ${previous}`,
    });
  }
  const specNew = join(root, 'spec', date);
  if (newFiles.some((f) => f.to.startsWith(specNew + sep) && f.to.endsWith('.md'))) {
    predicted.push({
      action: 'create',
      path: `spec/${date}/requirements.json`,
      detail: 'generated: requirements of the new revision',
    });
  }
  predicted.push({
    action: existsSync(join(root, 'schema', 'draft', 'CHANGES.md')) ? 'update' : 'create',
    path: 'schema/draft/CHANGES.md',
    detail: `generated: changes from ${date}`,
  });
  if (oldChangelogRequirements > 0) {
    predicted.push({
      action: 'update',
      path: 'spec/draft/requirements.json',
      detail: 'generated: without the requirements of the old changelog',
    });
  }
  return predicted;
}

/** Remembers what each write replaced, so a failed cut can put the checkout back as it was. */
class Journal {
  private readonly saved = new Map<string, Buffer | undefined>();

  /** `createdDirs` did not exist before the cut; a rollback removes them whole. */
  constructor(private readonly createdDirs: string[]) {}

  write(file: string, content: string): void {
    if (!this.saved.has(file)) this.saved.set(file, existsSync(file) ? readFileSync(file) : undefined);
    writeFileAtomic(file, content);
  }

  rollback(): void {
    for (const [file, before] of this.saved) {
      try {
        if (before === undefined) rmSync(file, { force: true });
        else writeFileAtomic(file, before.toString('utf8'));
      } catch {
        // Best effort: the original error is the one worth reporting.
      }
    }
    for (const dir of this.createdDirs) rmSync(dir, { recursive: true, force: true });
  }
}
