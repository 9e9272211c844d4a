/**
 * The reference server: a `SessionFactory` that implements every server feature of every revision, with an
 * optional injected fault. A session is stateful once `initialize` succeeded; any request carrying
 * `_meta["io.modelcontextprotocol/protocolVersion"]` (or `server/discover`, `subscriptions/listen`) is served
 * statelessly, so one process serves both eras.
 */
import { classify } from '../../src/protocol/jsonrpc.ts';
import type {
  JsonRpcMessage,
  RequestContext,
  ServerSession,
  SessionFactory,
} from '../../src/transport/server-session.ts';
import {
  ERR,
  FAULTS,
  FAULT_CATALOGUE,
  Hub,
  ProtocolError,
  errorResponse,
  faultNamed,
  isFault,
  isObject,
  notification,
  resultResponse,
  type Json,
  type RequestId,
} from './common.ts';
import type { InputRequest } from './fixture.ts';
import { StatefulEra, type IncomingRequest } from './stateful.ts';
import { StateSigner, StatelessEra, isStatelessRequest } from './stateless.ts';

export { FAULTS, FAULT_CATALOGUE };

export interface ReferenceServerOptions {
  /** One fault name from `FAULTS` to inject; undefined for a correct server. */
  fault?: string;
}

export interface ReferenceSession extends ServerSession {
  /**
   * Handles a JSON-RPC batch (an array). Batches are accepted only in a session negotiated at 2025-03-26;
   * elsewhere (and for an empty array) the answer is one -32600 error with id null. Returns the array of
   * responses, a single error, or undefined when the batch held only notifications and responses.
   */
  handleBatch(messages: unknown[], context: RequestContext): Promise<JsonRpcMessage[] | JsonRpcMessage | undefined>;
}

export interface ReferenceServer extends SessionFactory {
  readonly fault: string | undefined;
  createSession(origin: { transport: 'stdio' | 'http' }): ReferenceSession;
  /** The response to a line or body that is not JSON: -32700 with id null. */
  parseError(detail?: string): JsonRpcMessage;
}

/** Creates the reference server. Throws on an unknown fault name. */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const fault = options.fault || undefined;
  if (fault !== undefined && !isFault(fault)) {
    throw new Error(`unknown fault "${fault}"; known: ${FAULT_CATALOGUE.map((f) => f.name).join(', ')}`);
  }
  const hub = new Hub();
  const signer = new StateSigner();
  return {
    fault,
    createSession: () => new Session(fault, hub, signer),
    parseError: (detail) =>
      errorResponse(
        fault === 'parse-error-wrong-id' ? 0 : null,
        ERR.parse,
        `Parse error${detail ? `: ${detail}` : ''}`,
      ),
  };
}

interface InFlight {
  controller: AbortController;
  cancelled: boolean;
  method: string;
}

interface Pending {
  resolve(result: Json): void;
  reject(error: Error): void;
}

class Session implements ReferenceSession {
  private readonly stateful: StatefulEra;
  private readonly stateless: StatelessEra;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(m: JsonRpcMessage) => void>();
  private readonly unsubscribeHub: () => void;
  private nextId = 1;
  private isClosed = false;
  /** Set by the fault notification-ends-session: every later request is refused. */
  private ending = false;
  private closeSession!: () => void;
  private readonly closed = new Promise<void>((resolve) => {
    this.closeSession = resolve;
  });

  constructor(
    private readonly fault: string | undefined,
    hub: Hub,
    signer: StateSigner,
  ) {
    this.stateful = new StatefulEra({
      fault,
      hub,
      sendRequest: (request, emit, signal) => this.sendRequest(request, emit, signal),
      notify: (message) => {
        if (!this.isClosed) this.unsolicited(message);
      },
    });
    this.stateless = new StatelessEra({ fault, hub, signer, closed: this.closed });
    this.unsubscribeHub = hub.subscribe((event) => {
      if (!this.stateful.revision || this.isClosed) return;
      if (event.kind === 'resource-updated') {
        const subscribed = this.stateful.subscriptions.has(event.uri) && fault !== 'resource-updates-missing';
        if (subscribed || fault === 'resource-updates-unfiltered') {
          this.unsolicited(notification('notifications/resources/updated', { uri: event.uri }));
        }
      } else if (event.kind === 'elicitation-complete') {
        this.unsolicited(notification('notifications/elicitation/complete', { elicitationId: event.elicitationId }));
      } else if (fault !== 'list-changed-missing') {
        this.unsolicited(notification(`notifications/${event.kind}/list_changed`));
      }
    });
  }

  private unsolicited(message: JsonRpcMessage): void {
    for (const listener of [...this.listeners]) listener(message);
  }

  onUnsolicited(listener: (message: JsonRpcMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.unsubscribeHub();
    this.closeSession();
    this.stateful.tasks.closeAll();
    for (const entry of this.inFlight.values()) if (entry.method !== 'subscriptions/listen') entry.controller.abort();
    for (const p of this.pending.values()) p.reject(new Error('session closed'));
    this.pending.clear();
  }

  private sendRequest(request: InputRequest, emit: (m: JsonRpcMessage) => void, signal: AbortSignal): Promise<Json> {
    // The fault numbers requests by how many are pending, so an answered request's id comes back.
    const id = this.fault === 'server-request-ids-reused' ? `ref-${this.pending.size + 1}` : `ref-${this.nextId++}`;
    return new Promise<Json>((resolve, reject) => {
      if (signal.aborted) return reject(new Error('cancelled'));
      const onAbort = (): void => {
        this.pending.delete(id);
        reject(new Error('cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      emit({ jsonrpc: '2.0', id, method: request.method, params: request.params });
    });
  }

  async handleBatch(
    messages: unknown[],
    context: RequestContext,
  ): Promise<JsonRpcMessage[] | JsonRpcMessage | undefined> {
    if (messages.length === 0) return errorResponse(null, ERR.invalidRequest, 'Invalid Request: empty batch');
    const allowed = this.stateful.revision === '2025-03-26' || this.fault === 'batch-accepted';
    if (!allowed || this.fault === 'batch-rejected') {
      return errorResponse(null, ERR.invalidRequest, 'Invalid Request: this protocol revision does not allow batches');
    }
    const responses = await Promise.all(
      messages.map((item) => {
        if (isObject(item) && item.method === 'initialize' && 'id' in item) {
          const id = typeof item.id === 'string' || typeof item.id === 'number' ? item.id : null;
          return Promise.resolve(errorResponse(id, ERR.invalidRequest, 'initialize must not be part of a batch'));
        }
        return this.handle(item as JsonRpcMessage, context);
      }),
    );
    const out = responses.filter((r): r is JsonRpcMessage => r !== undefined);
    return out.length > 0 ? out : undefined;
  }

  async handle(message: JsonRpcMessage, context: RequestContext): Promise<JsonRpcMessage | undefined> {
    if (Array.isArray(message)) {
      return (await this.handleBatch(message as unknown[], context)) as JsonRpcMessage | undefined;
    }
    const kind = classify(message);
    switch (kind.kind) {
      case 'invalid': {
        const id =
          isObject(message) && (typeof message.id === 'string' || typeof message.id === 'number') ? message.id : null;
        const code = this.fault === 'invalid-request-as-unknown-method' ? ERR.methodNotFound : ERR.invalidRequest;
        return errorResponse(id, code, `Invalid Request: ${kind.reason}`);
      }
      case 'batch':
        return errorResponse(null, ERR.invalidRequest, 'Invalid Request: unexpected batch');
      case 'result-response':
      case 'error-response':
        this.answer(message);
        return undefined;
      case 'notification': {
        const acted = this.notify(kind.method, isObject(message.params) ? message.params : {});
        if (acted || this.fault !== 'notifications-answered') return undefined;
        return errorResponse(null, ERR.methodNotFound, `Cannot handle notification ${kind.method}`);
      }
      case 'request':
        return this.request(
          { id: kind.id, method: kind.method, params: isObject(message.params) ? message.params : {}, message },
          context,
        );
    }
  }

  private answer(message: JsonRpcMessage): void {
    const key = String(message.id);
    const pending = this.pending.get(key);
    if (!pending) return;
    this.pending.delete(key);
    if (isObject(message.error))
      pending.reject(new Error(`client error ${String(message.error.code)}: ${String(message.error.message)}`));
    else pending.resolve(isObject(message.result) && this.fault !== 'client-answers-lost' ? message.result : {});
  }

  /** Returns whether the notification changed anything. */
  private notify(method: string, params: Json): boolean {
    if (this.fault === 'notification-ends-session' && method !== 'notifications/initialized') this.ending = true;
    if (method === 'notifications/initialized') {
      if (this.stateful.revision) this.stateful.initialized = true;
      return true;
    } else if (method === 'notifications/cancelled') {
      const id = params.requestId;
      if (typeof id !== 'string' && typeof id !== 'number') return false;
      const entry = this.inFlight.get(JSON.stringify(id));
      if (!entry || entry.method === 'initialize') return false;
      entry.cancelled = true;
      if (this.fault !== 'cancel-keeps-running') entry.controller.abort();
      return true;
    }
    // Other notifications (roots/list_changed, progress, unknown ones) need no action.
    return false;
  }

  private async request(request: IncomingRequest, context: RequestContext): Promise<JsonRpcMessage | undefined> {
    if (this.ending) return errorResponse(request.id, ERR.internal, 'Internal error: the session is shutting down');
    const early = !this.stateful.revision && request.method !== 'initialize';
    if (early && this.fault === 'pre-initialize-ignored' && !isStatelessRequest(request.method, request.params))
      return undefined;
    const key = JSON.stringify(request.id);
    const controller = new AbortController();
    const entry: InFlight = { controller, cancelled: false, method: request.method };
    const onTransportAbort = (): void => {
      // The fault: the work goes on when the client goes away (an explicit cancellation still stops it).
      if (this.fault === 'disconnect-keeps-running') return;
      entry.cancelled = true;
      controller.abort();
    };
    if (context.signal.aborted) onTransportAbort();
    else context.signal.addEventListener('abort', onTransportAbort, { once: true });
    this.inFlight.set(key, entry);
    let response: JsonRpcMessage;
    try {
      const result = await this.dispatch(request, context, controller.signal);
      response = resultResponse(request.id, result);
    } catch (error) {
      response =
        error instanceof ProtocolError
          ? errorResponse(request.id, error.code, error.message, error.data)
          : errorResponse(
              request.id,
              ERR.internal,
              `Internal error: ${error instanceof Error ? error.message : String(error)}`,
            );
    } finally {
      context.signal.removeEventListener('abort', onTransportAbort);
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    }
    if (entry.cancelled && this.fault !== 'response-after-cancel') return undefined;
    if (this.fault === 'id-mismatch')
      response.id = typeof request.id === 'number' ? String(request.id) : `${request.id}-x`;
    faultNamed(this.fault)?.response?.(response, request);
    return response;
  }

  private dispatch(request: IncomingRequest, context: RequestContext, signal: AbortSignal): Promise<Json> {
    const mutate = faultNamed(this.fault)?.emitted;
    const emit = (m: JsonRpcMessage): void => {
      const message = mutate ? mutate(m, request) : m;
      if (!this.isClosed && message) context.emit(message);
    };
    if (isStatelessRequest(request.method, request.params)) {
      const from = context.connection === undefined ? request : { ...request, connection: context.connection };
      return this.stateless.handle(from, emit, signal, context.headers);
    }
    if (request.method === 'initialize' && this.fault === 'request-before-initialized') {
      emit({ jsonrpc: '2.0', id: 'ref-early-roots', method: 'roots/list' });
    }
    if (request.method === 'initialize' || this.stateful.revision || this.fault === 'serve-before-initialize') {
      return this.stateful.handle(request, emit, signal, context.headers);
    }
    if (request.method === 'ping') return Promise.resolve({});
    // Neither initialized nor carrying per-request metadata: a legacy request too early, or a modern request
    // whose `_meta` is missing. Both are answered -32602, as the stateless era requires for the latter.
    return Promise.reject(
      new ProtocolError(
        ERR.invalidParams,
        'Invalid params: missing _meta (send initialize first, or give io.modelcontextprotocol/protocolVersion and clientCapabilities in _meta)',
      ),
    );
  }
}

export type { RequestId };
