/**
 * Interoperability: the any-server suite against published MCP servers it was not written for
 * (server-everything over stdio and Streamable HTTP, server-memory and server-filesystem over stdio).
 * Each run must complete with meaningful passes; the stable findings are pinned here and described in
 * conformance/INTEROP.md. Every server process started carries a marker in its environment, so the test
 * can prove from /proc that none is left behind (and ignores servers other test runs start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import type { CheckStatus, RunResult } from '../src/model/result.ts';
import { httpTarget } from '../src/runner/http-target.ts';
import { runServerSuite, type ServerSuiteOptions } from '../src/runner/suite.ts';

const PACKAGES = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol');
const entry = (name: string): string => join(PACKAGES, name, 'dist', 'index.js');
const LOOPBACK = join(REPO_ROOT, 'conformance', 'test', 'fixtures', 'loopback-listen.mjs');
const REVISIONS = ['2025-11-25', '2025-06-18'];

/** Marks every process this file starts (stdio servers inherit it through the suite's `env`). */
const MARKER = `MCP_INTEROP_TEST=${randomUUID()}`;
const [MARKER_NAME, MARKER_VALUE] = MARKER.split('=') as [string, string];

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const nodeCommand = (...args: string[]): string => [process.execPath, ...args].map(sh).join(' ');

/** PIDs of live processes whose environment carries this file's marker. */
function markedProcesses(): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue; // a zombie holds no resources and awaits its parent only
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(MARKER)) found.push(Number(name));
    } catch {
      // gone in the meantime, or not ours to read
    }
  }
  return found;
}

function statuses(run: RunResult, checkId: string): CheckStatus[] {
  return run.scenarios.flatMap((s) => s.checks.filter((c) => c.id === checkId).map((c) => c.status));
}

/** `scenario:check` for every check with the given status, deduplicated across revisions. */
function findings(run: RunResult, status: CheckStatus): string[] {
  const ids = run.scenarios.flatMap((s) => s.checks.filter((c) => c.status === status).map((c) => `${s.id}:${c.id}`));
  return [...new Set(ids)].sort();
}

function suite(options: ServerSuiteOptions): Promise<RunResult> {
  return runServerSuite({
    suite: 'any',
    revisions: REVISIONS,
    jobs: 4,
    timeoutMs: 5000,
    ...options,
    env: { [MARKER_NAME]: MARKER_VALUE, ...options.env },
  });
}

/** What every run must show: it completed, and the suite found plenty to pass. */
function expectCompleted(run: RunResult): void {
  expect(run.unsupportedRevisions).toEqual({});
  expect(run.scenarios.length).toBeGreaterThan(10);
  expect(run.scenarios.map((s) => s.revision)).toEqual(expect.arrayContaining(REVISIONS));
  expect(run.summary.checks.error).toBe(0);
  expect(run.scenarios.filter((s) => s.error !== undefined).map((s) => `${s.id}@${s.revision}: ${s.error}`)).toEqual(
    [],
  );
  expect(run.summary.verdict).not.toBe('error');
  expect(run.summary.checks.pass).toBeGreaterThanOrEqual(30);
  for (const id of ['lifecycle.initialize-result', 'tools.list-answered', 'wire.server-messages-valid'])
    expect(statuses(run, id), id).toContain('pass');
  expect(statuses(run, 'wire.server-messages-valid')).not.toContain('fail');
}

const runs = new Map<string, RunResult>();

afterAll(() => {
  // Kept for whoever updates INTEROP.md: `INTEROP_REPORT=1 npx vitest run conformance/test/interop.test.ts`.
  if (!process.env.INTEROP_REPORT) return;
  for (const [name, run] of runs)
    console.log(
      `${name}: ${JSON.stringify(run.summary.checks)}\n  fail: ${findings(run, 'fail').join(', ')}\n  warn: ${findings(run, 'warn').join(', ')}`,
    );
});

describe('published servers over stdio', () => {
  it('server-everything', async () => {
    const run = await suite({ stdio: nodeCommand(entry('server-everything'), 'stdio') });
    runs.set('everything/stdio', run);
    expectCompleted(run);
    for (const id of ['resources.list-answered', 'prompts.list-answered'])
      expect(statuses(run, id), id).toContain('pass');
    expect(markedProcesses()).toEqual([]);
  }, 120_000);

  it('server-memory', async () => {
    const run = await suite({ stdio: nodeCommand(entry('server-memory')) });
    runs.set('memory/stdio', run);
    expectCompleted(run);
    expect(markedProcesses()).toEqual([]);
  }, 120_000);

  it('server-filesystem, confined to a fresh temporary directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-interop-fs-'));
    try {
      mkdirSync(join(dir, 'notes'));
      writeFileSync(join(dir, 'notes', 'hello.txt'), 'hello\n');
      writeFileSync(join(dir, 'data.json'), '{"answer":42}\n');
      const run = await suite({ stdio: nodeCommand(entry('server-filesystem'), dir) });
      runs.set('filesystem/stdio', run);
      expectCompleted(run);
      expect(markedProcesses()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('server-everything over Streamable HTTP', () => {
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    // The loopback preload makes it listen on 127.0.0.1 and an OS-assigned port, and announce the URL.
    child = spawn(process.execPath, ['--import', LOOPBACK, entry('server-everything'), 'streamableHttp'], {
      env: { ...process.env, [MARKER_NAME]: MARKER_VALUE },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const started = child;
    // The server logs every request to stdout too: keep reading it all, or a full pipe would stall it.
    const lines = createInterface({ input: started.stdout! });
    url = await new Promise<string>((resolve, reject) => {
      started.once('error', reject);
      started.once('exit', (code) => reject(new Error(`server-everything exited (code ${String(code)})`)));
      lines.on('line', (line) => {
        if (line.startsWith('{"url":')) resolve(`${(JSON.parse(line) as { url: string }).url}/mcp`);
      });
    });
  }, 30_000);

  afterAll(async () => {
    const started = child;
    if (!started || started.exitCode !== null || started.signalCode !== null) return;
    const exited = new Promise((resolve) => started.once('exit', resolve));
    process.kill(started.pid!, 'SIGKILL');
    await exited;
    expect(markedProcesses()).toEqual([]);
  });

  it('server-everything', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const run = await suite({ url, httpTarget });
    runs.set('everything/http', run);
    expectCompleted(run);
    expect(run.scenarios.every((s) => s.transport === 'http')).toBe(true);
    expect(markedProcesses()).toEqual([child!.pid]);
  }, 120_000);
});
