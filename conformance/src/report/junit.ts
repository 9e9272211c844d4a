/**
 * The JUnit XML reporter, for CI test-report views. One `<testsuite>` per scenario run (scenario ×
 * revision × transport), one `<testcase>` per check:
 *
 * - `fail` → `<failure>`; `warn` → `<failure>` under `--strict`, otherwise a passing case whose output says so;
 * - `error` → `<error>`; `skip` → `<skipped>`;
 * - a failure the baseline excused (`expected`) → `<skipped>` saying it was expected;
 * - a scenario that could not complete (`error` on the scenario) adds one `<error>` case of its own;
 * - stale baseline entries fail one case each in a last suite, `expected-failures baseline`.
 *
 * Checks carry no timing of their own, so a case's `time` is 0 and the suite's is the scenario's.
 * Evidence goes in the case's `<system-out>`, server stderr in the suite's `<system-err>`.
 */
import type { CheckResult, Evidence, RunResult, ScenarioResult } from '../model/result.ts';
import { arrow, scenarioLabel, truncate, visibleText } from './common.ts';

/** The most evidence text one test case carries; the rest is cut with a note. */
export const MAX_CASE_OUTPUT = 64 * 1024;

/** Text content: markup characters escaped, CR kept as a reference (a parser would turn it into LF). */
export function xmlText(text: string): string {
  return visibleText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes; tab, LF and CR as references so they survive normalization. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function evidenceText(evidence: Evidence): string {
  const head = [`#${evidence.seq}`, arrow(evidence.direction), `at ${evidence.at} ms`];
  if (evidence.http?.method !== undefined) head.push(`HTTP ${evidence.http.method}`);
  if (evidence.http?.status !== undefined) head.push(`status ${evidence.http.status}`);
  const lines = [head.join(' ')];
  for (const [name, value] of Object.entries(evidence.http?.headers ?? {})) lines.push(`  ${name}: ${value}`);
  for (const error of evidence.errors ?? []) lines.push(`  error: ${error}`);
  lines.push(`  ${evidence.raw}${evidence.truncated ? ' [truncated]' : ''}`);
  return lines.join('\n');
}

function caseOutput(check: CheckResult, strict: boolean): string {
  const lines: string[] = [];
  if (check.requirements.length > 0) lines.push(`requirements: ${check.requirements.join(', ')}`);
  if (check.status === 'warn' && !strict) lines.push(`WARN (${check.level} not met): ${check.message ?? ''}`);
  if (!check.reached) lines.push('not reached: the scenario ended before deciding this check');
  for (const evidence of check.evidence) lines.push(evidenceText(evidence));
  return truncate(lines.join('\n'), MAX_CASE_OUTPUT);
}

type Outcome = 'failure' | 'error' | 'skipped' | 'passed';

function outcomeOf(check: CheckResult, strict: boolean): Outcome {
  if (check.expected && (check.status === 'fail' || check.status === 'error' || check.status === 'warn'))
    return 'skipped';
  if (check.status === 'fail' || (check.status === 'warn' && strict)) return 'failure';
  if (check.status === 'error') return 'error';
  if (check.status === 'skip') return 'skipped';
  return 'passed';
}

function testcase(scenario: ScenarioResult, check: CheckResult, strict: boolean): { xml: string; outcome: Outcome } {
  const outcome = outcomeOf(check, strict);
  const message = check.message ?? '';
  const out: string[] = [
    `    <testcase${attrs({ name: `${check.id}: ${check.title}`, classname: scenario.id, time: seconds(0) })}>`,
  ];
  if (outcome === 'skipped') {
    const reason = check.expected ? `expected failure (baseline): ${check.status}: ${message}` : message;
    out.push(`      <skipped${attrs({ message: reason })}/>`);
  } else if (outcome === 'failure' || outcome === 'error') {
    const type = outcome === 'error' ? 'harness-error' : check.level;
    const body = [message, ...check.requirements.map((r) => `requirement ${r}`)].filter(Boolean).join('\n');
    out.push(`      <${outcome}${attrs({ message, type })}>${xmlText(body)}</${outcome}>`);
  }
  const output = caseOutput(check, strict);
  if (output) out.push(`      <system-out>${xmlText(output)}</system-out>`);
  out.push('    </testcase>');
  return { xml: out.join('\n'), outcome };
}

function testsuite(scenario: ScenarioResult, strict: boolean) {
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases: string[] = [];
  const tally = (outcome: Outcome): void => {
    counts.tests += 1;
    if (outcome === 'failure') counts.failures += 1;
    if (outcome === 'error') counts.errors += 1;
    if (outcome === 'skipped') counts.skipped += 1;
  };
  for (const check of scenario.checks) {
    const { xml, outcome } = testcase(scenario, check, strict);
    cases.push(xml);
    tally(outcome);
  }
  if (scenario.error !== undefined) {
    cases.push(
      [
        `    <testcase${attrs({ name: '(scenario): the scenario completes', classname: scenario.id, time: seconds(scenario.durationMs) })}>`,
        `      <error${attrs({ message: scenario.error, type: 'harness-error' })}>${xmlText(scenario.error)}</error>`,
        '    </testcase>',
      ].join('\n'),
    );
    tally('error');
  }
  const properties = [
    ['area', scenario.area],
    ['revision', scenario.revision],
    ['transport', scenario.transport],
    ['depth', scenario.depth],
    ['status', scenario.status],
  ]
    .map(([name, value]) => `      <property${attrs({ name, value })}/>`)
    .join('\n');
  const lines = [
    `  <testsuite${attrs({ name: scenarioLabel(scenario), ...counts, time: seconds(scenario.durationMs) })}>`,
    `    <properties>\n${properties}\n    </properties>`,
    ...cases,
  ];
  if (scenario.stderr)
    lines.push(`    <system-err>${xmlText(truncate(scenario.stderr, MAX_CASE_OUTPUT))}</system-err>`);
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), counts };
}

function isoTimestamp(text: string): string | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const STALE_MESSAGE = 'stale: the baseline lists it as an expected failure, but nothing it names failed';

/** The run as JUnit XML (UTF-8, XML 1.0), valid against `junit.xsd`. */
export function renderJunit(run: RunResult): string {
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const scenario of run.scenarios) {
    const { xml, counts } = testsuite(scenario, run.options.strict);
    suites.push(xml);
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
  }
  const stale = run.summary.staleBaselineEntries;
  if (stale.length > 0) {
    const cases = stale.map((entry) =>
      [
        `    <testcase${attrs({ name: entry, classname: 'expected-failures', time: seconds(0) })}>`,
        `      <failure${attrs({ message: STALE_MESSAGE, type: 'stale-baseline-entry' })}>${xmlText(`${entry}: ${STALE_MESSAGE}`)}</failure>`,
        '    </testcase>',
      ].join('\n'),
    );
    suites.push(
      [
        `  <testsuite${attrs({ name: `expected-failures baseline${run.options.baseline ? ` (${run.options.baseline})` : ''}`, tests: stale.length, failures: stale.length, errors: 0, skipped: 0, time: seconds(0) })}>`,
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
    totals.tests += stale.length;
    totals.failures += stale.length;
  }
  const head = attrs({
    name: `${run.tool.name} ${run.target.kind} (${run.summary.verdict})`,
    ...totals,
    time: seconds(run.durationMs),
    timestamp: isoTimestamp(run.startedAt),
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    suites.length === 0 ? `<testsuites${head}/>` : `<testsuites${head}>`,
    ...suites,
    ...(suites.length === 0 ? [] : ['</testsuites>']),
    '',
  ].join('\n');
}
