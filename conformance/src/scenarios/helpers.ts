/** Small judgements shared by scenario files. */
import type { JsonObject, McpSession, Response } from '../client/session.ts';
import type { JsonRpcId } from '../protocol/jsonrpc.ts';
import { isObject } from '../protocol/jsonrpc.ts';
import type { RevisionFilter } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';

export { isObject };

/** `error <code>: <message>` or `result` for a message, for check messages. */
export function describe(response: Response | undefined): string {
  if (!response) return 'no response';
  if (response.error) return `error ${String(response.error.code)}: ${String(response.error.message)}`;
  if (response.result) return `a result (${JSON.stringify(response.result).slice(0, 160)})`;
  return `a malformed response (${JSON.stringify(response.message).slice(0, 160)})`;
}

/** The error code of a response, when it is an error response. */
export function errorCode(response: Response | undefined): number | undefined {
  const code = response?.error?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Revision filters the scenario files share. */
export const STATEFUL = { era: 'stateful' } as const satisfies RevisionFilter;
export const STATELESS = { era: 'stateless' } as const satisfies RevisionFilter;
/** Streamable HTTP, in both eras: from 2025-03-26, over HTTP. */
export const STREAMABLE_HTTP = { from: '2025-03-26', transports: ['http'] } as const satisfies RevisionFilter;
export const STATEFUL_HTTP = { ...STREAMABLE_HTTP, era: 'stateful' } as const satisfies RevisionFilter;
export const STATELESS_HTTP = { era: 'stateless', transports: ['http'] } as const satisfies RevisionFilter;
/** The one revision with tasks. */
export const TASKS = { from: '2025-11-25', until: '2025-11-25' } as const satisfies RevisionFilter;

/** Time given to a server to show it sends nothing more (after a cancellation, say). */
export const SETTLE_MS = 300;

/** A protocol version no server can support. */
export const BOGUS_VERSION = '1999-01-01';

/** The cheapest request that any server of the era answers: `ping`, or `server/discover` once ping is gone. */
export function probeMethod(era: 'stateful' | 'stateless'): string {
  return era === 'stateless' ? 'server/discover' : 'ping';
}

/**
 * Sends a request the harness's schema check would refuse, exactly as given, and waits for its answer; a server
 * that never answers is found out once a probe sent after it has been answered and the connection has settled,
 * not after the whole request timeout.
 */
export function requestRawFenced(
  session: McpSession,
  message: JsonObject | string,
  id: JsonRpcId | null | Array<JsonRpcId | null> = (message as JsonObject).id as JsonRpcId,
): Promise<Response | undefined> {
  return session.requestRawFenced(message, id, probeMethod(session.revision.era), SETTLE_MS);
}

/** Whether the harness may call a tool: read-only ones always, any with `--call-tools`. */
export function mayCall(ctx: ServerContext, tool: JsonObject): boolean {
  return ctx.options.callTools || (isObject(tool.annotations) && tool.annotations.readOnlyHint === true);
}

/** A tool's `execution.taskSupport`, if it states one. */
export function taskSupportOf(tool: JsonObject): unknown {
  return isObject(tool.execution) ? tool.execution.taskSupport : undefined;
}
