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
import { runServerSuite, type ServerSuiteOptions } from '../src/runner/suite.ts';

const PACKAGES = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol');
const entry = (name: string): string => join(PACKAGES, name, 'dist', 'index.js');
const LOOPBACK = join(REPO_ROOT, 'conformance', 'test', 'fixtures', 'loopback-listen.mjs');
const REVISIONS = ['2025-11-25', '2025-06-18'];

/** Every process a run starts carries `MCP_INTEROP_TEST=<a fresh id>` in its environment. */
const MARKER_NAME = 'MCP_INTEROP_TEST';

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const nodeCommand = (...args: string[]): string => [process.execPath, ...args].map(sh).join(' ');

/** PIDs of the live processes whose environment carries `MCP_INTEROP_TEST=marker`. */
function markedProcesses(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue; // a zombie holds no resources and awaits its parent only
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(`${MARKER_NAME}=${marker}`))
        found.push(Number(name));
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

/** Runs the any-server suite; the processes it starts are marked with `marker`. */
async function suite(options: ServerSuiteOptions, marker = randomUUID()): Promise<RunResult> {
  const run = await runServerSuite({
    suite: 'any',
    revisions: REVISIONS,
    jobs: 4,
    timeoutMs: 5000,
    ...options,
    env: { ...options.env, [MARKER_NAME]: marker },
  });
  // Every scenario closes its connection (and so stops its stdio server) before the run returns.
  if (options.stdio !== undefined) expect(markedProcesses(marker), 'server processes left behind').toEqual([]);
  return run;
}

/** What every run must show: it completed, and the suite found plenty to pass. */
function expectCompleted(run: RunResult): void {
  expect(run.unsupportedRevisions).toEqual({});
  expect(new Set(run.scenarios.map((s) => s.revision))).toEqual(new Set(REVISIONS));
  expect(run.scenarios.length).toBeGreaterThan(20);
  expect(run.summary.checks.error).toBe(0);
  expect(run.scenarios.filter((s) => s.error !== undefined).map((s) => `${s.id}@${s.revision}: ${s.error}`)).toEqual(
    [],
  );
  expect(run.summary.verdict).not.toBe('error');
  expect(run.summary.checks.pass).toBeGreaterThanOrEqual(80);
  for (const id of ['lifecycle.initialize-result', 'tools.list-answered', 'wire.server-messages-valid'])
    expect(statuses(run, id), id).toContain('pass');
  // Whatever else they do, these servers only ever write schema-valid messages.
  expect(statuses(run, 'wire.server-messages-valid')).not.toContain('fail');
}

/**
 * Findings every server built on the TypeScript SDK shares. Over stdio its transport drops a line that
 * does not parse as a JSON-RPC message (so no -32700 / -32600 answer, and a batch gets nothing); the
 * SDK answers requests before `initialize`, ignores unknown cursors and reports an unknown tool as a
 * tool result with `isError` rather than a protocol error.
 */
const SDK_STDIO_FAILS = ['jsonrpc-errors:jsonrpc.invalid-request', 'jsonrpc-errors:jsonrpc.parse-error'];
/**
 * Servers that declare no tasks capability: the SDK refuses a task-augmented tools/list with -32603 ("does not
 * support task creation") instead of answering it the ordinary way.
 */
const TASKLESS_FAILS = ['tasks-undeclared-request:tasks.undeclared-request-ordinary'];
const SDK_WARNS = ['tools-call-unknown:tools.unknown-tool-protocol-error', 'tools-list:tools.invalid-cursor'];
const SDK_STDIO_WARNS = [
  ...SDK_WARNS,
  'jsonrpc-batch:jsonrpc.batch-refused',
  'lifecycle-before-initialize:lifecycle.pre-initialize-refused',
];
/** Servers with resources: an unknown URI gets -32602 instead of -32002, unknown cursors are ignored. */
const SDK_RESOURCE_WARNS = [
  'resources-read-missing:resources.not-found-error',
  'resources-list:resources.invalid-cursor',
  'resources-templates-list:resource-templates.invalid-cursor',
];
/** server-everything's own: a bad prompt argument and a bad log level both come back as -32603. */
const EVERYTHING_FAILS = ['prompts-get:prompts.get-answered'];
const EVERYTHING_WARNS = ['logging-set-level:logging.set-level-invalid', 'prompts-list:prompts.invalid-cursor'];

const runs = new Map<string, RunResult>();

afterAll(() => {
  // For whoever updates INTEROP.md: `INTEROP_REPORT=1 npx vitest run conformance/test/interop.test.ts`.
  if (!process.env.INTEROP_REPORT) return;
  for (const [name, run] of runs)
    console.log(
      `${name}: ${JSON.stringify(run.summary.checks)}\n  fail: ${findings(run, 'fail').join(', ')}\n  warn: ${findings(run, 'warn').join(', ')}`,
    );
});

// The runs are independent (own processes, own markers), so they share the wall-clock time.
describe.concurrent('published servers over stdio', () => {
  it('server-everything', async () => {
    const run = await suite({ stdio: nodeCommand(entry('server-everything'), 'stdio') });
    runs.set('everything/stdio', run);
    expectCompleted(run);
    for (const id of ['resources.list-answered', 'resources.read-answered', 'prompts.list-answered'])
      expect(statuses(run, id), id).toContain('pass');
    expect(findings(run, 'fail')).toEqual(expect.arrayContaining([...SDK_STDIO_FAILS, ...EVERYTHING_FAILS]));
    expect(findings(run, 'warn')).toEqual(
      expect.arrayContaining([...SDK_STDIO_WARNS, ...SDK_RESOURCE_WARNS, ...EVERYTHING_WARNS]),
    );
  }, 120_000);

  it('server-memory, with its knowledge graph in a fresh temporary directory', async () => {
    // By default it keeps the graph next to its own code, in node_modules.
    const dir = mkdtempSync(join(tmpdir(), 'mcp-interop-memory-'));
    try {
      const run = await suite({
        stdio: nodeCommand(entry('server-memory')),
        env: { MEMORY_FILE_PATH: join(dir, 'memory.jsonl') },
      });
      runs.set('memory/stdio', run);
      expectCompleted(run);
      expect(statuses(run, 'resources.list-answered')).toContain('pass');
      expect(findings(run, 'fail')).toEqual([...SDK_STDIO_FAILS, ...TASKLESS_FAILS]);
      expect(findings(run, 'warn')).toEqual(expect.arrayContaining([...SDK_STDIO_WARNS, ...SDK_RESOURCE_WARNS]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      expect(findings(run, 'fail')).toEqual([...SDK_STDIO_FAILS, ...TASKLESS_FAILS]);
      expect(findings(run, 'warn')).toEqual(expect.arrayContaining(SDK_STDIO_WARNS));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('server-everything over Streamable HTTP', () => {
  const marker = randomUUID();
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    // The loopback preload makes it listen on 127.0.0.1 and an OS-assigned port, and announce the URL.
    child = spawn(process.execPath, ['--import', LOOPBACK, entry('server-everything'), 'streamableHttp'], {
      env: { ...process.env, [MARKER_NAME]: marker },
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
    if (started && started.exitCode === null && started.signalCode === null) {
      const exited = new Promise((resolve) => started.once('exit', resolve));
      process.kill(started.pid!, 'SIGKILL');
      await exited;
    }
    expect(markedProcesses(marker)).toEqual([]);
  });

  it('runs the suite, the HTTP scenarios included, on one server process', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const run = await suite({ url });
    runs.set('everything/http', run);
    expectCompleted(run);
    expect(run.scenarios.every((s) => s.transport === 'http')).toBe(true);
    expect(statuses(run, 'http.request-content-type')).toContain('pass');
    // Over HTTP the SDK does answer a line that is not JSON with -32700, but a message that is not
    // JSON-RPC gets -32700 too; it runs batches; it checks neither Origin nor, with 404, unknown sessions.
    expect(statuses(run, 'jsonrpc.parse-error')).toContain('pass');
    expect(findings(run, 'fail')).toEqual(
      expect.arrayContaining([
        'jsonrpc-errors:jsonrpc.invalid-request',
        'http-post:http.origin-403',
        'http-sessions:http.session-unknown-404',
        'http-sessions:http.session-deleted-404',
        ...EVERYTHING_FAILS,
      ]),
    );
    expect(findings(run, 'warn')).toEqual(
      expect.arrayContaining([
        ...SDK_WARNS,
        'jsonrpc-batch:jsonrpc.batch-refused',
        ...SDK_RESOURCE_WARNS,
        ...EVERYTHING_WARNS,
      ]),
    );
    // The one server process, still serving; nothing else was started for it.
    expect(markedProcesses(marker)).toEqual([child!.pid]);
  }, 120_000);
});
