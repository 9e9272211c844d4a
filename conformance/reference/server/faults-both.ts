/**
 * Faults for rules that bind clients and servers alike ('both'-subject requirements) as far as a server shows
 * them: `_meta` key names, notification and request ids, error codes, result types, UTF-8. Spread into
 * `FAULT_CATALOGUE` (faults.ts); switches read by the server's code are marked "switch".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults.ts';
import { isObject, SERVER_INFO, type Json } from './common.ts';

type Writer = (...args: unknown[]) => unknown;

/** The server's name with its first letter as the byte 0xFF, which is never valid UTF-8 (the length stays). */
function breakUtf8(_req: IncomingMessage, res: ServerResponse): boolean {
  const raw = res as unknown as { end: Writer };
  const end = raw.end.bind(res);
  const name = Buffer.from(SERVER_INFO.name);
  raw.end = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(SERVER_INFO.name)) {
      const body = Buffer.from(args[0]);
      const at = body.indexOf(name);
      body[at] = 0xff;
      return end(body, ...args.slice(1));
    }
    return end(...args);
  };
  return false;
}

/** The spellings the fault header-names-case-sensitive still finds. */
const CANONICAL_HEADERS = ['Mcp-Method', 'Mcp-Name', 'MCP-Protocol-Version', 'Content-Type', 'Accept'];

/** Headers spelled otherwise than above are lost, as with a case-sensitive lookup. */
function caseSensitiveHeaders(req: IncomingMessage): boolean {
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const canonical = CANONICAL_HEADERS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (canonical !== undefined && canonical !== name) delete req.headers[name.toLowerCase()];
  }
  return false;
}

export const BOTH_FAULTS: Fault[] = [
  {
    name: 'meta-keys-malformed',
    description: 'tools/list results carry `_meta` keys that break the prefix and name rules, and a bad traceparent',
    breaks: ['wire.meta-key-names', 'wire.trace-context-values'],
    scenarios: ['tools-list'],
    response: (response, request) => {
      if (request.method !== 'tools/list' || !isObject(response.result)) return;
      const meta: Json = isObject(response.result._meta) ? response.result._meta : {};
      Object.assign(meta, { '1org.example-/_cost-': 1, 'org..example/cost': 2, traceparent: 'not-a-trace' });
      response.result._meta = meta;
    },
  },
  {
    name: 'notification-with-id',
    description: 'progress notifications carry an `id`',
    breaks: ['wire.notifications-without-id'],
    scenarios: ['fixture-progress'],
    emitted: (message) => (message.method === 'notifications/progress' ? { ...message, id: 'progress-1' } : message),
  },
  {
    // switch
    name: 'server-request-ids-reused',
    description: 'the server numbers its own requests by how many are pending, so an id comes back once answered',
    breaks: ['wire.server-request-ids'],
    scenarios: ['fixture-elicitation-requests'],
  },
  {
    name: 'retired-error-codes',
    description:
      'stateless errors use -32002 for invalid params and the undefined reserved code -32050 for unknown methods',
    breaks: ['wire.error-codes'],
    scenarios: ['jsonrpc-errors'],
    response: (response) => {
      const error = response.error;
      if (!isObject(error)) return;
      if (error.code === -32601) error.code = -32050;
      else if (error.code === -32602) error.code = -32002;
    },
  },
  {
    name: 'result-type-unknown',
    description: 'stateless tools/list results have the resultType "partial", which no advertised extension defines',
    breaks: ['wire.result-types'],
    scenarios: ['tools-list'],
    response: (response, request) => {
      if (request.method === 'tools/list' && isObject(response.result) && 'resultType' in response.result)
        response.result.resultType = 'partial';
    },
  },
  {
    name: 'body-not-utf8',
    description: 'HTTP bodies naming the server carry the byte 0xFF, which is not UTF-8',
    breaks: ['wire.server-messages-valid'],
    scenarios: ['lifecycle-initialize', 'discover'],
    http: { intercept: breakUtf8 },
  },
  {
    name: 'header-names-case-sensitive',
    description:
      'the HTTP face finds Mcp-Method, Mcp-Name, MCP-Protocol-Version and the media headers only as spelled in the spec',
    breaks: ['http.header-names-any-case'],
    http: { intercept: caseSensitiveHeaders },
  },
  {
    name: 'extension-id-unprefixed',
    description:
      'server/discover advertises the extensions "tasks" (no prefix) and "com.example./trail_" (bad label and name)',
    breaks: ['discover.extension-identifiers'],
    response: (response, request) => {
      const result = response.result;
      if (request.method !== 'server/discover' || !isObject(result) || !isObject(result.capabilities)) return;
      result.capabilities.extensions = { tasks: {}, 'com.example./trail_': {} };
    },
  },
  {
    name: 'task-field-refused',
    description:
      'a tools/list carrying a task field is refused with -32602, though tasks were declared for tools/call only',
    breaks: ['tasks.undeclared-request-ordinary'],
    response: (response, request) => {
      if (request.method !== 'tools/list' || !isObject(request.params.task)) return;
      delete response.result;
      response.error = { code: -32602, message: 'tools/list cannot run as a task' };
    },
  },
  {
    name: 'completion-any-ref',
    description: 'completion/complete answers a reference of an unknown type with an empty completion',
    breaks: ['completion.invalid-ref-refused'],
    response: (response, request) => {
      const ref = request.params.ref;
      const known = isObject(ref) && (ref.type === 'ref/prompt' || ref.type === 'ref/resource');
      if (request.method !== 'completion/complete' || !response.error || known) return;
      delete response.error;
      response.result = { completion: { values: [], total: 0, hasMore: false } };
    },
  },
  {
    // switch (stdio.ts)
    name: 'stdio-multiline-json',
    description: 'the stdio entry pretty-prints its messages over several lines',
    breaks: ['stdio.no-embedded-newlines', 'stdio.stdout-only-messages'],
    stdio: true,
  },
];
