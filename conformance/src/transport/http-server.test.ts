import { request as httpRequest, type IncomingHttpHeaders, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMcpHttpServer,
  decodeHeaderValue,
  headerParametersFromSchema,
  type McpHttpServerOptions,
} from './http-server.ts';
import type { JsonRpcMessage, RequestContext, ServerSession, SessionFactory } from './server-session.ts';

// ----- fakes -----

type Handler = (
  message: JsonRpcMessage,
  context: RequestContext,
  session: FakeSession,
) => Promise<JsonRpcMessage | undefined> | JsonRpcMessage | undefined;

class FakeSession implements ServerSession {
  readonly received: JsonRpcMessage[] = [];
  closed = false;
  private readonly closing = deferred();
  /** Resolves when the transport closes the session. */
  readonly whenClosed = this.closing.promise;
  private readonly listeners = new Set<(message: JsonRpcMessage) => void>();
  constructor(private readonly handler: Handler) {}
  handle(message: JsonRpcMessage, context: RequestContext): Promise<JsonRpcMessage | undefined> {
    this.received.push(message);
    return Promise.resolve(this.handler(message, context, this));
  }
  onUnsolicited(listener: (message: JsonRpcMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  push(message: JsonRpcMessage): void {
    for (const listener of this.listeners) listener(message);
  }
  close(): void {
    this.closed = true;
    this.closing.resolve();
  }
}

const result = (message: JsonRpcMessage, value: Record<string, unknown>): JsonRpcMessage => ({
  jsonrpc: '2.0',
  id: message.id,
  result: value,
});
const rpcError = (message: JsonRpcMessage, code: number, text = 'error'): JsonRpcMessage => ({
  jsonrpc: '2.0',
  id: message.id,
  error: { code, message: text },
});

/** Answers initialize with the requested version, echoes other requests, ignores the rest. */
const defaultHandler: Handler = (message) => {
  if (!('id' in message) || !('method' in message)) return undefined;
  const params = (message.params ?? {}) as Record<string, unknown>;
  if (message.method === 'initialize') {
    return result(message, { protocolVersion: params.protocolVersion, capabilities: {}, serverInfo: { name: 'fake' } });
  }
  if (message.method === 'nope') return rpcError(message, -32601, 'Method not found');
  return result(message, { echo: message.method });
};

function fakeFactory(handler: Handler = defaultHandler): SessionFactory & { sessions: FakeSession[] } {
  const sessions: FakeSession[] = [];
  return {
    sessions,
    createSession() {
      const session = new FakeSession(handler);
      sessions.push(session);
      return session;
    },
  };
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves when the signal aborts. */
const aborted = (signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.resolve() : new Promise((r) => signal.addEventListener('abort', () => r(), { once: true }));

// ----- HTTP helpers -----

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): Record<string, unknown>;
}

interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function send(url: string, init: Init = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json: () => JSON.parse(body) as Record<string, unknown>,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** An open SSE (or any) response whose events are read one at a time. */
class Stream {
  status = 0;
  headers: IncomingHttpHeaders = {};
  raw = '';
  private readonly events: EventSourceMessage[] = [];
  private waiters: { resolve: (e: EventSourceMessage) => void; reject: (e: Error) => void }[] = [];
  private done = false;
  readonly ended: Promise<void>;
  private req!: ClientRequest;

  private constructor() {
    let end!: () => void;
    this.ended = new Promise((r) => (end = r));
    this.finish = () => {
      this.done = true;
      for (const w of this.waiters.splice(0)) w.reject(new Error('stream ended'));
      end();
    };
  }
  private readonly finish: () => void;

  static open(url: string, init: Init = {}): Promise<Stream> {
    const stream = new Stream();
    const parser = createParser({
      onEvent: (event) => {
        const waiter = stream.waiters.shift();
        if (waiter) waiter.resolve(event);
        else stream.events.push(event);
      },
    });
    return new Promise((resolve, reject) => {
      stream.req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
        stream.status = res.statusCode ?? 0;
        stream.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stream.raw += chunk;
          parser.feed(chunk);
        });
        res.on('end', () => stream.finish());
        res.on('close', () => stream.finish());
        res.on('error', () => stream.finish());
        resolve(stream);
      });
      stream.req.on('error', (error) => {
        stream.finish();
        reject(error);
      });
      stream.req.end(init.body);
    });
  }

  next(): Promise<EventSourceMessage> {
    const event = this.events.shift();
    if (event) return Promise.resolve(event);
    if (this.done) return Promise.reject(new Error('stream ended'));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async nextJson(): Promise<Record<string, unknown>> {
    for (;;) {
      const event = await this.next();
      if (event.data !== '') return JSON.parse(event.data) as Record<string, unknown>;
    }
  }

  close(): void {
    this.req.destroy();
  }
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

function post(url: string, message: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(message) });
}

function postStream(url: string, message: unknown, headers: Record<string, string> = {}): Promise<Stream> {
  return Stream.open(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(message) });
}

const initialize = (version = '2025-11-25', id: number | string = 0): JsonRpcMessage => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'test', version: '1' } },
});

// ----- server lifecycle -----

interface Running {
  url: string;
  sseUrl: string;
  base: string;
  factory: ReturnType<typeof fakeFactory>;
  sockets: Set<Socket>;
  close(): Promise<void>;
  lines: string[];
}

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(handler?: Handler, options: McpHttpServerOptions = {}): Promise<Running> {
  const factory = fakeFactory(handler);
  const lines: string[] = [];
  const http = createMcpHttpServer(factory, { log: (line) => lines.push(line), ...options });
  const sockets = new Set<Socket>();
  http.server.on('connection', (socket: Socket) => sockets.add(socket));
  const { url, sseUrl } = await http.listen(0, '127.0.0.1');
  const r: Running = { url, sseUrl, base: url.replace(/\/mcp$/, ''), factory, sockets, close: http.close, lines };
  running.push(r);
  return r;
}

async function openSession(r: Running, version = '2025-11-25'): Promise<string> {
  const reply = await post(r.url, initialize(version));
  expect(reply.status).toBe(200);
  const id = reply.headers['mcp-session-id'];
  expect(typeof id).toBe('string');
  return id as string;
}

function sessionHeaders(id: string, version = '2025-11-25'): Record<string, string> {
  return { 'mcp-session-id': id, 'mcp-protocol-version': version };
}

// ----- tests -----

describe('createMcpHttpServer: HTTP rules of both eras', () => {
  it('listens on 127.0.0.1 and reports both URLs', async () => {
    const r = await start();
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(r.sseUrl).toBe(r.url.replace(/\/mcp$/, '/sse'));
  });

  it('answers 403 to an Origin that is not allowed, with a JSON-RPC error without id', async () => {
    const r = await start();
    const evil = await post(r.url, initialize(), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json()).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number) } });
    expect(evil.json()).not.toHaveProperty('id');
    expect((await post(r.url, initialize(), { origin: 'null' })).status).toBe(403);
    expect((await post(r.url, initialize(), { origin: 'http://localhost:5173' })).status).toBe(200);
    expect((await post(r.url, initialize(), { origin: 'http://127.0.0.1' })).status).toBe(200);
    // GET streams and the legacy endpoint are protected too.
    expect((await send(r.sseUrl, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('accepts configured origins and hosts only', async () => {
    const r = await start(undefined, { allowedOrigins: ['https://app.example'], allowedHosts: ['mcp.example'] });
    const headers = { host: 'mcp.example:8080' };
    expect((await post(r.url, initialize(), { ...headers, origin: 'https://app.example' })).status).toBe(200);
    expect((await post(r.url, initialize(), { ...headers, origin: 'http://localhost' })).status).toBe(403);
    expect((await post(r.url, initialize(), { host: 'other.example' })).status).toBe(403);
  });

  it('answers 403 to a Host header that is not loopback (DNS rebinding)', async () => {
    const r = await start();
    const reply = await post(r.url, initialize(), { host: 'attacker.example' });
    expect(reply.status).toBe(403);
    expect((await post(r.url, initialize(), { host: 'localhost' })).status).toBe(200);
    expect(r.factory.sessions).toHaveLength(1);
  });

  it('answers 405 with Allow to unsupported methods, 404 to other paths', async () => {
    const r = await start();
    const put = await send(r.url, { method: 'PUT', headers: JSON_HEADERS, body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST, DELETE');
    expect((await send(r.sseUrl, { method: 'POST', headers: JSON_HEADERS, body: '{}' })).headers.allow).toBe('GET');
    expect((await send(`${r.base}/elsewhere`)).status).toBe(404);
  });

  it('answers 415 unless the body is application/json', async () => {
    const r = await start();
    const body = JSON.stringify(initialize());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const reply = await send(r.url, { method: 'POST', headers: { ...JSON_HEADERS, 'content-type': type }, body });
      expect(reply.status).toBe(415);
    }
    const missing = await send(r.url, { method: 'POST', headers: { accept: JSON_HEADERS.accept }, body });
    expect(missing.status).toBe(415);
    const charset = await post(r.url, initialize(), { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('answers 406 unless Accept names both application/json and text/event-stream', async () => {
    const r = await start();
    for (const accept of ['application/json', 'text/event-stream', '*/*']) {
      expect((await post(r.url, initialize(), { accept })).status).toBe(406);
    }
    const quality = await post(r.url, initialize(), { accept: 'text/event-stream;q=0.9, application/json' });
    expect(quality.status).toBe(200);
    expect(r.factory.sessions).toHaveLength(1);
  });

  it('answers malformed JSON with 400 and a parse error whose id is null', async () => {
    const r = await start();
    for (const body of [
      '{"jsonrpc":"2.0","id":1,"method":"initi',
      '',
      'not json',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    ]) {
      const reply = await send(r.url, { method: 'POST', headers: JSON_HEADERS, body });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    }
    expect(r.factory.sessions).toHaveLength(0);
  });

  it('answers JSON that is not a JSON-RPC message with 400 and -32600', async () => {
    const r = await start();
    for (const value of [
      42,
      'x',
      null,
      { jsonrpc: '1.0', id: 1, method: 'x' },
      { jsonrpc: '2.0', id: {}, method: 1 },
    ]) {
      const reply = await post(r.url, value);
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ error: { code: -32600 } });
    }
  });

  it('answers 413 to a body beyond maxBodyBytes, declared or streamed', async () => {
    const r = await start(undefined, { maxBodyBytes: 1000 });
    const big = JSON.stringify({ ...initialize(), padding: 'x'.repeat(5000) });
    expect((await post(r.url, JSON.parse(big))).status).toBe(413);
    // Chunked: no Content-Length, the limit is found while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(r.url, { method: 'POST', headers: JSON_HEADERS, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.slice(0, 800));
      req.end(big.slice(800));
    });
    expect(chunked).toBe(413);
    // Declared far beyond the limit: refused before any body is sent.
    const declared = await new Promise<number>((resolve) => {
      const req = httpRequest(
        r.url,
        { method: 'POST', headers: { ...JSON_HEADERS, 'content-length': String(10 ** 9) }, agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', () => {});
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    expect(r.factory.sessions).toHaveLength(0);
  });
});

describe('createMcpHttpServer: stateful Streamable HTTP (≤ 2025-11-25)', () => {
  it('creates a session on initialize and requires its id afterwards', async () => {
    const r = await start();
    const id = await openSession(r);
    expect(id).toMatch(/^[\x21-\x7e]{32,}$/);
    expect(await openSession(r)).not.toBe(id);

    const initialized = await post(r.url, { jsonrpc: '2.0', method: 'notifications/initialized' }, sessionHeaders(id));
    expect(initialized.status).toBe(202);
    expect(initialized.body).toBe('');

    const ping = await post(r.url, { jsonrpc: '2.0', id: 1, method: 'ping' }, sessionHeaders(id));
    expect(ping.status).toBe(200);
    expect(ping.headers['content-type']).toBe('application/json');
    expect(ping.json()).toEqual({ jsonrpc: '2.0', id: 1, result: { echo: 'ping' } });

    const missing = await post(r.url, { jsonrpc: '2.0', id: 2, method: 'ping' });
    expect(missing.status).toBe(400);
    const unknown = await post(r.url, { jsonrpc: '2.0', id: 3, method: 'ping' }, { 'mcp-session-id': 'nope' });
    expect(unknown.status).toBe(404);
    expect(r.factory.sessions[0]?.received.map((m) => m.method)).toEqual([
      'initialize',
      'notifications/initialized',
      'ping',
    ]);
  });

  it('takes session ids from sessionIdGenerator, and answers streamAnswer methods on a stream', async () => {
    let issued = 0;
    const r = await start(undefined, {
      sessionIdGenerator: () => `custom-${(issued += 1)}`,
      streamAnswer: (method) => method === 'tasks/get',
    });
    const id = await openSession(r);
    expect(id).toBe('custom-1');
    const polled = await postStream(r.url, { jsonrpc: '2.0', id: 1, method: 'tasks/get' }, sessionHeaders(id));
    expect(polled.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(await polled.nextJson()).toEqual({ jsonrpc: '2.0', id: 1, result: { echo: 'tasks/get' } });
    await polled.ended;
    const ping = await post(r.url, { jsonrpc: '2.0', id: 2, method: 'ping' }, sessionHeaders(id));
    expect(ping.headers['content-type']).toBe('application/json');
  });

  it('does not keep a session whose initialize failed', async () => {
    const r = await start((m) => rpcError(m, -32602, 'unsupported'));
    const reply = await post(r.url, initialize());
    expect(reply.json()).toMatchObject({ error: { code: -32602 } });
    const id = reply.headers['mcp-session-id'] as string;
    expect((await post(r.url, { jsonrpc: '2.0', id: 1, method: 'ping' }, sessionHeaders(id))).status).toBe(404);
    expect(r.factory.sessions[0]?.closed).toBe(true);
  });

  it('accepts client responses with 202 and passes them to the session', async () => {
    const r = await start();
    const id = await openSession(r);
    const reply = await post(r.url, { jsonrpc: '2.0', id: 'srv-1', result: { roots: [] } }, sessionHeaders(id));
    expect(reply.status).toBe(202);
    expect(reply.body).toBe('');
    expect(r.factory.sessions[0]?.received.at(-1)).toEqual({ jsonrpc: '2.0', id: 'srv-1', result: { roots: [] } });
  });

  it('ends the session on DELETE; later requests get 404', async () => {
    const r = await start();
    const id = await openSession(r);
    const del = await send(r.url, { method: 'DELETE', headers: sessionHeaders(id) });
    expect(del.status).toBe(200);
    expect(r.factory.sessions[0]?.closed).toBe(true);
    expect((await post(r.url, { jsonrpc: '2.0', id: 1, method: 'ping' }, sessionHeaders(id))).status).toBe(404);
    expect((await send(r.url, { method: 'DELETE', headers: sessionHeaders(id) })).status).toBe(404);
    expect((await send(r.url, { method: 'DELETE' })).status).toBe(405);
    expect((await send(r.url, { method: 'DELETE', headers: { 'mcp-protocol-version': '2025-06-18' } })).status).toBe(
      400,
    );
  });

  it('refuses an invalid or unsupported MCP-Protocol-Version, and accepts any supported one', async () => {
    const r = await start();
    const id = await openSession(r, '2025-06-18');
    const ping = (version?: string): Promise<Reply> =>
      post(
        r.url,
        { jsonrpc: '2.0', id: 1, method: 'ping' },
        version === undefined ? { 'mcp-session-id': id } : sessionHeaders(id, version),
      );
    expect((await ping('2025-06-18')).status).toBe(200);
    expect((await ping()).status).toBe(200);
    expect((await ping('banana')).status).toBe(400);
    expect((await ping('2099-01-01')).status).toBe(400);
    // Supported, though not the negotiated one: the prose gives no ground for 400.
    expect((await ping('2025-11-25')).status).toBe(200);
  });

  it('turns the response into SSE when the handler emits, with a priming event and event ids', async () => {
    const r = await start((message, context) => {
      if (message.method !== 'tools/call') return defaultHandler(message, context, undefined as never);
      context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't', progress: 1 } });
      context.emit({ jsonrpc: '2.0', id: 'srv-1', method: 'roots/list' });
      return result(message, { content: [] });
    });
    const id = await openSession(r);
    const stream = await postStream(r.url, { jsonrpc: '2.0', id: 7, method: 'tools/call' }, sessionHeaders(id));
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    const prime = await stream.next();
    expect(prime.data).toBe('');
    expect(prime.id).toMatch(/^s\d+-\d+$/);
    const progress = await stream.next();
    const request = await stream.next();
    const response = await stream.next();
    expect(JSON.parse(progress.data)).toMatchObject({ method: 'notifications/progress' });
    expect(JSON.parse(request.data)).toMatchObject({ id: 'srv-1', method: 'roots/list' });
    expect(JSON.parse(response.data)).toEqual({ jsonrpc: '2.0', id: 7, result: { content: [] } });
    const ids = [prime.id, progress.id, request.id, response.id];
    expect(new Set(ids).size).toBe(4);
    await stream.ended;
    expect(stream.raw).toContain('data: {"jsonrpc":"2.0","id":7,');
  });

  it('does not prime streams of revisions before 2025-11-25', async () => {
    const r = await start((message, context) => {
      if (message.method !== 'slow') return defaultHandler(message, context, undefined as never);
      context.emit({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } });
      return result(message, {});
    });
    const id = await openSession(r, '2025-03-26');
    const stream = await postStream(r.url, { jsonrpc: '2.0', id: 1, method: 'slow' }, { 'mcp-session-id': id });
    expect((await stream.next()).data).toContain('notifications/message');
  });

  it('aborts the request signal on notifications/cancelled, not on a closed stream', async () => {
    const started = deferred<AbortSignal>();
    const r = await start(async (message, context) => {
      if (message.method !== 'long') return defaultHandler(message, context, undefined as never);
      context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 0 } });
      started.resolve(context.signal);
      await aborted(context.signal);
      return rpcError(message, -32800, 'cancelled');
    });
    const id = await openSession(r);
    const stream = await postStream(r.url, { jsonrpc: '2.0', id: 'L', method: 'long' }, sessionHeaders(id));
    const signal = await started.promise;
    stream.close();
    await stream.ended;
    expect(signal.aborted).toBe(false);
    const cancel = { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'L' } };
    expect((await post(r.url, cancel, sessionHeaders(id))).status).toBe(202);
    expect(signal.aborted).toBe(true);
  });

  it('sends unsolicited messages on the GET stream and replays them after Last-Event-ID', async () => {
    const r = await start();
    const id = await openSession(r);
    const session = r.factory.sessions[0] as FakeSession;
    session.push({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }); // no GET stream yet: dropped
    const first = await Stream.open(r.url, { headers: { ...sessionHeaders(id), accept: 'text/event-stream' } });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/event-stream');
    session.push({ jsonrpc: '2.0', method: 'notifications/a' });
    const a = await first.next();
    expect(JSON.parse(a.data)).toEqual({ jsonrpc: '2.0', method: 'notifications/a' });
    first.close();
    await first.ended;
    session.push({ jsonrpc: '2.0', method: 'notifications/b' });
    session.push({ jsonrpc: '2.0', method: 'notifications/c' });
    const resumed = await Stream.open(r.url, {
      headers: { ...sessionHeaders(id), accept: 'text/event-stream', 'last-event-id': a.id as string },
    });
    expect((await resumed.nextJson()).method).toBe('notifications/b');
    expect((await resumed.nextJson()).method).toBe('notifications/c');
    session.push({ jsonrpc: '2.0', method: 'notifications/d' });
    expect((await resumed.nextJson()).method).toBe('notifications/d');
    resumed.close();
  });

  it('keeps one GET stream per session: a new one replaces the old', async () => {
    const r = await start();
    const id = await openSession(r);
    const headers = { ...sessionHeaders(id), accept: 'text/event-stream' };
    const first = await Stream.open(r.url, { headers });
    const second = await Stream.open(r.url, { headers });
    await first.ended;
    (r.factory.sessions[0] as FakeSession).push({ jsonrpc: '2.0', method: 'notifications/x' });
    expect((await second.nextJson()).method).toBe('notifications/x');
    second.close();
  });

  it('refuses GET without an SSE Accept (406), without a session (405/400), with an unknown one (404)', async () => {
    const r = await start();
    const id = await openSession(r);
    expect((await send(r.url, { headers: { ...sessionHeaders(id), accept: 'application/json' } })).status).toBe(406);
    const none = await send(r.url, { headers: { accept: 'text/event-stream' } });
    expect(none.status).toBe(405);
    expect(none.headers.allow).toBe('POST');
    const stateful = { accept: 'text/event-stream', 'mcp-protocol-version': '2025-11-25' };
    expect((await send(r.url, { headers: stateful })).status).toBe(400);
    expect((await send(r.url, { headers: { ...stateful, 'mcp-session-id': 'gone' } })).status).toBe(404);
    const badId = { ...sessionHeaders(id), accept: 'text/event-stream', 'last-event-id': 'garbage' };
    expect((await send(r.url, { headers: badId })).status).toBe(400);
  });

  it('resumes a POST stream after a broken connection, with the rest and the response', async () => {
    const release = deferred();
    const r = await start(async (message, context) => {
      if (message.method !== 'export') return defaultHandler(message, context, undefined as never);
      const progress = (n: number): void =>
        context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'e', progress: n } });
      progress(1);
      await release.promise;
      progress(2);
      return result(message, { done: true, aborted: context.signal.aborted });
    });
    const id = await openSession(r);
    const stream = await postStream(r.url, { jsonrpc: '2.0', id: 9, method: 'export' }, sessionHeaders(id));
    await stream.next(); // priming event
    const one = await stream.next();
    expect(JSON.parse(one.data)).toMatchObject({ params: { progress: 1 } });
    stream.close();
    await stream.ended;
    release.resolve();
    const resumed = await Stream.open(r.url, {
      headers: { ...sessionHeaders(id), accept: 'text/event-stream', 'last-event-id': one.id as string },
    });
    expect(await resumed.nextJson()).toMatchObject({ params: { progress: 2 } });
    expect(await resumed.nextJson()).toEqual({ jsonrpc: '2.0', id: 9, result: { done: true, aborted: false } });
    await resumed.ended; // the stream was complete: the resumed connection ends after the replay
  });

  it('accepts batches only in a 2025-03-26 session', async () => {
    const r = await start();
    const old = await openSession(r, '2025-03-26');
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'a' },
      { jsonrpc: '2.0', method: 'notifications/x' },
      { jsonrpc: '2.0', id: 2, method: 'b' },
    ];
    const reply = await post(r.url, batch, { 'mcp-session-id': old });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([
      { jsonrpc: '2.0', id: 1, result: { echo: 'a' } },
      { jsonrpc: '2.0', id: 2, result: { echo: 'b' } },
    ]);
    const notes = await post(r.url, [{ jsonrpc: '2.0', method: 'notifications/y' }], { 'mcp-session-id': old });
    expect(notes.status).toBe(202);
    const withInvalid = await post(r.url, [{ jsonrpc: '2.0', id: 3, method: 'c' }, 5], { 'mcp-session-id': old });
    expect(withInvalid.json()).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.any(String) } },
      { jsonrpc: '2.0', id: 3, result: { echo: 'c' } },
    ]);
    expect((await post(r.url, [initialize('2025-03-26')])).json()).toMatchObject({ error: { code: -32600 } });

    const modern = await openSession(r, '2025-06-18');
    const refused = await post(r.url, batch, sessionHeaders(modern, '2025-06-18'));
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ id: null, error: { code: -32600 } });
  });

  it('answers a handler that throws with an internal error instead of crashing', async () => {
    const r = await start((message, context) => {
      if (message.method === 'boom') throw new Error('boom');
      return defaultHandler(message, context, undefined as never);
    });
    const id = await openSession(r);
    const reply = await post(r.url, { jsonrpc: '2.0', id: 1, method: 'boom' }, sessionHeaders(id));
    expect(reply.json()).toMatchObject({ id: 1, error: { code: -32603 } });
  });
});

describe('createMcpHttpServer: stateless Streamable HTTP (≥ 2026-07-28)', () => {
  const V = '2026-07-28';
  const meta = { 'io.modelcontextprotocol/protocolVersion': V, 'io.modelcontextprotocol/clientCapabilities': {} };
  const call = (args: Record<string, unknown>, name = 'lookup_invoice', id: number | string = 12): JsonRpcMessage => ({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args, _meta: meta },
  });
  const headersFor = (method: string, name?: string): Record<string, string> => ({
    'mcp-protocol-version': V,
    'mcp-method': method,
    ...(name === undefined ? {} : { 'mcp-name': name }),
  });
  const schema = {
    type: 'object',
    properties: {
      tenant: { type: 'string', 'x-mcp-header': 'Tenant' },
      invoice: { type: 'object', properties: { number: { type: 'integer', 'x-mcp-header': 'Invoice-Number' } } },
      urgent: { type: 'boolean', 'x-mcp-header': 'Urgent' },
      include_lines: { type: 'boolean' },
    },
  };
  const options: McpHttpServerOptions = {
    toolHeaderParameters: (name) => (name === 'lookup_invoice' ? headerParametersFromSchema(schema) : undefined),
  };

  it('answers with JSON, issues no session id, and uses one session per request', async () => {
    const r = await start(undefined, options);
    const reply = await post(r.url, call({ tenant: 'northwind' }), {
      ...headersFor('tools/call', 'lookup_invoice'),
      'mcp-param-tenant': 'northwind',
      'mcp-session-id': 'ignored',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['mcp-session-id']).toBeUndefined();
    expect(reply.json()).toEqual({ jsonrpc: '2.0', id: 12, result: { echo: 'tools/call' } });
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: { _meta: meta } };
    expect((await post(r.url, list, headersFor('tools/list'))).status).toBe(200);
    expect(r.factory.sessions).toHaveLength(2);
    expect(r.factory.sessions.every((s) => s.closed)).toBe(true);
    expect(r.factory.sessions[0]?.received).toHaveLength(1);
  });

  it('names the TCP connection of each request in the context', async () => {
    const seen: Array<string | undefined> = [];
    const r = await start((message, context) => {
      seen.push(context.connection);
      return defaultHandler(message, context, undefined as unknown as FakeSession);
    }, options);
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: { _meta: meta } };
    // Each request of the helper goes on a connection of its own.
    await post(r.url, list, headersFor('tools/list'));
    await post(r.url, list, headersFor('tools/list'));
    expect(seen).toHaveLength(2);
    expect(seen.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('refuses missing or mismatched standard headers with 400 and HeaderMismatch (-32020)', async () => {
    const r = await start(undefined, options);
    const body = { jsonrpc: '2.0', id: 5, method: 'prompts/get', params: { name: 'release_notes', _meta: meta } };
    const good = headersFor('prompts/get', 'release_notes');
    expect((await post(r.url, body, good)).status).toBe(200);
    const cases: Record<string, string>[] = [
      { ...good, 'mcp-protocol-version': '2025-11-25' },
      { ...good, 'mcp-method': 'prompts/list' },
      { ...good, 'mcp-method': 'Prompts/Get' },
      { ...good, 'mcp-name': 'other' },
      { 'mcp-protocol-version': V, 'mcp-name': 'release_notes' },
      { 'mcp-protocol-version': V, 'mcp-method': 'prompts/get' },
      { 'mcp-method': 'prompts/get', 'mcp-name': 'release_notes' },
      { ...good, 'mcp-name': '=?base64?!!!?=' },
    ];
    for (const headers of cases) {
      const reply = await post(r.url, body, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(400);
      expect(reply.json()).toMatchObject({ jsonrpc: '2.0', id: 5, error: { code: -32020 } });
    }
    const noMeta = await post(r.url, { ...body, params: { name: 'release_notes' } }, good);
    expect(noMeta.json()).toMatchObject({ error: { code: -32020 } });
    expect(r.factory.sessions).toHaveLength(1);
  });

  it('decodes Base64 Mcp-Name values and checks resources/read against params.uri', async () => {
    const r = await start(undefined, options);
    const uri = 'file:///Zürich/notes.md';
    const read = { jsonrpc: '2.0', id: 1, method: 'resources/read', params: { uri, _meta: meta } };
    const encoded = `=?base64?${Buffer.from(uri).toString('base64')}?=`;
    expect((await post(r.url, read, headersFor('resources/read', encoded))).status).toBe(200);
    expect((await post(r.url, read, headersFor('resources/read', 'file:///Zurich/notes.md'))).status).toBe(400);
  });

  it('checks Mcp-Param-* headers from x-mcp-header annotations', async () => {
    const r = await start(undefined, options);
    const h = headersFor('tools/call', 'lookup_invoice');
    const args = { tenant: 'northwind', invoice: { number: 10442 }, urgent: false };
    const params = {
      'mcp-param-tenant': 'northwind',
      'mcp-param-invoice-number': '10442',
      'mcp-param-urgent': 'false',
    };
    const status = async (a: Record<string, unknown>, headers: Record<string, string>): Promise<number> => {
      const reply = await post(r.url, call(a), { ...h, ...headers });
      if (reply.status === 400) expect(reply.json()).toMatchObject({ id: 12, error: { code: -32020 } });
      return reply.status;
    };
    expect(await status(args, params)).toBe(200);
    expect(await status(args, { ...params, 'mcp-param-invoice-number': '10442.0' })).toBe(200); // numeric comparison
    expect(await status(args, { ...params, 'MCP-PARAM-TENANT': 'northwind', 'mcp-param-unknown': 'x' })).toBe(200);
    expect(await status({ tenant: null }, {})).toBe(200); // null and absent arguments need no header
    expect(await status({ tenant: 'Zürich' }, { 'mcp-param-tenant': '=?base64?WsO8cmljaA==?=' })).toBe(200);
    expect(await status({ tenant: ' trailing ' }, { 'mcp-param-tenant': '=?base64?IHRyYWlsaW5nIA==?=' })).toBe(200);

    expect(await status(args, { ...params, 'mcp-param-tenant': 'contoso' })).toBe(400);
    expect(await status(args, { ...params, 'mcp-param-invoice-number': '10443' })).toBe(400);
    expect(await status(args, { ...params, 'mcp-param-urgent': 'False' })).toBe(400);
    const { 'mcp-param-tenant': _omitted, ...withoutTenant } = params;
    expect(await status(args, withoutTenant)).toBe(400);
    expect(await status({}, { 'mcp-param-tenant': 'northwind' })).toBe(400); // header without a value in the body
    expect(await status({ tenant: 'x' }, { 'mcp-param-tenant': '=?BASE64?eA==?=' })).toBe(400); // markers are case-sensitive
    // Raw non-ASCII bytes in a header value are refused.
    const raw = await rawRequest(r, call({ tenant: 'Zürich' }), {
      ...h,
      'mcp-param-tenant': Buffer.from('Zürich', 'utf8').toString('latin1'),
    });
    expect(raw).toContain('400');
    // Tools the option does not know skip parameter checks.
    const other = await post(r.url, call({ tenant: 'x' }, 'other'), headersFor('tools/call', 'other'));
    expect(other.status).toBe(200);
  });

  it('maps session errors to HTTP statuses: -32601 → 404, -32020/-32021/-32022 → 400', async () => {
    const codes: Record<string, number> = { m404: -32601, v: -32022, c: -32021, h: -32020, other: -32602 };
    const r = await start((message) => rpcError(message, codes[message.method as string] ?? -32603));
    const status = async (method: string): Promise<number> => {
      const body = { jsonrpc: '2.0', id: 1, method, params: { _meta: meta } };
      return (await post(r.url, body, headersFor(method))).status;
    };
    expect(await status('m404')).toBe(404);
    expect(await status('v')).toBe(400);
    expect(await status('c')).toBe(400);
    expect(await status('h')).toBe(400);
    expect(await status('other')).toBe(200);
  });

  it('sends the -32602 for a request lacking clientCapabilities in _meta with 400', async () => {
    const r = await start((message) => rpcError(message, -32602));
    const { 'io.modelcontextprotocol/clientCapabilities': _dropped, ...bare } = meta as Record<string, unknown>;
    const body = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: bare } };
    expect((await post(r.url, body, headersFor('tools/list'))).status).toBe(400);
  });

  it('passes an unknown version on to the session, whose UnsupportedProtocolVersionError gets 400', async () => {
    const r = await start((message) => ({
      jsonrpc: '2.0',
      id: message.id,
      error: { code: -32022, message: 'unsupported', data: { supported: [V], requested: '2099-01-01' } },
    }));
    const body = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/list',
      params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } },
    };
    const reply = await post(r.url, body, { 'mcp-protocol-version': '2099-01-01', 'mcp-method': 'tools/list' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: -32022, data: { supported: [V] } } });
  });

  it('answers GET and DELETE with 405', async () => {
    const r = await start();
    const get = await send(r.url, { headers: { accept: 'text/event-stream', 'mcp-protocol-version': V } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const del = await send(r.url, { method: 'DELETE', headers: { 'mcp-protocol-version': V, 'mcp-session-id': 'x' } });
    expect(del.status).toBe(405);
  });

  it('refuses batches and client responses; accepts notifications with 202', async () => {
    const r = await start();
    const list = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta } };
    const batch = await post(r.url, [list], headersFor('tools/list'));
    expect(batch.status).toBe(400);
    expect(batch.json()).toMatchObject({ error: { code: -32600 } });
    const response = await post(r.url, { jsonrpc: '2.0', id: 1, result: {} }, headersFor('x'));
    expect(response.status).toBe(400);
    const note = { jsonrpc: '2.0', method: 'notifications/whatever', params: { _meta: meta } };
    const accepted = await post(r.url, note, { 'mcp-protocol-version': V });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toBe('');
  });

  it('streams emitted notifications without event ids and aborts the signal when the client closes', async () => {
    const signalSeen = deferred<AbortSignal>();
    const abortedSeen = deferred();
    const r = await start(async (message, context) => {
      if (message.method === 'subscriptions/listen') {
        context.emit({ jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: {} });
        signalSeen.resolve(context.signal);
        await aborted(context.signal);
        abortedSeen.resolve();
        return undefined;
      }
      context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } });
      return result(message, {});
    });
    const body = (method: string): JsonRpcMessage => ({ jsonrpc: '2.0', id: 3, method, params: { _meta: meta } });
    const streamed = await postStream(r.url, body('tools/list'), headersFor('tools/list'));
    expect(streamed.headers['content-type']).toBe('text/event-stream');
    expect(streamed.headers['x-accel-buffering']).toBe('no');
    const progress = await streamed.next();
    expect(progress.id).toBeUndefined();
    expect(JSON.parse(progress.data)).toMatchObject({ method: 'notifications/progress' });
    expect(await streamed.nextJson()).toEqual({ jsonrpc: '2.0', id: 3, result: {} });
    await streamed.ended;

    const listen = await postStream(r.url, body('subscriptions/listen'), headersFor('subscriptions/listen'));
    expect(await listen.nextJson()).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
    const signal = await signalSeen.promise;
    expect(signal.aborted).toBe(false);
    listen.close();
    await abortedSeen.promise;
    expect(signal.aborted).toBe(true);
    await r.close();
    expect(r.factory.sessions.every((s) => s.closed)).toBe(true);
  });
});

/** Sends a request with header bytes exactly as given (latin1); returns the raw response text. */
async function rawRequest(r: Running, body: unknown, headers: Record<string, string>): Promise<string> {
  const { connect } = await import('node:net');
  const port = new URL(r.url).port;
  const payload = JSON.stringify(body);
  const lines = [
    'POST /mcp HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    'Accept: application/json, text/event-stream',
    `Content-Length: ${Buffer.byteLength(payload)}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'));
      socket.end(payload);
    });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('createMcpHttpServer: legacy HTTP+SSE (2024-11-05)', () => {
  it('opens with an endpoint event and answers POSTs on the stream', async () => {
    const r = await start((message, context) => {
      if (message.method === 'tools/call') {
        context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } });
      }
      return defaultHandler(message, context, undefined as never);
    });
    const stream = await Stream.open(r.sseUrl, { headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
    const endpoint = await stream.next();
    expect(endpoint.event).toBe('endpoint');
    expect(endpoint.data).toMatch(/^\/messages\?sessionId=[\w-]+$/);
    const messages = r.base + endpoint.data;

    const init = await send(messages, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(initialize('2024-11-05')),
    });
    expect(init.status).toBe(202);
    const response = await stream.next();
    expect(response.event).toBe('message');
    expect(JSON.parse(response.data)).toMatchObject({ id: 0, result: { protocolVersion: '2024-11-05' } });

    await post(messages, { jsonrpc: '2.0', id: 1, method: 'tools/call' });
    expect(await stream.nextJson()).toMatchObject({ method: 'notifications/progress' });
    expect(await stream.nextJson()).toMatchObject({ id: 1, result: { echo: 'tools/call' } });

    const session = r.factory.sessions[0] as FakeSession;
    session.push({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    expect(await stream.nextJson()).toEqual({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });

    expect((await post(`${r.base}/messages`, { jsonrpc: '2.0', id: 2, method: 'x' })).status).toBe(400);
    expect((await post(`${r.base}/messages?sessionId=unknown`, { jsonrpc: '2.0', id: 2, method: 'x' })).status).toBe(
      404,
    );
    const bad = await send(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.json()).toMatchObject({ id: null, error: { code: -32700 } });
    expect((await post(messages, [{ jsonrpc: '2.0', id: 3, method: 'x' }])).status).toBe(400);
    expect(
      (await send(messages, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status,
    ).toBe(415);

    stream.close();
    await stream.ended;
    await session.whenClosed;
  });
});

describe('createMcpHttpServer: close()', () => {
  it('ends every stream and session and leaves no open sockets', async () => {
    const pending = deferred<void>();
    const r = await start(async (message, context) => {
      if (message.method === 'hang') {
        context.emit({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 0 } });
        await Promise.race([pending.promise, aborted(context.signal)]);
        return result(message, {});
      }
      return defaultHandler(message, context, undefined as never);
    });
    const id = await openSession(r);
    const get = await Stream.open(r.url, { headers: { ...sessionHeaders(id), accept: 'text/event-stream' } });
    const hanging = await postStream(r.url, { jsonrpc: '2.0', id: 1, method: 'hang' }, sessionHeaders(id));
    await hanging.next();
    const legacy = await Stream.open(r.sseUrl, { headers: { accept: 'text/event-stream' } });
    await legacy.next();
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' };
    const stateless = await postStream(
      r.url,
      { jsonrpc: '2.0', id: 2, method: 'hang', params: { _meta: meta } },
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'hang' },
    );
    await stateless.next();
    expect(r.sockets.size).toBeGreaterThanOrEqual(4);

    await r.close();
    await Promise.all([get.ended, hanging.ended, legacy.ended, stateless.ended]);
    expect([...r.sockets].every((socket) => socket.destroyed)).toBe(true);
    expect(r.factory.sessions.every((s) => s.closed)).toBe(true);
    pending.resolve();
    await r.close(); // idempotent
  });
});

describe('header value helpers', () => {
  it('decodes the =?base64?…?= form and refuses unsafe characters', () => {
    expect(decodeHeaderValue('northwind')).toEqual({ ok: true, value: 'northwind' });
    expect(decodeHeaderValue('=?base64?WsO8cmljaA==?=')).toEqual({ ok: true, value: 'Zürich' });
    expect(decodeHeaderValue('=?base64?PT9iYXNlNjQ/eD89?=')).toEqual({ ok: true, value: '=?base64?x?=' });
    expect(decodeHeaderValue('Zürich').ok).toBe(false);
    expect(decodeHeaderValue('a\u0001b').ok).toBe(false);
    expect(decodeHeaderValue('=?base64?/w==?=').ok).toBe(false); // not UTF-8
  });

  it('collects x-mcp-header annotations along properties chains only', () => {
    expect(
      headerParametersFromSchema({
        type: 'object',
        properties: {
          a: { type: 'string', 'x-mcp-header': 'A' },
          'b/c': { type: 'object', properties: { d: { type: 'integer', 'x-mcp-header': 'D' } } },
          list: { type: 'array', items: { type: 'object', properties: { e: { 'x-mcp-header': 'E' } } } },
        },
      }),
    ).toEqual({ A: '/a', D: '/b~1c/d' });
  });
});
