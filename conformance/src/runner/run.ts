/**
 * Runs server scenarios against one server: every (scenario, revision) pair that applies, in a bounded
 * pool, each on its own connection, with timeouts per request, per scenario and for the whole run.
 */
import { HttpStatusError } from '../transport/http.ts';
import { getRevision, type Revision } from '../../../schema/registry.ts';
import { Recorder } from '../protocol/recorder.ts';
import { RevisionNotSupported, SessionError } from '../client/session.ts';
import { requirementsOf } from '../model/requirements.ts';
import {
  RESULT_FORMAT,
  RESULT_FORMAT_VERSION,
  summarize,
  worstStatus,
  type CheckResult,
  type RunResult,
  type ScenarioResult,
  type Target,
} from '../model/result.ts';
import { appliesTo, type CheckDeclaration, type ServerScenario } from '../model/scenario.ts';
import { ScenarioEnd, ServerContext, type AuthTokens, type ServerTarget } from './context.ts';
import { BUILT_IN_CHECKS } from '../scenarios/wire.ts';
import { decideBuiltInChecks } from './wire-rules.ts';

export { TOOL } from '../version.ts';
import { TOOL } from '../version.ts';

/** Checks the runner adds and decides itself, from the recorded wire. */
const BUILT_IN = new Set(BUILT_IN_CHECKS.map((c) => c.id));

export interface ServerRunOptions {
  target: ServerTarget;
  describeTarget: Target;
  scenarios: readonly ServerScenario[];
  revisions: Revision[];
  jobs: number;
  /** Per request. */
  timeoutMs: number;
  /** Per scenario; by default six times the request timeout. */
  scenarioTimeoutMs?: number;
  /** The whole run. */
  runTimeoutMs?: number;
  strict: boolean;
  callTools: boolean;
  /** Tokens for the authorization scenarios. */
  auth?: AuthTokens;
  baseline?: string;
  requirementUrl?: string;
  onScenarioStart?: (job: { id: string; revision: string; transport: 'stdio' | 'http' }) => void;
  onScenarioFinish?: (result: ScenarioResult) => void;
}

export interface Job {
  scenario: ServerScenario;
  revision: Revision;
  checks: CheckDeclaration[];
}

/** The (scenario, revision) pairs that apply to a transport, with the checks each declares there. */
export function plan(
  scenarios: readonly ServerScenario[],
  revisions: readonly Revision[],
  transport: 'stdio' | 'http',
): Job[] {
  const jobs: Job[] = [];
  for (const revision of revisions) {
    for (const scenario of scenarios) {
      if (!appliesTo(scenario.revisions, revision, transport)) continue;
      const checks = scenario.checks.filter((c) => appliesTo(c.revisions, revision, transport));
      if (checks.length === 0) continue;
      const builtIn = BUILT_IN_CHECKS.filter((c) => appliesTo(c.revisions, revision, transport));
      jobs.push({ scenario, revision, checks: [...checks, ...builtIn] });
    }
  }
  return jobs;
}

function timeout(ms: number, message: string): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Runs one job and turns its context into a result. Never rejects. */
export async function runJob(job: Job, options: ServerRunOptions, deadline: number): Promise<ScenarioResult> {
  const started = Date.now();
  const { scenario, revision } = job;
  const context = new ServerContext(
    revision,
    options.target,
    job.checks,
    { timeoutMs: options.timeoutMs, callTools: options.callTools, ...(options.auth ? { auth: options.auth } : {}) },
    () => new Recorder(revision.id),
  );
  let error: string | undefined;
  const own = options.scenarioTimeoutMs ?? options.timeoutMs * 6;
  const left = Math.max(0, deadline - Date.now());
  const limit =
    own <= left
      ? timeout(own, `scenario ${scenario.id} did not finish within ${own} ms`)
      : timeout(left, `the run reached its time limit (--run-timeout) before scenario ${scenario.id} finished`);
  try {
    await Promise.race([scenario.run(context), limit.promise]);
  } catch (thrown) {
    if (thrown instanceof ScenarioEnd) {
      // The scenario decided its remaining checks and stopped.
    } else if (thrown instanceof RevisionNotSupported) {
      context.skipRemaining(`not applicable: ${thrown.message}`);
    } else if (isPeerFailure(thrown)) {
      // The server stopped answering or went away: the check in progress failed, the rest were not reached.
      const current = [...context.checks.values()].find((h) => !h.decided && !BUILT_IN.has(h.declaration.id));
      current?.fail((thrown as Error).message);
    } else if (thrown instanceof SessionError) {
      error = `the server could not be brought to a usable state: ${thrown.message}`;
      for (const handle of context.checks.values()) {
        if (!handle.decided && !BUILT_IN.has(handle.declaration.id)) handle.fail(error, thrown.response);
      }
    } else {
      error = (thrown as Error)?.message ?? String(thrown);
    }
  } finally {
    limit.cancel();
    for (const handle of context.checks.values()) if (!BUILT_IN.has(handle.declaration.id)) handle.seal();
    await context.closeAll();
  }
  decideBuiltInChecks(context);
  const known = requirementsOf(revision.id);
  const checks: CheckResult[] = job.checks.map((declaration) => {
    const handle = context.check(declaration.id);
    const decision = handle.result;
    const result: CheckResult = {
      id: declaration.id,
      title: declaration.title,
      level: declaration.level,
      requirements: declaration.requirements.filter((id) => known.has(id)),
      status: decision?.status ?? 'skip',
      evidence: decision?.evidence ?? [],
      reached: decision !== undefined,
    };
    const message =
      decision?.message ?? (decision ? undefined : `not reached: ${error ?? 'the scenario ended before deciding it'}`);
    if (message !== undefined) result.message = message;
    return result;
  });
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    area: scenario.area,
    depth: scenario.depth,
    revision: revision.id,
    transport: options.target.transport,
    status: worstStatus(checks.map((c) => c.status)),
    durationMs: Date.now() - started,
    checks,
  };
  if (error !== undefined) {
    result.error = error;
    if (result.status === 'skip' || result.status === 'pass' || result.status === 'warn') result.status = 'error';
  }
  const stderr = context.stderr();
  if (stderr && result.status !== 'pass' && result.status !== 'skip') result.stderr = stderr;
  return result;
}

/** The server stopped answering, went away, or answered in a way no request can use (an HTTP refusal). */
function isPeerFailure(error: unknown): boolean {
  if (error instanceof HttpStatusError) return true;
  const message = (error as Error)?.message ?? '';
  return /^timeout:|the server exited|connection is closed|ECONNREFUSED|ECONNRESET|socket hang up/.test(message);
}

/**
 * Runs `items` with at most `concurrency` at a time, those `first` picks before the others, keeping their
 * order in the output.
 */
async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
  first: (item: T) => boolean = () => false,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const indices = items.map((_, index) => index);
  const order = [...indices.filter((i) => first(items[i]!)), ...indices.filter((i) => !first(items[i]!))];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) {
      const index = order[next]!;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

function notRun(job: Job, transport: 'stdio' | 'http', reason: string): ScenarioResult {
  return {
    id: job.scenario.id,
    title: job.scenario.title,
    area: job.scenario.area,
    depth: job.scenario.depth,
    revision: job.revision.id,
    transport,
    status: 'error',
    durationMs: 0,
    error: reason,
    checks: job.checks.map((c) => ({
      id: c.id,
      title: c.title,
      level: c.level,
      requirements: c.requirements.filter((id) => requirementsOf(job.revision.id).has(id)),
      status: 'skip',
      message: `not reached: ${reason}`,
      evidence: [],
      reached: false,
    })),
  };
}

export async function runServerScenarios(options: ServerRunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const transport = options.target.transport;
  const jobs = plan(options.scenarios, options.revisions, transport);
  const deadline = Date.now() + (options.runTimeoutMs ?? 30 * 60_000);
  // Fixture scenarios drive tools that take their time (FIXTURE.md), others wait on purpose: started first, they
  // do not end the run late.
  const scenarios = await pool(
    jobs,
    options.jobs,
    async (job) => {
      if (Date.now() >= deadline) return notRun(job, transport, 'the run reached its time limit first');
      options.onScenarioStart?.({ id: job.scenario.id, revision: job.revision.id, transport });
      const result = await runJob(job, options, deadline);
      options.onScenarioFinish?.(result);
      return result;
    },
    (job) => job.scenario.depth === 'fixture' || job.scenario.waits === true,
  );
  const requirements: RunResult['requirements'] = {};
  for (const scenario of scenarios) {
    const known = requirementsOf(scenario.revision);
    const forRevision = (requirements[scenario.revision] ??= {});
    for (const check of scenario.checks) {
      for (const id of check.requirements) {
        const r = known.get(id);
        if (r) forRevision[id] = { level: r.level, text: r.text, page: r.page, anchor: r.anchor };
      }
    }
  }
  const run: RunResult = {
    format: RESULT_FORMAT,
    formatVersion: RESULT_FORMAT_VERSION,
    tool: { ...TOOL },
    target: options.describeTarget,
    revisions: options.revisions.map((r) => r.id),
    options: { strict: options.strict, callTools: options.callTools, jobs: options.jobs, timeoutMs: options.timeoutMs },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    scenarios,
    summary: summarize(scenarios, { strict: options.strict }),
    requirementUrl: options.requirementUrl ?? '{revision}/{page}/#{anchor}',
    requirements,
  };
  if (options.baseline) run.options.baseline = options.baseline;
  return run;
}

export function resolveRevisions(ids: readonly string[]): Revision[] {
  const seen = new Map<string, Revision>();
  for (const id of ids) {
    const revision = getRevision(id);
    seen.set(revision.id, revision);
  }
  return [...seen.values()];
}
