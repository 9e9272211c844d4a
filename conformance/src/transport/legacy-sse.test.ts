import { afterEach, describe, expect, it } from 'vitest';
import { startServer, stopServers, type TestServer } from '../../test/fixtures/http-servers.ts';
import { HttpStatusError, type HttpOptions } from './http.ts';
import { LegacySseTransport } from './legacy-sse.ts';
import { HarnessError } from './stdio.ts';

const REVISION = '2024-11-05';
const open: LegacySseTransport[] = [];

async function connect(server: TestServer, path: string, options: HttpOptions = {}): Promise<LegacySseTransport> {
  const transport = await LegacySseTransport.connect(server.url(path), { revision: REVISION, ...options });
  open.push(transport);
  return transport;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await stopServers();
});

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: REVISION, capabilities: {}, clientInfo: { name: 'test', version: '1' } },
};

describe('LegacySseTransport', () => {
  it('follows the endpoint event and exchanges valid traffic', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const t = await connect(server, '/sse', { headers: { Authorization: 'Bearer x' } });
    expect(t.endpoint).toBe(server.url('/messages?session=s1'));
    const seen: unknown[] = [];
    t.onMessage((message) => seen.push(message));

    const init = await t.request(initialize);
    expect((init.result as { protocolVersion: string }).protocolVersion).toBe(REVISION);
    t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(await t.request({ jsonrpc: '2.0', id: 2, method: 'ping' })).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    expect(seen).toHaveLength(2);

    const post = await server.waitFor((e) => e.method === 'POST' && e.body?.includes('"ping"') === true);
    expect(post).toMatchObject({ path: '/messages', query: '?session=s1' });
    expect(post.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer x' });
    const get = await server.waitFor((e) => e.method === 'GET');
    expect(get.headers).toMatchObject({ accept: 'text/event-stream', authorization: 'Bearer x' });

    expect(t.recorder.entries().map((e) => [e.direction, e.kind, e.definition, e.valid])).toEqual([
      ['client-to-server', 'request', 'InitializeRequest', true],
      ['server-to-client', 'result-response', 'InitializeResult', true],
      ['client-to-server', 'notification', 'InitializedNotification', true],
      ['client-to-server', 'request', 'PingRequest', true],
      ['server-to-client', 'result-response', 'Result', true],
    ]);
    await t.close();
    await t.streamEnded;
    expect(t.openSockets()).toBe(0);
    await server.allConnectionsClosed();
  });

  it('accepts an absolute endpoint URL', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const t = await connect(server, '/sse-absolute');
    expect(t.endpoint).toBe(server.url('/messages?session=s1'));
    expect(await t.request({ jsonrpc: '2.0', id: 1, method: 'ping' })).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  });

  it('fails to connect when no endpoint event comes, leaving nothing open', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    await expect(
      LegacySseTransport.connect(server.url('/sse-silent'), { revision: REVISION, timeoutMs: 300 }),
    ).rejects.toThrow(/sent no `endpoint` event within 300 ms/);
    await server.allConnectionsClosed();
    expect(server.events.filter((e) => e.event === 'close')).toHaveLength(1);
  });

  it('fails to connect when the URL is no SSE stream', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const failure = LegacySseTransport.connect(server.url('/not-sse'), { revision: REVISION });
    await expect(failure).rejects.toThrow(HttpStatusError);
    await expect(failure).rejects.toThrow(/HTTP 404 \(text\/plain\)/);
  });

  it('reports a refused POST, and rejects waiting requests when the stream ends', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const t = await connect(server, '/sse', { strict: false });
    const errors: Error[] = [];
    t.onTransportError((error) => errors.push(error));
    await expect(t.request({ jsonrpc: '2.0', id: 1, method: 'reject' })).rejects.toThrow(
      /HTTP 400 .*"reject" \(id 1\): rejected on purpose/,
    );
    expect(t.stderr()).toContain('rejected on purpose');

    const pending = t.request({ jsonrpc: '2.0', id: 2, method: 'silent' }, 30_000);
    const rejected = expect(pending).rejects.toThrow(/the server ended the SSE stream before the response arrived/);
    await server.waitFor((e) => e.body?.includes('silent') === true);
    t.send({ jsonrpc: '2.0', method: 'end-stream' });
    await rejected;
    await t.streamEnded;
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/HTTP 400/),
      'the server ended the SSE stream',
    ]);
  });

  it('refuses an invalid message in strict mode, sending nothing', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const t = await connect(server, '/sse');
    expect(() => t.send({ jsonrpc: '2.0', id: 1, method: 'initialize' })).toThrow(HarnessError);
    expect(t.recorder.entries()).toEqual([]);
    await t.close();
    await server.allConnectionsClosed();
    expect(server.requests().map((e) => e.method)).toEqual(['GET']);
  });

  it('times out a request the server never answers', async () => {
    const server = await startServer('legacy-sse-server.mjs');
    const t = await connect(server, '/sse', { strict: false });
    await expect(t.request({ jsonrpc: '2.0', id: 1, method: 'ping' }, 5_000)).resolves.toMatchObject({ result: {} });
    await expect(t.request({ jsonrpc: '2.0', method: 'no-reply', id: 2 }, 5_000)).resolves.toMatchObject({
      error: { code: -32601 },
    });
    await expect(t.request({ jsonrpc: '2.0', id: 3, method: 'silent' }, 200)).rejects.toThrow(
      /timeout: request "silent" \(id 3\) got no response within 200 ms/,
    );
    expect(t.recorder.pending('client-to-server')).toEqual([{ seq: 5, method: 'silent' }]);
  });
});
