/**
 * Proof that the checks can fail: the reference server passes the whole suite, and each fault its fault
 * switch injects makes at least one check fail (or warn, for a SHOULD). The map of fault to failing checks
 * is written to test-artifacts/faults.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import { resolveRevisions, runServerScenarios } from '../src/runner/run.ts';
import { httpTarget } from '../src/runner/http-target.ts';
import { stdioTarget } from '../src/runner/targets.ts';
import { SERVER_SCENARIOS } from '../src/scenarios/index.ts';
import type { RunResult } from '../src/model/result.ts';
import { FAULT_CATALOGUE } from './server/common.ts';
import { createReferenceHttpServer } from './server/http-app.ts';

const REVISIONS = resolveRevisions(['2025-03-26', '2025-11-25', '2026-07-28']);
const TIMEOUT_MS = 3000;
const STDIO_SERVER = join(REPO_ROOT, 'conformance', 'reference', 'server', 'stdio.ts');
/** Faults that only show on stdio, with the scenarios that reveal them (a whole stdio run is slow). */
const STDIO_FAULTS: Record<string, string[]> = {
  'stdout-garbage': ['stdio-shutdown'],
  'response-after-cancel': ['fixture-cancellation'],
  // Over HTTP the transport answers these before the session sees them, or drops what they change.
  'serve-before-initialize': ['lifecycle-before-initialize'],
  'progress-after-response': ['fixture-progress'],
  'batch-rejected': ['jsonrpc-batch'],
  'parse-error-wrong-id': ['jsonrpc-errors'],
};

function options(run: { target: ReturnType<typeof httpTarget>; scenarios?: string[] }) {
  const scenarios = run.scenarios ? SERVER_SCENARIOS.filter((s) => run.scenarios!.includes(s.id)) : SERVER_SCENARIOS;
  return {
    target: run.target,
    describeTarget: { kind: 'server' as const, transport: run.target.transport },
    scenarios,
    revisions: REVISIONS,
    jobs: 8,
    timeoutMs: TIMEOUT_MS,
    strict: false,
    callTools: false,
  };
}

async function overHttp(fault?: string): Promise<RunResult> {
  const server = createReferenceHttpServer(fault ? { fault } : {});
  const { url } = await server.listen(0, '127.0.0.1');
  try {
    return await runServerScenarios(options({ target: httpTarget(url, {}, TIMEOUT_MS) }));
  } finally {
    await server.close();
  }
}

function overStdio(fault: string, scenarios: string[]): Promise<RunResult> {
  const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(STDIO_SERVER)}`;
  const target = stdioTarget({ command, env: { MCP_REFERENCE_FAULT: fault }, timeoutMs: TIMEOUT_MS });
  return runServerScenarios(options({ target, scenarios }));
}

/** `scenario/check@revision` for every check that did not pass or skip. */
function broken(run: RunResult): string[] {
  return run.scenarios.flatMap((s) =>
    s.checks
      .filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error')
      .map((c) => `${s.id}/${c.id}@${s.revision}`),
  );
}

describe('the fault switch of the reference server', () => {
  it('passes every check without a fault', async () => {
    const run = await overHttp();
    expect(broken(run)).toEqual([]);
    expect(run.summary.checks.pass).toBeGreaterThan(300);
  });

  it('makes at least one check fail for each fault', async () => {
    const found: Record<string, string[]> = {};
    const queue = [...FAULT_CATALOGUE];
    const worker = async (): Promise<void> => {
      for (let fault = queue.shift(); fault; fault = queue.shift()) {
        const stdio = STDIO_FAULTS[fault.name];
        const run = stdio ? await overStdio(fault.name, stdio) : await overHttp(fault.name);
        found[fault.name] = broken(run);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const failingChecks = new Set(
      Object.values(found).flatMap((list) => list.map((k) => k.split('/')[1]!.split('@')[0]!)),
    );
    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'test-artifacts', 'faults.json'),
      `${JSON.stringify({ faults: found, checksSeenFailing: [...failingChecks].sort() }, null, 2)}\n`,
    );
    const silent = Object.entries(found)
      .filter(([, list]) => list.length === 0)
      .map(([name]) => name);
    expect(silent, 'faults no check noticed').toEqual([]);
  }, 600_000);
});
