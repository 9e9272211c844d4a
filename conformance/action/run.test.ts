/** The GitHub Action, run as a runner runs it: its script with INPUT_* variables and GitHub's output files. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useReferenceServers } from '../test/fixtures/reference-servers.ts';

const SCRIPT = fileURLToPath(new URL('./run.mjs', import.meta.url));
const ACTION = fileURLToPath(new URL('../action.yml', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/mcp-conformance.mjs', import.meta.url));

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

let scratch: string;
let runs = 0;

async function runAction(inputs: Record<string, string>, bin = BIN): Promise<ActionRun> {
  const dir = join(scratch, `run-${++runs}`);
  const files = { output: join(scratch, `output-${runs}`), summary: join(scratch, `summary-${runs}`) };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    MCP_CONFORMANCE_BIN: bin,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    INPUT_OUTPUT_DIR: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replaceAll('-', '_')}`] = value;
  const child = spawn(process.execPath, [SCRIPT], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const outputs = Object.fromEntries(
    readFileSync(files.output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8') };
}

const servers = useReferenceServers({ good: undefined, faulty: 'ping-result-not-empty' });
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mcp-conformance-action-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const selection = { scenario: 'lifecycle-initialize,tools-list', revision: '2025-11-25', reporter: 'console' };

describe('action.yml', () => {
  it('passes every input to the script, and the script reads no other', () => {
    const action = parse(readFileSync(ACTION, 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: Array<{ env: Record<string, string> }> };
    };
    expect(action.runs.using).toBe('composite');
    const passed = Object.entries(action.runs.steps[0]!.env);
    expect(passed.map(([, value]) => value)).toEqual(
      Object.keys(action.inputs).map((name) => `\${{ inputs.${name} }}`),
    );
    expect(passed.map(([key]) => key)).toEqual(
      Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase().replaceAll('-', '_')}`),
    );
    const read = [...readFileSync(SCRIPT, 'utf8').matchAll(/\b(?:input|lines|flag)\('([a-z-]+)'/g)].map((m) => m[1]);
    for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
  });
});

describe('the action script', () => {
  it('publishes a conforming run: outputs, step summary, no annotations, exit 0', async () => {
    const run = await runAction({ url: servers.good.url, ...selection });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'conforms', 'exit-code': '0', failed: '0' });
    expect(Number(run.outputs.passed)).toBeGreaterThan(5);
    expect(run.outputs['report-dir']).toBe(join(scratch, `run-${runs}`));
    expect(run.summary).toContain('MCP conformance: conforms');
    expect(run.summary).toMatch(/\| lifecycle \| \d+ \| 0 \|/);
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
  });

  it('annotates each failed check, exits 1, and stays quiet about failures a baseline excuses', async () => {
    const run = await runAction({ url: servers.faulty.url, ...selection });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'nonconformant', 'exit-code': '1', failed: '1' });
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error title=lifecycle-initialize \(2025-11-25%2C http\)%3A lifecycle\.ping-after-initialized::MUST .*%0Aping was answered with .*%0ARequirements: ping\.empty-result/,
    );

    expect((await runAction({ url: servers.faulty.url, ...selection, annotations: '0' })).stdout).not.toContain(
      '::error',
    );

    const baseline = join(scratch, 'baseline.yml');
    writeFileSync(baseline, 'server:\n  - lifecycle-initialize:lifecycle.ping-after-initialized\n');
    const excused = await runAction({ url: servers.faulty.url, ...selection, 'expected-failures': baseline });
    expect(excused.code).toBe(0);
    expect(excused.stdout).not.toContain('::error');
  });

  it('maps every input onto the command line', async () => {
    const echo = join(scratch, 'echo-args.mjs');
    writeFileSync(echo, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const run = await runAction(
      {
        stdio: 'python server.py',
        revision: 'latest',
        suite: 'tools',
        jobs: '2',
        timeout: '5000',
        strict: 'true',
        'call-tools': 'TRUE',
        headers: 'X-One: 1\n\n  X-Two: 2  \n',
        env: 'A=1\nB=2',
        'site-url': 'https://example.org/',
        reporter: 'html',
        args: '--scenario-timeout\n9000',
      },
      echo,
    );
    const argv = JSON.parse(run.stdout.split('\n')[0]!) as string[];
    expect(argv).toEqual([
      'server',
      '--stdio',
      'python server.py',
      '--revision',
      'latest',
      '--suite',
      'tools',
      '--jobs',
      '2',
      '--timeout',
      '5000',
      '--site-url',
      'https://example.org/',
      '--strict',
      '--call-tools',
      '--header',
      'X-One: 1',
      '--header',
      'X-Two: 2',
      '--env',
      'A=1',
      '--env',
      'B=2',
      '--reporter',
      'html,json,markdown',
      '--output-dir',
      join(scratch, `run-${runs}`),
      '--scenario-timeout',
      '9000',
    ]);
  });

  it('refuses malformed inputs before running anything, with an annotation and exit 2', async () => {
    const malformed: Array<Record<string, string>> = [
      { url: servers.good.url, strict: 'yes' },
      { url: servers.good.url, annotations: 'many' },
    ];
    for (const inputs of malformed) {
      const run = await runAction(inputs);
      expect(run.code).toBe(2);
      expect(run.outputs).toMatchObject({ verdict: 'error', 'exit-code': '2' });
      expect(run.stdout).toMatch(/^::error title=mcp-conformance::input (strict|annotations) must be/m);
    }
  });

  it('reports a run the CLI refused (no target) as an error, without a summary', async () => {
    const run = await runAction({ revision: '2025-11-25' });
    expect(run.code).toBe(2);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout).toContain('::error title=mcp-conformance::mcp-conformance stopped with exit code 2');
    expect(run.summary).toBe('');
  });
});
