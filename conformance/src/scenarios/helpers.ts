/** Small judgements shared by scenario files. */
import type { JsonObject, Response } from '../client/session.ts';
import { isObject } from '../protocol/jsonrpc.ts';
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

/** Time given to a server to show it sends nothing more (after a cancellation, say). */
export const SETTLE_MS = 300;

/** A protocol version no server can support. */
export const BOGUS_VERSION = '1999-01-01';

/** The cheapest request that any server of the era answers: `ping`, or `server/discover` once ping is gone. */
export function probeMethod(era: 'stateful' | 'stateless'): string {
  return era === 'stateless' ? 'server/discover' : 'ping';
}

/** Whether the harness may call a tool: read-only ones always, any with `--call-tools`. */
export function mayCall(ctx: ServerContext, tool: JsonObject): boolean {
  return ctx.options.callTools || (isObject(tool.annotations) && tool.annotations.readOnlyHint === true);
}

/** A tool's `execution.taskSupport`, if it states one. */
export function taskSupportOf(tool: JsonObject): unknown {
  return isObject(tool.execution) ? tool.execution.taskSupport : undefined;
}
