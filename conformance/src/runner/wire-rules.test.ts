import { describe, expect, it } from 'vitest';
import { metaKeyProblems, traceValueProblem } from './wire-rules.ts';

const broken = (key: string): string[] => metaKeyProblems(key).map((p) => p.requirement);

describe('_meta key names', () => {
  it('accepts names with and without prefixes', () => {
    for (const key of ['progressToken', 'io.modelcontextprotocol/related-task', 'com.example/a.b_c-1', 'x/', 'a1/b'])
      expect(broken(key), key).toEqual([]);
  });

  it('names the rule each malformed key breaks', () => {
    expect(broken('a..b/x')).toEqual(['base.meta.prefix-labels']);
    expect(broken('/x')).toEqual(['base.meta.prefix-labels']);
    expect(broken('a_b/x')).toEqual(['base.meta.prefix-labels']);
    expect(broken('1a/x')).toEqual(['base.meta.label-start']);
    expect(broken('a-/x')).toEqual(['base.meta.label-end']);
    expect(broken('_x')).toEqual(['base.meta.name-start']);
    expect(broken('org.example/x.')).toEqual(['base.meta.name-end']);
  });
});

describe('trace context values', () => {
  it('accepts the W3C formats', () => {
    expect(traceValueProblem('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeUndefined();
    expect(traceValueProblem('tracestate', 'rojo=00f067aa0ba902b7, congo=t61rcWkgMzE')).toBeUndefined();
    expect(traceValueProblem('baggage', 'userId=alice, serverNode=DF%2028;p=1')).toBeUndefined();
    expect(traceValueProblem('progressToken', 7)).toBeUndefined();
  });

  it('rejects other values', () => {
    expect(traceValueProblem('traceparent', 'not-a-trace')).toBeDefined();
    expect(traceValueProblem('traceparent', '00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeDefined();
    expect(traceValueProblem('tracestate', 'Rojo=1')).toBeDefined();
    expect(traceValueProblem('baggage', 'no value')).toBeDefined();
    expect(traceValueProblem('baggage', 3)).toBeDefined();
  });
});
