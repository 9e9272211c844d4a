/**
 * The package as npm publishes it: `npm pack` (which builds dist/ through `prepack`), installed into an empty
 * project outside this repository, must work as a command and as a typed library, with nothing from the
 * checkout but the tarball.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import { spawnReferenceHttpServer, type RunningServer } from '../reference/launch.ts';
import { buildCatalogue } from '../src/catalogue.ts';

const run = promisify(execFile);
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

let project: string;
let tarball: string;
let packed: string[];
let server: RunningServer;
/** The environment of every command run in the project: its own caches, so nothing built earlier is reused. */
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'mcp-conformance-package-'));
  env = { ...process.env, XDG_CACHE_HOME: join(project, 'cache'), NO_COLOR: '1' };
  server = await spawnReferenceHttpServer();
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', project, ...NPM_FLAGS], {
    cwd: PACKAGE,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = join(project, report!.filename);
  packed = report!.files.map((f) => f.path);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', ...NPM_FLAGS, tarball], { cwd: project, env });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the published package', () => {
  it('holds the built CLI, library, declarations and data, and no sources', () => {
    for (const file of [
      'bin/mcp-conformance.mjs',
      'dist/cli.mjs',
      'dist/index.mjs',
      'dist/types/conformance/src/index.d.ts',
      'dist/repo/schema/revisions.json',
      'result.schema.json',
      'FIXTURE.md',
    ])
      expect(packed).toContain(file);
    expect(
      packed.filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/^dist\/repo\/schema\/[^/]+\/schema\.ts$/.test(f),
      ),
    ).toEqual([]);
    expect(packed.filter((f) => f.startsWith('src/') || f.includes('reference/') || f.endsWith('.test.ts'))).toEqual(
      [],
    );
  });

  it('names no path of the machine that built it', () => {
    const installed = join(project, 'node_modules', 'mcp-conformance', 'dist');
    for (const file of packed.filter((f) => f.startsWith('dist/') && f.endsWith('.mjs'))) {
      const code = readFileSync(join(installed, file.slice('dist/'.length)), 'utf8');
      expect(code, file).not.toContain(REPO_ROOT);
    }
  });

  it('runs as a command: version, list and a server run against the reference server', async () => {
    const bin = join(project, 'node_modules', '.bin', 'mcp-conformance');
    const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
    expect((await run(bin, ['--version'], { cwd: project, env })).stdout).toBe(`${manifest.version}\n`);
    const listed = JSON.parse((await run(bin, ['list', '--json'], { cwd: project, env, maxBuffer: 64 << 20 })).stdout);
    expect(listed).toEqual(JSON.parse(JSON.stringify(buildCatalogue())));

    const out = join(project, 'results');
    const scenarios = 'lifecycle-initialize,tools-list,fixture-tools-content,http-post';
    const argv = ['server', '--url', server.url, '--scenario', scenarios, '--revision', '2025-11-25,2026-07-28'];
    await run(bin, [...argv, '--reporter', 'json,html', '--output-dir', out], { cwd: project, env });
    const result = JSON.parse(readFileSync(join(out, 'mcp-conformance.json'), 'utf8')) as {
      requirementUrl: string;
      summary: { verdict: string; checks: Record<string, number> };
    };
    expect(result.summary.verdict).toBe('conforms');
    expect(result.summary.checks.pass).toBeGreaterThan(30);
    // No site build comes with the package, so reports link nowhere rather than to a missing file.
    expect(result.requirementUrl).toBe('');
  }, 60_000);

  it('works as a typed library', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { runServerSuite, SERVER_SCENARIOS, type RunResult } from 'mcp-conformance';",
        `const run: RunResult = await runServerSuite({ url: ${JSON.stringify(server.url)}, scenarios: ['tools-list'], revisions: ['latest'] });`,
        'const verdict: string = run.summary.verdict;',
        'console.log(JSON.stringify({ verdict, pass: run.summary.checks.pass, scenarios: SERVER_SCENARIOS.length }));',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
          typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', project], { cwd: project, env })).resolves.toBeDefined();

    // The same program as JavaScript, run by plain Node.
    const js = readFileSync(join(project, 'consumer.ts'), 'utf8')
      .replace(', type RunResult', '')
      .replace('const run: RunResult', 'const run')
      .replace('const verdict: string', 'const verdict');
    writeFileSync(join(project, 'consumer.mjs'), js);
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: project, env });
    const printed = JSON.parse(stdout) as { verdict: string; pass: number; scenarios: number };
    expect(printed.verdict).toBe('conforms');
    expect(printed.pass).toBeGreaterThan(3);
    expect(printed.scenarios).toBe(buildCatalogue().scenarios.length);
  }, 60_000);
});
