import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runServerSuite, selectScenarios, ServerUnreachable, SuiteUsageError } from './suite.ts';
import { SERVER_SCENARIOS } from '../scenarios/index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures');
const node = (file: string): string => `${JSON.stringify(process.execPath)} ${JSON.stringify(join(fixtures, file))}`;

describe('choosing scenarios', () => {
  it('filters by suite and by id, and explains unknown names', () => {
    expect(selectScenarios(SERVER_SCENARIOS, { suite: 'tools' }).every((s) => s.area === 'tools')).toBe(true);
    expect(selectScenarios(SERVER_SCENARIOS, { scenarios: ['tools-list'] }).map((s) => s.id)).toEqual(['tools-list']);
    expect(() => selectScenarios(SERVER_SCENARIOS, { scenarios: ['tools-lst'] })).toThrow(
      /unknown scenario "tools-lst"/,
    );
    expect(() => selectScenarios(SERVER_SCENARIOS, { suite: 'everything' })).toThrow(SuiteUsageError);
  });

  it('refuses to run without exactly one target', async () => {
    await expect(runServerSuite({})).rejects.toThrow(/exactly one of --stdio/);
    await expect(runServerSuite({ url: 'ftp://example.com' })).rejects.toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('hostile and broken servers', () => {
  it('reports a server that never answers as failing, within the timeout', async () => {
    const run = await runServerSuite({
      stdio: node('hanging-server.mjs'),
      revisions: ['2025-11-25'],
      scenarios: ['lifecycle-initialize'],
      timeoutMs: 300,
    });
    const scenario = run.scenarios.find((s) => s.id === 'lifecycle-initialize')!;
    const check = scenario.checks.find((c) => c.id === 'lifecycle.initialize-result')!;
    expect(check.status).toBe('fail');
    expect(check.message).toMatch(/timeout/);
    expect(run.summary.exitCode).toBe(1);
    expect(scenario.checks.filter((c) => !c.reached).length).toBeGreaterThan(0);
  });

  it('finds an unanswered malformed request out without waiting for the request timeout', async () => {
    // With a 60 s request timeout this test would time out, were it not for the ping sent after each message.
    const run = await runServerSuite({
      stdio: node('echo-server.mjs'),
      env: { FIXTURE_MODE: 'silent-errors' },
      revisions: ['2025-11-25'],
      scenarios: ['jsonrpc-errors'],
      timeoutMs: 60_000,
    });
    const status = Object.fromEntries(run.scenarios[0]!.checks.map((c) => [c.id, [c.status, c.message]]));
    expect(status['jsonrpc.parse-error']).toEqual(['fail', 'a truncated JSON line was answered with no response']);
    expect(status['jsonrpc.invalid-request']).toEqual([
      'fail',
      'a request with "method": 42 was answered with no response',
    ]);
    expect(status['jsonrpc.method-not-found']?.[0]).toBe('pass');
    expect(status['jsonrpc.still-usable']?.[0]).toBe('pass');
  }, 20_000);

  it('reports garbage on stdout as invalid wire messages', async () => {
    const run = await runServerSuite({
      stdio: node('garbage-server.mjs'),
      revisions: ['2025-11-25'],
      scenarios: ['lifecycle-initialize'],
      timeoutMs: 300,
    });
    const wire = run.scenarios[0]!.checks.find((c) => c.id === 'wire.server-messages-valid')!;
    expect(wire.status).toBe('fail');
    expect(wire.evidence.length).toBeGreaterThan(0);
    expect(wire.evidence[0]!.raw).toContain('this is not json');
  });

  it('reports a 50 MB message as a framing violation without holding it whole', async () => {
    const run = await runServerSuite({
      stdio: node('huge-message-server.mjs'),
      revisions: ['2025-11-25'],
      scenarios: ['lifecycle-initialize'],
      timeoutMs: 1000,
    });
    const checks = run.scenarios[0]!.checks;
    expect(checks.find((c) => c.id === 'lifecycle.initialize-result')!.message).toMatch(/timeout/);
    expect(checks.find((c) => c.id === 'wire.server-messages-valid')!.message).toMatch(/line longer than/);
    expect(run.summary.exitCode).toBe(1);
  });

  it('reports a server that stops in the middle of a message and exits', async () => {
    const run = await runServerSuite({
      stdio: node('midstream-close-server.mjs'),
      revisions: ['2025-11-25'],
      scenarios: ['lifecycle-initialize'],
      timeoutMs: 1000,
    });
    const checks = run.scenarios[0]!.checks;
    expect(checks.find((c) => c.id === 'lifecycle.initialize-result')!.message).toMatch(/exited/);
    expect(checks.find((c) => c.id === 'wire.server-messages-valid')!.message).toMatch(/not JSON/);
  });

  it('survives a server that floods notifications, keeping a bounded record', async () => {
    const run = await runServerSuite({
      stdio: node('flood-server.mjs'),
      revisions: ['2025-11-25'],
      scenarios: ['lifecycle-initialize'],
      timeoutMs: 1000,
    });
    const checks = run.scenarios[0]!.checks;
    expect(checks.find((c) => c.id === 'lifecycle.initialize-result')!.status).toBe('pass');
    expect(checks.find((c) => c.id === 'lifecycle.ping-after-initialized')!.message).toMatch(/timeout/);
    expect(run.summary.exitCode).toBe(1);
  });

  it('stops with a clear message when the command cannot start', async () => {
    const error = await runServerSuite({
      stdio: 'mcp-conformance-no-such-command --flag',
      revisions: ['2025-11-25'],
      timeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerUnreachable);
    expect((error as Error).message).toMatch(/not found/);
  });

  it('stops with a clear message when nothing listens at the URL', async () => {
    const error = await runServerSuite({
      url: 'http://127.0.0.1:9/mcp',
      revisions: ['2025-11-25'],
      timeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerUnreachable);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
