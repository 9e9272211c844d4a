// The user's cache directory, and a way to create directories that cannot hang. Plain JavaScript, so that the
// `mcp-conformance` launcher (conformance/bin), which runs before any TypeScript is loaded, shares it with the
// schema module's validator cache and the CLI's report directory. Types: user-cache.d.mts.
import { mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * `<cache>/mcp-spec/<name>`, where `<cache>` is XDG_CACHE_HOME when set, else LOCALAPPDATA on Windows,
 * ~/Library/Caches on macOS and ~/.cache elsewhere. Undefined when there is no home directory to put it in.
 */
export function userCacheDir(name, env = process.env) {
  let base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined);
  if (!base) {
    try {
      base = join(homedir(), process.platform === 'darwin' ? 'Library/Caches' : '.cache');
    } catch {
      return undefined;
    }
  }
  return join(base, 'mcp-spec', name);
}

/** Creates one directory; an existing directory is fine, anything else in the way is an error. */
function createOne(dir) {
  try {
    mkdirSync(dir);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (!statSync(dir).isDirectory()) {
      throw Object.assign(new Error(`${dir} exists and is not a directory`), { code: 'ENOTDIR' });
    }
  }
}

/**
 * Creates `dir` and any missing parents, trying each level at most twice. `mkdirSync(dir, { recursive: true })`
 * would do the same, except that on Node 20 it never returns for a path under /proc. Throws the first error that
 * stops it; a file in the way is reported as `<dir> exists and is not a directory` (code ENOTDIR). Another
 * process creating the same directory meanwhile is no error.
 */
export function makeDirectory(dir) {
  try {
    createOne(dir);
  } catch (error) {
    if (error.code !== 'ENOENT' || dirname(dir) === dir) throw error;
    makeDirectory(dirname(dir));
    createOne(dir);
  }
}

/**
 * For caches, which are only an optimisation: whether `dir` is a directory now, created if need be. Never
 * throws; false means the caller goes without the cache.
 */
export function cacheDirectoryReady(dir) {
  try {
    makeDirectory(dir);
    return true;
  } catch {
    return false;
  }
}
