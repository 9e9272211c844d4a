/** The reporters by name, and writing the file reports of a run. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../../../schema/user-cache.mjs';
import type { RunResult } from '../model/result.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';

export const REPORTERS = ['console', 'json', 'junit', 'html', 'markdown'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** The file each file reporter writes in the output directory (`console` writes none). */
export const REPORT_FILES: Readonly<Record<Exclude<Reporter, 'console'>, string>> = {
  json: 'mcp-conformance.json',
  junit: 'junit.xml',
  html: 'report.html',
  markdown: 'summary.md',
};

const RENDERERS: Record<Exclude<Reporter, 'console'>, (run: RunResult) => string> = {
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
  markdown: renderMarkdown,
};

const isReporter = (name: string): name is Reporter => (REPORTERS as readonly string[]).includes(name);

/**
 * A comma-separated list (`console,junit`) as reporters, in the order given, without repeats; blanks are
 * ignored. Throws naming the allowed values when one is unknown.
 */
export function parseReporters(list: string): Reporter[] {
  const out: Reporter[] = [];
  const unknown: string[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!isReporter(name)) unknown.push(name);
    else if (!out.includes(name)) out.push(name);
  }
  if (unknown.length > 0) {
    const names = unknown.map((n) => JSON.stringify(n)).join(', ');
    throw new Error(`unknown reporter${unknown.length > 1 ? 's' : ''} ${names}; allowed: ${REPORTERS.join(', ')}`);
  }
  return out;
}

/** Writes `text` to `file` through a temporary file in the same directory and a rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A report cannot be written: its directory cannot be created or written to, or a write failed. */
export class OutputDirError extends Error {}

/**
 * Makes sure report files can be written into `outputDir`, creating it and its missing parents with
 * `makeDirectory` (Node 20's recursive `mkdir` never returns under /proc).
 */
export async function prepareOutputDir(outputDir: string): Promise<void> {
  try {
    makeDirectory(outputDir);
    await access(outputDir, constants.W_OK);
  } catch (error) {
    throw new OutputDirError(`cannot write reports to ${outputDir}: ${(error as Error).message}`);
  }
}

/**
 * Writes the file reports asked for into `outputDir` (created if missing), each atomically, in the
 * order of `REPORTERS`. Returns the paths written; `console` is not a file and is ignored here.
 */
export async function writeReports(
  run: RunResult,
  reporters: readonly Reporter[],
  outputDir: string,
): Promise<string[]> {
  const wanted = REPORTERS.filter((r): r is Exclude<Reporter, 'console'> => r !== 'console' && reporters.includes(r));
  if (wanted.length === 0) return [];
  await prepareOutputDir(outputDir);
  const written: string[] = [];
  for (const reporter of wanted) {
    const file = join(outputDir, REPORT_FILES[reporter]);
    const text = RENDERERS[reporter](run);
    try {
      await writeAtomically(file, text);
    } catch (error) {
      throw new OutputDirError(`could not write ${file}: ${(error as Error).message}`);
    }
    written.push(file);
  }
  return written;
}
