/**
 * The suite against published MCP servers it was not written for: the official "everything" server over
 * stdio and Streamable HTTP, and the memory and filesystem servers over stdio. Runs must complete, with
 * meaningful passes at the any-server depth; what they find is recorded in conformance/INTEROP.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import { httpTarget } from '../src/runner/http-target.ts';
import { runServerSuite } from '../src/runner/suite.ts';
import type { RunResult } from '../src/model/result.ts';

const BIN = join(REPO_ROOT, 'node_modules', '.bin');
const EVERYTHING = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const LOOPBACK = join(REPO_ROOT, 'conformance', 'test', 'fixtures', 'loopback-only.mjs');
const REVISIONS = ['2025-11-25'];
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function statuses(run: RunResult, id: string): string[] {
  return run.scenarios.flatMap((s) => s.checks.filter((c) => c.id === id).map((c) => c.status));
}

function expectMeaningful(run: RunResult): void {
  expect(run.scenarios.length).toBeGreaterThan(10);
  expect(run.summary.checks.error).toBe(0);
  expect(run.scenarios.filter((s) => s.error !== undefined).map((s) => `${s.id}: ${s.error}`)).toEqual([]);
  expect(run.summary.checks.pass).toBeGreaterThan(30);
  expect(statuses(run, 'lifecycle.initialize-result')).toContain('pass');
  expect(statuses(run, 'tools.list-answered')).toContain('pass');
  expect(statuses(run, 'wire.server-messages-valid')).toContain('pass');
}

function suite(options: Parameters<typeof runServerSuite>[0]): Promise<RunResult> {
  return runServerSuite({ suite: 'any', revisions: REVISIONS, jobs: 4, timeoutMs: 5000, ...options });
}

describe('published servers', () => {
  it('runs against server-everything over stdio', async () => {
    const run = await suite({ stdio: `${quote(join(BIN, 'mcp-server-everything'))} stdio` });
    expectMeaningful(run);
    expect(statuses(run, 'resources.read-answered')).toContain('pass');
    expect(statuses(run, 'prompts.list-answered')).toContain('pass');
  }, 120_000);

  it('runs against server-memory over stdio', async () => {
    const run = await suite({ stdio: quote(join(BIN, 'mcp-server-memory')) });
    expectMeaningful(run);
    // It answers a line that is not JSON with nothing at all.
    expect(statuses(run, 'jsonrpc.parse-error')).toContain('fail');
  }, 120_000);

  it('runs against server-filesystem over stdio, confined to a temporary folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-fs-interop-'));
    try {
      mkdirSync(join(dir, 'notes'));
      writeFileSync(join(dir, 'notes', 'hello.txt'), 'hello\n');
      const run = await suite({ stdio: `${quote(join(BIN, 'mcp-server-filesystem'))} ${quote(dir)}` });
      expectMeaningful(run);
      expect(statuses(run, 'tools.call-answered')).toContain('pass');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  describe('server-everything over Streamable HTTP', () => {
    let child: ChildProcess | undefined;
    let url = '';

    beforeAll(async () => {
      child = spawn(process.execPath, ['--import', LOOPBACK, EVERYTHING, 'streamableHttp'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      // It prints a banner on stdout first; the preload's address line is the one that parses.
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child!.stdout! }).on('line', (text) => {
          if (text.startsWith('{"url":')) resolve(text);
        });
        child!.once('exit', (code) => reject(new Error(`server-everything exited (${String(code)})`)));
      });
      url = `${(JSON.parse(line) as { url: string }).url}/mcp`;
    }, 30_000);

    afterAll(async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      process.kill(child.pid!, 'SIGKILL');
      await exited;
    });

    it('runs the HTTP scenarios too', async () => {
      const run = await suite({ url, httpTarget });
      expectMeaningful(run);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      expect(statuses(run, 'http.request-content-type')).toContain('pass');
    }, 120_000);
  });
});
