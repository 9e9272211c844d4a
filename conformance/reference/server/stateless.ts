/**
 * The stateless era (2026-07-28 and draft): every request carries its protocol version, client capabilities
 * and log level in `_meta`; results carry `resultType` (and caching hints where due); the server asks the
 * client for input through `InputRequiredResult` with an HMAC-protected `requestState`; long-lived
 * notifications flow on `subscriptions/listen` streams.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type * as S from '../../../schema/2026-07-28/schema.ts';
import { validate } from '../../../schema/index.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import {
  ALL_VERSIONS,
  ERR,
  META_CLIENT_CAPABILITIES,
  META_LOG_LEVEL,
  META_PROTOCOL_VERSION,
  META_SERVER_INFO,
  META_SUBSCRIPTION_ID,
  ProtocolError,
  SERVER_INFO,
  STATELESS_VERSIONS,
  isObject,
  logRank,
  notification,
  sleep,
  type Hub,
  type HubEvent,
  type Json,
  type LogLevel,
} from './common.ts';
import {
  InputRequiredSignal,
  callTool,
  findTool,
  getPrompt,
  listPrompts,
  listResources,
  listTemplates,
  listTools,
  readResourceResult,
  type FeatureScope,
} from './features.ts';
import {
  MissingCapabilityError,
  complete,
  declares,
  headerParameters,
  requiredCapability,
  type InputRequest,
  type ToolEnv,
  type ToolSpec,
} from './fixture.ts';
import { checkRequest, type IncomingRequest } from './stateful.ts';

/** The schema revision the stateless side validates against (the draft is identical today). */
export const STATELESS_SCHEMA = '2026-07-28';

export const STATELESS_METHODS = new Set([
  'server/discover',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'subscriptions/listen',
]);

/** Results that are CacheableResult in 2026-07-28, with the scope the server gives them. */
const CACHE_HINTS: Record<string, { ttlMs: number; cacheScope: 'public' | 'private' }> = {
  'server/discover': { ttlMs: 300_000, cacheScope: 'public' },
  'tools/list': { ttlMs: 300_000, cacheScope: 'public' },
  'prompts/list': { ttlMs: 300_000, cacheScope: 'public' },
  'resources/list': { ttlMs: 300_000, cacheScope: 'public' },
  'resources/templates/list': { ttlMs: 300_000, cacheScope: 'public' },
  'resources/read': { ttlMs: 60_000, cacheScope: 'private' },
};

/** Whether a request belongs to the stateless era: it names a protocol version in `_meta`, or a stateless-only method. */
export function isStatelessRequest(method: string, params: unknown): boolean {
  if (method === 'server/discover' || method === 'subscriptions/listen') return true;
  return isObject(params) && isObject(params._meta) && META_PROTOCOL_VERSION in params._meta;
}

interface RequestState {
  v: 1;
  /** The request the state belongs to: see `stateTarget`. */
  target: string;
  answers: Record<string, Json>;
  exp: number;
}

/** JSON with object keys sorted at every depth, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/**
 * What a `requestState` is bound to: the method, the tool / prompt name or resource URI, and a digest of the
 * arguments. A state presented with any other request is refused.
 */
function stateTarget(request: IncomingRequest, fault: string | undefined): string {
  const digest = createHash('sha256')
    .update(canonicalJson(request.params.arguments ?? {}))
    .digest('base64url');
  const target = `${request.method}:${String(request.params.name ?? request.params.uri ?? '')}:${digest}`;
  // A state that belongs to its connection: a retry on any other connection is refused.
  return fault === 'request-state-per-connection' ? `${target}@${request.connection ?? ''}` : target;
}

/** Signs and verifies `requestState`: base64url(JSON) + "." + base64url(HMAC-SHA256). */
export class StateSigner {
  private readonly secret = randomBytes(32);
  sign(state: RequestState): string {
    const body = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }
  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
  /** The state if it verifies, is unexpired and belongs to `target` (any request when undefined); otherwise undefined. */
  verify(raw: string, target: string | undefined, skipIntegrity = false): RequestState | undefined {
    const [body, mac, extra] = raw.split('.');
    if (!body || extra !== undefined) return undefined;
    if (!skipIntegrity) {
      if (!mac) return undefined;
      const expected = Buffer.from(this.mac(body));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    }
    try {
      const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as RequestState;
      const otherRequest = target !== undefined && state.target !== target;
      if (!skipIntegrity && (state.v !== 1 || otherRequest || !(state.exp > Date.now()))) return undefined;
      return isObject(state.answers) ? state : { ...state, answers: {} };
    } catch {
      return undefined;
    }
  }
}

export interface StatelessHost {
  fault: string | undefined;
  hub: Hub;
  signer: StateSigner;
  /** Resolves when the session closes (ends listen streams gracefully). */
  closed: Promise<void>;
}

/** Visible ASCII, space and tab: what a header value may hold. */
const SAFE_HEADER_VALUE = /^[\x20-\x7e\t]*$/;

function decodeHeaderValue(value: string): string {
  if (value.startsWith('=?base64?') && value.endsWith('?=')) {
    return Buffer.from(value.slice('=?base64?'.length, -2), 'base64').toString('utf8');
  }
  return value;
}

/** Over HTTP: every `x-mcp-header` argument with a value must be mirrored, equal, in its `Mcp-Param-*` header. */
function checkParamHeaders(
  tool: ToolSpec['definition'],
  args: Json,
  headers: Record<string, string> | undefined,
  fault: string | undefined,
): void {
  if (!headers || fault === 'param-headers-ignored') return;
  for (const p of headerParameters(tool)) {
    const value = args[p.property];
    const raw = headers[`mcp-param-${p.header.toLowerCase()}`];
    if ((value === undefined || value === null) && fault !== 'param-headers-always-required') continue;
    if (raw === undefined) throw new ProtocolError(ERR.headerMismatch, `Missing header Mcp-Param-${p.header}`);
    if (!SAFE_HEADER_VALUE.test(raw))
      throw new ProtocolError(ERR.headerMismatch, `Header Mcp-Param-${p.header} holds characters that are not allowed`);
    const decoded = fault === 'param-headers-not-decoded' ? raw.trim() : decodeHeaderValue(raw.trim());
    const same = p.type === 'integer' || p.type === 'number' ? Number(decoded) === value : decoded === String(value);
    if (!same) throw new ProtocolError(ERR.headerMismatch, `Header Mcp-Param-${p.header} does not match the body`);
  }
}

/** An answer that is not an accepted elicitation, a sampling result or roots (the fault cannot cope with one). */
function hasUnusableAnswer(params: Json): boolean {
  const answers = isObject(params.inputResponses) ? Object.values(params.inputResponses) : [];
  return answers.some((a) =>
    !isObject(a) ? true : 'action' in a ? a.action !== 'accept' : !('role' in a) && !('roots' in a),
  );
}

/** The result definition that answers each kind of input request. */
const ANSWER_DEFINITIONS: Record<InputRequest['method'], string> = {
  'elicitation/create': 'ElicitResult',
  'sampling/createMessage': 'CreateMessageResult',
  'roots/list': 'ListRootsResult',
};

/** Refuses (-32602) an answer that is not the kind of result its question asked for, such as roots for an elicitation. */
function checkAnswer(key: string, request: InputRequest, answer: Json, fault: string | undefined): void {
  if (fault === 'input-responses-unparsed') return;
  const definition = ANSWER_DEFINITIONS[request.method];
  if (!validate(STATELESS_SCHEMA, definition, answer).valid)
    throw new ProtocolError(
      ERR.invalidParams,
      `Invalid params: inputResponses["${key}"] is not a ${definition}, the answer to ${request.method}`,
    );
}

/** The request as the schema check sees it: without inputResponses under the fault that leaves them unchecked. */
function withoutUncheckedParts(request: IncomingRequest, fault: string | undefined): IncomingRequest {
  if (fault !== 'input-responses-unvalidated' || !isObject(request.message.params)) return request;
  const params: Json = { ...request.message.params };
  delete params.inputResponses;
  return { ...request, params, message: { ...request.message, params } };
}

export class StatelessEra {
  /** Only for the sticky-connection-context fault. */
  private sticky: { capabilities: Json; level: LogLevel | undefined } = { capabilities: {}, level: undefined };
  constructor(private readonly host: StatelessHost) {}

  /** Checks `_meta`, the version and the method; returns the validated request's meta. */
  private check(request: IncomingRequest): Json {
    const meta = request.params._meta;
    if (!isObject(meta)) throw new ProtocolError(ERR.invalidParams, 'Invalid params: missing _meta');
    const version = meta[META_PROTOCOL_VERSION];
    if (typeof version !== 'string') {
      throw new ProtocolError(ERR.invalidParams, `Invalid params: _meta lacks ${META_PROTOCOL_VERSION}`);
    }
    if (!isObject(meta[META_CLIENT_CAPABILITIES])) {
      throw new ProtocolError(ERR.invalidParams, `Invalid params: _meta lacks ${META_CLIENT_CAPABILITIES}`);
    }
    if (!(STATELESS_VERSIONS as readonly string[]).includes(version)) {
      const data =
        this.host.fault === 'unsupported-version-no-data'
          ? undefined
          : { supported: [...ALL_VERSIONS], requested: version };
      throw new ProtocolError(ERR.unsupportedVersion, `Unsupported protocol version: ${version}`, data);
    }
    checkRequest(STATELESS_SCHEMA, STATELESS_METHODS, withoutUncheckedParts(request, this.host.fault), this.host.fault);
    return meta;
  }

  /** Handles one stateless request; returns its result, or throws `ProtocolError`. */
  async handle(
    request: IncomingRequest,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
  ): Promise<Json> {
    if (this.host.fault === 'elicitation-refusal-crashes' && hasUnusableAnswer(request.params))
      throw new Error('the elicitation answer could not be processed');
    const meta = this.check(request);
    const scope: FeatureScope = { revision: STATELESS_SCHEMA, era: 'stateless', fault: this.host.fault };
    let result: Json;
    try {
      result = await this.dispatch(scope, request, meta, emit, signal, headers);
    } catch (error) {
      if (error instanceof MissingCapabilityError) {
        throw new ProtocolError(ERR.missingCapability, error.message, { requiredCapabilities: error.required });
      }
      if (error instanceof InputRequiredSignal) {
        result = this.inputRequired(request, error);
      } else throw error;
    }
    return this.finish(request.method, result);
  }

  private inputRequired(request: IncomingRequest, signal: InputRequiredSignal): Json {
    const state: RequestState = {
      v: 1,
      target: stateTarget(request, this.host.fault),
      answers: signal.answers,
      exp: Date.now() + 10 * 60_000,
    };
    return {
      resultType: 'input_required',
      inputRequests: signal.inputRequests,
      requestState: this.host.signer.sign(state),
    };
  }

  /** Adds resultType, caching hints and server identity. */
  private finish(method: string, result: Json): Json {
    const out: Json = { ...result };
    if (out.resultType === undefined) out.resultType = 'complete';
    const hints = CACHE_HINTS[method];
    if (hints && out.resultType === 'complete' && this.host.fault !== 'missing-cache-hints') Object.assign(out, hints);
    if (this.host.fault === 'missing-result-type') delete out.resultType;
    out._meta = { ...(isObject(out._meta) ? out._meta : {}), [META_SERVER_INFO]: { ...SERVER_INFO } };
    return out;
  }

  private async dispatch(
    scope: FeatureScope,
    request: IncomingRequest,
    meta: Json,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
  ): Promise<Json> {
    const params = request.params;
    switch (request.method) {
      case 'server/discover': {
        const discover: Omit<S.DiscoverResult, 'resultType' | 'ttlMs' | 'cacheScope'> = {
          supportedVersions: [...ALL_VERSIONS],
          capabilities: {
            tools: { listChanged: true },
            prompts: { listChanged: true },
            resources: { subscribe: true, listChanged: true },
            completions: {},
            logging: {},
          },
          instructions:
            'The conformance fixture server: see conformance/FIXTURE.md for every tool, resource and prompt.',
        };
        return discover;
      }
      case 'tools/list':
        return listTools(scope, params);
      case 'tools/call': {
        const tool = findTool(scope, params.name);
        checkParamHeaders(
          tool.definition,
          isObject(params.arguments) ? params.arguments : {},
          headers,
          this.host.fault,
        );
        return callTool(scope, params, this.env(request, meta, emit, signal, headers));
      }
      case 'resources/list':
        return listResources(scope, params);
      case 'resources/templates/list':
        return listTemplates(scope, params);
      case 'resources/read':
        return readResourceResult(scope, params);
      case 'prompts/list':
        return listPrompts(scope, params);
      case 'prompts/get':
        return getPrompt(scope, params, this.env(request, meta, emit, signal, headers));
      case 'completion/complete':
        return complete(params, 'stateless', this.host.fault);
      case 'subscriptions/listen':
        return this.listen(request, emit, signal);
      default:
        throw new ProtocolError(ERR.methodNotFound, `Method not found: ${request.method}`);
    }
  }

  /** The answers known so far: verified requestState answers plus this attempt's inputResponses. */
  private knownAnswers(request: IncomingRequest): Record<string, Json> {
    // The state names the request it was issued for: this fault accepts it with any other request.
    const target = this.host.fault === 'request-state-unbound' ? undefined : stateTarget(request, this.host.fault);
    const answers: Record<string, Json> = {};
    const raw = request.params.requestState;
    if (raw !== undefined) {
      const state =
        typeof raw === 'string'
          ? this.host.signer.verify(raw, target, this.host.fault === 'request-state-unverified')
          : undefined;
      if (!state) {
        if (this.host.fault !== 'request-state-unverified') {
          throw new ProtocolError(ERR.invalidParams, 'requestState integrity check failed');
        }
      } else Object.assign(answers, state.answers);
    }
    const responses = request.params.inputResponses;
    if (isObject(responses)) {
      for (const [key, value] of Object.entries(responses)) if (isObject(value)) answers[key] = value;
    }
    return answers;
  }

  private env(
    request: IncomingRequest,
    meta: Json,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
  ): ToolEnv {
    let capabilities = meta[META_CLIENT_CAPABILITIES] as Json;
    let level = meta[META_LOG_LEVEL] as LogLevel | undefined;
    // Every request brings its own context: this fault lets earlier requests on the connection fill gaps.
    if (this.host.fault === 'sticky-connection-context') {
      capabilities = { ...this.sticky.capabilities, ...capabilities };
      level ??= this.sticky.level;
      this.sticky = { capabilities, level };
    }
    const token =
      typeof meta.progressToken === 'string' || typeof meta.progressToken === 'number' ? meta.progressToken : undefined;
    const known = this.knownAnswers(request);
    const fault = this.host.fault;
    // The stateless era has no server-to-client requests: this fault sends one anyway.
    if (fault === 'stateless-server-request') emit({ jsonrpc: '2.0', id: 'reference-roots-1', method: 'roots/list' });
    // A server may cancel only listen streams: this fault cancels the very request it is serving.
    if (fault === 'server-cancels-calls') emit(notification('notifications/cancelled', { requestId: request.id }));
    return {
      revision: STATELESS_SCHEMA,
      era: 'stateless',
      signal,
      fault,
      progressToken: token,
      progress: (progress, total, message) => {
        if (token === undefined || signal.aborted) return;
        const p: Json = { progressToken: token, progress };
        if (total !== undefined) p.total = total;
        if (message !== undefined) p.message = message;
        emit(notification('notifications/progress', p));
      },
      log: (messageLevel, data) => {
        if (level === undefined) {
          if (fault !== 'log-without-level') return;
        } else if (logRank(messageLevel) < logRank(level) && fault !== 'meta-log-level-ignored') return;
        emit(notification('notifications/message', { level: messageLevel, logger: 'reference-server', data }));
      },
      canAsk: (r: InputRequest) => declares(capabilities, r, fault),
      ask: async (requests) => {
        const missing: Record<string, Json> = {};
        const answers: Record<string, Json> = {};
        for (const [key, r] of Object.entries(requests)) {
          const answer = known[key];
          if (answer) {
            checkAnswer(key, r, answer, fault);
            answers[key] = answer;
          } else {
            if (!declares(capabilities, r, fault) && fault !== 'mrtr-undeclared-capability') {
              throw new MissingCapabilityError(requiredCapability(r));
            }
            missing[key] = { method: r.method, params: r.params };
          }
        }
        if (Object.keys(missing).length > 0) throw new InputRequiredSignal(missing, known);
        return answers;
      },
      clientCapabilities: capabilities,
      publish: (event) => {
        this.host.hub.publish(event);
        // Changes belong on listen streams: this fault also tells the request that caused them.
        if (fault === 'notify-caller-of-changes' && event.kind !== 'resource-updated')
          emit(notification(`notifications/${event.kind}/list_changed`, {}));
      },
      headers,
    };
  }

  /**
   * subscriptions/listen: acknowledge first, then forward the requested kinds of change tagged with the
   * subscription id, until the client cancels (no response) or the session closes (the closing result).
   */
  private async listen(
    request: IncomingRequest,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
  ): Promise<Json> {
    const fault = this.host.fault;
    const filter = isObject(request.params.notifications) ? request.params.notifications : {};
    const honoured: Json = {};
    for (const key of ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged'] as const) {
      if (filter[key] === true) honoured[key] = true;
    }
    const uris = Array.isArray(filter.resourceSubscriptions)
      ? filter.resourceSubscriptions.filter((u): u is string => typeof u === 'string')
      : [];
    if (uris.length > 0) honoured.resourceSubscriptions = uris;
    const tag = (params: Json): Json =>
      fault === 'subscription-untagged' ? params : { ...params, _meta: { [META_SUBSCRIPTION_ID]: request.id } };

    if (fault !== 'subscription-no-ack') {
      emit(notification('notifications/subscriptions/acknowledged', tag({ notifications: honoured })));
    }
    // Log messages belong to requests, never to listen streams: this fault logs on one.
    if (fault === 'log-on-subscription')
      emit(
        notification('notifications/message', tag({ level: 'info', logger: 'reference-server', data: 'listening' })),
      );
    const wants = (event: HubEvent): boolean => {
      if (event.kind === 'elicitation-complete') return false;
      if (fault === 'subscription-unfiltered') return true;
      if (event.kind === 'resource-updated') return uris.includes(event.uri);
      return honoured[`${event.kind}ListChanged`] === true;
    };
    const unsubscribe = this.host.hub.subscribe((event) => {
      if (signal.aborted || !wants(event)) return;
      if (event.kind === 'resource-updated')
        emit(notification('notifications/resources/updated', tag({ uri: event.uri })));
      else emit(notification(`notifications/${event.kind}/list_changed`, tag({})));
    });
    try {
      await Promise.race([
        this.host.closed,
        new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
        }),
      ]);
      await sleep(0);
    } finally {
      unsubscribe();
    }
    const closing: Omit<S.SubscriptionsListenResult, 'resultType'> = { _meta: { [META_SUBSCRIPTION_ID]: request.id } };
    // The closing result names its subscription: this fault leaves the id out.
    if (fault === 'closing-result-untagged') closing._meta = {};
    return closing;
  }
}
