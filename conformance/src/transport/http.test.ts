import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, stopServers, type ServerEvent, type TestServer } from '../../test/fixtures/http-servers.ts';
import {
  encodeHeaderValue,
  HttpStatusError,
  paramHeaders,
  standardHeaders,
  StreamableHttpTransport,
  type HttpOptions,
} from './http.ts';
import { HarnessError } from './stdio.ts';

const STATEFUL = '2025-11-25';
const STATELESS = '2026-07-28';

const open: StreamableHttpTransport[] = [];
async function connect(url: string, options: HttpOptions = {}): Promise<StreamableHttpTransport> {
  const transport = await StreamableHttpTransport.connect(url, { revision: STATEFUL, ...options });
  open.push(transport);
  return transport;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await stopServers();
});

const initialize = (id: number | string = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: STATEFUL, capabilities: {}, clientInfo: { name: 'test', version: '1' } },
});

/** Starts the echo server and a transport that went through initialize + initialized on `path`. */
async function initialized(
  path = '/mcp',
  options: HttpOptions = {},
): Promise<{ server: TestServer; t: StreamableHttpTransport }> {
  const server = await startServer('http-echo-server.mjs');
  const t = await connect(server.url(path), options);
  await t.request(initialize());
  t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await server.waitFor((e) => e.body?.includes('notifications/initialized') === true);
  return { server, t };
}

const posts = (server: TestServer, method: string): ServerEvent[] =>
  server.requests().filter((e) => e.method === 'POST' && e.body?.includes(`"method":"${method}"`));

describe('StreamableHttpTransport, stateful era', () => {
  it('keeps the session id and protocol version, and handles JSON, SSE and 202 answers', async () => {
    const { server, t } = await initialized();
    const seen: unknown[] = [];
    t.onMessage((message) => seen.push(message));
    expect(t.sessionId).toBe('session-1');
    expect(t.protocolVersion).toBe(STATEFUL);

    expect(await t.request({ jsonrpc: '2.0', id: 2, method: 'ping' })).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    const tools = await t.request({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
    expect((tools.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name)).toEqual(['lookup']);
    expect(seen).toEqual([
      { jsonrpc: '2.0', id: 2, result: {} },
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'listing' } },
      tools,
    ]);
    expect(t.lastEventId).toBe('e-2');
    expect(t.exchangeFor(3)).toMatchObject({ status: 200, contentType: 'text/event-stream' });
    expect(t.lastExchange?.status).toBe(200);

    await server.waitFor((e) => e.body?.includes('"method":"tools/list"') === true);
    const [init] = posts(server, 'initialize');
    expect(init!.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    });
    expect(init!.headers!['mcp-session-id']).toBeUndefined();
    expect(init!.headers!['mcp-protocol-version']).toBeUndefined();
    for (const method of ['notifications/initialized', 'ping', 'tools/list']) {
      expect(posts(server, method)[0]!.headers).toMatchObject({
        'mcp-session-id': 'session-1',
        'mcp-protocol-version': STATEFUL,
        accept: 'application/json, text/event-stream',
      });
    }

    const entries = t.recorder.entries();
    expect(entries.map((e) => [e.direction, e.kind, e.definition, e.valid])).toEqual([
      ['client-to-server', 'request', 'InitializeRequest', true],
      ['server-to-client', 'result-response', 'InitializeResult', true],
      ['client-to-server', 'notification', 'InitializedNotification', true],
      ['client-to-server', 'request', 'PingRequest', true],
      ['server-to-client', 'result-response', 'Result', true],
      ['client-to-server', 'request', 'ListToolsRequest', true],
      ['server-to-client', 'notification', 'LoggingMessageNotification', true],
      ['server-to-client', 'result-response', 'ListToolsResult', true],
    ]);
  });

  it('sends the protocol version given by setProtocolVersion, and none for versions before 2025-06-18', async () => {
    const { server, t } = await initialized();
    t.setProtocolVersion('2025-03-26');
    await t.request({ jsonrpc: '2.0', id: 2, method: 'ping' });
    t.setProtocolVersion('2025-06-18');
    await t.request({ jsonrpc: '2.0', id: 3, method: 'ping' });
    await server.waitFor((e) => e.body?.includes('"id":3') === true);
    const [first, second] = posts(server, 'ping');
    expect(first!.headers!['mcp-protocol-version']).toBeUndefined();
    expect(second!.headers!['mcp-protocol-version']).toBe('2025-06-18');
  });

  it('dispatches a server request from a stream and POSTs the answer given through send()', async () => {
    const { server, t } = await initialized();
    const errors: Error[] = [];
    t.onTransportError((error) => errors.push(error));
    t.onMessage((message) => {
      const m = message as { id?: string; method?: string };
      if (m.method === 'sampling/createMessage') {
        t.send({
          jsonrpc: '2.0',
          id: m.id,
          result: { role: 'assistant', content: { type: 'text', text: 'hello' }, model: 'test-model' },
        });
      }
    });
    const reply = await t.request({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'ask' } });
    expect(reply.result).toEqual({ content: [{ type: 'text', text: 'sampled: hello' }] });
    const answer = await server.waitFor((e) => e.body?.includes('"id":"ask-7"') === true);
    expect(answer.headers!['mcp-session-id']).toBe('session-1');
    expect(t.exchangeFor(7)).toMatchObject({ status: 200, contentType: 'text/event-stream' });
    expect(errors).toEqual([]);
    expect(t.recorder.invalid()).toEqual([]);
  });

  it('delivers a JSON-RPC error sent with an HTTP error status, keeping the status', async () => {
    const { t } = await initialized();
    const errors: Error[] = [];
    t.onTransportError((error) => errors.push(error));
    const reply = await t.request({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'fail' } });
    expect(reply.error).toEqual({ code: -32602, message: 'Unknown tool: fail' });
    expect(t.exchangeFor(4)?.status).toBe(400);
    expect(errors).toEqual([]);
  });

  it('delivers a batch answer message by message', async () => {
    const { t } = await initialized('/mcp', { strict: false });
    const seen: unknown[] = [];
    t.onMessage((message, entry) => seen.push([(message as { method?: string }).method ?? 'response', entry.kind]));
    const reply = await t.request({ jsonrpc: '2.0', id: 5, method: 'batch' }, 5_000);
    expect(reply).toEqual({ jsonrpc: '2.0', id: 5, result: {} });
    expect(seen).toEqual([
      ['notifications/message', 'batch'],
      ['response', 'batch'],
    ]);
  });

  it('rejects a request whose 200 answer holds no response, recording why', async () => {
    const { t } = await initialized('/mcp', { strict: false });
    await expect(t.request({ jsonrpc: '2.0', id: 8, method: 'bogus/html' })).rejects.toThrow(
      /HTTP 200 for "bogus\/html" \(id 8\) carried no response/,
    );
    await expect(t.request({ jsonrpc: '2.0', id: 9, method: 'bogus/empty' })).rejects.toThrow(/empty body/);
    const invalid = t.recorder.invalid('server-to-client');
    expect(invalid.map((e) => e.errors[0])).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/Content-Type "text\/html"/),
      'HTTP 200 with an empty body answered request "bogus/empty" (id 9)',
    ]);
  });

  it('opens the GET stream, and close() sends DELETE and releases every socket', async () => {
    const { server, t } = await initialized();
    const notified = new Promise<unknown>((resolve) =>
      t.onMessage((message) => {
        if ((message as { method?: string }).method === 'notifications/tools/list_changed') resolve(message);
      }),
    );
    const stream = await t.openGetStream();
    expect(stream).toMatchObject({ status: 200, contentType: 'text/event-stream' });
    expect(await notified).toEqual({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    const get = await server.waitFor((e) => e.method === 'GET');
    expect(get.headers).toMatchObject({ accept: 'text/event-stream', 'mcp-session-id': 'session-1' });

    expect(await t.close()).toEqual({ deleteStatus: 200 });
    await stream.ended;
    const del = await server.waitFor((e) => e.method === 'DELETE');
    expect(del.headers!['mcp-session-id']).toBe('session-1');
    expect(t.openSockets()).toBe(0);
    await server.allConnectionsClosed();
    // One socket for the POSTs, which the DELETE reused, and one for the GET stream.
    expect(server.events.filter((e) => e.event === 'connection')).toHaveLength(2);
    expect(() => t.send({ jsonrpc: '2.0', method: 'notifications/initialized' })).toThrow(/closed/);
  });

  it('takes 405 on GET as "no stream", and ignores 405 on DELETE', async () => {
    const { t } = await initialized('/noget');
    const stream = await t.openGetStream();
    expect(stream.status).toBe(405);
    await stream.ended;
    expect(await t.close()).toEqual({ deleteStatus: 405 });
  });

  it('resumes a POST stream cut before its response with GET and Last-Event-ID', async () => {
    const { server, t } = await initialized();
    const reply = await t.request({ jsonrpc: '2.0', id: 11, method: 'tools/call', params: { name: 'drop' } });
    expect(reply.result).toEqual({ content: [{ type: 'text', text: 'resumed' }] });
    const get = await server.waitFor((e) => e.method === 'GET');
    expect(get.headers).toMatchObject({ 'last-event-id': 'drop-11', 'mcp-session-id': 'session-1' });
    expect(t.lastEventId).toBe('drop-11-r');
  });

  it('without autoResume, rejects the request; resume() then fetches what was missed', async () => {
    const { t } = await initialized('/mcp', { autoResume: false });
    await expect(t.request({ jsonrpc: '2.0', id: 12, method: 'tools/call', params: { name: 'drop' } })).rejects.toThrow(
      /SSE stream answering "tools\/call" \(id 12\) ended before the response/,
    );
    expect(t.lastEventId).toBe('drop-12');
    const missed = new Promise<unknown>((resolve) => t.onMessage(resolve));
    const resumed = await t.resume(t.lastEventId!);
    expect(resumed.status).toBe(200);
    expect(await missed).toEqual({ jsonrpc: '2.0', id: 12, result: { content: [{ type: 'text', text: 'resumed' }] } });
  });

  it('reports an HTML 500 as a transport error naming the method, status and body', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/html500'));
    const errors: Error[] = [];
    t.onTransportError((error) => errors.push(error));
    const failure = t.request(initialize());
    await expect(failure).rejects.toThrow(HttpStatusError);
    await expect(failure).rejects.toThrow(/HTTP 500 .*"initialize" \(id 1\).*text\/html.*Internal Server Error/);
    expect(errors).toHaveLength(1);
    expect(t.stderr()).toContain('Internal Server Error');
    expect(t.recorder.entries().map((e) => e.direction)).toEqual(['client-to-server']);
  });

  it('times out on a server that never answers, aborting the request and leaving no socket', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/hang'));
    await expect(t.request(initialize(), 300)).rejects.toThrow(/timeout: request "initialize" \(id 1\)/);
    await server.allConnectionsClosed();
    t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await server.waitFor((e) => e.body?.includes('notifications/initialized') === true);
    await t.close();
    expect(t.openSockets()).toBe(0);
    await server.allConnectionsClosed();
    expect(server.events.filter((e) => e.event === 'connection')).toHaveLength(2);
  });

  it('rejects a pending request on close(), which resolves', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/hang'));
    const pending = t.request(initialize());
    await server.waitFor((e) => e.event === 'request');
    const rejected = expect(pending).rejects.toThrow(/closed before a response arrived/);
    await expect(t.close()).resolves.toEqual({});
    await rejected;
    await server.allConnectionsClosed();
  });

  it('reports an oversize JSON body or SSE event as a framing violation and rejects', async () => {
    const server = await startServer('http-echo-server.mjs');
    for (const path of ['/oversize', '/oversize-sse']) {
      const t = await connect(server.url(path), { maxBodyBytes: 1024 });
      await expect(t.request(initialize())).rejects.toThrow(/exceeded 1024 bytes/);
      const [violation, ...rest] = t.recorder.invalid('server-to-client');
      expect(rest).toEqual([]);
      expect(violation).toMatchObject({ violation: 'framing', kind: 'invalid' });
      expect(violation!.errors[0]).toMatch(/exceeds 1024 bytes/);
      expect(violation!.raw.length).toBeLessThanOrEqual(1024);
      await t.close();
    }
  });

  it('rejects and reports a refused connection', async () => {
    const unused = createServer();
    await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
    const { port } = unused.address() as { port: number };
    await new Promise((resolve) => unused.close(resolve));
    const t = await connect(`http://127.0.0.1:${port}/mcp`);
    const errors: Error[] = [];
    t.onTransportError((error) => errors.push(error));
    await expect(t.request(initialize())).rejects.toThrow(/POST of "initialize" \(id 1\).*failed: .*ECONNREFUSED/);
    expect(errors).toHaveLength(1);
  });

  it('refuses to send a message the schema rejects (strict), sending nothing', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/mcp'));
    expect(() => t.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })).toThrow(HarnessError);
    await expect(t.request({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 3 } })).rejects.toThrow(
      HarnessError,
    );
    expect(t.recorder.entries()).toEqual([]);
    expect(await t.close()).toEqual({});
    expect(server.requests()).toEqual([]);
  });

  it('adds the user headers to every request', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/mcp'), { headers: { Authorization: 'Bearer abc', 'X-Extra': '1' } });
    await t.request(initialize());
    await t.openGetStream();
    await t.close();
    await server.waitFor((e) => e.method === 'DELETE');
    const methods = server.requests().map((e) => [e.method, e.headers!.authorization, e.headers!['x-extra']]);
    expect(methods).toEqual([
      ['POST', 'Bearer abc', '1'],
      ['GET', 'Bearer abc', '1'],
      ['DELETE', 'Bearer abc', '1'],
    ]);
  });
});

describe('StreamableHttpTransport.post (probe)', () => {
  it('sends malformed bodies as told, records them, and returns the exchange whatever the status', async () => {
    const { server, t } = await initialized();
    const exchange = await t.post('{not json', { omitDefaultHeaders: ['accept'], headers: { 'X-Probe': 'yes' } });
    expect(exchange).toMatchObject({ method: 'POST', status: 400, contentType: 'application/json' });
    expect(exchange.messages).toEqual([{ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }]);
    expect(exchange.entries.map((e) => e.kind)).toEqual(['error-response']);
    const sent = await server.waitFor((e) => e.body === '{not json');
    expect(sent.body).toBe('{not json');
    expect(sent.headers!.accept).toBeUndefined();
    expect(sent.headers).toMatchObject({ 'x-probe': 'yes', 'mcp-session-id': 'session-1' });
    const recorded = t.recorder.entries().find((e) => e.raw === '{not json')!;
    expect(recorded).toMatchObject({ direction: 'client-to-server', violation: 'framing' });
  });

  it('lets a scenario send a bogus session id, and probe GET and DELETE', async () => {
    const { t } = await initialized('/noget');
    t.sessionId = 'bogus';
    const ping = await t.post(JSON.stringify({ jsonrpc: '2.0', id: 20, method: 'ping' }));
    expect(ping).toMatchObject({ status: 404, body: 'session not found', messages: [] });
    const get = await t.post('', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const del = await t.post('', { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('collects the messages of an SSE answer', async () => {
    const { t } = await initialized();
    const exchange = await t.post(JSON.stringify({ jsonrpc: '2.0', id: 21, method: 'tools/list' }));
    expect(exchange.contentType).toBe('text/event-stream');
    expect(exchange.messages.map((m) => (m as { method?: string }).method ?? 'response')).toEqual([
      'notifications/message',
      'response',
    ]);
    expect(exchange.body).toContain('id: e-1');
  });

  it('rejects on timeout', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/hang'));
    await expect(t.post('{}', { timeoutMs: 200 })).rejects.toThrow(/timeout: POST .* within 200 ms/);
  });
});

describe('StreamableHttpTransport, stateless era', () => {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': STATELESS,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1' },
  };

  it('sends the standard and parameter headers, and no session', async () => {
    const server = await startServer('http-echo-server.mjs');
    const t = await connect(server.url('/stateless'), { revision: STATELESS });
    await t.request({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta } });
    await t.request({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'lookup', arguments: { tenant: 'Zürich', invoice: { number: 10442 }, note: 'x' }, _meta: meta },
    });
    await t.request({
      jsonrpc: '2.0',
      id: 3,
      method: 'resources/read',
      params: { uri: 'db://inventory/schema', _meta: meta },
    });
    expect(await t.close()).toEqual({});

    await server.waitFor((e) => e.body?.includes('resources/read') === true);
    const [list, call, read, ...rest] = server.requests();
    expect(rest).toEqual([]);
    for (const request of [list, call, read]) {
      expect(request!.headers).toMatchObject({
        'mcp-protocol-version': STATELESS,
        accept: 'application/json, text/event-stream',
      });
      expect(request!.headers!['mcp-session-id']).toBeUndefined();
    }
    expect(list!.headers!['mcp-method']).toBe('tools/list');
    expect(list!.headers!['mcp-name']).toBeUndefined();
    expect(call!.headers).toMatchObject({
      'mcp-method': 'tools/call',
      'mcp-name': 'lookup',
      'mcp-param-tenant': '=?base64?WsO8cmljaA==?=',
      'mcp-param-invoice-number': '10442',
    });
    expect(read!.headers).toMatchObject({ 'mcp-method': 'resources/read', 'mcp-name': 'db://inventory/schema' });
    expect(t.recorder.invalid('client-to-server')).toEqual([]);
  });
});

describe('header values', () => {
  it('encodes values as the prose table shows', () => {
    expect(encodeHeaderValue('northwind')).toBe('northwind');
    expect(encodeHeaderValue('Zürich')).toBe('=?base64?WsO8cmljaA==?=');
    expect(encodeHeaderValue(' trailing ')).toBe('=?base64?IHRyYWlsaW5nIA==?=');
    expect(encodeHeaderValue('first\rsecond')).toBe('=?base64?Zmlyc3QNc2Vjb25k?=');
    expect(encodeHeaderValue('=?base64?x?=')).toBe('=?base64?PT9iYXNlNjQ/eD89?=');
    expect(encodeHeaderValue(-3)).toBe('-3');
    expect(encodeHeaderValue(true)).toBe('true');
  });

  it('copies annotated parameters only when they have a value, through properties only', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', 'x-mcp-header': 'A' },
        b: { type: 'boolean', 'x-mcp-header': 'B' },
        c: { type: 'string', 'x-mcp-header': 'C' },
        list: { type: 'array', items: { type: 'object', properties: { d: { type: 'string', 'x-mcp-header': 'D' } } } },
      },
    };
    expect(paramHeaders(schema, { a: 'x', b: false, c: null, list: [{ d: 'y' }] })).toEqual({
      'Mcp-Param-A': 'x',
      'Mcp-Param-B': 'false',
    });
    expect(paramHeaders(schema, {})).toEqual({});
  });

  it('takes the version from _meta and names from params', () => {
    expect(
      standardHeaders(
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'prompts/get',
          params: { name: 'notes', _meta: { 'io.modelcontextprotocol/protocolVersion': 'v9' } },
        },
        STATELESS,
      ),
    ).toEqual({ 'MCP-Protocol-Version': 'v9', 'Mcp-Method': 'prompts/get', 'Mcp-Name': 'notes' });
    expect(standardHeaders('garbage', STATELESS)).toEqual({ 'MCP-Protocol-Version': STATELESS });
  });
});
