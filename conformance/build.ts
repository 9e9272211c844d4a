/**
 * Builds what the published package runs: `dist/` holds the CLI and the library as plain ESM (this package's
 * sources and the schema module they import, bundled; npm dependencies stay external), their type
 * declarations, and the data they read at run time (the revision registry, each revision's schema and
 * requirements), so that an installed package needs neither TypeScript nor the rest of this repository.
 * `npm pack` and `npm publish` run it (`prepack`); `npm run build -w mcp-conformance` runs it by hand.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { registry } from '../schema/registry.ts';

const PACKAGE = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(PACKAGE);
const DIST = join(PACKAGE, 'dist');
/** Where files from outside the package land inside it, keeping their place relative to each other. */
const REPO_COPY = join(DIST, 'repo');

const posix = (path: string): string => path.split(sep).join('/');

/** Where a source file lives once installed: the package's own files stay put, the repository's move under dist/repo. */
function installedLocation(file: string): string {
  const inPackage = relative(PACKAGE, file);
  if (!inPackage.startsWith('..')) return file;
  return join(REPO_COPY, relative(REPO, file));
}

/**
 * `import.meta.url` keeps meaning the source file's own location (its neighbours are read relative to it), as a
 * URL relative to the bundle, so that no path of the machine that built the package ends up in it.
 */
const installedImportMetaUrl: Plugin = {
  name: 'installed-import-meta-url',
  setup(context) {
    context.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const target = posix(relative(DIST, installedLocation(args.path)));
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(target)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

function copyIntoPackage(file: string): void {
  const target = installedLocation(file);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

function declarations(): void {
  const config = join(PACKAGE, 'tsconfig.build.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: {
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: '..',
        outDir: 'dist/types',
      },
      include: [],
      files: ['src/index.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(config, { force: true });
  }
}

export async function buildPackage(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  await build({
    entryPoints: { cli: join(PACKAGE, 'src', 'cli.ts'), index: join(PACKAGE, 'src', 'index.ts') },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [installedImportMetaUrl],
  });

  const data = [join(REPO, 'schema', 'revisions.json')];
  for (const revision of registry().revisions) {
    // schema.ts too: wireVersion() reads the revision's LATEST_PROTOCOL_VERSION from it.
    for (const file of ['schema.json', 'schema.ts']) data.push(join(REPO, 'schema', revision.id, file));
    data.push(join(REPO, 'spec', revision.id, 'requirements.json'));
  }
  for (const file of data) {
    if (!existsSync(file)) throw new Error(`${relative(REPO, file)} is missing: run \`npm run generate\` first`);
    copyIntoPackage(file);
  }
  // coverage.ts reads UNTESTABLE.md through the repository root.
  mkdirSync(join(REPO_COPY, 'conformance'), { recursive: true });
  copyFileSync(join(PACKAGE, 'UNTESTABLE.md'), join(REPO_COPY, 'conformance', 'UNTESTABLE.md'));
  declarations();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPackage();
