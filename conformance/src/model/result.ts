/**
 * The one result model. A run produces one `RunResult` document; every reporter renders it, and its
 * JSON Schema is published as `conformance/result.schema.json`.
 */

/** Requirement levels a check can carry, as written in the spec prose. */
export type Level = 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'MAY';

/**
 * `pass`; `fail` (a MUST was broken); `warn` (a SHOULD was not met); `skip` (not applicable, with the
 * reason); `error` (the harness itself failed, so nothing is known about the implementation).
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

export const CHECK_STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'skip', 'error'];

/** The area a scenario belongs to; the console summary and the catalogue group by it. */
export type Area =
  | 'lifecycle'
  | 'jsonrpc'
  | 'tools'
  | 'resources'
  | 'prompts'
  | 'utilities'
  | 'interactions'
  | 'streamable-http'
  | 'authorization'
  | 'stdio'
  | 'wire';

/** The areas in catalogue order; summaries and `--suite` list them in this order. */
export const AREAS: readonly Area[] = [
  'lifecycle',
  'jsonrpc',
  'tools',
  'resources',
  'prompts',
  'utilities',
  'interactions',
  'streamable-http',
  'authorization',
  'stdio',
  'wire',
];

/** One message of the observed wire, quoted as evidence. */
export interface Evidence {
  /** Position on the connection (both directions counted together); 0 for HTTP exchanges outside it. */
  seq: number;
  direction: 'client-to-server' | 'server-to-client';
  /** Milliseconds since the connection started. */
  at: number;
  /** The line or HTTP body as sent, cut at 4 KiB (`truncated` says so). */
  raw: string;
  truncated: boolean;
  /** What the schema said about it, one line per problem. */
  errors?: string[];
  /** HTTP exchanges: method, status and the headers that matter to the check. */
  http?: { method?: string; status?: number; headers?: Record<string, string> };
}

export interface CheckResult {
  id: string;
  title: string;
  level: Level;
  /** Requirement IDs this check verifies that exist in the revision of the run. */
  requirements: string[];
  status: CheckStatus;
  /** Why: the failure, the skip reason, the unmet SHOULD. Empty for a plain pass. */
  message?: string;
  evidence: Evidence[];
  /** False when the scenario ended before deciding this check. */
  reached: boolean;
  /** Set when an expected-failures baseline lists this check (or its scenario) and it did fail. */
  expected?: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  area: Area;
  /** `any`: driven by what the server declares; `fixture`: needs the conformance fixture. */
  depth: 'any' | 'fixture';
  revision: string;
  transport: 'stdio' | 'http';
  /** The worst status among its checks (fail > error > warn > pass > skip). */
  status: CheckStatus;
  durationMs: number;
  checks: CheckResult[];
  /** What went wrong in the harness when the scenario itself could not complete. */
  error?: string;
  /** Server stderr captured during the scenario (stdio only), the last 8 KiB. */
  stderr?: string;
}

export interface Target {
  kind: 'server' | 'client';
  transport: 'stdio' | 'http';
  /** The command (stdio) or URL (http) under test. */
  command?: string;
  url?: string;
}

export interface Summary {
  scenarios: number;
  checks: Record<CheckStatus, number>;
  /** Checks a scenario declared but never decided. */
  unreached: number;
  /** Failures an expected-failures baseline excused. */
  expectedFailures: number;
  /** Baseline entries that did not fail: they are stale and fail the run. */
  staleBaselineEntries: string[];
  verdict: Verdict;
  exitCode: 0 | 1 | 2;
}

/** `conforms` (exit 0), `nonconformant` (exit 1) or `error` (exit 2: the harness could not finish). */
export type Verdict = 'conforms' | 'nonconformant' | 'error';

export const RESULT_FORMAT = 'mcp-conformance/run';
export const RESULT_FORMAT_VERSION = 1;

export interface RunResult {
  format: typeof RESULT_FORMAT;
  formatVersion: typeof RESULT_FORMAT_VERSION;
  tool: { name: string; version: string };
  target: Target;
  revisions: string[];
  /** Revisions asked for that the server does not speak, with what it said: their scenarios did not run. */
  unsupportedRevisions?: Record<string, string>;
  options: { strict: boolean; callTools: boolean; jobs: number; timeoutMs: number; baseline?: string };
  startedAt: string;
  durationMs: number;
  scenarios: ScenarioResult[];
  summary: Summary;
  /** Where a requirement ID links to on the site: the id replaces `{revision}`, `{page}` and `{anchor}`. */
  requirementUrl: string;
  /** Requirement details for every ID cited in this run, keyed by revision then id. */
  requirements: Record<string, Record<string, { level: string; text: string; page: string; anchor: string }>>;
}

const SEVERITY: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, error: 3, fail: 4 };

/** The worst of several statuses; `skip` for none. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'skip';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/**
 * The verdict rules, the same for servers and clients: an unexcused `fail` (or, with `strict`, a
 * `warn`) or a stale baseline entry is nonconformance (1); otherwise any `error` means the run could
 * not judge everything (2); otherwise the implementation conforms (0).
 */
export function verdictOf(
  scenarios: readonly ScenarioResult[],
  options: { strict: boolean; staleBaselineEntries?: readonly string[] },
): { verdict: Verdict; exitCode: 0 | 1 | 2 } {
  let failing = (options.staleBaselineEntries?.length ?? 0) > 0;
  let erred = false;
  for (const scenario of scenarios) {
    if (scenario.error !== undefined && scenario.checks.every((c) => c.status !== 'fail')) erred = true;
    for (const check of scenario.checks) {
      if (check.expected) continue;
      if (check.status === 'fail' || (options.strict && check.status === 'warn')) failing = true;
      if (check.status === 'error') erred = true;
    }
  }
  if (failing) return { verdict: 'nonconformant', exitCode: 1 };
  if (erred) return { verdict: 'error', exitCode: 2 };
  return { verdict: 'conforms', exitCode: 0 };
}

/** Counts for the summary. */
export function summarize(
  scenarios: readonly ScenarioResult[],
  options: { strict: boolean; staleBaselineEntries?: readonly string[] },
): Summary {
  const checks: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  let unreached = 0;
  let expectedFailures = 0;
  for (const scenario of scenarios) {
    for (const check of scenario.checks) {
      checks[check.status] += 1;
      if (!check.reached) unreached += 1;
      if (check.expected) expectedFailures += 1;
    }
  }
  return {
    scenarios: scenarios.length,
    checks,
    unreached,
    expectedFailures,
    staleBaselineEntries: [...(options.staleBaselineEntries ?? [])],
    ...verdictOf(scenarios, options),
  };
}
