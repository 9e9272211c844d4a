/**
 * The harness playing an MCP client over any `Connection`: the initialize handshake (stateful era) or
 * `server/discover` with per-request `_meta` (stateless era), request ids, and answers to the requests
 * a server may send (ping, roots, sampling, elicitation).
 */
import type { Revision } from '../../../schema/registry.ts';
import { wireVersion } from '../../../schema/index.ts';
import { TOOL } from '../version.ts';
import { sampleObject } from './sample-values.ts';
import { isObject, type JsonRpcId } from '../protocol/jsonrpc.ts';
import type { WireEntry } from '../protocol/recorder.ts';
import type { Connection } from '../transport/connection.ts';

/** How the harness introduces itself to servers. */
export const HARNESS_INFO = { name: TOOL.name, version: TOOL.version } as const;

export type JsonObject = Record<string, unknown>;

/** A response as the harness received it. Exactly one of `result` and `error` is set for a well-formed one. */
export interface Response {
  message: JsonObject;
  result?: JsonObject;
  error?: { code: unknown; message: unknown; data?: unknown };
}

export interface ReceivedNotification {
  method: string;
  params?: JsonObject;
  message: JsonObject;
  entry: WireEntry;
}

/** The list methods and the result member that holds their items. */
export const LIST_FIELDS = {
  'tools/list': 'tools',
  'resources/list': 'resources',
  'resources/templates/list': 'resourceTemplates',
  'prompts/list': 'prompts',
} as const;

export type ListMethod = keyof typeof LIST_FIELDS;

/** A list walked page by page: every response, the items of the pages that had them, and whether it ended. */
export interface ListWalk {
  pages: Response[];
  items: JsonObject[];
  /** A page was not a list result (an error, or no array): the walk stopped there. */
  broken: boolean;
  /** The last page carried no `nextCursor`. */
  complete: boolean;
}

export type ServerRequestHandler = (params: JsonObject | undefined) => JsonObject | Promise<JsonObject>;

export interface SessionOptions {
  revision: Revision;
  /** Client capabilities to declare; by default every client feature the revision has. */
  capabilities?: JsonObject;
  clientInfo?: JsonObject;
  timeoutMs: number;
  /** Answers to server-to-client requests, by method; defaults cover ping, roots, sampling and elicitation. */
  handlers?: Record<string, ServerRequestHandler>;
  /** Stateful HTTP: open the session's GET stream after the handshake (default true). */
  getStream?: boolean;
  /** Stateless era: the log level to put in every request's `_meta`, if any. */
  logLevel?: string;
}

/** The server could not be brought to a usable state (handshake failed): the scenario cannot go on. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly response?: Response,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

/** The server does not speak the revision under test: its scenarios are not applicable, not failed. */
export class RevisionNotSupported extends SessionError {
  constructor(message: string, response?: Response) {
    super(message, response);
    this.name = 'RevisionNotSupported';
  }
}

/** Notifications kept per session (a flooding server sends far more). */
const MAX_KEPT_NOTIFICATIONS = 10_000;
/** `quiet` waits at least this long, and at least this many of the session's fastest round trips. */
const QUIET_FLOOR_MS = 50;
const QUIET_ROUND_TRIPS = 10;

const STATELESS_META = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  logLevel: 'io.modelcontextprotocol/logLevel',
} as const;

/** Every client capability the revision knows, as the harness declares them by default. */
export function defaultClientCapabilities(revision: Revision): JsonObject {
  const capabilities: JsonObject = { roots: { listChanged: true }, sampling: {} };
  if (revision.id >= '2025-06-18') capabilities.elicitation = {};
  if (revision.id >= '2025-11-25') capabilities.elicitation = { form: {}, url: {} };
  return capabilities;
}

/** A value for each property of a flat elicitation schema, so that an `accept` answer validates. */
export function answerFor(schema: unknown): JsonObject {
  return sampleObject(schema, 'all');
}

function defaultHandlers(): Record<string, ServerRequestHandler> {
  return {
    ping: () => ({}),
    'roots/list': () => ({ roots: [{ uri: 'file:///tmp/mcp-conformance', name: 'conformance root' }] }),
    'sampling/createMessage': () => ({
      role: 'assistant',
      content: { type: 'text', text: 'A reply from the mcp-conformance harness.' },
      model: 'mcp-conformance-model',
      stopReason: 'endTurn',
    }),
    'elicitation/create': (params) =>
      params?.mode === 'url' ? { action: 'accept' } : { action: 'accept', content: answerFor(params?.requestedSchema) },
  };
}

export class McpSession {
  readonly connection: Connection;
  readonly revision: Revision;
  readonly capabilities: JsonObject;
  /** Everything the server sent that is a notification, in order. */
  readonly notifications: ReceivedNotification[] = [];
  /** Requests the server sent to the harness, in order. */
  readonly serverRequests: Array<{ method: string; params?: JsonObject; entry: WireEntry }> = [];
  /** Set by `open()`: what the server said about itself. */
  serverInfo?: JsonObject;
  serverCapabilities: JsonObject = {};
  protocolVersion: string;
  instructions?: string;
  /** The response to `initialize` or `server/discover`. */
  openResponse?: Response;

  private readonly options: SessionOptions;
  private readonly handlers: Record<string, ServerRequestHandler>;
  private readonly waiters = new Set<{
    test: (n: ReceivedNotification) => boolean;
    done: (n: ReceivedNotification) => void;
  }>();
  private counter = 0;
  /** `requestRaw` calls still waiting: `close()` ends them so that no timer outlives the session. */
  private readonly rawWaiters = new Set<(response: undefined) => void>();
  private readonly unsubscribe: () => void;
  private fastestRoundTripMs = Infinity;

  constructor(connection: Connection, options: SessionOptions) {
    this.connection = connection;
    this.revision = options.revision;
    this.options = options;
    this.protocolVersion = wireVersion(options.revision.id);
    this.capabilities = options.capabilities ?? defaultClientCapabilities(options.revision);
    this.handlers = { ...defaultHandlers(), ...options.handlers };
    this.unsubscribe = connection.onMessage((message, entry) => this.dispatch(message, entry));
  }

  get stateless(): boolean {
    return this.revision.era === 'stateless';
  }

  /** A request id not used before on this session. */
  nextId(): number {
    this.counter += 1;
    return this.counter;
  }

  /**
   * Stateful: `initialize` then `notifications/initialized`. Stateless: `server/discover`.
   * Throws `SessionError` when the server does not answer with a usable result.
   */
  async open(): Promise<Response> {
    const response = this.stateless
      ? await this.request('server/discover', {})
      : await this.request('initialize', {
          protocolVersion: this.protocolVersion,
          capabilities: this.capabilities,
          clientInfo: this.options.clientInfo ?? { ...HARNESS_INFO },
        });
    this.openResponse = response;
    if (this.stateless && response.error?.code === -32022)
      throw new RevisionNotSupported(
        `the server does not support revision ${this.revision.id}: ${String(response.error.message)}`,
        response,
      );
    if (!response.result) {
      const what = response.error ? `error ${JSON.stringify(response.error)}` : 'no result';
      throw new SessionError(`${this.stateless ? 'server/discover' : 'initialize'} failed: ${what}`, response);
    }
    const result = response.result;
    if (this.stateless) {
      const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions : [];
      if (!versions.includes(this.protocolVersion))
        throw new RevisionNotSupported(
          `the server does not support revision ${this.revision.id} (it lists ${JSON.stringify(versions)})`,
          response,
        );
    } else if (result.protocolVersion !== this.protocolVersion) {
      throw new RevisionNotSupported(
        `the server does not support revision ${this.revision.id} (it answered initialize with ${JSON.stringify(result.protocolVersion)})`,
        response,
      );
    }
    this.serverCapabilities = isObject(result.capabilities) ? result.capabilities : {};
    if (typeof result.instructions === 'string') this.instructions = result.instructions;
    if (this.stateless) {
      const meta = isObject(result._meta) ? result._meta : {};
      if (isObject(meta['io.modelcontextprotocol/serverInfo']))
        this.serverInfo = meta['io.modelcontextprotocol/serverInfo'];
    } else {
      if (isObject(result.serverInfo)) this.serverInfo = result.serverInfo;
      if (typeof result.protocolVersion === 'string') this.protocolVersion = result.protocolVersion;
      this.notify('notifications/initialized');
      if (this.options.getStream !== false) await this.listen();
    }
    return response;
  }

  /** Walks a list following `nextCursor`, for at most `maxPages` pages. */
  async listPages(method: ListMethod, maxPages: number): Promise<ListWalk> {
    const field = LIST_FIELDS[method];
    const walk: ListWalk = { pages: [], items: [], broken: false, complete: false };
    let cursor: string | undefined;
    for (let n = 0; n < maxPages; n += 1) {
      const response = await this.request(method, cursor === undefined ? {} : { cursor });
      walk.pages.push(response);
      const list = response.result?.[field];
      if (!Array.isArray(list)) {
        walk.broken = true;
        break;
      }
      walk.items.push(...(list as JsonObject[]));
      const next = response.result?.nextCursor;
      if (typeof next !== 'string') break;
      cursor = next;
    }
    walk.complete = typeof walk.pages.at(-1)?.result?.nextCursor !== 'string';
    return walk;
  }

  /**
   * Stateful HTTP: opens the session's GET stream, where a server sends what belongs to no request
   * (list changes, resource updates), as a real client would. A server without one answers 405.
   */
  private async listen(): Promise<void> {
    const connection = this.connection as Connection & { openGetStream?: () => Promise<unknown> };
    if (typeof connection.openGetStream !== 'function') return;
    await connection.openGetStream().catch(() => undefined);
  }

  /** The `_meta` a stateless-era request carries. */
  requestMeta(extra: JsonObject = {}): JsonObject {
    const meta: JsonObject = {
      [STATELESS_META.protocolVersion]: this.protocolVersion,
      [STATELESS_META.clientInfo]: this.options.clientInfo ?? { ...HARNESS_INFO },
      [STATELESS_META.clientCapabilities]: this.capabilities,
    };
    if (this.options.logLevel) meta[STATELESS_META.logLevel] = this.options.logLevel;
    return { ...meta, ...extra };
  }

  /** Builds the request message (with `_meta` in the stateless era) without sending it. */
  buildRequest(method: string, params?: JsonObject, options: { meta?: JsonObject; id?: JsonRpcId } = {}): JsonObject {
    const message: JsonObject = { jsonrpc: '2.0', id: options.id ?? this.nextId(), method };
    let body = params;
    if (this.stateless) {
      const ownMeta = isObject(params?._meta) ? params._meta : {};
      body = { ...params, _meta: this.requestMeta({ ...ownMeta, ...options.meta }) };
    } else if (options.meta) {
      const ownMeta = isObject(params?._meta) ? params._meta : {};
      body = { ...params, _meta: { ...ownMeta, ...options.meta } };
    }
    if (body !== undefined) message.params = body;
    return message;
  }

  /** Sends a request and waits for its response. Rejects only on timeout or a lost connection. */
  async request(
    method: string,
    params?: JsonObject,
    options: { meta?: JsonObject; timeoutMs?: number; id?: JsonRpcId } = {},
  ): Promise<Response> {
    const message = this.buildRequest(method, params, options) as JsonObject & { id: JsonRpcId; method: string };
    const sent = performance.now();
    const reply = await this.connection.request(message, options.timeoutMs ?? this.options.timeoutMs);
    this.fastestRoundTripMs = Math.min(this.fastestRoundTripMs, performance.now() - sent);
    return toResponse(reply);
  }

  /**
   * Sends `message` as is (a string is sent verbatim) and waits for the response with `id` (`null` also
   * matches a response without an id), or resolves `undefined` after `timeoutMs` or once `until` settles: for
   * deliberately invalid requests the harness's own schema check would refuse.
   */
  requestRaw(
    message: JsonObject | string,
    id: JsonRpcId | null | Array<JsonRpcId | null>,
    timeoutMs = this.options.timeoutMs,
    until?: Promise<unknown>,
  ): Promise<Response | undefined> {
    const ids = Array.isArray(id) ? id : [id];
    return new Promise((resolve) => {
      let settled = false;
      const finish = (response: Response | undefined): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        this.rawWaiters.delete(finish);
        resolve(response);
      };
      this.rawWaiters.add(finish);
      void until?.then(() => finish(undefined));
      const unsubscribe = this.connection.onMessage((reply) => {
        if (
          isObject(reply) &&
          ids.includes((reply.id ?? null) as JsonRpcId | null) &&
          (Object.hasOwn(reply, 'result') || Object.hasOwn(reply, 'error'))
        )
          finish(toResponse(reply));
      });
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      try {
        this.connection.sendRaw(typeof message === 'string' ? message : JSON.stringify(message));
      } catch {
        finish(undefined);
      }
    });
  }

  /**
   * `requestRaw` for a message a faulty server may leave unanswered: `fenceMethod` (a request every server
   * answers, such as ping) follows it, and once that is answered and the connection has been quiet for
   * `quietMs`, the answer is taken to be missing. Without the fence, every missing answer would cost the
   * whole request timeout.
   */
  requestRawFenced(
    message: JsonObject | string,
    id: JsonRpcId | null | Array<JsonRpcId | null>,
    fenceMethod: string,
    quietMs: number,
  ): Promise<Response | undefined> {
    let giveUp!: () => void;
    const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
    const raw = this.requestRaw(message, id, this.options.timeoutMs, gaveUp);
    const fence = this.request(fenceMethod, {}).then(
      () => true,
      () => false,
    );
    // A fence that fails (timeout, lost connection) proves nothing: the raw wait then runs its course.
    void fence.then(async (answered) => {
      if (answered) await this.quiet(quietMs).then(giveUp);
    });
    // Settles only once the fence has too, so that its answer never lands in a later step's window.
    return raw.then((response) => fence.then(() => response));
  }

  notify(method: string, params?: JsonObject): WireEntry {
    const message: JsonObject = { jsonrpc: '2.0', method };
    if (params !== undefined) message.params = params;
    return this.connection.send(message);
  }

  /**
   * Resolves with the first notification (already received or still to come) that passes `test`, or
   * `undefined` when none arrives within `timeoutMs`.
   */
  waitForNotification(
    test: (n: ReceivedNotification) => boolean,
    timeoutMs = this.options.timeoutMs,
  ): Promise<ReceivedNotification | undefined> {
    const seen = this.notifications.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const waiter = {
        test,
        done: (n: ReceivedNotification | undefined) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(n);
        },
      };
      const timer = setTimeout(() => waiter.done(undefined), timeoutMs);
      this.waiters.add(waiter as never);
    });
  }

  /**
   * Lets the connection settle, for "nothing more arrives" checks: waits `ms`, or less when the server
   * answers fast, since anything still on its way arrives within a few of its round trips. Input already
   * received is read before it resolves.
   */
  quiet(ms: number): Promise<void> {
    const wait = Math.min(ms, Math.max(QUIET_FLOOR_MS, QUIET_ROUND_TRIPS * this.fastestRoundTripMs));
    return new Promise((resolve) => setTimeout(() => setImmediate(resolve), wait));
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const waiter of [...this.waiters]) waiter.done(undefined as never);
    for (const finish of [...this.rawWaiters]) finish(undefined);
    await this.connection.close();
  }

  private dispatch(message: unknown, entry: WireEntry): void {
    if (!isObject(message) || typeof message.method !== 'string') return;
    const params = isObject(message.params) ? message.params : undefined;
    if (message.id === undefined) {
      const notification: ReceivedNotification = { method: message.method, message, entry };
      if (params) notification.params = params;
      // A flooding server must not exhaust memory: keep the first ones, still wake the waiters.
      if (this.notifications.length < MAX_KEPT_NOTIFICATIONS) this.notifications.push(notification);
      for (const waiter of [...this.waiters]) if (waiter.test(notification)) waiter.done(notification);
      return;
    }
    const record: { method: string; params?: JsonObject; entry: WireEntry } = { method: message.method, entry };
    if (params) record.params = params;
    this.serverRequests.push(record);
    void this.answer(message.id as JsonRpcId, message.method, params);
  }

  private async answer(id: JsonRpcId, method: string, params: JsonObject | undefined): Promise<void> {
    const handler = this.handlers[method];
    let reply: JsonObject;
    if (!handler) {
      reply = { jsonrpc: '2.0', id, error: { code: -32601, message: `the harness does not handle ${method}` } };
    } else {
      try {
        reply = { jsonrpc: '2.0', id, result: await handler(params) };
      } catch (error) {
        reply = { jsonrpc: '2.0', id, error: { code: -32603, message: (error as Error).message } };
      }
    }
    try {
      this.connection.send(reply);
    } catch {
      // The connection is gone, or the answer does not fit this revision; the scenario sees the consequence.
    }
  }
}

export function toResponse(reply: JsonObject): Response {
  const response: Response = { message: reply };
  if (isObject(reply.result)) response.result = reply.result;
  if (isObject(reply.error)) response.error = reply.error as Response['error'];
  return response;
}
