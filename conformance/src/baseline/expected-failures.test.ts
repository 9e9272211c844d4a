import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../model/result.ts';
import type { ScenarioResult } from '../model/result.ts';
import { checkOf, sampleRun } from '../report/sample-run.ts';
import { BaselineError, applyBaseline, loadBaseline, parseBaseline } from './expected-failures.ts';

const dir = mkdtempSync(join(tmpdir(), 'mcp-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The formatted error of loading `text`, with the temp directory cut off. */
function problems(text: string): string {
  const path = file('bad.yml', text);
  try {
    loadBaseline(path);
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineError);
    return (error as BaselineError).format().replaceAll(path, 'bad.yml');
  }
  throw new Error('expected a BaselineError');
}

describe('loadBaseline', () => {
  it('reads server and client entries, whole scenarios and single checks, with their lines', () => {
    const path = file(
      'ok.yml',
      '# known gaps\nserver:\n  - tools-call-simple\n  - tools-list:result-valid\n  - "quoted:check"\nclient:\n  - initialize\n',
    );
    expect(loadBaseline(path)).toEqual({
      file: path,
      server: [
        { entry: 'tools-call-simple', scenario: 'tools-call-simple', line: 3 },
        { entry: 'tools-list:result-valid', scenario: 'tools-list', check: 'result-valid', line: 4 },
        { entry: 'quoted:check', scenario: 'quoted', check: 'check', line: 5 },
      ],
      client: [{ entry: 'initialize', scenario: 'initialize', line: 7 }],
    });
  });

  it('accepts an empty file, a missing side and an empty side', () => {
    expect(parseBaseline('', 'x.yml')).toEqual({ file: 'x.yml', server: [], client: [] });
    expect(parseBaseline('# nothing yet\n', 'x.yml').server).toEqual([]);
    expect(parseBaseline('client:\n  - a\n', 'x.yml').server).toEqual([]);
    expect(parseBaseline('server:\nclient: []\n', 'x.yml')).toEqual({ file: 'x.yml', server: [], client: [] });
  });

  it('reports a missing file', () => {
    expect(() => loadBaseline(join(dir, 'missing.yml'))).toThrow(BaselineError);
    expect(() => loadBaseline(join(dir, 'missing.yml'))).toThrow(/missing\.yml: no such file$/);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('server:\n  - a\n\tclient: x\n')).toBe(
      'bad.yml:3: YAML syntax error: Tabs are not allowed as indentation',
    );
    expect(problems('server:\n  - a: b: c\n')).toMatch(/^bad\.yml:2: YAML syntax error: Nested mappings/);
    expect(problems('server:\n  - a\nserver:\n  - b\n')).toMatch(
      /^bad\.yml:3: YAML syntax error: Map keys must be unique/,
    );
  });

  it('requires a mapping at the top level', () => {
    expect(problems('- tools-list\n')).toBe(
      'bad.yml:1: the top level must be a mapping with the keys server and client, each a list; found a list',
    );
    expect(problems('just text\n')).toMatch(/^bad\.yml:1: the top level must be a mapping .* found string just text$/);
  });

  it('names the allowed keys for an unknown one', () => {
    expect(problems('servers:\n  - a\n')).toBe('bad.yml:1: unknown key "servers"; allowed keys: server, client');
  });

  it('requires each side to be a list', () => {
    expect(problems('server: tools-list\n')).toBe(
      'bad.yml:1: "server" must be a list of entries ("- scenario" or "- scenario:check-id"); found string tools-list',
    );
  });

  it('explains a misplaced "scenario: check" mapping item', () => {
    expect(problems('server:\n  - ok\n  - tools-list: result-valid\n')).toBe(
      'bad.yml:3: "tools-list: result-valid" is a mapping, not an entry; write it as the plain string ' +
        '"tools-list:result-valid" (no space after the colon, or quote it if it must contain ": ")',
    );
  });

  it('rejects items that are not strings, empty items and duplicates, listing every problem', () => {
    const text = problems('server:\n  - 42\n  - true\n  -\n  - [a, b]\n  - a\n  - "a"\n  - ":x"\n  - "a b"\n');
    expect(text.split('\n')).toEqual([
      'bad.yml:2: an entry must be a string ("scenario" or "scenario:check-id"); found number 42 (quote it)',
      'bad.yml:3: an entry must be a string ("scenario" or "scenario:check-id"); found boolean true (quote it)',
      'bad.yml:4: an entry must be a string ("scenario" or "scenario:check-id"); found an empty item',
      'bad.yml:5: an entry must be a string ("scenario" or "scenario:check-id"); found a list',
      'bad.yml:7: duplicate entry "a" (first on line 6)',
      'bad.yml:8: ":x" needs both parts: "scenario:check-id"',
      'bad.yml:9: "a b" contains whitespace; write a scenario id or "scenario:check-id"',
    ]);
  });

  it('keeps the file and lines on the error object', () => {
    try {
      parseBaseline('server:\n  - a\n  - a\n', 'b.yml');
    } catch (error) {
      expect(error).toBeInstanceOf(BaselineError);
      expect((error as BaselineError).file).toBe('b.yml');
      expect((error as BaselineError).line).toBe(3);
      expect((error as BaselineError).problems).toHaveLength(1);
      return;
    }
    throw new Error('expected a BaselineError');
  });
});

describe('applyBaseline', () => {
  /** The sample run with no baseline applied yet. */
  const fresh = (): ScenarioResult[] =>
    sampleRun().scenarios.map((s) => ({ ...s, checks: s.checks.map((c) => ({ ...c, expected: undefined })) }));
  const expectedIds = (scenarios: ScenarioResult[]): string[] =>
    scenarios.flatMap((s) => s.checks.filter((c) => c.expected).map((c) => `${s.id}:${c.id}@${s.revision}`));

  it('marks failures covered by a whole-scenario or a single-check entry, in every revision', () => {
    const baseline = parseBaseline('server:\n  - tools-call-simple\n  - tools-list:result-valid\n', 'b.yml');
    const input = fresh();
    const { scenarios, stale } = applyBaseline(baseline, 'server', input);
    expect(stale).toEqual([]);
    expect(expectedIds(scenarios).sort()).toEqual([
      'tools-call-simple:call-result-valid@2025-06-18',
      'tools-call-simple:call-result-valid@2025-11-25',
      'tools-list:result-valid@2025-06-18',
      'tools-list:result-valid@2025-11-25',
    ]);
    // The input is left alone.
    expect(expectedIds(input)).toEqual([]);
    // With every failure excused, what is left decides the verdict: the harness errors.
    expect(summarize(scenarios, { strict: false, staleBaselineEntries: stale }).verdict).toBe('error');
  });

  it('excuses harness errors on checks; warnings only under strict, though they keep an entry from being stale', () => {
    const baseline = parseBaseline(
      'server:\n  - http-post-accept:reject-missing-accept\n  - lifecycle-initialize:server-info-version\n',
      'b.yml',
    );
    const lenient = applyBaseline(baseline, 'server', fresh());
    expect(lenient.stale).toEqual([]);
    expect(expectedIds(lenient.scenarios).filter((id) => id.startsWith('lifecycle'))).toEqual([]);
    expect(expectedIds(lenient.scenarios).filter((id) => id.startsWith('http'))).toHaveLength(2);
    const strict = applyBaseline(baseline, 'server', fresh(), { strict: true });
    expect(strict.stale).toEqual([]);
    expect(expectedIds(strict.scenarios).filter((id) => id.startsWith('lifecycle'))).toHaveLength(2);
  });

  it('reports as stale entries whose checks passed or skipped, and ones naming what never ran', () => {
    const baseline = parseBaseline(
      [
        'server:',
        '  - jsonrpc-ping', // passes
        '  - tools-list:tool-names-unique', // passes
        '  - tools-list:pagination-cursor', // skipped
        '  - no-such-scenario',
        '  - tools-list:no-such-check',
        '  - tools-list:result-valid', // fails: used
        'client:',
        '  - initialize', // no such scenario in this run
        '',
      ].join('\n'),
      'b.yml',
    );
    const { stale } = applyBaseline(baseline, 'server', fresh());
    expect(stale).toEqual([
      'jsonrpc-ping',
      'tools-list:tool-names-unique',
      'tools-list:pagination-cursor',
      'no-such-scenario',
      'tools-list:no-such-check',
    ]);
    const { stale: clientStale } = applyBaseline(baseline, 'client', fresh());
    expect(clientStale).toEqual(['initialize']);
  });

  it('does not excuse checks a scenario-level entry covers when they pass', () => {
    const baseline = parseBaseline('server:\n  - tools-list\n', 'b.yml');
    const { scenarios, stale } = applyBaseline(baseline, 'server', fresh());
    expect(stale).toEqual([]);
    const run = sampleRun();
    run.scenarios = scenarios;
    expect(checkOf(run, 'tools-list', 'tool-names-unique').expected).toBeUndefined();
    expect(checkOf(run, 'tools-list', 'result-valid').expected).toBe(true);
  });
});
