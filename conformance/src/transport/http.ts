/**
 * The Streamable HTTP client transport (revisions 2025-03-26 onwards): every message the harness sends is a
 * POST to the MCP endpoint, answered with JSON, an SSE stream, or `202 Accepted`. Every message in either
 * direction goes through the connection's `Recorder`; the harness plays the client, so what it sends is
 * `client-to-server`.
 *
 * Era rules (from `schema/revisions.json`):
 * - stateful (up to 2025-11-25): the `Mcp-Session-Id` of the initialize response is sent on every later
 *   request; `MCP-Protocol-Version` is sent after initialization (from 2025-06-18). The version is read from
 *   the initialize result as it passes by, and `setProtocolVersion()` overrides it.
 * - stateless (2026-07-28 and later): no session; every POST carries `MCP-Protocol-Version` (the body's
 *   `_meta["io.modelcontextprotocol/protocolVersion"]`, else the revision id), `Mcp-Method`, `Mcp-Name` for
 *   `tools/call`, `prompts/get` and `resources/read`, and `Mcp-Param-*` for the tool parameters whose schema
 *   carries `x-mcp-header` (tool definitions are learned from `tools/list` results, or via `setTools()`).
 */
import { isUtf8 } from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { getRevision, type WireEra } from '../../../schema/index.ts';
import { classify, idKey, isObject, parseLine, type JsonRpcId } from '../protocol/jsonrpc.ts';
import { Recorder, type WireEntry } from '../protocol/recorder.ts';
import type { Connection } from './connection.ts';
import { PendingRequests } from './pending.ts';
import { HarnessError } from './stdio.ts';

/** Keep-alive sockets idle this long are closed by the client (Node servers close theirs after 5 s). */
const IDLE_SOCKET_MS = 4_000;
const MIB = 1024 * 1024;
/** Characters of a body quoted in error messages. */
const EXCERPT_CHARS = 200;
/** Body text kept per exchange of the session's own traffic (probes keep up to `maxBodyBytes`). */
const KEPT_BODY_BYTES = 64 * 1024;
/** Exchanges kept for `exchangeFor()`. */
const KEPT_EXCHANGES = 100;
const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';

export interface HttpOptions {
  /** Revision whose schema validates the traffic (`latest` accepted). Ignored when `recorder` is given. */
  revision?: string;
  /** Records the traffic; a new one for `revision` by default. */
  recorder?: Recorder;
  /** Extra headers sent with every HTTP request (the user's `--header`); they win over the defaults. */
  headers?: Record<string, string>;
  /** Default time `request()` waits for a response, and any other HTTP exchange for its answer. 10 s by default. */
  timeoutMs?: number;
  /** Largest response body (or single SSE event) accepted before it is reported as a framing violation. 16 MiB. */
  maxBodyBytes?: number;
  /** Throw instead of sending when `send()` is given a message the schema rejects (default true). */
  strict?: boolean;
  /**
   * Stateful era: when a POST's SSE stream ends before the response and the stream carried an event id,
   * reconnect with GET and `Last-Event-ID` after the server's `retry` delay (default true).
   */
  autoResume?: boolean;
}

/** One HTTP request and its answer, as seen on the wire. */
export interface HttpExchange {
  method: string;
  url: string;
  /** The headers the harness sent, as given to node (names as written). */
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  /** Response headers, lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The media type of the response, lower-cased, without parameters; `''` when there is none. */
  contentType: string;
  /** The response body as text (for SSE, the raw stream), bounded. Filled in as a stream goes on. */
  body: string;
  /** The body was cut: over the kept size, or over `maxBodyBytes` (then also a framing violation). */
  bodyTruncated: boolean;
  /** JSON values parsed from the body: the JSON body, or each SSE event's data. Batches count as one. */
  messages: unknown[];
  /** The wire entries recorded from the body. */
  entries: WireEntry[];
  /** SSE: the id of each event that had one, in order. */
  eventIds: string[];
}

export interface PostOptions {
  /** Headers to add or replace (case-insensitive). */
  headers?: Record<string, string>;
  /** Default headers to leave out, by name (case-insensitive), e.g. `['Accept', 'Mcp-Session-Id']`. */
  omitDefaultHeaders?: string[];
  method?: 'POST' | 'GET' | 'DELETE' | 'PUT';
  /** Time for the whole exchange, body included. The transport's `timeoutMs` by default. */
  timeoutMs?: number;
}

/** What `openGetStream()` / `resume()` found. */
export interface StreamOpened {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** Resolves when the stream has ended (at once when none was opened). Never rejects. */
  ended: Promise<void>;
}

/** An HTTP answer the transport cannot use as it is (e.g. a GET stream refused with 404). */
export class HttpStatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly exchange?: HttpExchange,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/**
 * A value as it goes into an MCP header: plain when it is visible ASCII (spaces and tabs allowed inside),
 * else `=?base64?<UTF-8 bytes in Base64>?=`. Integers become their decimal digits, booleans `true`/`false`.
 * A plain value that looks like an encoded one is encoded too.
 */
export function encodeHeaderValue(value: string | number | boolean): string {
  const text = typeof value === 'string' ? value : String(value);
  const safe =
    /^[\x20-\x7e\t]*$/.test(text) &&
    !/^[ \t]|[ \t]$/.test(text) &&
    !(text.startsWith('=?base64?') && text.endsWith('?='));
  return safe ? text : `=?base64?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** An RFC 9110 token (`1*tchar`): what an `x-mcp-header` value must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The `Mcp-Param-{Name}` headers of a `tools/call`: one per property of `inputSchema` (reached through
 * `properties` keys only) that carries an `x-mcp-header` token, whose value in `args` is a string, a safe
 * integer or a boolean. Absent and `null` values get no header.
 */
export function paramHeaders(inputSchema: unknown, args: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  const walk = (schema: unknown, value: unknown, depth: number): void => {
    if (depth > 32 || !isObject(schema) || !isObject(schema.properties)) return;
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const at = isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
      const name = property['x-mcp-header'];
      if (
        typeof name === 'string' &&
        TOKEN.test(name) &&
        (typeof at === 'string' || typeof at === 'boolean' || (typeof at === 'number' && Number.isSafeInteger(at)))
      ) {
        headers[`Mcp-Param-${name}`] = encodeHeaderValue(at);
      }
      walk(property, at, depth + 1);
    }
  };
  walk(inputSchema, args, 0);
  return headers;
}

/**
 * The standard headers of a stateless-era POST: `MCP-Protocol-Version` (from the body's `_meta`, else
 * `fallbackVersion`), `Mcp-Method`, and `Mcp-Name` (`params.name` of `tools/call` and `prompts/get`,
 * `params.uri` of `resources/read`), encoded where needed.
 */
export function standardHeaders(message: unknown, fallbackVersion: string): Record<string, string> {
  const body = isObject(message) ? message : {};
  const params = isObject(body.params) ? body.params : {};
  const meta = isObject(params._meta) ? params._meta : {};
  const version = typeof meta[PROTOCOL_VERSION_META] === 'string' ? meta[PROTOCOL_VERSION_META] : fallbackVersion;
  const headers: Record<string, string> = { 'MCP-Protocol-Version': encodeHeaderValue(version) };
  if (typeof body.method !== 'string') return headers;
  headers['Mcp-Method'] = encodeHeaderValue(body.method);
  const field =
    body.method === 'tools/call' || body.method === 'prompts/get'
      ? 'name'
      : body.method === 'resources/read'
        ? 'uri'
        : undefined;
  const name = field === undefined ? undefined : params[field];
  if (typeof name === 'string' || typeof name === 'boolean' || (typeof name === 'number' && Number.isSafeInteger(name)))
    headers['Mcp-Name'] = encodeHeaderValue(name);
  return headers;
}

/** `base` with `overrides` applied, header names compared without regard to case; `omit` names dropped. */
function mergeHeaders(
  base: Record<string, string>,
  overrides: Record<string, string> = {},
  omit: string[] = [],
): Record<string, string> {
  const dropped = new Set([...omit, ...Object.keys(overrides)].map((name) => name.toLowerCase()));
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (!dropped.has(name.toLowerCase())) merged[name] = value;
  return { ...merged, ...overrides };
}

function mediaType(headers: http.IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function lowerHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

function describeRequest(message: unknown): string {
  const body = isObject(message) ? message : {};
  const method = typeof body.method === 'string' ? `"${body.method}"` : 'a message';
  return Object.hasOwn(body, 'id') && typeof body.method === 'string'
    ? `${method} (id ${JSON.stringify(body.id)})`
    : method;
}

/** One HTTP request in flight. `abort()` ends it quietly: no transport error is reported for it. */
interface Flight {
  response: Promise<http.IncomingMessage>;
  aborted: boolean;
  abort(): void;
}

interface BodyOutcome {
  /** JSON mode: the whole body. SSE mode: the kept part of the stream. */
  text: string;
  truncated: boolean;
  /** The body outgrew `maxBodyBytes` and was cut off (already recorded as a framing violation). */
  overflow: boolean;
  /** The framing violation recorded for an overflow. */
  violation?: WireEntry;
  /** The connection broke before the body ended. */
  error?: Error;
}

/**
 * What the HTTP transports share: pending requests, listeners, recording, bounded body reading, SSE parsing, one
 * keep-alive agent per scheme, and a shutdown that leaves no socket or timer behind.
 */
export abstract class HttpConnectionBase implements Connection {
  readonly recorder: Recorder;
  readonly transport = 'http' as const;
  /** The most recent SSE event id seen on any stream. */
  lastEventId: string | undefined;
  /** The most recent exchange of the session's own traffic (`send`, `sendRaw`, `request`). */
  lastExchange: HttpExchange | undefined;

  protected readonly options: {
    headers: Record<string, string>;
    timeoutMs: number;
    maxBodyBytes: number;
    strict: boolean;
    autoResume: boolean;
  };
  protected readonly era: WireEra;
  protected closed = false;
  protected readonly pending = new PendingRequests();
  protected readonly flights = new Set<Flight>();
  /** In-flight POSTs by the id of the request they carry, so a timed-out request can abort its POST. */
  protected readonly flightsById = new Map<string, Flight>();
  /** Methods of the requests the session sent and that are still unanswered, by id. */
  protected readonly sentRequests = new Map<string, string>();
  private readonly exchanges = new Map<string, HttpExchange>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly listeners = new Set<(message: unknown, entry: WireEntry) => void>();
  private readonly errorListeners = new Set<(error: Error) => void>();
  // Idle sockets are dropped before a server's usual 5 s keep-alive timeout, so a request never races its close.
  private readonly httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  private httpsAgent: https.Agent | undefined;
  private diagnostics = '';

  protected constructor(options: HttpOptions) {
    this.recorder = options.recorder ?? new Recorder(options.revision ?? 'latest');
    this.era = getRevision(this.recorder.revision).era;
    this.options = {
      headers: options.headers ?? {},
      timeoutMs: options.timeoutMs ?? 10_000,
      maxBodyBytes: options.maxBodyBytes ?? 16 * MIB,
      strict: options.strict ?? true,
      autoResume: options.autoResume ?? true,
    };
  }

  abstract get peer(): string;
  abstract close(): Promise<unknown>;
  /** Delivers one recorded message; failures are reported through `fail()`. */
  protected abstract deliver(body: string, message: unknown, entry: WireEntry): void;

  /** The agents holding this connection's sockets (for leak checks). */
  get agents(): Array<http.Agent | https.Agent> {
    return this.httpsAgent ? [this.httpAgent, this.httpsAgent] : [this.httpAgent];
  }

  /** Sockets the agents still hold, busy or idle. 0 after `close()`. */
  openSockets(): number {
    return this.heldSockets(false).length;
  }

  /** The sockets the agents hold: those carrying a request, and the idle keep-alive ones unless `busyOnly`. */
  private heldSockets(busyOnly: boolean): Socket[] {
    return this.agents.flatMap((agent) =>
      [agent.sockets, ...(busyOnly ? [] : [agent.freeSockets])].flatMap((lists) =>
        Object.values(lists).flatMap((list) => list ?? []),
      ),
    );
  }

  /** The exchange that carried the request with this id (the session's own traffic, most recent 100). */
  exchangeFor(id: JsonRpcId): HttpExchange | undefined {
    return this.exchanges.get(idKey(id));
  }

  /**
   * Closes the HTTP request carrying the request with this id (its response stream), as a client that goes
   * away does; the request's response can no longer arrive. False when no such request is in flight.
   */
  abandon(id: JsonRpcId): boolean {
    const flight = this.flightsById.get(idKey(id));
    flight?.abort();
    return flight !== undefined;
  }

  /** Error bodies that were not JSON-RPC (HTML error pages and the like), most recent last, bounded. */
  stderr(): string {
    return this.diagnostics;
  }

  /**
   * Sends one message. With `strict` (the default) a message the revision's schema rejects is not sent:
   * it throws `HarnessError`. Delivery is asynchronous; failures go to `onTransportError` listeners.
   */
  send(message: unknown): WireEntry {
    const text = JSON.stringify(message);
    if (this.options.strict) {
      const preview = this.recorder.preview('client-to-server', text);
      if (!preview.valid) {
        throw new HarnessError(`the harness tried to send an invalid message: ${preview.errors.join('; ')}`, preview);
      }
    }
    return this.sendRaw(text);
  }

  /** Sends one body exactly as given, valid or not: for deliberately malformed traffic. */
  sendRaw(line: string): WireEntry {
    if (this.closed) throw new Error(`cannot send to ${this.peer}: the connection is closed`);
    const entry = this.recorder.record('client-to-server', line);
    const kind = entry.message === undefined ? undefined : classify(entry.message);
    if (kind?.kind === 'request') this.sentRequests.set(idKey(kind.id), kind.method);
    this.deliver(line, entry.message, entry);
    return entry;
  }

  /**
   * Sends a request and resolves with the response (result or error) carrying the same id. Rejects on
   * timeout (and aborts the HTTP request), on an HTTP failure that carries no JSON-RPC answer, or on close.
   */
  request(
    message: { id: JsonRpcId; method: string } & Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>> {
    return this.pending.wait(
      message,
      timeoutMs ?? this.options.timeoutMs,
      () => this.send(message),
      () => this.flightsById.get(idKey(message.id))?.abort(),
    );
  }

  onMessage(listener: (message: unknown, entry: WireEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onTransportError(listener: (error: Error) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Whether a request with this id is still waiting for its response. */
  protected waiting(id: JsonRpcId | undefined): boolean {
    return this.pending.has(id);
  }

  /** Rejects the waiter for `id` (if any) and tells the transport error listeners. Quiet once closed. */
  protected fail(id: JsonRpcId | undefined, error: Error): void {
    if (this.closed) return;
    if (id !== undefined) this.pending.reject(id, error);
    for (const listener of [...this.errorListeners]) listener(error);
  }

  protected failWaiters(reason: string): void {
    this.pending.rejectAll(reason);
  }

  protected note(text: string): void {
    this.diagnostics = `${this.diagnostics}${text}\n`;
    if (this.diagnostics.length > KEPT_BODY_BYTES) this.diagnostics = this.diagnostics.slice(-KEPT_BODY_BYTES);
  }

  protected keepExchange(id: JsonRpcId | undefined, exchange: HttpExchange): void {
    this.lastExchange = exchange;
    if (id === undefined) return;
    const key = idKey(id);
    this.exchanges.delete(key);
    this.exchanges.set(key, exchange);
    if (this.exchanges.size > KEPT_EXCHANGES) this.exchanges.delete(this.exchanges.keys().next().value!);
  }

  /** A timer that `close()` clears. */
  protected later(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  protected cancelTimer(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Records one message text from the server and dispatches it; returns its entry. */
  protected receive(text: string, exchange?: HttpExchange): WireEntry {
    const replayed =
      exchange !== undefined && Object.keys(exchange.requestHeaders).some((h) => h.toLowerCase() === 'last-event-id');
    const entry = this.recorder.record('server-to-client', text, { replayed });
    if (exchange) {
      exchange.entries.push(entry);
      if (entry.message !== undefined) exchange.messages.push(entry.message);
    }
    if (entry.message === undefined) return entry;
    const items = Array.isArray(entry.message) ? entry.message : [entry.message];
    for (const item of items) this.dispatch(item, entry);
    return entry;
  }

  /** Hook for what a transport learns from a response to one of its own requests. */
  protected learn(_method: string, _message: Record<string, unknown>): void {}

  private dispatch(message: unknown, entry: WireEntry): void {
    const kind = classify(message);
    if ((kind.kind === 'result-response' || kind.kind === 'error-response') && kind.id !== null) {
      const key = idKey(kind.id);
      const method = this.sentRequests.get(key);
      if (method !== undefined) {
        this.sentRequests.delete(key);
        this.learn(method, message as Record<string, unknown>);
      }
      this.pending.resolve(kind.id, message as Record<string, unknown>);
    }
    for (const listener of [...this.listeners]) listener(message, entry);
  }

  /** Starts one HTTP request through this connection's agents. Never throws. */
  protected startHttp(method: string, url: URL, headers: Record<string, string>, body?: string): Flight {
    const flight: Flight = { response: Promise.resolve(undefined as never), aborted: false, abort: () => {} };
    let req: http.ClientRequest;
    try {
      const all = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
      const options = { method, headers: all };
      req =
        url.protocol === 'https:'
          ? https.request(url, {
              ...options,
              agent: (this.httpsAgent ??= new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS })),
            })
          : http.request(url, { ...options, agent: this.httpAgent });
    } catch (error) {
      flight.response = Promise.reject(error as Error);
      flight.response.catch(() => {});
      return flight;
    }
    let res: http.IncomingMessage | undefined;
    flight.response = new Promise((resolve, reject) => {
      req.once('response', (response) => {
        res = response;
        resolve(response);
      });
      req.once('error', reject);
    });
    flight.response.catch(() => {});
    flight.abort = () => {
      flight.aborted = true;
      req.destroy();
      res?.destroy();
    };
    this.flights.add(flight);
    req.once('close', () => this.flights.delete(flight));
    req.end(body);
    return flight;
  }

  /**
   * Reads a response body, bounded by `maxBodyBytes` (for SSE: per event). Over the bound, the body is
   * recorded as a framing violation and the connection cut. SSE events go to `onEvent` as they arrive.
   */
  protected readBody(
    res: http.IncomingMessage,
    mode: {
      sse: boolean;
      keepBytes: number;
      context: string;
      onEvent?: (event: EventSourceMessage) => void;
      onRetry?: (ms: number) => void;
    },
  ): Promise<BodyOutcome> {
    const max = this.options.maxBodyBytes;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: BodyOutcome): void => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      const overflow = (head: string, what: string): void => {
        const violation = this.recorder.recordViolation('server-to-client', head.slice(0, 1024), what);
        finish({ text: kept, truncated: true, overflow: true, violation });
        res.destroy();
      };
      let kept = '';
      let truncated = false;
      if (mode.sse) {
        // Decoded strictly until a byte sequence is not UTF-8, which is recorded once; leniently after that.
        let decoder = new TextDecoder('utf-8', { fatal: true });
        let strict = true;
        const decode = (chunk: Buffer): string => {
          if (!strict) return decoder.decode(chunk, { stream: true });
          try {
            return decoder.decode(chunk, { stream: true });
          } catch {
            strict = false;
            decoder = new TextDecoder('utf-8');
            this.recorder.recordViolation(
              'server-to-client',
              '',
              `the event stream of ${mode.context} is not valid UTF-8`,
            );
            return decoder.decode(chunk, { stream: true });
          }
        };
        let tail = '';
        const parser = createParser({
          maxBufferSize: max,
          onEvent: (event) => mode.onEvent?.(event),
          onRetry: (ms) => mode.onRetry?.(ms),
          onError: (error) => {
            if (error.type === 'max-buffer-size-exceeded') {
              overflow(tail, `an SSE event of ${mode.context} exceeds ${max} bytes; the stream was cut off`);
            }
          },
        });
        res.on('data', (bytes: Buffer) => {
          if (settled) return;
          const chunk = decode(bytes);
          const room = mode.keepBytes - kept.length;
          if (room > 0) kept += chunk.slice(0, room);
          if (chunk.length > Math.max(room, 0)) truncated = true;
          tail = (tail + chunk).slice(-1024);
          parser.feed(chunk);
        });
      } else {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk);
          bytes += chunk.length;
          if (bytes > max) {
            const head = Buffer.concat(chunks).subarray(0, 1024).toString('utf8');
            chunks.length = 0;
            overflow(head, `the response body of ${mode.context} exceeds ${max} bytes; the rest was discarded`);
          }
        });
        res.once('end', () => {
          const body = Buffer.concat(chunks);
          kept = body.toString('utf8');
          if (!isUtf8(body))
            this.recorder.recordViolation(
              'server-to-client',
              kept.slice(0, 1024),
              `the response body of ${mode.context} is not valid UTF-8`,
            );
        });
      }
      res.once('end', () => finish({ text: kept, truncated, overflow: false }));
      res.once('error', (error) => finish({ text: kept, truncated, overflow: false, error }));
      res.once('close', () =>
        finish({
          text: kept,
          truncated,
          overflow: false,
          error: new Error(`the connection closed before the response body of ${mode.context} ended`),
        }),
      );
    });
  }

  /** A fresh exchange for a response, before its body is read. */
  protected newExchange(
    method: string,
    url: URL,
    requestHeaders: Record<string, string>,
    res: http.IncomingMessage,
  ): HttpExchange {
    return {
      method,
      url: url.href,
      requestHeaders,
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      headers: lowerHeaders(res.headers),
      contentType: mediaType(res.headers),
      body: '',
      bodyTruncated: false,
      messages: [],
      entries: [],
      eventIds: [],
    };
  }

  /**
   * Takes a finished non-SSE body: records it when it is (or claims to be) JSON and dispatches what it
   * holds. Returns whether it held JSON-RPC.
   */
  protected absorbJsonBody(exchange: HttpExchange, forRequest: boolean): boolean {
    const text = exchange.body;
    if (text.trim() === '') return false;
    const parsed = parseLine(text.trim());
    const jsonRpc = parsed.ok && classify(parsed.value).kind !== 'invalid';
    const ok2xx = exchange.status >= 200 && exchange.status < 300;
    if (jsonRpc || (ok2xx && (isJsonType(exchange.contentType) || parsed.ok || forRequest))) {
      const entry = this.receive(text, exchange);
      if (ok2xx && !isJsonType(exchange.contentType) && exchange.contentType !== 'text/event-stream') {
        exchange.entries.push(
          this.recorder.recordViolation(
            'server-to-client',
            '',
            `a ${exchange.status} response body was sent with Content-Type ${JSON.stringify(exchange.headers['content-type'] ?? '')}, not application/json or text/event-stream`,
          ),
        );
      }
      return entry.message !== undefined && jsonRpc;
    }
    return false;
  }

  /**
   * Clears every timer, aborts every flight, rejects every waiter and destroys the agents' sockets;
   * resolves once every socket has closed. With `keepIdle`, idle keep-alive sockets stay open (and in the
   * agents) for a last request.
   */
  protected async releaseAll(reason: string, keepIdle = false): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const flight of [...this.flights]) flight.abort();
    this.flights.clear();
    this.flightsById.clear();
    this.pending.rejectAll(reason);
    const sockets = this.heldSockets(keepIdle);
    if (keepIdle) for (const socket of sockets) socket.destroy();
    else {
      this.httpAgent.destroy();
      this.httpsAgent?.destroy();
    }
    await Promise.all(
      sockets.map((socket) =>
        socket.closed ? undefined : new Promise<void>((resolve) => socket.once('close', () => resolve())),
      ),
    );
    // A socket counts as closed before its 'close' event (which unlists it from the agent) has run.
    for (let turn = 0; turn < 10 && this.heldSockets(keepIdle).length > 0; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** The Streamable HTTP transport: the harness as client of an MCP endpoint. */
export class StreamableHttpTransport extends HttpConnectionBase {
  private readonly endpoint: URL;
  private session: string | undefined;
  private negotiated: string | undefined;
  private statelessVersion: string | undefined;
  private readonly tools = new Map<string, unknown>();
  private closing: Promise<{ deleteStatus?: number }> | undefined;

  private constructor(url: URL, options: HttpOptions) {
    super(options);
    this.endpoint = url;
  }

  /** Every SSE stream the session opened (POST answers, GET and resumed streams), in order; the last 100. */
  readonly streams: HttpExchange[] = [];

  private keepStream(exchange: HttpExchange): void {
    this.streams.push(exchange);
    if (this.streams.length > KEPT_EXCHANGES) this.streams.shift();
  }

  /** A transport for the MCP endpoint at `url` (http or https). No request is made until the first send. */
  static async connect(url: string, options: HttpOptions = {}): Promise<StreamableHttpTransport> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`not a URL: ${JSON.stringify(url)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`an MCP endpoint must be an http or https URL, got ${JSON.stringify(url)}`);
    }
    return new StreamableHttpTransport(parsed, options);
  }

  get peer(): string {
    return this.endpoint.href;
  }

  get url(): string {
    return this.endpoint.href;
  }

  /** The session id sent as `Mcp-Session-Id` (stateful era). Settable, e.g. to a bogus value. */
  get sessionId(): string | undefined {
    return this.session;
  }

  set sessionId(value: string | undefined) {
    this.session = value;
  }

  /** The negotiated version sent as `MCP-Protocol-Version` after initialization (stateful era). */
  get protocolVersion(): string | undefined {
    return this.negotiated;
  }

  /** Sets the negotiated version (stateful era); without it, the initialize result's version is used. */
  setProtocolVersion(version: string | undefined): void {
    this.negotiated = version;
  }

  /** Tool definitions whose `x-mcp-header` annotations feed `Mcp-Param-*` (merged with those learned). */
  setTools(tools: ReadonlyArray<{ name: string; inputSchema?: unknown }>): void {
    for (const tool of tools) this.tools.set(tool.name, tool.inputSchema);
  }

  /** The headers the transport would send with a POST of `message` (before the user's `headers`). */
  postHeaders(message: unknown): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    };
    const body = isObject(message) ? message : {};
    if (this.era === 'stateful') {
      if (body.method !== 'initialize') Object.assign(headers, this.sessionHeaders());
    } else {
      Object.assign(headers, standardHeaders(message, this.statelessVersion ?? this.recorder.revision));
      const params = isObject(body.params) ? body.params : {};
      if (body.method === 'tools/call' && typeof params.name === 'string' && this.tools.has(params.name)) {
        Object.assign(headers, paramHeaders(this.tools.get(params.name), params.arguments));
      }
    }
    return headers;
  }

  /**
   * Sends exactly what it is told (recording a non-empty body as `client-to-server`) with the default
   * headers of that method, minus `omitDefaultHeaders`, plus `headers`. Resolves with the whole exchange
   * whatever the status; rejects only on network failure or timeout. Changes no transport state.
   */
  async post(body: string, options: PostOptions = {}): Promise<HttpExchange> {
    if (this.closed) throw new Error(`cannot send to ${this.peer}: the connection is closed`);
    const method = options.method ?? 'POST';
    const parsed = parseLine(body);
    const defaults =
      method === 'POST' || method === 'PUT'
        ? this.postHeaders(parsed.ok ? parsed.value : undefined)
        : method === 'GET'
          ? this.getHeaders()
          : this.sessionHeaders();
    const headers = mergeHeaders(
      mergeHeaders(defaults, this.options.headers),
      options.headers,
      options.omitDefaultHeaders,
    );
    if (body !== '') this.recorder.record('client-to-server', body);
    const limit = options.timeoutMs ?? this.options.timeoutMs;
    const flight = this.startHttp(method, this.endpoint, headers, body === '' && method === 'GET' ? undefined : body);
    const timer = this.later(() => flight.abort(), limit);
    try {
      const res = await flight.response;
      const exchange = this.newExchange(method, this.endpoint, headers, res);
      const sse = exchange.contentType === 'text/event-stream';
      const outcome = await this.readBody(res, {
        sse,
        keepBytes: this.options.maxBodyBytes,
        context: `${method} ${this.endpoint.href}`,
        onEvent: (event) => {
          if (event.id !== undefined) exchange.eventIds.push((this.lastEventId = event.id));
          if (event.data !== '') this.receive(event.data, exchange);
        },
      });
      if (flight.aborted && !outcome.overflow) throw new Error('aborted');
      exchange.body = outcome.text;
      exchange.bodyTruncated = outcome.truncated;
      if (outcome.violation) exchange.entries.push(outcome.violation);
      else if (!sse) this.absorbJsonBody(exchange, false);
      return exchange;
    } catch (error) {
      if (this.closed)
        throw new Error(`${method} ${this.endpoint.href} was aborted: the connection was closed`, { cause: error });
      if (flight.aborted)
        throw new Error(`timeout: ${method} ${this.endpoint.href} did not complete within ${limit} ms`, {
          cause: error,
        });
      throw new Error(`${method} ${this.endpoint.href} failed: ${(error as Error).message}`, { cause: error });
    } finally {
      this.cancelTimer(timer);
    }
  }

  /**
   * Opens the optional GET stream (stateful era) and dispatches its messages. Resolves once the answer's
   * headers are in: `{ status: 405 }` when the server offers no stream. Rejects with `HttpStatusError` on
   * any other refusal, or on network failure or timeout.
   */
  openGetStream(): Promise<StreamOpened> {
    return this.openStream(undefined);
  }

  /** Re-opens a stream with GET and `Last-Event-ID: lastEventId`, as `openGetStream()` does. */
  resume(lastEventId: string): Promise<StreamOpened> {
    return this.openStream(lastEventId);
  }

  /**
   * Ends the connection: aborts every open stream and request, sends DELETE with the session id when
   * there is one (whatever the answer), and destroys every socket. Never rejects.
   */
  close(): Promise<{ deleteStatus?: number }> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<{ deleteStatus?: number }> {
    const result: { deleteStatus?: number } = {};
    const session = this.session;
    const deletes = session !== undefined && this.era === 'stateful';
    // Every stream and request ends first; the DELETE then goes over an idle socket of the session when it has one.
    await this.releaseAll('the connection was closed before a response arrived', deletes);
    if (deletes) {
      const headers = mergeHeaders(this.sessionHeaders(), this.options.headers);
      const flight = this.startHttp('DELETE', this.endpoint, headers);
      const timer = setTimeout(() => flight.abort(), Math.min(this.options.timeoutMs, 5_000));
      try {
        const res = await flight.response;
        result.deleteStatus = res.statusCode;
        res.resume();
        await new Promise<void>((resolve) => {
          res.once('end', resolve);
          res.once('close', resolve);
        });
      } catch {
        // close() never rejects; a server that is gone needs no DELETE.
      } finally {
        clearTimeout(timer);
        flight.abort();
      }
    }
    await this.releaseAll('the connection was closed before a response arrived');
    return result;
  }

  protected override learn(method: string, message: Record<string, unknown>): void {
    const result = isObject(message.result) ? message.result : undefined;
    if (!result) return;
    if (method === 'initialize' && this.era === 'stateful' && typeof result.protocolVersion === 'string') {
      this.negotiated = result.protocolVersion;
    }
    if (method === 'tools/list' && Array.isArray(result.tools)) {
      for (const tool of result.tools) {
        if (isObject(tool) && typeof tool.name === 'string') this.tools.set(tool.name, tool.inputSchema);
      }
    }
  }

  /** Stateful era: the session id (when there is one) and, after initialization, the protocol version. */
  private sessionHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.era === 'stateless') {
      headers['MCP-Protocol-Version'] = encodeHeaderValue(this.statelessVersion ?? this.recorder.revision);
      return headers;
    }
    if (this.session !== undefined) headers['Mcp-Session-Id'] = this.session;
    const version = this.negotiated;
    if (version !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(version) || version >= '2025-06-18')) {
      headers['MCP-Protocol-Version'] = encodeHeaderValue(version);
    }
    return headers;
  }

  private getHeaders(): Record<string, string> {
    return { Accept: 'text/event-stream', ...this.sessionHeaders() };
  }

  protected deliver(body: string, message: unknown, entry: WireEntry): void {
    const kind = entry.message === undefined ? undefined : classify(entry.message);
    const id = kind?.kind === 'request' ? kind.id : undefined;
    const what = describeRequest(message);
    if (this.era === 'stateless' && isObject(message) && isObject(message.params)) {
      const meta = message.params._meta;
      if (isObject(meta) && typeof meta[PROTOCOL_VERSION_META] === 'string')
        this.statelessVersion = meta[PROTOCOL_VERSION_META];
    }
    const headers = mergeHeaders(this.postHeaders(message), this.options.headers);
    const isInitialize = kind?.kind === 'request' && kind.method === 'initialize';
    const flight = this.startHttp('POST', this.endpoint, headers, body);
    if (id !== undefined) this.flightsById.set(idKey(id), flight);
    // A request has its waiter's timeout; anything else gets one for its answer.
    let timer =
      id !== undefined && this.waiting(id)
        ? undefined
        : this.later(() => {
            flight.abort();
            this.fail(id, new Error(`timeout: the POST of ${what} got no answer within ${this.options.timeoutMs} ms`));
          }, this.options.timeoutMs);
    const done = (): void => {
      this.cancelTimer(timer);
      timer = undefined;
      if (id !== undefined && this.flightsById.get(idKey(id)) === flight) this.flightsById.delete(idKey(id));
    };

    void flight.response.then(
      async (res) => {
        const exchange = this.newExchange('POST', this.endpoint, headers, res);
        this.keepExchange(id, exchange);
        const ok = exchange.status >= 200 && exchange.status < 300;
        if (ok && isInitialize && this.era === 'stateful' && exchange.headers['mcp-session-id'] !== undefined) {
          this.session = exchange.headers['mcp-session-id'];
        }
        const sse = ok && exchange.contentType === 'text/event-stream';
        if (sse) this.keepStream(exchange);
        if (sse) this.cancelTimer(timer); // a stream may stay open as long as it likes
        let streamEventId: string | undefined;
        let retryMs: number | undefined;
        const outcome = await this.readBody(res, {
          sse,
          keepBytes: KEPT_BODY_BYTES,
          context: `the POST of ${what}`,
          onEvent: (event) => {
            if (event.id !== undefined) exchange.eventIds.push((this.lastEventId = streamEventId = event.id));
            if (event.data !== '') this.receive(event.data, exchange);
          },
          onRetry: (ms) => (retryMs = ms),
        });
        done();
        if (flight.aborted) return;
        exchange.body = outcome.text;
        exchange.bodyTruncated = outcome.truncated;
        if (outcome.overflow) {
          if (outcome.violation) exchange.entries.push(outcome.violation);
          this.fail(id, new Error(`the answer to ${what} exceeded ${this.options.maxBodyBytes} bytes and was cut off`));
          return;
        }
        if (sse) {
          if (!this.waiting(id)) return;
          if (this.era === 'stateful' && this.options.autoResume && streamEventId !== undefined) {
            this.autoResume(id!, streamEventId, retryMs ?? 1_000);
            return;
          }
          const why = outcome.error ? `: ${outcome.error.message}` : '';
          this.fail(id, new Error(`the SSE stream answering ${what} ended before the response${why}`));
          return;
        }
        if (outcome.error) {
          this.fail(id, new Error(`the answer to ${what} broke off: ${outcome.error.message}`));
          return;
        }
        const jsonRpc = this.absorbJsonBody(exchange, id !== undefined);
        if (this.waiting(id)) {
          // A POST carries one request: an error response without an id answers it.
          const anonymous = exchange.messages.flat().find((m) => isObject(m) && m.id === null && isObject(m.error));
          if (anonymous) {
            this.pending.resolve(id!, anonymous as Record<string, unknown>);
            return;
          }
        }
        if (!ok && !jsonRpc) {
          this.note(`HTTP ${exchange.status} for ${what}: ${excerpt(exchange.body)}`);
          const type = exchange.headers['content-type'] ?? 'no Content-Type';
          this.fail(
            id,
            new HttpStatusError(
              `HTTP ${exchange.status} ${exchange.statusText} for ${what} (${type}): ${excerpt(exchange.body) || '(empty body)'}`,
              exchange.status,
              exchange,
            ),
          );
          return;
        }
        if (this.waiting(id)) {
          if (exchange.body.trim() === '') {
            exchange.entries.push(
              this.recorder.recordViolation(
                'server-to-client',
                '',
                `HTTP ${exchange.status} with an empty body answered request ${what}`,
              ),
            );
          }
          this.fail(
            id,
            new HttpStatusError(
              `HTTP ${exchange.status} for ${what} carried no response to it${exchange.body.trim() === '' ? ' (empty body)' : `: ${excerpt(exchange.body)}`}`,
              exchange.status,
              exchange,
            ),
          );
        }
      },
      (error: Error) => {
        done();
        if (flight.aborted) return;
        this.fail(id, new Error(`POST of ${what} to ${this.endpoint.href} failed: ${error.message}`));
      },
    );
  }

  private autoResume(id: JsonRpcId, eventId: string, delayMs: number): void {
    this.later(() => {
      if (!this.waiting(id) || this.closed) return;
      this.openStream(eventId, id).then(
        (opened) => {
          if (opened.status === 405) this.fail(id, new HttpStatusError(`resuming the stream answered 405`, 405));
        },
        (error: Error) => this.fail(id, error),
      );
    }, delayMs);
  }

  private async openStream(lastEventId: string | undefined, resumedFor?: JsonRpcId): Promise<StreamOpened> {
    if (this.closed) throw new Error(`cannot open a stream to ${this.peer}: the connection is closed`);
    const base = this.getHeaders();
    if (lastEventId !== undefined) base['Last-Event-ID'] = lastEventId;
    const headers = mergeHeaders(base, this.options.headers);
    const flight = this.startHttp('GET', this.endpoint, headers);
    const limit = this.options.timeoutMs;
    const timer = this.later(() => flight.abort(), limit);
    const what = lastEventId === undefined ? 'the GET stream' : `the stream resumed after event ${lastEventId}`;
    let res: http.IncomingMessage;
    try {
      res = await flight.response;
    } catch (error) {
      if (flight.aborted && !this.closed)
        throw new Error(`timeout: ${what} got no answer within ${limit} ms`, { cause: error });
      throw new Error(`opening ${what} failed: ${(error as Error).message}`, { cause: error });
    } finally {
      this.cancelTimer(timer);
    }
    const exchange = this.newExchange('GET', this.endpoint, headers, res);
    const opened = { status: exchange.status, headers: exchange.headers, contentType: exchange.contentType };
    if (exchange.status === 405) {
      res.resume();
      return { ...opened, ended: Promise.resolve() };
    }
    if (exchange.status < 200 || exchange.status >= 300 || exchange.contentType !== 'text/event-stream') {
      const outcome = await this.readBody(res, { sse: false, keepBytes: KEPT_BODY_BYTES, context: what });
      exchange.body = outcome.text;
      flight.abort();
      this.note(`HTTP ${exchange.status} for ${what}: ${excerpt(exchange.body)}`);
      throw new HttpStatusError(
        `${what} was refused: HTTP ${exchange.status} (${exchange.headers['content-type'] ?? 'no Content-Type'}): ${excerpt(exchange.body) || '(empty body)'}`,
        exchange.status,
        exchange,
      );
    }
    this.keepStream(exchange);
    let streamEventId: string | undefined;
    let retryMs: number | undefined;
    const ended = this.readBody(res, {
      sse: true,
      keepBytes: KEPT_BODY_BYTES,
      context: what,
      onEvent: (event) => {
        if (event.id !== undefined) exchange.eventIds.push((this.lastEventId = streamEventId = event.id));
        if (event.data !== '') this.receive(event.data, exchange);
      },
      onRetry: (ms) => (retryMs = ms),
    }).then((outcome) => {
      exchange.body = outcome.text;
      exchange.bodyTruncated = outcome.truncated;
      if (flight.aborted || this.closed) return;
      if (resumedFor !== undefined && this.waiting(resumedFor)) {
        if (this.options.autoResume && streamEventId !== undefined) {
          this.autoResume(resumedFor, streamEventId, retryMs ?? 1_000);
        } else {
          this.fail(resumedFor, new Error(`${what} ended before the response`));
        }
      } else if (outcome.error) {
        this.fail(undefined, new Error(`${what} broke off: ${outcome.error.message}`));
      }
    });
    return { ...opened, ended };
  }
}
