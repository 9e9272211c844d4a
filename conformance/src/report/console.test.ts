import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from './console.ts';
import { sampleRun, scenarioOf } from './sample-run.ts';
import type { RunResult } from '../model/result.ts';

function fakeStream(columns?: number): { stream: NodeJS.WritableStream & { columns?: number }; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      writes.push(String(chunk));
      callback();
    },
  }) as Writable & { columns?: number };
  if (columns !== undefined) stream.columns = columns;
  return { stream, writes };
}

function drive(run: RunResult, options: { tty: boolean; color: boolean; verbose?: boolean; columns?: number }) {
  const { stream, writes } = fakeStream(options.columns);
  const reporter = createConsoleReporter({ stream, ...options });
  for (const scenario of run.scenarios) {
    reporter.scenarioStarted({ id: scenario.id, revision: scenario.revision, transport: scenario.transport });
    reporter.scenarioFinished(scenario);
  }
  reporter.finish(run);
  return writes;
}

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]`);

describe('console reporter, not a terminal (CI)', () => {
  const run = sampleRun();
  const text = drive(run, { tty: false, color: false }).join('');
  const lines = text.split('\n');

  it('writes plain lines only: no colour, no carriage returns', () => {
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain('\r');
  });

  it('prints one line per finished scenario with passed/decided checks', () => {
    expect(lines).toContain('PASS jsonrpc-ping [2025-06-18 stdio] 1/1');
    expect(lines).toContain('FAIL tools-list [2025-11-25 stdio] 1/2, 1 skipped');
    expect(lines).toContain('WARN lifecycle-initialize [2025-06-18 stdio] 1/2');
    expect(lines).toContain('XFAIL tools-call-simple [2025-06-18 stdio] 0/1');
    expect(lines).toContain('FAIL tools-list [2025-06-18 stdio] 1/2, 1 skipped');
    const scenarioLines = lines.filter((l) => /^(PASS|FAIL|WARN|XFAIL|ERROR|SKIP) \S+ \[/.test(l));
    // Each scenario once during the run (the summary indents its own mentions).
    expect(scenarioLines).toHaveLength(run.scenarios.length);
  });

  it('indents each failing check under its scenario with its message and requirements', () => {
    const at = lines.indexOf('FAIL tools-list [2025-06-18 stdio] 1/2, 1 skipped');
    expect(lines[at + 1]).toBe(
      '      FAIL result-valid: The result does not match ListToolsResult [tools.list.result]',
    );
    expect(lines[at + 2]).not.toMatch(/^\s+(PASS|SKIP)/);
    const http = lines.indexOf('ERROR http-post-accept [2025-06-18 http] 1/2, 1 skipped');
    expect(lines[http + 1]).toBe('      harness error: The server did not answer within 5000 ms');
    expect(lines[http + 2]).toBe(
      '      ERROR reject-missing-accept: The harness timed out waiting for the response [transports.http.accept] (not reached)',
    );
  });

  it('summarizes by area, lists failures, unreached checks, stale entries and the verdict', () => {
    const summary = text.slice(text.indexOf('Summary by area'));
    expect(summary).toMatch(/\n {2}lifecycle\s+pass {3}2 {2}fail {3}0 {2}warn {3}2 {2}skip {3}0 {2}error {3}0\n/);
    expect(summary).toMatch(/\n {2}tools\s+pass {3}2 {2}fail {3}4 /);
    expect(summary.indexOf('  lifecycle')).toBeLessThan(summary.indexOf('  tools'));
    expect(summary).toContain(
      'Revisions not run (the server does not speak them)\n  2024-11-05: the server answered initialize with protocolVersion "2025-06-18"',
    );
    expect(summary).toContain('10 scenario(s), 2 expected failure(s), 4 unreached check(s)');
    expect(summary).toContain(
      '  tools-call-simple [2025-11-25 stdio]\n    XFAIL call-result-valid: content[0].type "txt" is not a content block type [tools.call.result] (expected)',
    );
    expect(summary).toContain(
      'Unreached checks (the scenario ended before deciding them)\n  http-post-accept [2025-06-18 http] reject-missing-accept',
    );
    expect(summary).toContain(
      'Stale baseline entries in conformance-baseline.yml (nothing they name failed; remove them)\n  tools-call-simple:removed-check',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Verdict: nonconformant (exit 1: an unexcused failure or a stale baseline entry)',
    );
  });

  it('names a scenario once above all of its failures', () => {
    const twice = sampleRun();
    const scenario = scenarioOf(twice, 'tools-list');
    const failed = scenario.checks.find((c) => c.status === 'fail')!;
    scenario.checks.push({ ...failed, id: 'second-failure', message: 'another failure' });
    const listed = drive(twice, { tty: false, color: false }).join('');
    const failures = listed.slice(listed.indexOf('Failures, errors and warnings')).split('\n');
    const heading = failures.indexOf('  tools-list [2025-06-18 stdio]');
    expect(failures.filter((l) => l === '  tools-list [2025-06-18 stdio]')).toHaveLength(1);
    expect(failures[heading + 1]).toMatch(/^ {4}FAIL result-valid: /);
    expect(failures[heading + 2]).toMatch(/^ {4}FAIL second-failure: another failure /);
  });

  it('lists every check when verbose', () => {
    const verbose = drive(sampleRun(), { tty: false, color: false, verbose: true }).join('');
    expect(verbose).toContain(
      'PASS jsonrpc-ping [2025-06-18 stdio] 1/1\n      PASS ping-result [utilities.ping.response]\n',
    );
    expect(text).not.toContain('PASS ping-result');
  });

  it('keeps control characters and newlines in messages from garbling the log', () => {
    const hostile = sampleRun();
    scenarioOf(hostile, 'tools-list').checks[0]!.message = 'line one\nline two\u001b[2J\u0007';
    const out = drive(hostile, { tty: false, color: false }).join('');
    expect(out).toContain('FAIL result-valid: line one ⏎ line two\\u001B[2J\\u0007');
    expect(out).not.toMatch(ANSI);
  });

  it('drops the indentation of pretty-printed JSON in a message', () => {
    const pretty = sampleRun();
    scenarioOf(pretty, 'tools-list').checks[0]!.message = `answered with ${JSON.stringify([{ code: 'x' }], null, 2)}`;
    const out = drive(pretty, { tty: false, color: false }).join('');
    expect(out).toContain('FAIL result-valid: answered with [ ⏎ { ⏎ "code": "x" ⏎ } ⏎ ] [tools.list.result]');
  });
});

describe('console reporter in a terminal', () => {
  it('rewrites one status line in place and prints only scenarios that did not pass', () => {
    const run = sampleRun();
    const writes = drive(run, { tty: true, color: false, columns: 200 });
    const text = writes.join('');
    // Status updates start by returning to the line start and erasing it, and end without a newline.
    const status = writes.filter((w) => w.startsWith('\r\u001b[2K') && w.length > 5);
    expect(status.length).toBeGreaterThanOrEqual(run.scenarios.length * 2);
    expect(status.every((w) => !w.includes('\n'))).toBe(true);
    expect(status[0]).toBe('\r\u001b[2K0 done · running lifecycle-initialize [2025-06-18 stdio]');
    expect(status.at(-1)).toBe('\r\u001b[2K10 done (2 failed, 2 warned, 2 erred)');
    // Permanent lines are written after erasing the status line.
    expect(text).toContain('\r\u001b[2KFAIL tools-list [2025-06-18 stdio] 1/2, 1 skipped\n');
    expect(text).not.toContain('PASS jsonrpc-ping');
    expect(text).not.toMatch(new RegExp(`${ESC}\\[\\d+m`)); // no colour
    expect(text).toContain('Verdict: nonconformant');
  });

  it('fits the status line into the terminal width', () => {
    const writes = drive(sampleRun(), { tty: true, color: false, columns: 50 });
    for (const w of writes.filter((x) => x.startsWith('\r\u001b[2K') && !x.includes('\n')))
      expect(w.length - 5).toBeLessThanOrEqual(49);
  });

  it('colours statuses and the verdict when asked', () => {
    const text = drive(sampleRun(), { tty: true, color: true, columns: 120 }).join('');
    expect(text).toContain('\u001b[31mFAIL\u001b[0m tools-list [2025-06-18 stdio]');
    expect(text).toContain('\u001b[31mnonconformant\u001b[0m');
  });
});
