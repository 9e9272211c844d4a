import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES, summarize } from '../model/result.ts';
import type { RunResult } from '../model/result.ts';
import { renderJson, resultSchema } from './json.ts';
import { sampleRun, scenarioOf } from './sample-run.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break documents at any depth
type Doc = Record<string, any>;

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(resultSchema);
}

const roundTrip = (run: RunResult): unknown => JSON.parse(renderJson(run));

describe('result.schema.json', () => {
  const validate = validator();

  it('accepts the sample run and variants of it', () => {
    const runs: RunResult[] = [sampleRun(), sampleRun({ strict: true })];

    const passing = sampleRun();
    passing.scenarios = passing.scenarios.filter((s) => s.checks.every((c) => c.status === 'pass'));
    passing.summary = summarize(passing.scenarios, { strict: false });
    passing.target = { kind: 'client', transport: 'http', url: 'http://127.0.0.1:3000/mcp' };
    delete passing.options.baseline;
    runs.push(passing);

    const empty = sampleRun();
    empty.scenarios = [];
    empty.revisions = [];
    empty.requirements = {};
    empty.summary = summarize([], { strict: false });
    runs.push(empty);

    for (const run of runs) {
      const ok = validate(roundTrip(run));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(passing.summary.verdict).toBe('conforms');
    expect(runs[0]!.summary.verdict).toBe('nonconformant');
  });

  it('covers what the sample is meant to exercise', () => {
    const run = sampleRun();
    const checks = run.scenarios.flatMap((s) => s.checks);
    for (const status of CHECK_STATUSES) expect(checks.some((c) => c.status === status)).toBe(true);
    expect(checks.some((c) => !c.reached)).toBe(true);
    expect(checks.some((c) => c.expected)).toBe(true);
    expect(checks.some((c) => c.evidence.some((e) => e.http?.status !== undefined))).toBe(true);
    expect(run.summary.staleBaselineEntries).toHaveLength(1);
  });

  it('rejects broken documents, naming the offending path', () => {
    const cases: [string, (doc: Doc) => void, string][] = [
      ['unknown status', (d) => (d.scenarios[0].checks[0].status = 'passed'), '/scenarios/0/checks/0/status'],
      ['unknown area', (d) => (d.scenarios[1].area = 'tooling'), '/scenarios/1/area'],
      ['missing check id', (d) => delete d.scenarios[0].checks[0].id, '/scenarios/0/checks/0'],
      ['extra property', (d) => (d.scenarios[0].checks[0].passed = true), '/scenarios/0/checks/0'],
      ['wrong format', (d) => (d.format = 'junit'), '/format'],
      ['bad level', (d) => (d.scenarios[0].checks[1].level = 'should'), '/scenarios/0/checks/1/level'],
      ['bad exit code', (d) => (d.summary.exitCode = 3), '/summary/exitCode'],
      ['bad timestamp', (d) => (d.startedAt = 'yesterday'), '/startedAt'],
      ['missing count', (d) => delete d.summary.checks.skip, '/summary/checks'],
      ['bad evidence', (d) => (d.scenarios[1].checks[0].evidence[0].direction = 'up'), '/evidence/0/direction'],
      ['bad requirement', (d) => delete d.requirements['2025-11-25']['tools.list.result'].anchor, '/requirements'],
    ];
    for (const [name, mutate, path] of cases) {
      const doc = roundTrip(sampleRun()) as Doc;
      mutate(doc);
      expect(validate(doc), name).toBe(false);
      expect(
        validate.errors?.some((e) => e.instancePath.includes(path)),
        `${name}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
  });

  it('lists exactly the statuses of the model', () => {
    const defs = resultSchema.$defs as Record<string, { enum: unknown[] }>;
    expect(defs.CheckStatus!.enum).toEqual([...CHECK_STATUSES]);
  });
});

describe('renderJson', () => {
  it('is pretty, ends with a newline and parses back to the same run', () => {
    const run = sampleRun();
    const text = renderJson(run);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "mcp-conformance/run",\n');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(run)));
  });

  it('is stable: key order does not depend on how the objects were built', () => {
    const run = sampleRun();
    const shuffled = JSON.parse(JSON.stringify(run), function (this: unknown, _key, value: unknown) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    }) as RunResult;
    expect(renderJson(shuffled)).toBe(renderJson(run));
    const keys = Object.keys(JSON.parse(renderJson(shuffled)) as object);
    expect(keys.slice(0, 3)).toEqual(['format', 'formatVersion', 'tool']);
    const index = run.scenarios.indexOf(scenarioOf(run, 'http-post-accept'));
    const headers = JSON.parse(renderJson(run)).scenarios[index].checks[0].evidence[0].http;
    expect(Object.keys(headers)).toEqual(['method', 'status', 'headers']);
  });

  it('drops undefined optional fields', () => {
    const run = sampleRun();
    run.scenarios[0]!.checks[0]!.message = undefined;
    expect(renderJson(run)).not.toContain('"message": null');
    expect(validator()(JSON.parse(renderJson(run)))).toBe(true);
  });
});
