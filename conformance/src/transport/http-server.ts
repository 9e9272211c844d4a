/**
 * The server side of the HTTP transports: Streamable HTTP in both eras (stateful ≤ 2025-11-25 with sessions,
 * GET stream and resumption; stateless ≥ 2026-07-28 with header validation and request-scoped streams) and the
 * legacy HTTP+SSE transport of 2024-11-05. It drives a `SessionFactory` (see `server-session.ts`): the transport
 * frames, routes and checks HTTP; the sessions decide what the messages mean.
 *
 * Which era a POST belongs to is decided per request:
 * - `initialize` is stateful;
 * - otherwise, when the `MCP-Protocol-Version` header or `params._meta["io.modelcontextprotocol/protocolVersion"]`
 *   names a stateless-era revision it is stateless, and when either names a stateful-era revision it is stateful;
 * - otherwise a request carrying `Mcp-Session-Id` is stateful, one naming some unknown version is stateless (the
 *   session answers it with UnsupportedProtocolVersionError), and anything else is stateful (and refused: 400,
 *   no session).
 *
 * Sessions: stateful — one `ServerSession` per `Mcp-Session-Id`, created by `initialize`, ended by DELETE or
 * `close()`. Stateless — a fresh `ServerSession` for every POST, closed once its response is complete; whatever
 * must outlive a request (subscriptions, list changes) lives in the factory. Unsolicited messages of a stateless
 * session are dropped. Legacy — one session per `GET /sse` stream, closed with the stream.
 *
 * Cancellation: stateless — closing the POST's response aborts `context.signal` (transport.http.cancel.stream-close).
 * Stateful — a broken connection is not a cancellation (transport.http.sse.disconnect-not-cancel): the stream keeps
 * buffering and can be resumed with GET + `Last-Event-ID`; `notifications/cancelled` naming an in-flight request,
 * DELETE and `close()` abort the signal. Legacy — `notifications/cancelled` and the end of the SSE stream.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { registry, type WireEra } from '../../../schema/registry.ts';
import { classify, idKey, isObject, parseLine, type JsonRpcId } from '../protocol/jsonrpc.ts';
import type { JsonRpcMessage, RequestContext, ServerSession, SessionFactory } from './server-session.ts';

export interface McpHttpServerOptions {
  /** Path of the Streamable HTTP endpoint. `/mcp` by default. */
  path?: string;
  /** Path of the legacy (2024-11-05) SSE endpoint. `/sse` by default. */
  legacySsePath?: string;
  /** Path the legacy transport's `endpoint` event names for POSTs. `/messages` by default. */
  legacyMessagesPath?: string;
  /**
   * Accepted `Origin` values (exact, case-insensitive; `*` accepts any). By default only loopback origins
   * (`http(s)://localhost|127.0.0.1|[::1]` on any port). Requests without `Origin` are always accepted.
   */
  allowedOrigins?: string[];
  /**
   * Accepted `Host` values, `name` (any port) or `name:port` (case-insensitive; `*` accepts any). By default only
   * `localhost`, `127.0.0.1` and `[::1]`, on any port.
   */
  allowedHosts?: string[];
  /** Largest request body accepted (413 beyond). 4 MiB by default. */
  maxBodyBytes?: number;
  /** Events kept per stateful SSE stream for `Last-Event-ID` replay. 256 by default. */
  replayBufferSize?: number;
  /** Stateful SSE streams (per session) whose events are kept for replay. 32 by default. */
  retainedStreams?: number;
  /**
   * Stateful era: closing a POST's response stream cancels the requests it carries. Off by default: up to
   * 2025-11-25 a broken connection should not be taken as a cancellation (the client may resume the stream).
   */
  cancelOnStreamClose?: boolean;
  /**
   * Stateful era: requests for which this returns true are answered on an SSE stream even when nothing precedes
   * their response. By default a response that nothing precedes goes out as `application/json`.
   */
  streamAnswer?: (method: string) => boolean;
  /** Stateful era: makes the id of each new session. A random UUID by default. */
  sessionIdGenerator?: () => string;
  /**
   * Stateless era: the `x-mcp-header` annotations of a tool, as header name (the annotation's value, without
   * `Mcp-Param-`) → argument path. A path is a JSON Pointer (`/invoice/number`) or dot-separated (`invoice.number`).
   * `undefined` (unknown tool) skips the `Mcp-Param-*` checks. See `headerParametersFromSchema`.
   */
  toolHeaderParameters?: (toolName: string) => Record<string, string> | undefined;
  /**
   * Sees each parsed Streamable HTTP POST body (a batch as an array) before anything in it is processed; answering
   * `res` itself and returning true refuses it. For decisions that depend on the method, such as token scopes.
   */
  admit?: (req: IncomingMessage, res: ServerResponse, message: unknown) => boolean;
  /** Diagnostics, one line at a time. Silent by default. */
  log?: (line: string) => void;
}

export interface McpHttpServer {
  readonly server: Server;
  /** Listens on `host` (127.0.0.1) and `port` (0: any free port); resolves with the endpoint URLs. */
  listen(port?: number, host?: string): Promise<{ url: string; sseUrl: string }>;
  /** Ends every session and stream, closes every socket. Idempotent; never rejects. */
  close(): Promise<void>;
}

// JSON-RPC error codes (schema/2026-07-28/schema.ts).
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
const HEADER_MISMATCH = -32020;
const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
const UNSUPPORTED_PROTOCOL_VERSION = -32022;

const PROTOCOL_VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';
const CLIENT_CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
const MIB = 1024 * 1024;
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Methods whose `Mcp-Name` header copies a body field (stateless era). */
const NAME_FIELDS: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

function eraOf(version: string | undefined): WireEra | undefined {
  if (version === undefined) return undefined;
  return registry().revisions.find((r) => r.id === version)?.era;
}

function versionFromMeta(message: unknown): string | undefined {
  if (!isObject(message) || !isObject(message.params) || !isObject(message.params._meta)) return undefined;
  const version = message.params._meta[PROTOCOL_VERSION_KEY];
  return typeof version === 'string' ? version : undefined;
}

function requestIdOf(value: unknown): JsonRpcId | null {
  if (!isObject(value)) return null;
  const id = value.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

function errorResponse(code: number, message: string, id?: JsonRpcId | null): JsonRpcMessage {
  const body: JsonRpcMessage = { jsonrpc: '2.0' };
  if (id !== undefined) body.id = id;
  body.error = { code, message };
  return body;
}

function errorCodeOf(message: JsonRpcMessage): number | undefined {
  const error = message.error;
  return isObject(error) && typeof error.code === 'number' ? error.code : undefined;
}

/** Header value as one string (repeated headers joined by `, `), or undefined. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(req.headers)) {
    const value = header(req, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function mediaTypes(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => (part.split(';')[0] ?? '').trim().toLowerCase())
    .filter((part) => part !== '');
}

function isJsonContentType(value: string | undefined): boolean {
  return mediaTypes(value)[0] === 'application/json';
}

function writable(res: ServerResponse): boolean {
  return !res.writableEnded && !res.destroyed;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (!writable(res)) return;
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Refuses a request: an HTTP error status with a JSON-RPC error body (no `id` unless given). */
function refuse(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  options: { id?: JsonRpcId | null; headers?: Record<string, string> } = {},
): void {
  sendJson(res, status, errorResponse(code, message, options.id), options.headers);
}

function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (!writable(res)) return;
  if (!res.headersSent) res.writeHead(status, headers);
  res.end();
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** One SSE event. `data` may span lines: each becomes its own `data:` line. */
function sseFrame(event: { id?: string; event?: string; data: string }): string {
  let text = '';
  if (event.id !== undefined) text += `id: ${event.id}\n`;
  if (event.event !== undefined) text += `event: ${event.event}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) text += line === '' ? 'data:\n' : `data: ${line}\n`;
  return text + '\n';
}

function startSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  if (!writable(res) || res.headersSent) return;
  res.writeHead(200, { ...SSE_HEADERS, ...headers });
  res.flushHeaders();
}

function writeSse(res: ServerResponse | undefined, text: string): void {
  if (res && writable(res)) res.write(text);
}

type BodyResult = { ok: true; text: string } | { ok: false };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the body up to `limit` bytes. Answers 413 itself (and closes the connection, so a hostile sender cannot
 * keep streaming), and 400 with a parse error when the bytes are not UTF-8.
 */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const tooLarge = (): void => {
      refuse(res, 413, INVALID_REQUEST, `Payload Too Large: the body exceeds ${limit} bytes`, {
        headers: { connection: 'close' },
      });
      req.resume();
      resolve({ ok: false });
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer): void => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve({ ok: true, text: utf8.decode(Buffer.concat(chunks)) });
      } catch {
        refuse(res, 400, PARSE_ERROR, 'Parse error: the body is not valid UTF-8', { id: null });
        resolve({ ok: false });
      }
    });
    const abandon = (): void => {
      if (done) return;
      done = true;
      resolve({ ok: false });
    };
    req.on('error', abandon);
    req.on('close', abandon);
  });
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: 'empty body' };
  // parseLine tolerates one trailing \r; a body may end with a newline too.
  return parseLine(text.replace(/[\r\n]+$/, ''));
}

// ---------------------------------------------------------------------------------------------------------------
// Stateless-era header validation

/** Visible ASCII, space and tab only (RFC 9110 field values without obs-text). */
const SAFE_HEADER_VALUE = /^[\x20-\x7e\t]*$/;

type Decoded = { ok: true; value: string } | { ok: false; reason: string };

/** Decodes a header value, undoing the `=?base64?…?=` wrapping; refuses characters a header may not carry. */
export function decodeHeaderValue(raw: string): Decoded {
  if (!SAFE_HEADER_VALUE.test(raw)) return { ok: false, reason: 'contains characters that are not allowed' };
  if (raw.length >= 11 && raw.startsWith('=?base64?') && raw.endsWith('?=')) {
    const encoded = raw.slice(9, -2);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
      return { ok: false, reason: 'is not valid Base64' };
    }
    try {
      return { ok: true, value: utf8.decode(Buffer.from(encoded, 'base64')) };
    } catch {
      return { ok: false, reason: 'does not decode to UTF-8' };
    }
  }
  return { ok: true, value: raw };
}

function pathSegments(path: string): string[] {
  if (path.startsWith('/')) {
    return path
      .slice(1)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return path.split('.');
}

function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of pathSegments(path)) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The `x-mcp-header` annotations of a tool's `inputSchema`, as header name → JSON Pointer into `arguments`,
 * following only `properties` chains (the only place the annotation may appear). Does not check the annotation's
 * other conditions.
 */
export function headerParametersFromSchema(inputSchema: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (schema: unknown, pointer: string): void => {
    if (!isObject(schema) || !isObject(schema.properties)) return;
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const path = `${pointer}/${escapePointer(key)}`;
      const name = property['x-mcp-header'];
      if (typeof name === 'string' && name !== '') out[name] = path;
      walk(property, path);
    }
  };
  walk(inputSchema, '');
  return out;
}

function sameParameter(decoded: string, value: unknown): boolean {
  if (typeof value === 'string') return decoded === value;
  if (typeof value === 'boolean') return decoded === String(value);
  if (typeof value === 'number') {
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(decoded) && Number(decoded) === value;
  }
  return false;
}

function describeValue(value: unknown): string {
  return value === undefined ? 'absent' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}

/** The first header check a stateless request fails, as a message for a HeaderMismatchError; or undefined. */
function checkStatelessHeaders(
  req: IncomingMessage,
  message: JsonRpcMessage,
  method: string,
  toolHeaderParameters: McpHttpServerOptions['toolHeaderParameters'],
): string | undefined {
  const version = header(req, 'mcp-protocol-version');
  if (version === undefined) return 'the MCP-Protocol-Version header is missing';
  if (!SAFE_HEADER_VALUE.test(version))
    return 'the MCP-Protocol-Version header contains characters that are not allowed';
  const bodyVersion = versionFromMeta(message);
  if (bodyVersion !== version) {
    return `MCP-Protocol-Version is '${version}' but _meta["${PROTOCOL_VERSION_KEY}"] is ${describeValue(bodyVersion)}`;
  }

  const mcpMethod = header(req, 'mcp-method');
  if (mcpMethod === undefined) return 'the Mcp-Method header is missing';
  if (!SAFE_HEADER_VALUE.test(mcpMethod)) return 'the Mcp-Method header contains characters that are not allowed';
  if (mcpMethod !== method) return `Mcp-Method is '${mcpMethod}' but the body's method is '${method}'`;

  const params = isObject(message.params) ? message.params : {};
  const nameField = NAME_FIELDS[method];
  if (nameField !== undefined) {
    const bodyName = params[nameField];
    const rawName = header(req, 'mcp-name');
    if (rawName === undefined) {
      if (bodyName !== undefined) return `the Mcp-Name header is missing (params.${nameField} is present)`;
    } else {
      const decoded = decodeHeaderValue(rawName);
      if (!decoded.ok) return `the Mcp-Name header ${decoded.reason}`;
      if (decoded.value !== bodyName) {
        return `Mcp-Name is '${decoded.value}' but params.${nameField} is ${describeValue(bodyName)}`;
      }
    }
  }

  if (method === 'tools/call' && toolHeaderParameters && typeof params.name === 'string') {
    const annotated = toolHeaderParameters(params.name);
    for (const [name, path] of Object.entries(annotated ?? {})) {
      const headerName = `Mcp-Param-${name}`;
      const raw = header(req, headerName.toLowerCase());
      const value = valueAt(params.arguments, path);
      const where = `arguments${pathSegments(path)
        .map((s) => `.${s}`)
        .join('')}`;
      if (raw === undefined) {
        if (value === undefined || value === null) continue;
        return `the ${headerName} header is missing (${where} is ${describeValue(value)})`;
      }
      const decoded = decodeHeaderValue(raw);
      if (!decoded.ok) return `the ${headerName} header ${decoded.reason}`;
      if (value === undefined || value === null) {
        return `${headerName} is '${decoded.value}' but ${where} is ${value === null ? 'null' : 'absent'}`;
      }
      if (!sameParameter(decoded.value, value)) {
        return `${headerName} is '${decoded.value}' but ${where} is ${describeValue(value)}`;
      }
    }
  }
  return undefined;
}

/** The first required `_meta` field (stateless era) a request lacks, or undefined. */
function missingMetaField(message: JsonRpcMessage): string | undefined {
  const meta = isObject(message.params) && isObject(message.params._meta) ? message.params._meta : {};
  if (typeof meta[PROTOCOL_VERSION_KEY] !== 'string') return PROTOCOL_VERSION_KEY;
  if (!isObject(meta[CLIENT_CAPABILITIES_KEY])) return CLIENT_CAPABILITIES_KEY;
  return undefined;
}

/** HTTP status of a stateless JSON response, from the JSON-RPC error code it carries. */
function statelessStatus(response: JsonRpcMessage, request: JsonRpcMessage): number {
  const code = errorCodeOf(response);
  // discover.meta.missing-field-http-400: the -32602 refusing a request that lacks a required field.
  if (code === INVALID_PARAMS && missingMetaField(request) !== undefined) return 400;
  if (code === METHOD_NOT_FOUND) return 404;
  if (code === HEADER_MISMATCH || code === MISSING_REQUIRED_CLIENT_CAPABILITY || code === UNSUPPORTED_PROTOCOL_VERSION)
    return 400;
  return 200;
}

// ---------------------------------------------------------------------------------------------------------------
// Stateful-era streams and sessions

/**
 * One logical SSE stream of a stateful session: a POST's response stream or the GET stream. Its events carry ids
 * `<key>-<seq>`, unique within the session, and the last `limit` are kept for replay. At most one HTTP response is
 * attached at a time; events sent while none is attached wait in the buffer.
 */
class EventStream {
  private seq = 0;
  private readonly events: { seq: number; text: string }[] = [];
  private res: ServerResponse | undefined;
  /** The stream is complete (its response was sent): a resumed connection ends after the replay. */
  finished = false;

  constructor(
    readonly key: string,
    private readonly limit: number,
    private readonly prime: boolean,
  ) {}

  /** Attaches a connection (replacing any other), replays the events after `after`, or primes a fresh one. */
  attach(res: ServerResponse, after?: number): void {
    if (this.res && this.res !== res && writable(this.res)) this.res.end();
    this.res = res;
    res.on('close', () => {
      if (this.res === res) this.res = undefined;
    });
    if (after === undefined) {
      if (this.prime) writeSse(res, sseFrame({ id: `${this.key}-${++this.seq}`, data: '' }));
    } else {
      for (const event of this.events) if (event.seq > after) writeSse(res, event.text);
    }
    if (this.finished) this.detach();
  }

  push(message: JsonRpcMessage): void {
    const seq = ++this.seq;
    const text = sseFrame({ id: `${this.key}-${seq}`, data: JSON.stringify(message) });
    this.events.push({ seq, text });
    if (this.events.length > this.limit) this.events.shift();
    writeSse(this.res, text);
  }

  finish(): void {
    this.finished = true;
    this.detach();
  }

  detach(): void {
    const res = this.res;
    this.res = undefined;
    if (res && writable(res)) res.end();
  }
}

interface StatefulEntry {
  id: string;
  session: ServerSession;
  /** The revision the initialize response settled on. */
  revision: string | undefined;
  streams: Map<string, EventStream>;
  nextStream: number;
  standalone: EventStream;
  /** A GET stream was opened once: unsolicited messages are kept for it from then on. */
  standaloneOpened: boolean;
  /** In-flight requests by `idKey`, for `notifications/cancelled`. */
  inflight: Map<string, AbortController>;
  unsubscribe: () => void;
}

interface LegacyEntry {
  id: string;
  session: ServerSession;
  res: ServerResponse;
  inflight: Map<string, AbortController>;
  unsubscribe: () => void;
}

/**
 * The answer to one POST that carries requests: JSON while the handler emits nothing, SSE from the first `emit`
 * on. `count` responses complete it.
 */
class Exchange {
  private sse = false;
  private remaining: number;
  private readonly responses: JsonRpcMessage[] = [];
  done = false;

  constructor(
    private readonly res: ServerResponse,
    count: number,
    private readonly target: {
      open(): void;
      write(message: JsonRpcMessage): void;
      finish(): void;
      json(responses: JsonRpcMessage[]): void;
    },
  ) {
    this.remaining = count;
  }

  get streaming(): boolean {
    return this.sse;
  }

  /** From now on the exchange answers on an event stream (no-op once it does, or once it is complete). */
  openStream(): void {
    if (this.done || this.sse) return;
    this.sse = true;
    this.target.open();
    // Batch responses completed before the stream opened go on it first.
    for (const response of this.responses.splice(0)) this.target.write(response);
  }

  /** False when the message was dropped (the exchange is complete). */
  emit(message: JsonRpcMessage): boolean {
    if (this.done) return false;
    this.openStream();
    this.target.write(message);
    return true;
  }

  respond(message: JsonRpcMessage): void {
    if (this.done) return;
    if (this.sse) this.target.write(message);
    else this.responses.push(message);
    if (--this.remaining <= 0) this.complete();
  }

  /** Stops the exchange: nothing more is written. */
  abandon(): void {
    this.done = true;
  }

  private complete(): void {
    this.done = true;
    if (this.sse) this.target.finish();
    else if (writable(this.res)) this.target.json(this.responses);
  }
}

/** Runs `session.handle` and turns a rejection or a missing response into a JSON-RPC internal error. */
async function handleSafely(
  session: ServerSession,
  message: JsonRpcMessage,
  context: RequestContext,
  log: (line: string) => void,
): Promise<JsonRpcMessage | undefined> {
  try {
    return await session.handle(message, context);
  } catch (error) {
    log(`session.handle threw: ${(error as Error)?.message ?? String(error)}`);
    const id = requestIdOf(message);
    return id === null && !Object.hasOwn(message, 'id')
      ? undefined
      : errorResponse(INTERNAL_ERROR, 'Internal error', id);
  }
}

function missingResponse(message: JsonRpcMessage): JsonRpcMessage {
  return errorResponse(INTERNAL_ERROR, 'Internal error: the server produced no response', requestIdOf(message));
}

// ---------------------------------------------------------------------------------------------------------------

export function createMcpHttpServer(factory: SessionFactory, options: McpHttpServerOptions = {}): McpHttpServer {
  const path = options.path ?? '/mcp';
  const legacySsePath = options.legacySsePath ?? '/sse';
  const legacyMessagesPath = options.legacyMessagesPath ?? '/messages';
  const maxBodyBytes = options.maxBodyBytes ?? 4 * MIB;
  const replayBufferSize = options.replayBufferSize ?? 256;
  const retainedStreams = options.retainedStreams ?? 32;
  const log = options.log ?? ((): void => {});
  const allowedOrigins = options.allowedOrigins?.map((o) => o.toLowerCase());
  const allowedHosts = options.allowedHosts?.map((h) => h.toLowerCase());

  const sessions = new Map<string, StatefulEntry>();
  const legacy = new Map<string, LegacyEntry>();
  /** Stateless requests in flight: aborted and closed by `close()`. */
  const statelessInflight = new Set<{ controller: AbortController; session: ServerSession; res: ServerResponse }>();
  const sockets = new Set<Socket>();
  /** A name per TCP connection, for `RequestContext.connection`. */
  const connectionNames = new WeakMap<Socket, string>();
  let closing: Promise<void> | undefined;

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(`internal error on ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) refuse(res, 500, INTERNAL_ERROR, 'Internal error');
      else if (writable(res)) res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    connectionNames.set(socket, `connection-${randomUUID()}`);
    socket.on('close', () => sockets.delete(socket));
  });

  // ----- security -----

  function hostAllowed(value: string | undefined): boolean {
    if (value === undefined) return false;
    const host = value.trim().toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
    if (!allowedHosts) return LOOPBACK_HOSTNAMES.has(name);
    return allowedHosts.some((allowed) => allowed === '*' || allowed === host || allowed === name);
  }

  function originAllowed(value: string | undefined): boolean {
    if (value === undefined) return true;
    const origin = value.trim().toLowerCase();
    if (allowedOrigins) return allowedOrigins.some((allowed) => allowed === '*' || allowed === origin);
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
    } catch {
      return false;
    }
  }

  // ----- routing -----

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? '';
    const url = req.url ?? '/';
    if (closing) {
      refuse(res, 503, INTERNAL_ERROR, 'Service Unavailable: the server is shutting down', {
        headers: { connection: 'close' },
      });
      return;
    }
    if (!hostAllowed(header(req, 'host'))) {
      log(`403 ${method} ${url}: Host ${JSON.stringify(header(req, 'host'))} not allowed`);
      refuse(res, 403, INVALID_REQUEST, 'Forbidden: Host header not allowed');
      return;
    }
    if (!originAllowed(header(req, 'origin'))) {
      log(`403 ${method} ${url}: Origin ${JSON.stringify(header(req, 'origin'))} not allowed`);
      refuse(res, 403, INVALID_REQUEST, 'Forbidden: Origin not allowed');
      return;
    }
    const pathname = url.split('?')[0] ?? '';
    if (pathname === path) {
      if (method === 'POST') return handlePost(req, res);
      if (method === 'GET') return handleGet(req, res);
      if (method === 'DELETE') return handleDelete(req, res);
      refuse(res, 405, INVALID_REQUEST, `Method Not Allowed: ${method}`, { headers: { allow: 'GET, POST, DELETE' } });
      return;
    }
    if (pathname === legacySsePath) {
      if (method === 'GET') return handleLegacyGet(req, res);
      refuse(res, 405, INVALID_REQUEST, `Method Not Allowed: ${method}`, { headers: { allow: 'GET' } });
      return;
    }
    if (pathname === legacyMessagesPath) {
      if (method === 'POST') return handleLegacyPost(req, res, url);
      refuse(res, 405, INVALID_REQUEST, `Method Not Allowed: ${method}`, { headers: { allow: 'POST' } });
      return;
    }
    sendEmpty(res, 404, { 'content-length': '0' });
  }

  // ----- Streamable HTTP: POST -----

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isJsonContentType(header(req, 'content-type'))) {
      refuse(res, 415, INVALID_REQUEST, 'Unsupported Media Type: Content-Type must be application/json');
      return;
    }
    const accept = mediaTypes(header(req, 'accept'));
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
      refuse(res, 406, INVALID_REQUEST, 'Not Acceptable: Accept must name both application/json and text/event-stream');
      return;
    }
    const body = await readBody(req, res, maxBodyBytes);
    if (!body.ok) return;
    const parsed = parseBody(body.text);
    if (!parsed.ok) {
      refuse(res, 400, PARSE_ERROR, `Parse error: ${parsed.error}`, { id: null });
      return;
    }
    const value = parsed.value;
    if (options.admit?.(req, res, value)) return;
    const headerVersion = header(req, 'mcp-protocol-version');
    const sessionId = header(req, 'mcp-session-id');

    if (Array.isArray(value)) {
      if (eraOf(headerVersion) === 'stateless') {
        refuse(res, 400, INVALID_REQUEST, 'Invalid Request: JSON-RPC batches are not supported', { id: null });
        return;
      }
      return handleBatch(req, res, value, sessionId, headerVersion);
    }

    const classification = classify(value);
    if (classification.kind === 'invalid') {
      refuse(res, 400, INVALID_REQUEST, `Invalid Request: ${classification.reason}`, { id: requestIdOf(value) });
      return;
    }
    const message = value as JsonRpcMessage;
    const isInitialize = classification.kind === 'request' && classification.method === 'initialize';
    const metaVersion = versionFromMeta(message);
    const eras = [eraOf(headerVersion), eraOf(metaVersion)];
    let era: WireEra;
    if (isInitialize) era = 'stateful';
    else if (eras.includes('stateless')) era = 'stateless';
    else if (eras.includes('stateful')) era = 'stateful';
    else if (sessionId !== undefined) era = 'stateful';
    else if (headerVersion !== undefined || metaVersion !== undefined) era = 'stateless';
    else era = 'stateful';

    if (era === 'stateless') return handleStatelessPost(req, res, message);
    return handleStatefulPost(req, res, message, isInitialize);
  }

  // ----- stateful era -----

  function newStream(entry: StatefulEntry): EventStream {
    const key = `s${entry.nextStream++}`;
    const prime = entry.revision !== undefined && entry.revision >= '2025-11-25';
    const stream = new EventStream(key, replayBufferSize, prime);
    entry.streams.set(key, stream);
    // Forget the oldest finished streams beyond the retention limit.
    for (const [oldKey, old] of entry.streams) {
      if (entry.streams.size <= retainedStreams + 1) break;
      if (old !== entry.standalone && old.finished) entry.streams.delete(oldKey);
    }
    return stream;
  }

  function createStatefulEntry(): StatefulEntry {
    const id = options.sessionIdGenerator?.() ?? randomUUID();
    const session = factory.createSession({ transport: 'http' });
    const standalone = new EventStream('s0', replayBufferSize, false);
    const entry: StatefulEntry = {
      id,
      session,
      revision: undefined,
      streams: new Map([['s0', standalone]]),
      nextStream: 1,
      standalone,
      standaloneOpened: false,
      inflight: new Map(),
      unsubscribe: () => {},
    };
    entry.unsubscribe = session.onUnsolicited((message) => {
      if (entry.standaloneOpened) entry.standalone.push(message);
      else log(`session ${id}: no GET stream, dropped ${String(message.method ?? 'a message')}`);
    });
    sessions.set(id, entry);
    log(`session ${id} created`);
    return entry;
  }

  function endStatefulEntry(entry: StatefulEntry, why: string): void {
    if (sessions.get(entry.id) !== entry) return;
    sessions.delete(entry.id);
    for (const controller of entry.inflight.values()) controller.abort(new Error(why));
    entry.inflight.clear();
    for (const stream of entry.streams.values()) stream.finish();
    entry.unsubscribe();
    try {
      entry.session.close();
    } catch (error) {
      log(`session ${entry.id}: close threw ${(error as Error)?.message}`);
    }
    log(`session ${entry.id} ended (${why})`);
  }

  /** Looks up the session of a non-initialize stateful request; answers 400/404 itself. */
  function sessionFor(req: IncomingMessage, res: ServerResponse, id?: JsonRpcId | null): StatefulEntry | undefined {
    const sessionId = header(req, 'mcp-session-id');
    if (sessionId === undefined) {
      refuse(res, 400, INVALID_REQUEST, 'Bad Request: the Mcp-Session-Id header is missing', { id });
      return undefined;
    }
    const entry = sessions.get(sessionId);
    if (!entry) {
      refuse(res, 404, INVALID_REQUEST, 'Not Found: unknown or terminated session', { id });
      return undefined;
    }
    return entry;
  }

  /** MCP-Protocol-Version check of the stateful era; answers 400 itself. */
  function statefulVersionOk(req: IncomingMessage, res: ServerResponse, entry: StatefulEntry): boolean {
    const version = header(req, 'mcp-protocol-version');
    if (version === undefined) return true; // The negotiated revision applies.
    let problem: string | undefined;
    if (!/^(\d{4}-\d{2}-\d{2}|draft)$/.test(version)) problem = `'${version}' is not a valid protocol version`;
    else if (eraOf(version) !== 'stateful') problem = `protocol version '${version}' is not supported`;
    // A valid, supported version other than the negotiated one is not a reason for 400: the prose asks for
    // 400 only for invalid or unsupported versions.
    void entry;
    if (problem === undefined) return true;
    refuse(res, 400, INVALID_REQUEST, `Bad Request: MCP-Protocol-Version: ${problem}`);
    return false;
  }

  function statefulContext(req: IncomingMessage, emit: (m: JsonRpcMessage) => void) {
    const controller = new AbortController();
    const context: RequestContext = {
      emit,
      signal: controller.signal,
      headers: headerRecord(req),
      connection: connectionNames.get(req.socket),
    };
    return { controller, context };
  }

  /** Passes a notification or response to the session; `notifications/cancelled` also aborts the request it names. */
  async function deliverStateful(entry: StatefulEntry, req: IncomingMessage, message: JsonRpcMessage): Promise<void> {
    if (message.method === 'notifications/cancelled' && isObject(message.params)) {
      const requestId = message.params.requestId;
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        entry.inflight.get(idKey(requestId))?.abort(new Error('cancelled by the client'));
      }
    }
    const { context } = statefulContext(req, (m) => {
      log(`session ${entry.id}: emit while handling a notification, sent to the GET stream`);
      if (entry.standaloneOpened) entry.standalone.push(m);
    });
    const response = await handleSafely(entry.session, message, context, log);
    if (response !== undefined) log(`session ${entry.id}: a response to a notification or response was dropped`);
  }

  /** Handles the requests of one POST (one, or several in a batch) with a single exchange. */
  function runStatefulRequests(
    entry: StatefulEntry,
    req: IncomingMessage,
    res: ServerResponse,
    requests: JsonRpcMessage[],
    batch: boolean,
    extraHeaders: Record<string, string>,
    onResponse?: (response: JsonRpcMessage) => void,
    preset: JsonRpcMessage[] = [],
  ): Promise<void> {
    let stream: EventStream | undefined;
    const exchange = new Exchange(res, requests.length + preset.length, {
      open: () => {
        startSse(res, extraHeaders);
        stream = newStream(entry);
        stream.attach(res);
      },
      write: (m) => stream?.push(m),
      finish: () => stream?.finish(),
      json: (responses) => sendJson(res, 200, batch ? responses : responses[0], extraHeaders),
    });
    for (const response of preset) exchange.respond(response);
    if (options.streamAnswer && requests.some((m) => options.streamAnswer!(String(m.method)))) exchange.openStream();
    return Promise.all(
      requests.map(async (message) => {
        const key = idKey(requestIdOf(message) as JsonRpcId);
        const { controller, context } = statefulContext(req, (m) => {
          if (!exchange.emit(m)) log(`session ${entry.id}: emit after the response was dropped`);
        });
        entry.inflight.set(key, controller);
        if (options.cancelOnStreamClose)
          res.on('close', () => {
            if (!res.writableFinished) controller.abort(new Error('the client closed the response stream'));
          });
        const response = (await handleSafely(entry.session, message, context, log)) ?? missingResponse(message);
        if (entry.inflight.get(key) === controller) entry.inflight.delete(key);
        exchange.respond(response);
        onResponse?.(response);
      }),
    ).then(() => undefined);
  }

  async function handleStatefulPost(
    req: IncomingMessage,
    res: ServerResponse,
    message: JsonRpcMessage,
    isInitialize: boolean,
  ): Promise<void> {
    const kind = classify(message).kind;
    if (isInitialize) {
      const entry = createStatefulEntry();
      const sessionHeader = { 'mcp-session-id': entry.id };
      await runStatefulRequests(entry, req, res, [message], false, sessionHeader, (response) => {
        const result = response.result;
        if (isObject(result) && typeof result.protocolVersion === 'string') entry.revision = result.protocolVersion;
        if (!isObject(result)) endStatefulEntry(entry, 'initialize failed');
      });
      return;
    }
    const entry = sessionFor(req, res, requestIdOf(message) ?? undefined);
    if (!entry || !statefulVersionOk(req, res, entry)) return;
    if (kind === 'request') {
      await runStatefulRequests(entry, req, res, [message], false, {});
      return;
    }
    await deliverStateful(entry, req, message);
    sendEmpty(res, 202);
  }

  async function handleBatch(
    req: IncomingMessage,
    res: ServerResponse,
    items: unknown[],
    sessionId: string | undefined,
    headerVersion: string | undefined,
  ): Promise<void> {
    const invalidBatch = (reason: string): void =>
      refuse(res, 400, INVALID_REQUEST, `Invalid Request: ${reason}`, { id: null });
    if (items.some((item) => isObject(item) && item.method === 'initialize')) {
      invalidBatch('initialize must not be part of a JSON-RPC batch');
      return;
    }
    if (sessionId === undefined) {
      invalidBatch('JSON-RPC batches are only accepted within a session of revision 2025-03-26');
      return;
    }
    const entry = sessionFor(req, res, null);
    if (!entry || !statefulVersionOk(req, res, entry)) return;
    if ((headerVersion ?? entry.revision) !== '2025-03-26') {
      invalidBatch(`JSON-RPC batches are not part of revision ${entry.revision ?? headerVersion ?? 'unknown'}`);
      return;
    }
    if (items.length === 0) {
      invalidBatch('an empty array is not a valid batch');
      return;
    }
    const requests: JsonRpcMessage[] = [];
    const invalid: JsonRpcMessage[] = [];
    const others: JsonRpcMessage[] = [];
    for (const item of items) {
      const c = classify(item);
      if (c.kind === 'invalid') invalid.push(errorResponse(INVALID_REQUEST, `Invalid Request: ${c.reason}`, null));
      else if (c.kind === 'request') requests.push(item as JsonRpcMessage);
      else others.push(item as JsonRpcMessage);
    }
    for (const message of others) await deliverStateful(entry, req, message);
    if (requests.length === 0 && invalid.length === 0) {
      sendEmpty(res, 202);
      return;
    }
    await runStatefulRequests(entry, req, res, requests, true, {}, undefined, invalid);
  }

  // ----- stateless era -----

  async function handleStatelessPost(
    req: IncomingMessage,
    res: ServerResponse,
    message: JsonRpcMessage,
  ): Promise<void> {
    const classification = classify(message);
    if (classification.kind === 'result-response' || classification.kind === 'error-response') {
      refuse(res, 400, INVALID_REQUEST, 'Invalid Request: clients must not send JSON-RPC responses in this revision', {
        id: null,
      });
      return;
    }
    if (classification.kind === 'notification') {
      const session = factory.createSession({ transport: 'http' });
      const controller = new AbortController();
      await handleSafely(
        session,
        message,
        { emit: () => {}, signal: controller.signal, headers: headerRecord(req) },
        log,
      );
      session.close();
      sendEmpty(res, 202);
      return;
    }
    if (classification.kind !== 'request') return;
    const id = classification.id;
    const mismatch = checkStatelessHeaders(req, message, classification.method, options.toolHeaderParameters);
    if (mismatch !== undefined) {
      log(`400 ${classification.method}: ${mismatch}`);
      refuse(res, 400, HEADER_MISMATCH, `Header mismatch: ${mismatch}`, { id });
      return;
    }
    const session = factory.createSession({ transport: 'http' });
    const unsubscribe = session.onUnsolicited((m) => {
      log(`stateless ${classification.method}: unsolicited ${String(m.method ?? 'message')} dropped`);
    });
    const controller = new AbortController();
    const record = { controller, session, res };
    statelessInflight.add(record);
    const exchange = new Exchange(res, 1, {
      open: () => startSse(res),
      write: (m) => writeSse(res, sseFrame({ data: JSON.stringify(m) })),
      finish: () => {
        if (writable(res)) res.end();
      },
      json: (responses) => {
        const response = responses[0] ?? missingResponse(message);
        sendJson(res, statelessStatus(response, message), response);
      },
    });
    res.on('close', () => {
      if (!res.writableFinished && !exchange.done) {
        exchange.abandon();
        controller.abort(new Error('the client closed the response stream'));
      }
    });
    try {
      const context: RequestContext = {
        emit: (m) => {
          if (!exchange.emit(m)) log(`stateless ${classification.method}: emit after the response was dropped`);
        },
        signal: controller.signal,
        headers: headerRecord(req),
        connection: connectionNames.get(req.socket),
      };
      const response = (await handleSafely(session, message, context, log)) ?? missingResponse(message);
      exchange.respond(response);
    } finally {
      statelessInflight.delete(record);
      unsubscribe();
      session.close();
    }
  }

  // ----- Streamable HTTP: GET and DELETE -----

  /** GET/DELETE outside a stateful session: 405 for the stateless era, 400 for a stateful one. */
  function refuseSessionless(req: IncomingMessage, res: ServerResponse): void {
    const version = header(req, 'mcp-protocol-version');
    if (eraOf(version) === 'stateful') {
      refuse(res, 400, INVALID_REQUEST, 'Bad Request: the Mcp-Session-Id header is missing');
    } else {
      refuse(res, 405, INVALID_REQUEST, `Method Not Allowed: ${req.method} needs a session`, {
        headers: { allow: 'POST' },
      });
    }
  }

  async function handleGet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (eraOf(header(req, 'mcp-protocol-version')) === 'stateless') {
      refuse(res, 405, INVALID_REQUEST, 'Method Not Allowed: this revision has no GET stream', {
        headers: { allow: 'POST' },
      });
      return;
    }
    if (!mediaTypes(header(req, 'accept')).includes('text/event-stream')) {
      refuse(res, 406, INVALID_REQUEST, 'Not Acceptable: Accept must name text/event-stream');
      return;
    }
    if (header(req, 'mcp-session-id') === undefined) {
      refuseSessionless(req, res);
      return;
    }
    const entry = sessionFor(req, res);
    if (!entry || !statefulVersionOk(req, res, entry)) return;
    const lastEventId = header(req, 'last-event-id');
    if (lastEventId !== undefined) {
      const match = /^(s\d+)-(\d+)$/.exec(lastEventId.trim());
      const stream = match ? entry.streams.get(match[1] as string) : undefined;
      if (!match || !stream) {
        refuse(
          res,
          400,
          INVALID_REQUEST,
          `Bad Request: Last-Event-ID '${lastEventId}' names no stream of this session`,
        );
        return;
      }
      if (stream === entry.standalone) entry.standaloneOpened = true;
      log(`session ${entry.id}: resuming ${stream.key} after ${match[2]}`);
      startSse(res);
      stream.attach(res, Number(match[2]));
      return;
    }
    entry.standaloneOpened = true;
    startSse(res);
    entry.standalone.attach(res);
  }

  async function handleDelete(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (eraOf(header(req, 'mcp-protocol-version')) === 'stateless') {
      refuse(res, 405, INVALID_REQUEST, 'Method Not Allowed: this revision has no sessions', {
        headers: { allow: 'POST' },
      });
      return;
    }
    if (header(req, 'mcp-session-id') === undefined) {
      refuseSessionless(req, res);
      return;
    }
    const entry = sessionFor(req, res);
    if (!entry || !statefulVersionOk(req, res, entry)) return;
    endStatefulEntry(entry, 'DELETE');
    sendEmpty(res, 200, { 'content-length': '0' });
  }

  // ----- legacy HTTP+SSE (2024-11-05) -----

  function endLegacy(entry: LegacyEntry, why: string): void {
    if (legacy.get(entry.id) !== entry) return;
    legacy.delete(entry.id);
    for (const controller of entry.inflight.values()) controller.abort(new Error(why));
    entry.inflight.clear();
    entry.unsubscribe();
    try {
      entry.session.close();
    } catch (error) {
      log(`legacy session ${entry.id}: close threw ${(error as Error)?.message}`);
    }
    if (writable(entry.res)) entry.res.end();
    log(`legacy session ${entry.id} ended (${why})`);
  }

  async function handleLegacyGet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const accept = mediaTypes(header(req, 'accept'));
    if (accept.length > 0 && !accept.includes('text/event-stream') && !accept.includes('*/*')) {
      refuse(res, 406, INVALID_REQUEST, 'Not Acceptable: Accept must name text/event-stream');
      return;
    }
    const id = randomUUID();
    const session = factory.createSession({ transport: 'http' });
    const entry: LegacyEntry = { id, session, res, inflight: new Map(), unsubscribe: () => {} };
    legacy.set(id, entry);
    entry.unsubscribe = session.onUnsolicited((m) =>
      writeSse(res, sseFrame({ event: 'message', data: JSON.stringify(m) })),
    );
    res.on('close', () => endLegacy(entry, 'the SSE stream closed'));
    startSse(res);
    writeSse(res, sseFrame({ event: 'endpoint', data: `${legacyMessagesPath}?sessionId=${encodeURIComponent(id)}` }));
    log(`legacy session ${id} created`);
  }

  async function handleLegacyPost(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const sessionId = new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('sessionId');
    if (!url.includes('?') || sessionId === null) {
      refuse(res, 400, INVALID_REQUEST, 'Bad Request: the sessionId query parameter is missing');
      return;
    }
    const entry = legacy.get(sessionId);
    if (!entry) {
      refuse(res, 404, INVALID_REQUEST, 'Not Found: unknown session');
      return;
    }
    if (!isJsonContentType(header(req, 'content-type'))) {
      refuse(res, 415, INVALID_REQUEST, 'Unsupported Media Type: Content-Type must be application/json');
      return;
    }
    const body = await readBody(req, res, maxBodyBytes);
    if (!body.ok) return;
    const parsed = parseBody(body.text);
    if (!parsed.ok) {
      refuse(res, 400, PARSE_ERROR, `Parse error: ${parsed.error}`, { id: null });
      return;
    }
    const c = classify(parsed.value);
    if (c.kind === 'invalid' || c.kind === 'batch') {
      const reason = c.kind === 'batch' ? 'JSON-RPC batches are not part of revision 2024-11-05' : c.reason;
      refuse(res, 400, INVALID_REQUEST, `Invalid Request: ${reason}`, { id: requestIdOf(parsed.value) });
      return;
    }
    const message = parsed.value as JsonRpcMessage;
    if (writable(res)) {
      res.writeHead(202, { 'content-type': 'text/plain', 'content-length': '8' });
      res.end('Accepted');
    }
    if (legacy.get(sessionId) !== entry) return;
    const send = (m: JsonRpcMessage): void =>
      writeSse(entry.res, sseFrame({ event: 'message', data: JSON.stringify(m) }));
    if (c.kind === 'notification' && message.method === 'notifications/cancelled' && isObject(message.params)) {
      const requestId = message.params.requestId;
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        entry.inflight.get(idKey(requestId))?.abort(new Error('cancelled by the client'));
      }
    }
    const controller = new AbortController();
    const key = c.kind === 'request' ? idKey(c.id) : undefined;
    if (key !== undefined) entry.inflight.set(key, controller);
    const response = await handleSafely(
      entry.session,
      message,
      { emit: send, signal: controller.signal, headers: headerRecord(req) },
      log,
    );
    if (key !== undefined && entry.inflight.get(key) === controller) entry.inflight.delete(key);
    if (c.kind === 'request') send(response ?? missingResponse(message));
  }

  // ----- lifecycle -----

  function listen(port = 0, host = '127.0.0.1'): Promise<{ url: string; sseUrl: string }> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        const address = server.address() as AddressInfo;
        const name = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        const base = `http://${name}:${address.port}`;
        log(`listening on ${base}${path} (legacy SSE ${base}${legacySsePath})`);
        resolve({ url: base + path, sseUrl: base + legacySsePath });
      });
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      for (const entry of [...sessions.values()]) endStatefulEntry(entry, 'server shutdown');
      for (const entry of [...legacy.values()]) endLegacy(entry, 'server shutdown');
      for (const record of [...statelessInflight]) {
        record.controller.abort(new Error('server shutdown'));
        if (!record.res.headersSent) record.res.destroy();
        else if (writable(record.res)) record.res.end();
      }
      const closed = new Promise<void>((resolve) => {
        if (!server.listening) resolve();
        else server.close(() => resolve());
      });
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    })();
    return closing;
  }

  return { server, listen, close };
}
