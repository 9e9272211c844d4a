/**
 * JSON-RPC 2.0 framing: what kind of message a value is, and why it is not one when it is not.
 * This is the envelope only; whether a message is valid MCP is the schema's business (`recorder.ts`).
 */

export type JsonRpcId = string | number;

export type MessageKind = 'request' | 'notification' | 'result-response' | 'error-response' | 'batch' | 'invalid';

export type Classification =
  | { kind: 'request'; id: JsonRpcId; method: string }
  | { kind: 'notification'; method: string }
  | { kind: 'result-response'; id: JsonRpcId }
  | { kind: 'error-response'; id: JsonRpcId | null }
  | { kind: 'batch'; items: Classification[] }
  | { kind: 'invalid'; reason: string };

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** A JSON object (not an array, not null): what every JSON-RPC message and most of its members are. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is JsonRpcId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function invalid(reason: string): Classification {
  return { kind: 'invalid', reason };
}

/** Classifies a parsed JSON value as a JSON-RPC 2.0 message, or says why it is not one. */
export function classify(value: unknown): Classification {
  if (Array.isArray(value)) {
    if (value.length === 0) return invalid('an empty array is not a valid batch');
    return { kind: 'batch', items: value.map((item: unknown) => classify(item)) };
  }
  if (typeof value !== 'object' || value === null) return invalid(`not an object: got ${describe(value)}`);
  const message = value as Record<string, unknown>;
  if (!Object.hasOwn(message, 'jsonrpc')) return invalid('missing "jsonrpc": "2.0"');
  if (message.jsonrpc !== '2.0') return invalid(`"jsonrpc" must be "2.0", got ${describe(message.jsonrpc)}`);
  const hasId = Object.hasOwn(message, 'id');
  const hasResult = Object.hasOwn(message, 'result');
  const hasError = Object.hasOwn(message, 'error');

  if (Object.hasOwn(message, 'method')) {
    if (typeof message.method !== 'string')
      return invalid(`"method" must be a string, got ${describe(message.method)}`);
    if (hasResult || hasError) {
      return invalid(`a message with "method" must not carry "${hasResult ? 'result' : 'error'}"`);
    }
    if (Object.hasOwn(message, 'params')) {
      const params = message.params;
      if (typeof params !== 'object' || params === null) {
        return invalid(`"params" must be an object or an array, got ${describe(params)}`);
      }
    }
    if (!hasId) return { kind: 'notification', method: message.method };
    if (!isId(message.id)) return invalid(`a request "id" must be a string or a number, got ${describe(message.id)}`);
    return { kind: 'request', id: message.id, method: message.method };
  }

  if (hasResult && hasError) return invalid('a response must not carry both "result" and "error"');
  if (!hasResult && !hasError) return invalid('neither a request ("method") nor a response ("result" or "error")');
  if (!hasId) return invalid('a response must carry the "id" of the request it answers');
  if (hasResult) {
    if (!isId(message.id)) return invalid(`a response "id" must be a string or a number, got ${describe(message.id)}`);
    return { kind: 'result-response', id: message.id };
  }
  if (message.id !== null && !isId(message.id)) {
    return invalid(`an error response "id" must be a string, a number or null, got ${describe(message.id)}`);
  }
  if (typeof message.error !== 'object' || message.error === null || Array.isArray(message.error)) {
    return invalid(`"error" must be an object, got ${describe(message.error)}`);
  }
  return { kind: 'error-response', id: message.id as JsonRpcId | null };
}

/** Parses one line of newline-delimited JSON. Never throws. A trailing `\r` is tolerated. */
export function parseLine(text: string): ParseResult {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (line.trim() === '') return { ok: false, error: 'empty line' };
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
}

/** A stable map key for an id: `1` and `"1"` are different ids. */
export function idKey(id: JsonRpcId): string {
  return `${typeof id}:${String(id)}`;
}
