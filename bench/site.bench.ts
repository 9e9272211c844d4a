/**
 * `npm run bench:site`: runs `npm run site` (the real command, in a fresh process, every revision included)
 * into a temporary folder and compares its wall time with the 15 s budget set for a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_MS = 15_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const script = fileURLToPath(new URL('../scripts/site.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mcp-site-bench-'));
const samples: number[] = [];
let summary = '';
try {
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, join(dir, `dist-${round}`)], {
      encoding: 'utf8',
    });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`npm run site failed:\n${result.stderr}`);
    summary = result.stdout.trim().split('\n')[0] ?? '';
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
console.log(`Site benchmark: median of ${ROUNDS} runs of npm run site, process start included (${summary})`);
console.log(
  `  ${(median / 1000).toFixed(2)} s against a budget of ${BUDGET_MS / 1000} s: ${(BUDGET_MS / median).toFixed(1)}x headroom`,
);
