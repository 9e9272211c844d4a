import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, MAX_RAW_BYTES, Recorder } from './recorder.ts';

const line = (value: unknown): string => JSON.stringify(value);

describe('Recorder', () => {
  it('validates a request and its response against the definitions of the method (2025-11-25)', () => {
    const r = new Recorder('2025-11-25');
    const request = r.record('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    expect(request).toMatchObject({ seq: 1, kind: 'request', definition: 'ListToolsRequest', valid: true, errors: [] });
    const response = r.record('server-to-client', line({ jsonrpc: '2.0', id: 1, result: { tools: [] } }));
    expect(response).toMatchObject({ kind: 'result-response', definition: 'ListToolsResult', answers: 1, valid: true });
    expect(r.pending('client-to-server')).toEqual([]);
  });

  it('validates the answer to a task-augmented request as a CreateTaskResult only when it carries a task', () => {
    const r = new Recorder('2025-11-25');
    const task = { ttl: 60_000 };
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { task } }));
    const ordinary = r.record('server-to-client', line({ jsonrpc: '2.0', id: 1, result: { tools: [] } }));
    expect(ordinary).toMatchObject({ definition: 'ListToolsResult', valid: true });
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { task } }));
    const created = r.record('server-to-client', line({ jsonrpc: '2.0', id: 2, result: { task: { taskId: 7 } } }));
    expect(created).toMatchObject({ definition: 'CreateTaskResult', valid: false });
  });

  it('validates `{ method, params }` for revisions whose definitions have no envelope (2024-11-05)', () => {
    const r = new Recorder('2024-11-05');
    expect(r.record('client-to-server', line({ jsonrpc: '2.0', id: 'a', method: 'ping' })).valid).toBe(true);
    expect(r.record('server-to-client', line({ jsonrpc: '2.0', id: 'a', result: {} })).valid).toBe(true);
    const bad = r.record('client-to-server', line({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: {} }));
    expect(bad.valid).toBe(false);
    expect(bad.errors.join('\n')).toMatch(/\/params: must have required property 'name'/);
  });

  it('reports an invalid result with a readable path under /result', () => {
    const r = new Recorder('2025-11-25');
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 7, method: 'tools/list' }));
    const entry = r.record('server-to-client', line({ jsonrpc: '2.0', id: 7, result: { tools: 'no' } }));
    expect(entry).toMatchObject({ valid: false, violation: 'schema', definition: 'ListToolsResult' });
    expect(entry.errors).toContain('/result/tools: must be array');
    expect(r.invalid('server-to-client')).toEqual([entry]);
    expect(r.invalid('client-to-server')).toEqual([]);
  });

  it('takes a response replayed on a resumed stream as a redelivery, and only then', () => {
    const r = new Recorder('2025-11-25');
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 3, method: 'tools/list' }));
    const answer = line({ jsonrpc: '2.0', id: 3, result: { tools: [] } });
    expect(r.record('server-to-client', answer).valid).toBe(true);
    const replay = r.record('server-to-client', answer, { replayed: true });
    expect(replay).toMatchObject({ valid: true, definition: 'ListToolsResult' });
    expect(r.record('server-to-client', answer).errors).toEqual(['/id: answers no outstanding request (id 3)']);
    expect(r.record('server-to-client', line({ jsonrpc: '2.0', id: 4, result: {} }), { replayed: true }).valid).toBe(
      false,
    );
  });

  it('flags responses to no outstanding request, reused ids and unknown methods', () => {
    const r = new Recorder('2025-11-25');
    expect(r.record('server-to-client', line({ jsonrpc: '2.0', id: 9, result: {} })).errors).toEqual([
      '/id: answers no outstanding request (id 9)',
    ]);
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    expect(r.record('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'ping' })).errors[0]).toMatch(
      /already used by request #2/,
    );
    expect(r.record('client-to-server', line({ jsonrpc: '2.0', id: 3, method: 'no/such' })).errors[0]).toMatch(
      /defines no request with method "no\/such"/,
    );
  });

  it('records framing and JSON-RPC violations', () => {
    const r = new Recorder('latest');
    expect(r.record('server-to-client', 'hello')).toMatchObject({
      kind: 'invalid',
      violation: 'framing',
      valid: false,
    });
    expect(r.record('server-to-client', '{"id":1}')).toMatchObject({ kind: 'invalid', violation: 'jsonrpc' });
  });

  it('validates error responses against the JSON-RPC error definition', () => {
    const r = new Recorder('2025-11-25');
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    const entry = r.record('server-to-client', line({ jsonrpc: '2.0', id: 1, error: { code: 'x', message: 'm' } }));
    expect(entry).toMatchObject({ kind: 'error-response', definition: 'JSONRPCErrorResponse', answers: 1 });
    expect(entry.errors).toContain('/error/code: must be integer');
  });

  it('rejects batches in revisions that do not allow them, and checks each member where they do', () => {
    const batch = line([{ jsonrpc: '2.0', id: 1, method: 'ping' }]);
    expect(new Recorder('2025-11-25').record('client-to-server', batch).errors).toContain(
      '(root): revision 2025-11-25 does not allow JSON-RPC batches',
    );
    const r = new Recorder('2025-03-26');
    expect(r.record('client-to-server', batch)).toMatchObject({ kind: 'batch', valid: true });
    expect(r.record('server-to-client', line([{ jsonrpc: '2.0', id: 1, result: {} }])).valid).toBe(true);
  });

  it('truncates long raw text and flags it', () => {
    const r = new Recorder('latest');
    const entry = r.record('server-to-client', 'x'.repeat(MAX_RAW_BYTES + 10));
    expect(entry.truncated).toBe(true);
    expect(entry.raw.length).toBe(MAX_RAW_BYTES);
  });

  it('previews without recording or changing state', () => {
    const r = new Recorder('2025-11-25');
    expect(r.preview('client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'ping' })).valid).toBe(true);
    expect(r.entries()).toEqual([]);
    expect(r.pending('client-to-server')).toEqual([]);
  });

  it('records a previewed line as it would have without the preview', () => {
    const traffic: Array<['client-to-server' | 'server-to-client', string]> = [
      ['server-to-client', line({ jsonrpc: '2.0', id: 'x', method: 'roots/list' })],
      ['client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'tools/list' })],
      ['client-to-server', line({ jsonrpc: '2.0', id: 'x', result: { roots: [] } })],
      ['client-to-server', line({ jsonrpc: '2.0', id: 1, method: 'ping' })],
      ['client-to-server', '{not json'],
    ];
    const plain = new Recorder('2025-11-25');
    const previewed = new Recorder('2025-11-25');
    for (const [direction, raw] of traffic) {
      const expected = plain.record(direction, raw);
      previewed.preview(direction, raw);
      expect({ ...previewed.record(direction, raw), at: 0 }).toEqual({ ...expected, at: 0 });
    }
    // A preview followed by another recorded line is not reused.
    const late = new Recorder('2025-11-25');
    late.preview('client-to-server', line({ jsonrpc: '2.0', id: 1, result: {} }));
    late.record('server-to-client', line({ jsonrpc: '2.0', id: 1, method: 'ping' }));
    expect(late.record('client-to-server', line({ jsonrpc: '2.0', id: 1, result: {} })).answers).toBe(1);
  });

  it('accepts "id": null on the error answering an unreadable request, in every revision', () => {
    for (const revision of ['2024-11-05', '2025-11-25', '2026-07-28']) {
      const r = new Recorder(revision);
      r.record('client-to-server', '{"jsonrpc": "2.0", "id": 1, "method": ');
      const answer = r.record(
        'server-to-client',
        line({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }),
      );
      expect(answer.errors, revision).toEqual([]);
    }
  });

  it('matches the answer to an invalid request whose id is readable', () => {
    const r = new Recorder('2025-11-25');
    r.record('client-to-server', line({ jsonrpc: '2.0', id: 'x', method: 42 }));
    const answer = r.record(
      'server-to-client',
      line({ jsonrpc: '2.0', id: 'x', error: { code: -32600, message: 'Invalid request' } }),
    );
    expect(answer.valid).toBe(true);
    expect(answer.answers).toBe(1);
  });

  it('validates an input_required result as InputRequiredResult (2026-07-28)', () => {
    const r = new Recorder('2026-07-28');
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
    };
    r.record(
      'client-to-server',
      line({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 't', _meta: meta } }),
    );
    const answer = r.record(
      'server-to-client',
      line({ jsonrpc: '2.0', id: 1, result: { resultType: 'input_required', requestState: 'opaque' } }),
    );
    expect(answer.definition).toBe('InputRequiredResult');
    expect(answer.errors).toEqual([]);
  });

  it('keeps a bounded record of a flooding peer and counts the rest', () => {
    const r = new Recorder('2025-11-25');
    const note = line({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } });
    for (let n = 0; n < MAX_ENTRIES + 5; n++) r.record('server-to-client', note);
    expect(r.entries()).toHaveLength(MAX_ENTRIES);
    expect(r.dropped).toBe(5);
  });
});
