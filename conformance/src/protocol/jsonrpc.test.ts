import { describe, expect, it } from 'vitest';
import { classify, parseLine } from './jsonrpc.ts';

describe('classify', () => {
  it('recognises the four message kinds', () => {
    expect(classify({ jsonrpc: '2.0', id: 1, method: 'ping' })).toEqual({ kind: 'request', id: 1, method: 'ping' });
    expect(classify({ jsonrpc: '2.0', method: 'notifications/initialized' })).toEqual({
      kind: 'notification',
      method: 'notifications/initialized',
    });
    expect(classify({ jsonrpc: '2.0', id: 'a', result: {} })).toEqual({ kind: 'result-response', id: 'a' });
    expect(classify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'x' } })).toEqual({
      kind: 'error-response',
      id: null,
    });
  });

  it('classifies each member of a batch', () => {
    const batch = classify([{ jsonrpc: '2.0', method: 'a' }, 3]);
    expect(batch.kind).toBe('batch');
    expect(batch.kind === 'batch' && batch.items.map((i) => i.kind)).toEqual(['notification', 'invalid']);
  });

  it.each([
    [3, /not an object/],
    [null, /not an object: got null/],
    [[], /empty array/],
    [{ id: 1, method: 'ping' }, /missing "jsonrpc"/],
    [{ jsonrpc: '1.0', id: 1, method: 'ping' }, /must be "2.0"/],
    [{ jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'x' } }, /both "result" and "error"/],
    [{ jsonrpc: '2.0', id: true, method: 'ping' }, /request "id" must be a string or a number/],
    [{ jsonrpc: '2.0', id: null, method: 'ping' }, /request "id"/],
    [{ jsonrpc: '2.0', id: {}, result: {} }, /response "id"/],
    [{ jsonrpc: '2.0', result: {} }, /must carry the "id"/],
    [{ jsonrpc: '2.0', id: 1 }, /neither a request/],
    [{ jsonrpc: '2.0', method: 7 }, /"method" must be a string/],
    [{ jsonrpc: '2.0', method: 'x', result: {} }, /must not carry "result"/],
    [{ jsonrpc: '2.0', method: 'x', params: 'p' }, /"params" must be an object or an array/],
    [{ jsonrpc: '2.0', id: 1, error: 'bad' }, /"error" must be an object/],
  ])('rejects %j with a reason', (value, reason) => {
    const result = classify(value);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });
});

describe('parseLine', () => {
  it('parses JSON and tolerates a trailing carriage return', () => {
    expect(parseLine('{"a":1}\r')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('never throws on text that is not JSON', () => {
    const result = parseLine('{"a":');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^not JSON/);
    expect(parseLine('')).toEqual({ ok: false, error: 'empty line' });
  });
});
