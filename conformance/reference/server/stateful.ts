/**
 * The stateful era (2024-11-05 to 2025-11-25): the `initialize` handshake fixes the revision, client
 * capabilities and log level for the whole session; server-to-client requests are real JSON-RPC requests.
 */
import type * as S from '../../../schema/2025-11-25/schema.ts';
import { validate, formatErrors } from '../../../schema/index.ts';
import { methodMap } from '../../src/protocol/methods.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import {
  ERR,
  LATEST_STATEFUL,
  ProtocolError,
  SERVER_INFO,
  STATEFUL_VERSIONS,
  atLeast,
  isObject,
  logRank,
  notification,
  type Hub,
  type Json,
  type LogLevel,
} from './common.ts';
import {
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
import { MissingCapabilityError, RESOURCES, TEMPLATES, complete, declares, requiredCapability } from './fixture.ts';
import type { InputRequest, ToolEnv } from './fixture.ts';
import { RELATED_TASK, TaskStore } from './tasks.ts';

/** Methods the server answers in the stateful era (when the revision's schema has them). */
export const STATEFUL_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'tasks/get',
  'tasks/result',
  'tasks/list',
  'tasks/cancel',
]);

export interface SessionHost {
  fault: string | undefined;
  hub: Hub;
  /** Sends a server-to-client request on `emit` and resolves with the client's result. */
  sendRequest(request: InputRequest, emit: (m: JsonRpcMessage) => void, signal: AbortSignal): Promise<Json>;
  /** Sends a message that belongs to no request (on the GET stream over HTTP). */
  notify(message: JsonRpcMessage): void;
}

export interface IncomingRequest {
  id: string | number;
  method: string;
  params: Json;
  message: JsonRpcMessage;
  /** HTTP only: the TCP connection it arrived on (`RequestContext.connection`). */
  connection?: string;
}

/** Checks a request against the method map and schema of a revision: -32601 or -32602 when it does not fit. */
export function checkRequest(
  revision: string,
  handled: Set<string>,
  request: IncomingRequest,
  fault: string | undefined,
): void {
  const definition = methodMap(revision).requests.get(request.method);
  if (!definition || !handled.has(request.method)) {
    const code = fault === 'method-not-found-wrong' ? ERR.invalidRequest : ERR.methodNotFound;
    throw new ProtocolError(code, `Method not found: ${request.method}`);
  }
  const outcome = validate(revision, definition.definition, request.message);
  if (!outcome.valid) {
    throw new ProtocolError(ERR.invalidParams, `Invalid params for ${request.method}`, {
      errors: formatErrors(outcome.errors).slice(0, 10),
    });
  }
}

export class StatefulEra {
  revision: string | undefined;
  initialized = false;
  clientCapabilities: Json = {};
  /** Set by logging/setLevel; until then every level is sent. */
  logLevel: LogLevel | undefined;
  readonly subscriptions = new Set<string>();
  readonly tasks: TaskStore;

  constructor(private readonly host: SessionHost) {
    this.tasks = new TaskStore(host.fault, (message) => host.notify(message));
  }

  private scope(): FeatureScope {
    return { revision: this.revision ?? LATEST_STATEFUL, era: 'stateful', fault: this.host.fault };
  }

  capabilities(revision: string): S.ServerCapabilities {
    const caps: S.ServerCapabilities = {
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      logging: {},
    };
    if (atLeast(revision, '2025-03-26')) caps.completions = {};
    if (atLeast(revision, '2025-11-25')) caps.tasks = { list: {}, cancel: {}, requests: { tools: { call: {} } } };
    return caps;
  }

  private initialize(request: IncomingRequest): Json {
    if (this.revision) throw new ProtocolError(ERR.invalidRequest, 'The session is already initialized');
    const asked = request.params.protocolVersion;
    const bare =
      this.host.fault === 'version-by-capabilities' &&
      (!isObject(request.params.capabilities) || Object.keys(request.params.capabilities).length === 0);
    const revision = bare
      ? STATEFUL_VERSIONS.find((version) => version !== asked)!
      : (STATEFUL_VERSIONS as readonly string[]).includes(asked as string)
        ? (asked as string)
        : LATEST_STATEFUL;
    checkRequest(revision, STATEFUL_METHODS, request, this.host.fault);
    this.revision = revision;
    this.clientCapabilities = isObject(request.params.capabilities) ? request.params.capabilities : {};
    const serverInfo: Json = { ...SERVER_INFO };
    if (atLeast(revision, '2025-06-18')) serverInfo.title = 'MCP spec reference server';
    return {
      protocolVersion: this.host.fault === 'wrong-protocol-version' ? '2099-01-01' : revision,
      capabilities: this.capabilities(revision),
      serverInfo,
      instructions: 'The conformance fixture server: see conformance/FIXTURE.md for every tool, resource and prompt.',
    };
  }

  /** Handles one request; returns the result or throws `ProtocolError`. */
  async handle(
    request: IncomingRequest,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
  ): Promise<Json> {
    if (request.method === 'initialize') return this.initialize(request);
    const scope = this.scope();
    checkRequest(scope.revision, STATEFUL_METHODS, request, this.host.fault);
    const params = request.params;
    switch (request.method) {
      case 'ping':
        return {};
      case 'tools/list':
        return listTools(scope, params);
      case 'tools/call':
        return this.callTool(scope, params, emit, signal, headers);
      case 'resources/list':
        return listResources(scope, params);
      case 'resources/templates/list':
        return listTemplates(scope, params);
      case 'resources/read':
        return readResourceResult(scope, params);
      case 'resources/subscribe':
      case 'resources/unsubscribe': {
        const uri = String(params.uri);
        const known = RESOURCES.some((r) => r.resource.uri === uri) || TEMPLATES.some((t) => t.pattern.test(uri));
        if (!known) throw new ProtocolError(ERR.resourceNotFound, `Resource not found: ${uri}`, { uri });
        if (request.method === 'resources/subscribe') this.subscriptions.add(uri);
        else this.subscriptions.delete(uri);
        return {};
      }
      case 'prompts/list':
        return listPrompts(scope, params);
      case 'prompts/get':
        return getPrompt(scope, params, this.env(scope, params, emit, signal, headers));
      case 'completion/complete':
        return complete(params, 'stateful', this.host.fault);
      case 'logging/setLevel':
        this.logLevel = params.level as LogLevel;
        return {};
      case 'tasks/get':
        return this.tasks.get(params);
      case 'tasks/result':
        return this.tasks.result(params, signal);
      case 'tasks/list':
        return this.tasks.list(params);
      case 'tasks/cancel':
        return this.tasks.cancel(params);
      default:
        throw new ProtocolError(ERR.methodNotFound, `Method not found: ${request.method}`);
    }
  }

  private env(
    scope: FeatureScope,
    params: Json,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
    onAsk?: (waiting: boolean) => void,
  ): ToolEnv & { finish(): void } {
    const meta = isObject(params._meta) ? params._meta : {};
    const token =
      typeof meta.progressToken === 'string' || typeof meta.progressToken === 'number' ? meta.progressToken : undefined;
    let done = false;
    const fault = this.host.fault;
    return {
      revision: scope.revision,
      era: 'stateful',
      signal,
      fault,
      progressToken: token,
      progress: (progress, total, message) => {
        if ((token === undefined && fault !== 'progress-without-token') || done || signal.aborted) return;
        const p: Json = { progressToken: token ?? 0, progress };
        if (total !== undefined) p.total = total;
        if (message !== undefined && atLeast(scope.revision, '2025-03-26')) p.message = message;
        emit(notification('notifications/progress', p));
      },
      log: (level, data) => {
        if (done) return;
        const threshold = this.logLevel;
        if (threshold && logRank(level) < logRank(threshold) && fault !== 'log-level-ignored') return;
        emit(notification('notifications/message', { level, logger: 'reference-server', data }));
      },
      canAsk: (request) => declares(this.clientCapabilities, request, fault),
      ask: async (requests) => {
        for (const request of Object.values(requests)) {
          if (!declares(this.clientCapabilities, request, fault) && fault !== 'client-capabilities-unchecked')
            throw new MissingCapabilityError(requiredCapability(request));
        }
        onAsk?.(true);
        const asking = Promise.all(
          Object.entries(requests).map(async ([key, request]) => {
            const result = await this.host.sendRequest(request, emit, signal);
            if (request.params.mode === 'url' && result.action === 'accept') {
              const elicitationId = request.params.elicitationId;
              // The completion belongs to this client alone; the fault announces it to every session.
              if (fault === 'elicitation-complete-broadcast')
                this.host.hub.publish({ kind: 'elicitation-complete', elicitationId });
              else emit(notification('notifications/elicitation/complete', { elicitationId }));
            }
            return [key, result] as const;
          }),
        );
        const entries = await asking.finally(() => onAsk?.(false));
        return Object.fromEntries(entries);
      },
      clientCapabilities: this.clientCapabilities,
      publish: (event) => this.host.hub.publish(event),
      headers,
      finish: () => {
        done = true;
      },
    };
  }

  private async callTool(
    scope: FeatureScope,
    params: Json,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
  ): Promise<Json> {
    // Tasks exist from 2025-11-25; earlier revisions ignore a `task` field.
    const task = atLeast(scope.revision, '2025-11-25') && isObject(params.task) ? params.task : undefined;
    const support = findTool(scope, params.name).definition.execution?.taskSupport ?? 'forbidden';
    const fault = this.host.fault;
    if (task && support === 'forbidden' && fault !== 'task-forbidden-tool-accepted')
      throw new ProtocolError(ERR.methodNotFound, `Tool ${String(params.name)} cannot be called as a task`);
    if (!task && support === 'required')
      throw new ProtocolError(ERR.methodNotFound, `Tool ${String(params.name)} can only be called as a task`);
    if (task && fault !== 'task-result-inline') {
      let answered = false;
      const created = await this.tasks.create(task, (taskSignal, taskId) =>
        this.runTask(scope, params, taskId, taskSignal, headers, (m) => {
          // The fault: the task's progress rides on the tools/call's own stream, and ends with its answer.
          if (!answered) emit(m);
        }),
      );
      answered = true;
      return created;
    }
    return this.runTool(scope, params, emit, signal, headers);
  }

  /**
   * Runs a tool as the task `taskId`. The work outlives the tools/call: its messages go out as the session's own,
   * each naming the task in `_meta`, and the work stops with the task. While the work waits for answers to its
   * own requests, the task is input_required. Progress keeps the token of the tools/call until the work ends.
   */
  private async runTask(
    scope: FeatureScope,
    params: Json,
    taskId: string,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
    callStream: (m: JsonRpcMessage) => void,
  ): Promise<Json> {
    const fault = this.host.fault;
    const send = (m: JsonRpcMessage): void => {
      const progress = m.method === 'notifications/progress';
      if (progress && fault === 'task-progress-ends-with-create') return callStream(relatedTo(m, taskId));
      const untagged =
        (progress && fault === 'task-progress-untagged') || ('id' in m && fault === 'task-request-untagged');
      this.host.notify(untagged ? m : relatedTo(m, taskId));
    };
    const meta = isObject(params._meta) ? params._meta : {};
    const token = meta.progressToken;
    const called =
      fault === 'task-progress-token-changed' && token !== undefined
        ? { ...params, _meta: { ...meta, progressToken: taskId } }
        : params;
    try {
      return await this.runTool(scope, called, send, signal, headers, (waiting) =>
        this.tasks.awaitingInput(taskId, waiting),
      );
    } finally {
      // The fault: one more progress notification once the task has reached its terminal status.
      if (fault === 'task-progress-after-end' && (typeof token === 'string' || typeof token === 'number'))
        setImmediate(() => send(notification('notifications/progress', { progressToken: token, progress: 99 })));
    }
  }

  private async runTool(
    scope: FeatureScope,
    params: Json,
    emit: (m: JsonRpcMessage) => void,
    signal: AbortSignal,
    headers: Record<string, string> | undefined,
    onAsk?: (waiting: boolean) => void,
  ): Promise<Json> {
    const env = this.env(scope, params, emit, signal, headers, onAsk);
    try {
      return await callTool(scope, params, env);
    } finally {
      env.finish();
      if (this.host.fault === 'progress-after-response' && env.progressToken !== undefined) {
        const token = env.progressToken;
        // After the response: it is written in microtasks, before an immediate runs.
        setImmediate(() => emit(notification('notifications/progress', { progressToken: token, progress: 1000 })));
      }
    }
  }
}

/** `message` with `_meta["io.modelcontextprotocol/related-task"]` naming the task it belongs to. */
function relatedTo(message: JsonRpcMessage, taskId: string): JsonRpcMessage {
  const params = isObject(message.params) ? message.params : {};
  const meta = isObject(params._meta) ? params._meta : {};
  return { ...message, params: { ...params, _meta: { ...meta, [RELATED_TASK]: { taskId } } } };
}
