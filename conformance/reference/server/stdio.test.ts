import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../schema/index.ts';

const ENTRY = fileURLToPath(new URL('./stdio.ts', import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test messages are read loosely
type Msg = Record<string, any>;

interface Running {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  send(message: Msg | string): void;
  waitFor(predicate: (m: Msg) => boolean): Promise<Msg>;
  exit: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  const waiters: { predicate: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    let parsed: Msg;
    try {
      parsed = JSON.parse(line) as Msg;
    } catch {
      return;
    }
    for (const w of [...waiters]) {
      if (w.predicate(parsed)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(parsed);
      }
    }
  });
  child.stderr.resume();
  return {
    child,
    lines,
    send: (message) => child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    waitFor: (predicate) => {
      for (const line of lines) {
        try {
          const m = JSON.parse(line) as Msg;
          if (predicate(m)) return Promise.resolve(m);
        } catch {
          // not JSON
        }
      }
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('stdio entry point', () => {
  it('serves a stateful session and exits 0 when stdin closes', async () => {
    const s = start();
    s.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    const init = await s.waitFor((m) => m.id === 1);
    expect(init.result.protocolVersion).toBe('2025-11-25');
    expect(validate('2025-11-25', 'InitializeResult', init.result).valid).toBe(true);
    s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    s.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'test_simple_text', arguments: {} } });
    const call = await s.waitFor((m) => m.id === 2);
    expect(call.result.content[0].text).toBe('This is a simple text response for testing.');
    s.send('{not json');
    const parseError = await s.waitFor((m) => m.error?.code === -32700);
    expect(parseError.id).toBeNull();
    s.child.stdin.end();
    expect(await s.exit).toBe(0);
    for (const line of s.lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('serves a stateless exchange with a subscription', async () => {
    const s = start();
    const meta = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    s.send({ jsonrpc: '2.0', id: 'd', method: 'server/discover', params: { _meta: meta } });
    const discover = await s.waitFor((m) => m.id === 'd');
    expect(validate('2026-07-28', 'DiscoverResult', discover.result).valid).toBe(true);
    s.send({
      jsonrpc: '2.0',
      id: 'sub',
      method: 'subscriptions/listen',
      params: { notifications: { toolsListChanged: true }, _meta: meta },
    });
    await s.waitFor((m) => m.method === 'notifications/subscriptions/acknowledged');
    s.send({
      jsonrpc: '2.0',
      id: 't',
      method: 'tools/call',
      params: { name: 'test_trigger_tool_change', _meta: meta },
    });
    const changed = await s.waitFor((m) => m.method === 'notifications/tools/list_changed');
    expect(changed.params._meta['io.modelcontextprotocol/subscriptionId']).toBe('sub');
    s.child.stdin.end();
    const closing = await s.waitFor((m) => m.id === 'sub');
    expect(closing.result._meta['io.modelcontextprotocol/subscriptionId']).toBe('sub');
    expect(await s.exit).toBe(0);
  });

  it('injects the fault named by MCP_REFERENCE_FAULT', async () => {
    const s = start({ MCP_REFERENCE_FAULT: 'stdout-garbage' });
    s.child.stdin.end();
    expect(await s.exit).toBe(0);
    expect(s.lines.some((line) => !line.startsWith('{'))).toBe(true);
  });
});
