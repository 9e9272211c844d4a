/**
 * `npm run bench:schema`. Two figures, each a ratio against a baseline measured in the same run:
 *  1. generating every revision in one process vs one typescript-json-schema CLI process per revision;
 *  2. validating a message corpus with the cached compiled validators vs JSON.parse of the same corpus.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getValidator, revisionIds, schemaSourceFile } from '../schema/index.ts';
import { discoverExamples, isMessageDefinition } from '../scripts/lib/examples.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const require = createRequire(import.meta.url);
const tjsCli = require.resolve('typescript-json-schema/bin/typescript-json-schema');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

async function time(action: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

async function median(action: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await time(action));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const ids = revisionIds();
const cliArgs = (id: string) => [
  tjsCli,
  '--defaultNumberType',
  'integer',
  '--required',
  '--skipLibCheck',
  schemaSourceFile(id),
  '*',
];

console.log(`Schema benchmark: ${ids.length} revisions, median of ${ROUNDS} rounds, Node ${process.version}\n`);

const ours = await median(() =>
  run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('generate-all.ts', import.meta.url))]),
);
const cliSequential = await median(async () => {
  for (const id of ids) await run(process.execPath, cliArgs(id));
});
const cliParallel = await median(async () => {
  await Promise.all(ids.map((id) => run(process.execPath, cliArgs(id))));
});

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log('Generation (whole process, all revisions)');
console.log(`  one process, one shared program     ${fmt(ours)}`);
console.log(
  `  one CLI process per revision, serial ${fmt(cliSequential)}   ratio ${(cliSequential / ours).toFixed(1)}x`,
);
console.log(
  `  one CLI process per revision, ${ids.length} at once ${fmt(cliParallel)}   ratio ${(cliParallel / ours).toFixed(1)}x\n`,
);

// Validation: every valid example of a message type, in every revision, as raw JSON text.
const corpus: { text: string; validate: (value: unknown) => unknown }[] = [];
for (const id of ids) {
  for (const example of discoverExamples(id).examples) {
    if (example.expect !== 'valid' || !isMessageDefinition(example.definition)) continue;
    corpus.push({ text: readFileSync(example.file, 'utf8'), validate: getValidator(id, example.definition) });
  }
}
const parsed = corpus.map((item) => JSON.parse(item.text) as unknown);
const bytes = corpus.reduce((sum, item) => sum + Buffer.byteLength(item.text), 0);
function throughput(step: (i: number) => unknown, millis: number): number {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  while (performance.now() - start < millis) {
    for (let i = 0; i < corpus.length; i++) if (step(i)) sink++;
    count += corpus.length;
  }
  if (sink < 0) console.log(sink);
  return count / ((performance.now() - start) / 1000);
}

const parseStep = (i: number) => JSON.parse(corpus[i]!.text);
const validateStep = (i: number) => corpus[i]!.validate(parsed[i]);
// Warm both paths up (compilation, JIT), then interleave rounds so drift hits both alike; report medians.
throughput(parseStep, 500);
throughput(validateStep, 500);
const parseRates: number[] = [];
const validateRates: number[] = [];
for (let round = 0; round < 5; round++) {
  parseRates.push(throughput(parseStep, 300));
  validateRates.push(throughput(validateStep, 300));
}
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const parseRate = middle(parseRates);
const validateRate = middle(validateRates);
console.log(
  `Validation (${corpus.length} messages, ${(bytes / 1024).toFixed(0)} KiB, each against its named definition)`,
);
console.log(`  JSON.parse alone              ${Math.round(parseRate).toLocaleString('en')} messages/s`);
console.log(
  `  compiled validator alone      ${Math.round(validateRate).toLocaleString('en')} messages/s   ratio ${(validateRate / parseRate).toFixed(2)}x of JSON.parse`,
);
