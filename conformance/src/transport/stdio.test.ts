import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HarnessError, StdioTransport } from './stdio.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));
const node = (name: string): string => `"${process.execPath}" "${fixture(name)}"`;
const REVISION = '2025-11-25';

const open: StdioTransport[] = [];
async function start(
  command: string,
  options: Parameters<typeof StdioTransport.start>[1] = {},
): Promise<StdioTransport> {
  const transport = await StdioTransport.start(command, { revision: REVISION, graceMs: 300, ...options });
  open.push(transport);
  return transport;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

/** Dead: no such process, or a zombie (orphans are reparented to init, which may not reap them in a container). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return true;
  }
}

describe('StdioTransport', () => {
  it('exchanges valid traffic that validates in both directions', async () => {
    const t = await start(node('echo-server.mjs'));
    t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(await t.request({ jsonrpc: '2.0', id: 1, method: 'ping' })).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    const tools = await t.request({ jsonrpc: '2.0', id: 'two', method: 'tools/list', params: {} });
    expect((tools.result as { tools: unknown[] }).tools).toHaveLength(1);
    await t.close();

    const entries = t.recorder.entries();
    expect(entries.map((e) => [e.direction, e.kind, e.definition, e.valid])).toEqual([
      ['client-to-server', 'notification', 'InitializedNotification', true],
      ['client-to-server', 'request', 'PingRequest', true],
      ['server-to-client', 'result-response', 'Result', true],
      ['client-to-server', 'request', 'ListToolsRequest', true],
      ['server-to-client', 'result-response', 'ListToolsResult', true],
    ]);
    expect(t.recorder.invalid()).toEqual([]);
  });

  it('records an invalid result as invalid, with a readable error', async () => {
    const t = await start(node('echo-server.mjs'), { env: { ...process.env, FIXTURE_MODE: 'invalid-tools' } });
    await t.request({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const [entry, ...rest] = t.recorder.invalid('server-to-client');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ definition: 'ListToolsResult', violation: 'schema', valid: false });
    expect(entry!.errors).toEqual(['/result/tools: must be array']);
    expect(t.recorder.invalid('client-to-server')).toEqual([]);
  });

  it('reports lines that are not JSON-RPC, and an over-long line, as violations and carries on', async () => {
    const t = await start(node('garbage-server.mjs'), { maxLineBytes: 1024 });
    await t.outputEnded;
    const entries = t.recorder.entries();
    expect(entries.map((e) => [e.kind, e.violation])).toEqual([
      ['invalid', 'framing'],
      ['invalid', 'framing'],
      ['invalid', 'jsonrpc'],
      ['invalid', 'jsonrpc'],
      ['invalid', 'framing'],
      ['notification', undefined],
    ]);
    expect(entries[0]!.errors[0]).toMatch(/^not JSON/);
    expect(entries[3]!.errors).toEqual(['a response must not carry both "result" and "error"']);
    expect(entries[4]!.errors[0]).toMatch(/longer than 1024 bytes/);
    expect(entries[5]!.valid).toBe(true);
  });

  it('delivers received messages through the async iterator', async () => {
    const t = await start(node('garbage-server.mjs'));
    const received: unknown[] = [];
    for await (const message of t.messages()) received.push(message);
    // JSON values only (valid or not): the three lines that are not JSON are recorded but not delivered.
    expect(received).toEqual([
      { hello: 'world' },
      { jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'both' } },
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed' },
    ]);
  });

  it('rejects a request to a server that never answers with a timeout error', async () => {
    const t = await start(node('hanging-server.mjs'));
    await expect(t.request({ jsonrpc: '2.0', id: 1, method: 'ping' }, 300)).rejects.toThrow(
      /timeout: request "ping" \(id 1\) got no response within 300 ms/,
    );
    expect(t.recorder.pending('client-to-server')).toEqual([{ seq: 1, method: 'ping' }]);
  });

  it('close() kills a server that ignores stdin closing, with its whole process group', async () => {
    // Two servers in one group: the shell's background job would outlive a kill of the shell alone.
    const t = await start(`${node('stubborn-server.mjs')} & ${node('stubborn-server.mjs')}; wait`);
    let pids: number[] = [];
    while (pids.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      pids = [...t.stderr().matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
    }
    for (const pid of pids) expect(gone(pid)).toBe(false);
    const status = await t.close();
    expect(status.signal).not.toBeNull();
    expect(() => process.kill(t.pid, 0)).toThrow();
    for (const pid of pids) expect(gone(pid), `pid ${pid}`).toBe(true);
  });

  it('refuses to send a message the schema rejects: an invalid harness message is a bug', async () => {
    const t = await start(node('echo-server.mjs'));
    expect(() => t.send({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 3 } })).toThrow(HarnessError);
    expect(t.recorder.entries()).toEqual([]);
    // Deliberately malformed traffic goes through sendRaw and is recorded as what it is.
    t.sendRaw('{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":3}}');
    expect(t.recorder.invalid('client-to-server')).toHaveLength(1);
  });

  it('fails pending requests when the server exits', async () => {
    const t = await start(`${node('hanging-server.mjs')}; exit 3`);
    const pending = t.request({ jsonrpc: '2.0', id: 1, method: 'ping' }, 60_000);
    await t.close();
    await expect(pending).rejects.toThrow(/exited|closed/);
  });
});
