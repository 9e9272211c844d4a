/**
 * `npm run bench:conformance`: in one run, against one reference server over Streamable HTTP, times
 * - our full server suite (`mcp-conformance server --url`) at 2025-11-25, the revision the official CLI's client
 *   negotiates, and at every final revision, and
 * - the official CLI's active suite (`@modelcontextprotocol/conformance server --url`, on Node 20 through the
 *   fs.globSync shim in bench/lib),
 * each as a fresh process, and prints wall times, checks executed and the ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastGlob from 'fast-glob';
import { spawnReferenceHttpServer } from '../conformance/reference/launch.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Sample {
  ms: number;
  checks: number;
  failed: number;
}

function timed(args: string[]): { ms: number; status: number | null; stderr: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, status: result.status, stderr: result.stderr };
}

/** The revision the official CLI tests: its SDK client's latest protocol version. */
const OFFICIAL_REVISION = '2025-11-25';

function ours(url: string, dir: string, revisions: string[] = []): Sample {
  const run = timed([
    join(root, 'conformance/bin/mcp-conformance.mjs'),
    'server',
    '--url',
    url,
    ...revisions.flatMap((r) => ['--revision', r]),
    '--reporter',
    'json',
    '--output-dir',
    dir,
  ]);
  if (run.status !== 0)
    throw new Error(`mcp-conformance exited with ${String(run.status)}: ${run.stderr.slice(-2000)}`);
  const result = JSON.parse(readFileSync(join(dir, 'mcp-conformance.json'), 'utf8')) as {
    summary: { checks: Record<string, number> };
  };
  const { pass = 0, fail = 0, warn = 0, error = 0 } = result.summary.checks;
  return { ms: run.ms, checks: pass + fail + warn + error, failed: fail + warn + error };
}

function official(url: string, dir: string): Sample {
  const cli = join(root, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
  const run = timed(['--import', join(root, 'bench/lib/node20-shim.mjs'), cli, 'server', '--url', url, '-o', dir]);
  let checks = 0;
  let failed = 0;
  for (const file of fastGlob.sync('**/checks.json', { cwd: dir, absolute: true })) {
    for (const check of JSON.parse(readFileSync(file, 'utf8')) as Array<{ status: string }>) {
      if (check.status === 'INFO' || check.status === 'SKIPPED') continue;
      checks += 1;
      if (check.status !== 'SUCCESS') failed += 1;
    }
  }
  if (checks === 0)
    throw new Error(`the official CLI ran no check (exit ${String(run.status)}): ${run.stderr.slice(-2000)}`);
  return { ms: run.ms, checks, failed };
}

const median = (samples: Sample[]): Sample => [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)]!;

const server = await spawnReferenceHttpServer();
const scratch = mkdtempSync(join(tmpdir(), 'mcp-conformance-bench-'));
const mine: Sample[] = [];
const mineOne: Sample[] = [];
const theirs: Sample[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    theirs.push(official(server.url, join(scratch, `official-${round}`)));
    mineOne.push(ours(server.url, join(scratch, `ours-one-${round}`), [OFFICIAL_REVISION]));
    mine.push(ours(server.url, join(scratch, `ours-${round}`)));
  }
} finally {
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
const one = median(mineOne);
const all = median(mine);
const b = median(theirs);
const line = (label: string, s: Sample): string =>
  `  ${label.padEnd(44)} ${(s.ms / 1000).toFixed(2)} s, ${s.checks} checks executed, ${s.failed} not passed`;
console.log(`Conformance benchmark: median of ${ROUNDS} runs each against the reference server (Streamable HTTP)`);
console.log(line('official CLI (active suite):', b));
console.log(line(`mcp-conformance full suite, ${OFFICIAL_REVISION}:`, one));
console.log(line('mcp-conformance full suite, 5 revisions:', all));
for (const [label, s] of [
  [`${OFFICIAL_REVISION} (the official CLI's revision)`, one],
  ['all final revisions', all],
] as const) {
  console.log(
    `  ${label}: wall time ratio ${(s.ms / b.ms).toFixed(2)}x (target <= 0.5x), checks ratio ${(s.checks / b.checks).toFixed(1)}x (target >= 3x)`,
  );
}
