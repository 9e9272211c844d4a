import { existsSync, mkdtempSync, readdirSync, statSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputDirError, REPORTERS, parseReporters, prepareOutputDir, writeReports } from './index.ts';
import { renderJson } from './json.ts';
import { sampleRun } from './sample-run.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-reports-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parseReporters', () => {
  it('parses a comma-separated list, trimming, dropping blanks and repeats', () => {
    expect(parseReporters('console')).toEqual(['console']);
    expect(parseReporters(' junit, html ,,junit,markdown ')).toEqual(['junit', 'html', 'markdown']);
    expect(parseReporters(REPORTERS.join(','))).toEqual([...REPORTERS]);
    expect(parseReporters('')).toEqual([]);
  });

  it('names unknown reporters and the allowed values', () => {
    expect(() => parseReporters('console,xml,JSON')).toThrow(
      'unknown reporters "xml", "JSON"; allowed: console, json, junit, html, markdown',
    );
    expect(() => parseReporters('tap')).toThrow(/^unknown reporter "tap"; allowed: /);
  });
});

describe('writeReports', () => {
  it('writes only the files asked for, creating the directory, and returns their paths', async () => {
    const run = sampleRun();
    const out = join(tempDir(), 'nested', 'reports');
    const written = await writeReports(run, ['console', 'markdown', 'json'], out);
    expect(written).toEqual([join(out, 'mcp-conformance.json'), join(out, 'summary.md')]);
    expect(readdirSync(out).sort()).toEqual(['mcp-conformance.json', 'summary.md']);
    expect(readFileSync(join(out, 'mcp-conformance.json'), 'utf8')).toBe(renderJson(run));
  });

  it('writes all four files, replacing old ones and leaving no temporary files', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'junit.xml'), 'old');
    const written = await writeReports(sampleRun(), [...REPORTERS], out);
    expect(written.map((p) => p.slice(out.length + 1))).toEqual([
      'mcp-conformance.json',
      'junit.xml',
      'report.html',
      'summary.md',
    ]);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'mcp-conformance.json', 'report.html', 'summary.md']);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/^<\?xml version="1.0"/);
  });

  it('writes nothing, and creates no directory, for console alone', async () => {
    const out = join(tempDir(), 'none');
    expect(await writeReports(sampleRun(), ['console'], out)).toEqual([]);
    expect(() => readdirSync(out)).toThrow();
  });

  it('fails when the directory cannot be created, leaving nothing behind', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    await expect(writeReports(sampleRun(), ['json'], join(base, 'file', 'sub'))).rejects.toThrow(OutputDirError);
    expect(readdirSync(base)).toEqual(['file']);
  });
});

describe('prepareOutputDir', () => {
  it('creates missing parents and accepts an existing directory', async () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    await prepareOutputDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    await prepareOutputDir(dir);
  });

  it('names the directory and the reason when a file is in the way', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    await expect(prepareOutputDir(join(base, 'file'))).rejects.toThrow(
      `cannot write reports to ${join(base, 'file')}: ${join(base, 'file')} exists and is not a directory`,
    );
    await expect(prepareOutputDir(join(base, 'file', 'sub'))).rejects.toThrow(/ENOTDIR/);
  });

  // Node's own recursive mkdir never returns there.
  it.runIf(existsSync('/proc/self'))('fails, rather than hangs, under /proc', async () => {
    await expect(prepareOutputDir('/proc/mcp-conformance-reports/sub')).rejects.toThrow(
      /^cannot write reports to \/proc\/mcp-conformance-reports\/sub: ENOENT/,
    );
  });
});
