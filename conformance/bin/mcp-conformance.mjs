#!/usr/bin/env node
// An installed package runs dist/cli.mjs, built by `npm pack` (build.ts). In a checkout of the repository the
// TypeScript sources run instead, from one esbuild bundle of them when it can: loading a bundle takes a
// fraction of the time tsx's loader needs for the same modules. That bundle lives in the user's cache
// directory, one per checkout, and is rebuilt when any file it was built from changes; without it, tsx runs the
// sources directly, as it does when the cache directory cannot be created (a cache is never worth failing a run
// for). MCP_CONFORMANCE_BUNDLE=off always uses tsx.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Changes whenever the way the bundle is built changes. */
const BUILD = 1;
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(PACKAGE, 'src', 'cli.ts');

/** Size and modification time of a file, or undefined when it is gone. */
function stamp(file) {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The bundle's file when every input is unchanged since it was built. */
function freshBundle(manifestFile) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.build !== BUILD || manifest.node !== process.version) return undefined;
    for (const [file, recorded] of Object.entries(manifest.inputs)) if (stamp(file) !== recorded) return undefined;
    return manifest.bundle;
  } catch {
    return undefined;
  }
}

function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, contents);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

async function buildBundle(bundleFile, manifestFile) {
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  const { readFile } = await import('node:fs/promises');
  const inputs = {};
  // import.meta.url means the source file's own location, wherever the bundle is.
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        // Stamped before reading: a file changed meanwhile makes the next run rebuild.
        inputs[args.path] = stamp(args.path);
        const source = await readFile(args.path, 'utf8');
        return {
          contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: 'ts',
        };
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: PACKAGE,
    outfile: bundleFile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    // Bundled CommonJS dependencies call require().
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    plugins: [ownUrl],
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = join(PACKAGE, input);
    inputs[file] ??= stamp(file);
  }
  // The map first, the manifest last: a manifest always describes a complete bundle.
  const outputs = [...result.outputFiles].sort(
    (a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')),
  );
  for (const output of outputs) writeAtomically(output.path, output.contents);
  writeAtomically(manifestFile, JSON.stringify({ build: BUILD, node: process.version, bundle: bundleFile, inputs }));
  return bundleFile;
}

async function loadMain() {
  if (!existsSync(ENTRY)) return (await import('../dist/cli.mjs')).main;
  // Only a checkout gets here, so the schema module's directory is next door (an installed package has no copy).
  const { cacheDirectoryReady, userCacheDir } = await import('../../schema/user-cache.mjs');
  const dir = process.env.MCP_CONFORMANCE_BUNDLE === 'off' ? undefined : userCacheDir('cli');
  if (dir) {
    const name = createHash('sha256').update(ENTRY).digest('hex').slice(0, 16);
    const bundleFile = join(dir, `${name}.mjs`);
    const manifestFile = join(dir, `${name}.json`);
    let bundle = freshBundle(manifestFile);
    if (!bundle && cacheDirectoryReady(dir)) {
      try {
        bundle = await buildBundle(bundleFile, manifestFile);
      } catch {
        // No esbuild, a read-only cache or a source that does not compile: tsx runs (and reports) it.
        bundle = undefined;
      }
    }
    if (bundle) return (await import(pathToFileURL(bundle).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli.ts')).main;
}

// A reader that stops early (`mcp-conformance list | head`) closes the pipe: later output has nowhere to go, but
// the command still finishes, so a run still writes its report files and exits with its verdict.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const main = await loadMain();
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
