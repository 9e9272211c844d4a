/** Types of user-cache.mjs, which is plain JavaScript so that the CLI launcher can load it without TypeScript. */

/**
 * `<cache>/mcp-spec/<name>`, where `<cache>` is XDG_CACHE_HOME when set, else LOCALAPPDATA on Windows,
 * ~/Library/Caches on macOS and ~/.cache elsewhere. Undefined when there is no home directory to put it in.
 */
export declare function userCacheDir(name: string, env?: NodeJS.ProcessEnv): string | undefined;

/**
 * Creates `dir` and any missing parents, trying each level once (recursive `mkdirSync` never returns under /proc
 * on Node 20). Throws the first error that stops it; a file in the way gives code ENOTDIR.
 */
export declare function makeDirectory(dir: string): void;

/** Whether `dir` is a directory now, created if need be; never throws. For caches, which are optional. */
export declare function cacheDirectoryReady(dir: string): boolean;
