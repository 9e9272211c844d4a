/** Helpers shared by the reporters. Internal to `report/`. */
import { AREAS, CHECK_STATUSES } from '../model/result.ts';
import type { Area, CheckResult, CheckStatus, RunResult, ScenarioResult } from '../model/result.ts';

export { AREAS } from '../model/result.ts';

export type Counts = Record<CheckStatus, number>;

export const emptyCounts = (): Counts => ({ pass: 0, fail: 0, warn: 0, skip: 0, error: 0 });

export function countChecks(checks: readonly CheckResult[]): Counts {
  const counts = emptyCounts();
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** Check counts per area, only for the areas the run touched, in catalogue order. */
export function countsByArea(run: RunResult): [Area, Counts][] {
  const byArea = new Map<Area, Counts>();
  for (const scenario of run.scenarios) {
    const counts = byArea.get(scenario.area) ?? emptyCounts();
    const own = countChecks(scenario.checks);
    for (const status of CHECK_STATUSES) counts[status] += own[status];
    byArea.set(scenario.area, counts);
  }
  return [...byArea].sort(([a], [b]) => areaRank(a) - areaRank(b) || a.localeCompare(b));
}

const areaRank = (area: Area): number => {
  const i = AREAS.indexOf(area);
  return i === -1 ? AREAS.length : i;
};

/** `tools-list [2025-11-25, stdio]`. */
export const scenarioLabel = (s: { id: string; revision: string; transport: string }, separator = ', '): string =>
  `${s.id} [${s.revision}${separator}${s.transport}]`;

/** Whether a check counts against the run, as in `verdictOf`: an unexcused fail, or an unexcused warn under strict. */
export const isFailing = (check: CheckResult, strict: boolean): boolean =>
  !check.expected && (check.status === 'fail' || (strict && check.status === 'warn'));

/** A check worth listing in a summary: fail, warn or error (excused ones included, marked as such). */
export const isNotable = (check: CheckResult): boolean =>
  check.status === 'fail' || check.status === 'warn' || check.status === 'error';

export interface Notable {
  scenario: ScenarioResult;
  check: CheckResult;
}

/** Fail, error and warn checks in run order, fails first, then errors, then warnings. */
export function notableChecks(run: RunResult): Notable[] {
  const rank: Partial<Record<CheckStatus, number>> = { fail: 0, error: 1, warn: 2 };
  const found: Notable[] = [];
  for (const scenario of run.scenarios)
    for (const check of scenario.checks) if (isNotable(check)) found.push({ scenario, check });
  return found
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (rank[a.n.check.status] ?? 9) - (rank[b.n.check.status] ?? 9) || a.i - b.i)
    .map(({ n }) => n);
}

export function unreachedChecks(run: RunResult): Notable[] {
  const found: Notable[] = [];
  for (const scenario of run.scenarios)
    for (const check of scenario.checks) if (!check.reached) found.push({ scenario, check });
  return found;
}

/** What the exit code means, for the verdict line. */
export const VERDICT_MEANING: Record<RunResult['summary']['verdict'], string> = {
  conforms: 'exit 0: no unexcused failure',
  nonconformant: 'exit 1: an unexcused failure or a stale baseline entry',
  error: 'exit 2: the harness could not judge everything',
};

/**
 * The link for a requirement ID cited at `revision`: `run.requirementUrl` with `{revision}`, `{page}`,
 * `{anchor}` (and `{id}`) filled in, each percent-encoded (the page keeps its `/`). Undefined when the run
 * has no details for the ID, or when the result is not an http(s) or relative URL.
 */
export function requirementHref(run: RunResult, revision: string, id: string): string | undefined {
  const details = run.requirements[revision]?.[id];
  if (!details || !run.requirementUrl) return undefined;
  const values: Record<string, string> = {
    revision: encodeURIComponent(revision),
    page: details.page.split('/').map(encodeURIComponent).join('/'),
    anchor: encodeURIComponent(details.anchor),
    id: encodeURIComponent(id),
  };
  const href = run.requirementUrl.replace(/\{(revision|page|anchor|id)\}/g, (_, key: string) => values[key] ?? '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined;
  return href;
}

/** Cuts `text` to at most `max` characters (whole code points), saying how much was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… [${text.length - cut.length} more characters]`;
}

export const arrow = (direction: 'client-to-server' | 'server-to-client'): string =>
  direction === 'client-to-server' ? 'client → server' : 'server → client';

const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces what XML 1.0 forbids (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE, U+FFFF)
 * with a visible `\uXXXX`, so quoted wire bytes stay readable and the document stays well-formed. DEL and
 * the C1 controls are allowed but invisible, so they are shown the same way.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
