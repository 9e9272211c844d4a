/**
 * Shared pieces of the reference server: the revisions it speaks, JSON-RPC message builders, the error type
 * handlers throw, the fault catalogue (re-exported from faults.ts), and the hub that carries server-wide changes to every session.
 */
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';

/** Protocol versions negotiated through `initialize`, oldest first. */
export const STATEFUL_VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'] as const;
/** Protocol versions served per request through `_meta` (the `draft` revision speaks the same version string). */
export const STATELESS_VERSIONS = ['2026-07-28'] as const;
export const ALL_VERSIONS: readonly string[] = [...STATEFUL_VERSIONS, ...STATELESS_VERSIONS];
export const LATEST_STATEFUL = '2025-11-25';

export const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
export const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
export const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
export const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
export const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
export const META_SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';

export const SERVER_INFO = { name: 'mcp-spec-reference-server', version: '1.0.0' };

export const ERR = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  resourceNotFound: -32002,
  headerMismatch: -32020,
  missingCapability: -32021,
  unsupportedVersion: -32022,
  urlElicitationRequired: -32042,
} as const;

/** Orders dated revisions; `draft` sorts after every dated one. */
export function atLeast(revision: string, since: string): boolean {
  const key = (r: string): string => (r === 'draft' ? '9999-99-99' : r);
  return key(revision) >= key(since);
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A protocol-level failure: becomes a JSON-RPC error response. */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export type RequestId = string | number;

export function resultResponse(id: RequestId, result: Json): JsonRpcMessage {
  return { jsonrpc: '2.0', id, result };
}

export function errorResponse(id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcMessage {
  const error: Json = { code, message };
  if (data !== undefined) error.data = data;
  return { jsonrpc: '2.0', id, error };
}

export function notification(method: string, params?: Json): JsonRpcMessage {
  return params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
}

export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logRank(level: string): number {
  return LOG_LEVELS.indexOf(level as LogLevel);
}

export { FAULT_CATALOGUE, FAULTS, isFault, faultNamed, type Fault } from './faults.ts';

/** What a server-wide change looks like to the sessions listening for it. */
export type HubEvent =
  | { kind: 'tools' | 'prompts' | 'resources' }
  | { kind: 'resource-updated'; uri: string }
  /** Only the fault `elicitation-complete-broadcast` publishes this: a completion meant for one client. */
  | { kind: 'elicitation-complete'; elicitationId: unknown };

/** Server-wide change notification: list changes and resource updates reach every session that listens. */
export class Hub {
  private readonly listeners = new Set<(event: HubEvent) => void>();
  subscribe(listener: (event: HubEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  publish(event: HubEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
