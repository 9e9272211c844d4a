/**
 * The expected-failures baseline, in the format of the official MCP conformance suite:
 *
 * ```yaml
 * server:
 *   - tools-call-simple            # a whole scenario
 *   - tools-list:result-valid      # one check of a scenario
 * client:
 *   - initialize
 * ```
 *
 * Both keys are optional; each holds a list of strings. `applyBaseline` marks the failures the baseline
 * excuses and reports the entries that excused nothing as stale (a stale entry fails the run).
 *
 * What counts as failing, for both: a check whose status is `fail` or `error` is excused (`expected:
 * true`). A `warn` fails a run only under `--strict`, so it is excused (marked) only when `strict` is
 * passed; either way it did not pass, so an entry covering it is not stale, and one baseline serves
 * strict and lenient runs alike. A `pass` or `skip`, or a scenario or check the run did not execute at
 * all, excuses nothing: an entry that only names those is stale. A scenario's own harness error (its
 * `error` field) is not excused: the run still ends in the `error` verdict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { ScenarioResult } from '../model/result.ts';

export type BaselineSide = 'server' | 'client';
export const BASELINE_SIDES: readonly BaselineSide[] = ['server', 'client'];

export interface BaselineEntry {
  /** As written: `scenario` or `scenario:check`. */
  entry: string;
  scenario: string;
  /** Absent for a whole-scenario entry. */
  check?: string;
  /** 1-based line in the file. */
  line: number;
}

export interface Baseline {
  file: string;
  server: BaselineEntry[];
  client: BaselineEntry[];
}

export interface BaselineProblem {
  /** 1-based; absent when the problem is the file as a whole. */
  line?: number;
  message: string;
}

/** A baseline that cannot be used; `problems` lists every one found, `format()` as `file:line: message`. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  readonly file: string;
  readonly problems: BaselineProblem[];

  constructor(file: string, problems: BaselineProblem[]) {
    const lines = problems.map((p) => `${file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
    super(lines.join('\n'));
    this.file = file;
    this.problems = problems;
  }

  /** Where the first problem is: its line, if any. */
  get line(): number | undefined {
    return this.problems[0]?.line;
  }

  /** One `file:line: message` line per problem. */
  format(): string {
    return this.message;
  }
}

/** Splits `scenario:check` at the first colon. */
function parseEntry(text: string, line: number): BaselineEntry | string {
  if (text.trim() === '') return 'an entry is empty; write a scenario id or "scenario:check-id"';
  if (/\s/.test(text)) return `"${text}" contains whitespace; write a scenario id or "scenario:check-id"`;
  const colon = text.indexOf(':');
  if (colon === -1) return { entry: text, scenario: text, line };
  const scenario = text.slice(0, colon);
  const check = text.slice(colon + 1);
  if (scenario === '' || check === '') return `"${text}" needs both parts: "scenario:check-id"`;
  return { entry: text, scenario, check, line };
}

const describeValue = (node: unknown): string => {
  if (isScalar(node)) return node.value === null ? 'an empty item' : `${typeof node.value} ${String(node.value)}`;
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  return 'not a string';
};

/** Reads and checks an expected-failures file; throws `BaselineError` listing every problem. */
export function loadBaseline(file: string): Baseline {
  if (!existsSync(file)) throw new BaselineError(file, [{ message: 'no such file' }]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(file, [{ message: `cannot read it: ${(error as Error).message}` }]);
  }
  return parseBaseline(text, file);
}

/** Checks the text of an expected-failures file (`file` is only used in messages). */
export function parseBaseline(text: string, file: string): Baseline {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

  const syntax = doc.errors.map((error) => ({
    line: lineCounter.linePos(error.pos[0]).line,
    message: `YAML syntax error: ${error.message.split('\n')[0]}`,
  }));
  if (syntax.length > 0) throw new BaselineError(file, syntax);

  const baseline: Baseline = { file, server: [], client: [] };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return baseline; // an empty file
  if (!isMap(contents)) {
    throw new BaselineError(file, [
      {
        line: lineOf(contents),
        message: `the top level must be a mapping with the keys ${BASELINE_SIDES.join(' and ')}, each a list; found ${describeValue(contents)}`,
      },
    ]);
  }

  const problems: BaselineProblem[] = [];
  for (const pair of contents.items) {
    const key = pair.key as Node | null;
    const keyText = isScalar(key) ? String(key.value) : undefined;
    if (keyText !== 'server' && keyText !== 'client') {
      problems.push({
        line: lineOf(key),
        message: `unknown key ${keyText !== undefined ? `"${keyText}"` : '(not a plain key)'}; allowed keys: ${BASELINE_SIDES.join(', ')}`,
      });
      continue;
    }
    let value = pair.value as Node | null;
    if (isAlias(value)) value = value.resolve(doc) as Node | null;
    if (value === null || (isScalar(value) && value.value === null)) continue; // `server:` with no entries
    if (!isSeq(value)) {
      problems.push({
        line: lineOf(value) ?? lineOf(key),
        message: `"${keyText}" must be a list of entries ("- scenario" or "- scenario:check-id"); found ${describeValue(value)}`,
      });
      continue;
    }
    const seen = new Map<string, number>();
    for (const raw of value.items) {
      const item = (isAlias(raw) ? raw.resolve(doc) : raw) as Node | null;
      const line = lineOf(raw as Node) ?? lineOf(value) ?? 0;
      if (isMap(item) && item.items.length === 1 && isPair(item.items[0]) && isScalar(item.items[0].key)) {
        const first = item.items[0];
        const k = String((first.key as { value: unknown }).value);
        const v = isScalar(first.value) ? String(first.value.value ?? '') : '…';
        problems.push({
          line,
          message:
            `"${k}: ${v}" is a mapping, not an entry; write it as the plain string "${k}:${v}" ` +
            '(no space after the colon, or quote it if it must contain ": ")',
        });
        continue;
      }
      if (!isScalar(item) || typeof item.value !== 'string') {
        problems.push({
          line,
          message: `an entry must be a string ("scenario" or "scenario:check-id"); found ${describeValue(item)}${isScalar(item) && item.value !== null ? ' (quote it)' : ''}`,
        });
        continue;
      }
      const parsed = parseEntry(item.value, line);
      if (typeof parsed === 'string') {
        problems.push({ line, message: parsed });
        continue;
      }
      const first = seen.get(parsed.entry);
      if (first !== undefined) {
        problems.push({ line, message: `duplicate entry "${parsed.entry}" (first on line ${first})` });
        continue;
      }
      seen.set(parsed.entry, line);
      baseline[keyText].push(parsed);
    }
  }
  if (problems.length > 0) throw new BaselineError(file, problems);
  return baseline;
}

/**
 * Marks the checks the baseline's `side` excuses with `expected: true` (in copies; the input is not
 * changed) and returns the entries that excused nothing, as written, in file order. See the module
 * comment for what counts as failing.
 */
export function applyBaseline(
  baseline: Baseline,
  side: BaselineSide,
  scenarios: readonly ScenarioResult[],
  options: { strict?: boolean } = {},
): { scenarios: ScenarioResult[]; stale: string[] } {
  const entries = baseline[side];
  const used = new Set<BaselineEntry>();
  const covering = (scenarioId: string, checkId: string): BaselineEntry[] =>
    entries.filter((e) => e.scenario === scenarioId && (e.check === undefined || e.check === checkId));

  const out = scenarios.map((scenario) => {
    let changed = false;
    const checks = scenario.checks.map((check) => {
      const notPassed = check.status === 'fail' || check.status === 'error' || check.status === 'warn';
      if (!notPassed) return check;
      const matches = covering(scenario.id, check.id);
      if (matches.length === 0) return check;
      for (const match of matches) used.add(match);
      const excuse = check.status !== 'warn' || options.strict === true;
      if (!excuse || check.expected) return check;
      changed = true;
      return { ...check, expected: true };
    });
    return changed ? { ...scenario, checks } : scenario;
  });
  return { scenarios: out, stale: entries.filter((e) => !used.has(e)).map((e) => e.entry) };
}
