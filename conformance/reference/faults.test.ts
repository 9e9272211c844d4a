/**
 * Proof that the checks can fail: the reference server passes the whole suite, and each fault of its fault
 * switch makes every check it names in `breaks` fail (or warn, for a SHOULD). Together the faults must name
 * every check of the catalogue but those still listed in UNPROVEN. What each fault broke is written to
 * test-artifacts/faults.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import { resolveRevisions, runServerScenarios } from '../src/runner/run.ts';
import { httpTarget } from '../src/runner/http-target.ts';
import { stdioTarget } from '../src/runner/targets.ts';
import { SERVER_SCENARIOS } from '../src/scenarios/index.ts';
import { BUILT_IN_CHECKS } from '../src/scenarios/wire.ts';
import { buildCatalogue } from '../src/catalogue.ts';
import type { ServerScenario } from '../src/model/scenario.ts';
import type { RunResult } from '../src/model/result.ts';
import { FAULT_CATALOGUE, type Fault } from './server/faults.ts';
import { createReferenceHttpServer } from './server/http-app.ts';
import { mintReferenceTokens } from './server/auth.ts';
import type { AuthTokens } from '../src/runner/context.ts';

const REVISIONS = resolveRevisions(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28']);
/**
 * Per request. Generous: under load a request can take seconds (a stdio connection starts a process), and a
 * timeout fails whichever check the scenario was deciding, not the one the fault names.
 */
const TIMEOUT_MS = 10_000;
const STDIO_SERVER = join(REPO_ROOT, 'conformance', 'reference', 'server', 'stdio.ts');

/** Checks no fault breaks yet. The list only shrinks: a check that a fault breaks must leave it. */
const UNPROVEN: readonly string[] = [];

const CATALOGUE = buildCatalogue();
const ALL_CHECKS = new Set(CATALOGUE.checks.map((c) => c.id));
/** The runner adds these to every scenario, so they do not pick scenarios. */
const BUILT_IN = new Set(BUILT_IN_CHECKS.map((c) => c.id));

/**
 * The scenarios the fault names, else those declaring the checks it names; all of them when it names only built-in
 * checks.
 */
function scenariosFor(fault: Fault): readonly ServerScenario[] {
  if (fault.scenarios) return SERVER_SCENARIOS.filter((s) => fault.scenarios!.includes(s.id));
  const specific = fault.breaks.filter((id) => !BUILT_IN.has(id));
  if (specific.length === 0) return SERVER_SCENARIOS;
  const ids = new Set(CATALOGUE.checks.filter((c) => specific.includes(c.id)).flatMap((c) => c.scenarios));
  return SERVER_SCENARIOS.filter((s) => ids.has(s.id));
}

function options(target: ReturnType<typeof httpTarget>, scenarios: readonly ServerScenario[], auth?: AuthTokens) {
  return {
    ...(auth ? { auth } : {}),
    target,
    describeTarget: { kind: 'server' as const, transport: target.transport },
    scenarios,
    revisions: REVISIONS,
    jobs: 8,
    timeoutMs: TIMEOUT_MS,
    strict: false,
    callTools: false,
  };
}

/** Auth mode: the reference requires tokens, and the suite holds every token it mints. */
async function overHttp(scenarios: readonly ServerScenario[], fault?: string, auth = false): Promise<RunResult> {
  const server = createReferenceHttpServer({ ...(fault ? { fault } : {}), auth });
  const { url } = await server.listen(0, '127.0.0.1');
  try {
    if (!auth) return await runServerScenarios(options(httpTarget(url, {}, TIMEOUT_MS), scenarios));
    const minted = mintReferenceTokens(url);
    const tokens = { ...minted, token: minted.valid };
    const target = httpTarget(url, { Authorization: `Bearer ${tokens.token}` }, TIMEOUT_MS);
    return await runServerScenarios(options(target, scenarios, tokens));
  } finally {
    await server.close();
  }
}

function overStdio(scenarios: readonly ServerScenario[], fault: string): Promise<RunResult> {
  const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(STDIO_SERVER)}`;
  const target = stdioTarget({ command, env: { MCP_REFERENCE_FAULT: fault }, timeoutMs: TIMEOUT_MS });
  return runServerScenarios({ ...options(target, scenarios), timeoutMs: TIMEOUT_MS });
}

/** `scenario/check@revision` for every check that did not pass or skip. */
function broken(run: RunResult): string[] {
  return run.scenarios.flatMap((s) =>
    s.checks
      .filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error')
      .map((c) => `${s.id}/${c.id}@${s.revision}`),
  );
}

const checkOf = (key: string): string => key.split('/')[1]!.split('@')[0]!;

describe('the fault switch of the reference server', () => {
  it('passes every check without a fault', async () => {
    const run = await overHttp(SERVER_SCENARIOS);
    expect(broken(run)).toEqual([]);
    expect(run.summary.checks.pass).toBeGreaterThan(300);
  });

  it('passes the authorization scenarios in authorization mode', async () => {
    const run = await overHttp(
      SERVER_SCENARIOS.filter((s) => s.area === 'authorization'),
      undefined,
      true,
    );
    expect(broken(run)).toEqual([]);
    const skipped = run.scenarios.flatMap((s) =>
      s.checks.filter((c) => c.status === 'skip' && !BUILT_IN.has(c.id)).map((c) => `${c.id}@${s.revision}`),
    );
    expect(skipped).toEqual([]);
  });

  it('names only known checks, and every check is named by a fault or listed as unproven', () => {
    const named = new Set(FAULT_CATALOGUE.flatMap((f) => f.breaks));
    expect(
      [...named].filter((id) => !ALL_CHECKS.has(id)),
      'unknown check ids in breaks',
    ).toEqual([]);
    expect(
      UNPROVEN.filter((id) => named.has(id)),
      'proven checks still listed in UNPROVEN',
    ).toEqual([]);
    expect(
      [...ALL_CHECKS].filter((id) => !named.has(id) && !UNPROVEN.includes(id)),
      'checks no fault breaks',
    ).toEqual([]);
    for (const fault of FAULT_CATALOGUE) expect(fault.breaks.length, fault.name).toBeGreaterThan(0);
    const names = FAULT_CATALOGUE.map((f) => f.name);
    expect(
      names.filter((name, i) => names.indexOf(name) !== i),
      'fault names used twice',
    ).toEqual([]);
  });

  it('makes every check a fault names fail', async () => {
    const found: Record<string, string[]> = {};
    const worker = async (queue: Fault[]): Promise<void> => {
      for (let fault = queue.shift(); fault; fault = queue.shift()) {
        const scenarios = scenariosFor(fault);
        const run = fault.stdio
          ? await overStdio(scenarios, fault.name)
          : await overHttp(scenarios, fault.name, fault.auth === true);
        found[fault.name] = broken(run);
      }
    };
    // One stdio fault at a time: each connection starts a process, and too many starting at once time out.
    const stdio = FAULT_CATALOGUE.filter((f) => f.stdio);
    const http = FAULT_CATALOGUE.filter((f) => !f.stdio);
    await Promise.all([worker(stdio), worker(http), worker(http)]);
    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    const seen = new Set(Object.values(found).flatMap((list) => list.map(checkOf)));
    writeFileSync(
      join(REPO_ROOT, 'test-artifacts', 'faults.json'),
      `${JSON.stringify({ faults: found, checksSeenFailing: [...seen].sort() }, null, 2)}\n`,
    );
    const missed = FAULT_CATALOGUE.flatMap((fault) => {
      const failed = new Set(found[fault.name]!.map(checkOf));
      return fault.breaks.filter((id) => !failed.has(id)).map((id) => `${fault.name} → ${id}`);
    });
    expect(missed, 'checks a fault names but did not break').toEqual([]);
  }, 600_000);
});
