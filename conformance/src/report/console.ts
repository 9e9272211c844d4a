/**
 * The console reporter. In a terminal (`tty`) it keeps one live status line, rewritten in place, and
 * prints only scenarios that did not pass above it; elsewhere (CI logs) it prints one plain line per
 * finished scenario, each failing check indented under it. `finish` prints the summary: counts per
 * area, failures and warnings with their requirement IDs, unreached checks, stale baseline entries and
 * the verdict with what its exit code means. `color: false` (e.g. `NO_COLOR`) writes no colour codes;
 * the status line still uses carriage return and erase-line in a terminal.
 */
import { CHECK_STATUSES } from '../model/result.ts';
import type { CheckResult, CheckStatus, RunResult, ScenarioResult } from '../model/result.ts';
import { VERDICT_MEANING, countChecks, countsByArea, notableChecks, scenarioLabel, unreachedChecks } from './common.ts';

export interface ConsoleReporterOptions {
  stream: NodeJS.WritableStream;
  /** Whether `stream` is a terminal: a live status line instead of one line per scenario. */
  tty: boolean;
  color: boolean;
  /** List every check of every scenario, not just the ones that did not pass. */
  verbose?: boolean;
}

export interface ScenarioStart {
  id: string;
  revision: string;
  transport: string;
}

export interface ConsoleReporter {
  scenarioStarted(scenario: ScenarioStart): void;
  scenarioFinished(result: ScenarioResult): void;
  finish(run: RunResult): void;
}

const CODES = { red: 31, green: 32, yellow: 33, magenta: 35, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;
const STATUS_STYLE: Record<CheckStatus, Style> = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  skip: 'dim',
  error: 'magenta',
};

const CLEAR_LINE = '\r\u001b[2K';

/** Control characters in messages would garble the terminal; show them as `\uXXXX`. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const plain = (text: string): string =>
  text.replace(CONTROL, (c) =>
    c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

const oneLine = (text: string, max = 300): string => {
  // Indentation after a line break (pretty-printed JSON in a server's message) is noise on one line.
  const flat = plain(text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ⏎ '));
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function createConsoleReporter(options: ConsoleReporterOptions): ConsoleReporter {
  const { stream, tty, color, verbose = false } = options;
  const paint = (style: Style, text: string): string => (color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const running = new Map<string, ScenarioStart>();
  const tally = { finished: 0, fail: 0, warn: 0, error: 0 };
  let statusShown = false;

  const label = (status: CheckStatus, expected = false): string =>
    paint(STATUS_STYLE[status], expected ? 'XFAIL' : status.toUpperCase());

  const clearStatus = (): void => {
    if (tty && statusShown) stream.write(CLEAR_LINE);
    statusShown = false;
  };

  const drawStatus = (): void => {
    if (!tty) return;
    const width = Math.max(40, ((stream as { columns?: number }).columns ?? 80) - 1);
    const names = [...running.values()].map((s) => scenarioLabel(s, ' '));
    const problems = [
      tally.fail ? `${tally.fail} failed` : '',
      tally.warn ? `${tally.warn} warned` : '',
      tally.error ? `${tally.error} erred` : '',
    ].filter(Boolean);
    let text = `${tally.finished} done${problems.length ? ` (${problems.join(', ')})` : ''}`;
    if (names.length > 0) text += ` · running ${names.join(', ')}`;
    if (text.length > width) text = `${text.slice(0, width - 1)}…`;
    stream.write(`${CLEAR_LINE}${paint('dim', text)}`);
    statusShown = true;
  };

  const write = (lines: string[]): void => {
    clearStatus();
    if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
  };

  const checkLine = (check: CheckResult, indent: string): string => {
    const requirements = check.requirements.length ? ` ${paint('dim', `[${check.requirements.join(', ')}]`)}` : '';
    const message = check.message ? `: ${oneLine(check.message)}` : '';
    const notes = [check.expected ? 'expected' : '', check.reached ? '' : 'not reached'].filter(Boolean);
    return `${indent}${label(check.status, check.expected)} ${check.id}${message}${requirements}${notes.length ? paint('dim', ` (${notes.join(', ')})`) : ''}`;
  };

  const scenarioLines = (result: ScenarioResult): string[] => {
    const counts = countChecks(result.checks);
    const decided = result.checks.length - counts.skip;
    const skipped = counts.skip ? `, ${counts.skip} skipped` : '';
    const excusedOnly =
      result.status === 'fail' && result.checks.every((c) => c.status !== 'fail' || c.expected === true);
    const lines = [
      `${label(result.status, excusedOnly)} ${scenarioLabel(result, ' ')} ${counts.pass}/${decided}${skipped}`,
    ];
    if (result.error !== undefined) lines.push(`      ${paint('magenta', 'harness error')}: ${oneLine(result.error)}`);
    for (const check of result.checks) {
      const notable = check.status === 'fail' || check.status === 'error' || check.status === 'warn';
      if (verbose || notable) lines.push(checkLine(check, '      '));
    }
    return lines;
  };

  return {
    scenarioStarted(scenario) {
      running.set(scenarioLabel(scenario), scenario);
      drawStatus();
    },

    scenarioFinished(result) {
      running.delete(scenarioLabel(result));
      tally.finished += 1;
      const counts = countChecks(result.checks.filter((c) => !c.expected));
      if (counts.fail) tally.fail += 1;
      else if (counts.error || result.error !== undefined) tally.error += 1;
      else if (counts.warn) tally.warn += 1;
      // A terminal shows what needs attention; a log shows every scenario.
      if (!tty || verbose || result.status !== 'pass') write(scenarioLines(result));
      drawStatus();
    },

    finish(run) {
      const { summary } = run;
      const out: string[] = ['', paint('bold', 'Summary by area')];
      const rows = countsByArea(run);
      const width = Math.max(8, ...rows.map(([area]) => area.length));
      for (const [area, counts] of rows) {
        const cells = CHECK_STATUSES.map((s) => {
          const cell = `${s} ${String(counts[s]).padStart(3)}`;
          return counts[s] > 0 && s !== 'pass' && s !== 'skip' ? paint(STATUS_STYLE[s], cell) : cell;
        });
        out.push(`  ${area.padEnd(width)}  ${cells.join('  ')}`);
      }
      out.push(
        `  ${'total'.padEnd(width)}  ${CHECK_STATUSES.map((s) => `${s} ${String(summary.checks[s]).padStart(3)}`).join('  ')}`,
        `  ${summary.scenarios} scenario(s), ${summary.expectedFailures} expected failure(s), ${summary.unreached} unreached check(s)`,
      );

      const notable = notableChecks(run);
      if (notable.length > 0) {
        out.push('', paint('bold', 'Failures, errors and warnings'));
        let previous: unknown;
        for (const { scenario, check } of notable) {
          // Checks of one scenario come together: its heading once.
          if (scenario !== previous) out.push(`  ${scenarioLabel(scenario, ' ')}`);
          previous = scenario;
          out.push(checkLine(check, '    '));
        }
      }
      const unreached = unreachedChecks(run);
      if (unreached.length > 0) {
        out.push('', paint('bold', 'Unreached checks (the scenario ended before deciding them)'));
        for (const { scenario, check } of unreached) out.push(`  ${scenarioLabel(scenario, ' ')} ${check.id}`);
      }
      const unsupported = Object.entries(run.unsupportedRevisions ?? {});
      if (unsupported.length > 0) {
        out.push('', paint('bold', 'Revisions not run (the server does not speak them)'));
        for (const [revision, why] of unsupported) out.push(`  ${revision}: ${oneLine(why)}`);
      }
      if (summary.staleBaselineEntries.length > 0) {
        const where = run.options.baseline ? ` in ${run.options.baseline}` : '';
        out.push('', paint('bold', `Stale baseline entries${where} (nothing they name failed; remove them)`));
        for (const entry of summary.staleBaselineEntries) out.push(`  ${paint('red', oneLine(entry))}`);
      }
      const verdictStyle: Style =
        summary.verdict === 'conforms' ? 'green' : summary.verdict === 'error' ? 'magenta' : 'red';
      out.push(
        '',
        `${paint('bold', 'Verdict:')} ${paint(verdictStyle, summary.verdict)} (${VERDICT_MEANING[summary.verdict]})`,
      );
      write(out);
    },
  };
}
