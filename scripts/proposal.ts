/**
 * `npm run proposal:new -- "Title"` scaffolds proposals/0000-<slug>.md from the template.
 * `npm run proposal:number -- <file> <n>` renumbers it once the pull request number is known.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../schema/errors.ts';
import { UsageError, runMain } from './lib/cli.ts';
import { readText, writeFileAtomic } from './lib/json.ts';
import { PROPOSALS_DIR, PROPOSAL_FILE, loadProposals } from './lib/proposals.ts';

function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');
}

function author(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8' }).trim();
    if (name) return name;
  } catch {
    // no git identity: fall through to a placeholder the author replaces
  }
  return 'Your Name (@handle)';
}

const setField = (text: string, key: string, value: string) =>
  text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);

await runMain(() => {
  const [command, ...args] = process.argv.slice(2);
  const today = new Date().toISOString().slice(0, 10);
  if (command === 'new') {
    const title = args.join(' ').trim();
    if (title.length < 5) throw new UsageError('usage: npm run proposal:new -- "A title of at least five characters"');
    const slug = slugify(title);
    if (!slug) throw new UsageError('the title needs letters or digits to make a file name from');
    const file = join(PROPOSALS_DIR, `0000-${slug}.md`);
    if (existsSync(file)) throw new UserError('a proposal with this title already exists', file);
    let text = readText(join(PROPOSALS_DIR, 'TEMPLATE.md'));
    text = setField(text, 'number', '0');
    text = setField(text, 'title', JSON.stringify(title));
    text = setField(text, 'status', 'draft');
    text = setField(text, 'created', today);
    text = setField(text, 'updated', today);
    text = text.replace(/^authors:\n(?:\s+-.*\n)+/m, `authors:\n  - ${JSON.stringify(author())}\n`);
    writeFileAtomic(file, text);
    console.log(`created proposals/${basename(file)}: fill in its sections, open a pull request, then run`);
    console.log(`  npm run proposal:number -- proposals/${basename(file)} <pull request number>`);
    return 0;
  }
  if (command === 'number') {
    const [fileArg, numberArg] = args;
    const number = Number(numberArg);
    if (!fileArg || !Number.isInteger(number) || number < 1 || number > 9999) {
      throw new UsageError('usage: npm run proposal:number -- proposals/0000-slug.md <number from 1 to 9999>');
    }
    const file = resolve(fileArg);
    const match = PROPOSAL_FILE.exec(basename(file));
    if (!match) throw new UserError('not a proposal file (NNNN-slug.md)', file);
    const padded = String(number).padStart(4, '0');
    const taken = loadProposals().proposals.find((p) => p.number === number && p.file !== file);
    if (taken) throw new UserError(`number ${number} is already used by proposals/${taken.name}`, file);
    const target = join(PROPOSALS_DIR, `${padded}-${match[2]}.md`);
    let text = readText(file);
    text = setField(text, 'number', String(number));
    text = setField(text, 'updated', today);
    writeFileAtomic(file, text);
    if (target !== file) renameSync(file, target);
    console.log(`renumbered to proposals/${basename(target)}`);
    return 0;
  }
  throw new UsageError('usage: npm run proposal:new -- "Title" | npm run proposal:number -- <file> <n>');
});
