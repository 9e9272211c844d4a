/** The reporters by name, and writing the file reports of a run. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  await mkdir(outputDir, { recursive: true });
  const written: string[] = [];
  for (const reporter of wanted) {
    const file = join(outputDir, REPORT_FILES[reporter]);
    await writeAtomically(file, RENDERERS[reporter](run));
    written.push(file);
  }
  return written;
}
