import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDirectoryReady, makeDirectory, userCacheDir } from './user-cache.mjs';

const MODULE = fileURLToPath(new URL('./user-cache.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'mcp-spec-user-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Calls the module in a child process, which is killed if it does not finish: a regression to a recursive mkdir
 * would otherwise hang this test process for good under /proc.
 */
function inChild(code: string): { status: number | null; stdout: string; stderr: string } {
  const script = `import * as cache from ${JSON.stringify(MODULE)};\n${code}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('userCacheDir', () => {
  it('puts the named cache under XDG_CACHE_HOME when it is set, else in the home directory', () => {
    expect(userCacheDir('validators', { XDG_CACHE_HOME: '/var/cache/me' })).toBe(
      join('/var/cache/me', 'mcp-spec', 'validators'),
    );
    const fallback = userCacheDir('cli', {});
    expect(fallback?.startsWith(homedir())).toBe(true);
    expect(fallback?.endsWith(join('mcp-spec', 'cli'))).toBe(true);
    expect(userCacheDir('cli', { XDG_CACHE_HOME: '' })).toBe(fallback);
  });
});

describe('makeDirectory', () => {
  it('creates missing parents, and accepts a directory that exists', () => {
    const dir = join(scratch, 'a', 'b', 'c');
    makeDirectory(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    makeDirectory(dir);
    expect(cacheDirectoryReady(join(scratch, 'a'))).toBe(true);
  });

  it('names a file in the way, or fails with ENOTDIR below it', () => {
    const file = join(scratch, 'file');
    writeFileSync(file, 'x');
    expect(() => makeDirectory(file)).toThrow(`${file} exists and is not a directory`);
    expect(() => makeDirectory(join(file, 'sub', 'deeper'))).toThrow(/ENOTDIR/);
    expect(cacheDirectoryReady(file)).toBe(false);
    expect(cacheDirectoryReady(join(file, 'sub'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))('fails, rather than hangs, under /proc, and a cache there is not ready', () => {
    const child = inChild(`
      try {
        cache.makeDirectory('/proc/self/mcp-spec-nonexistent/cache');
        console.log('created');
      } catch (error) {
        console.log(error.code);
      }
      console.log(cache.cacheDirectoryReady('/proc/self/mcp-spec-nonexistent/cache'));
      console.log(cache.cacheDirectoryReady('/proc/mcp-spec-nonexistent'));`);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim().split('\n')).toEqual(['ENOENT', 'false', 'false']);
  });
});
