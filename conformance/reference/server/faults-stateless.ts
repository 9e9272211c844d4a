/**
 * Faults of the stateless era (2026-07-28): x-mcp-header annotations, Mcp-Param-* validation, listen streams,
 * per-request context. Switches read by the server compare the fault name; the others are data, as in faults.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults.ts';

type Writer = (...args: unknown[]) => unknown;

/**
 * An HTTP hook that sends JSON error bodies carrying `code` with `status` instead: the JSON answer's head is held
 * back until its body is known (SSE and empty answers pass untouched).
 */
function statusForCode(code: number, status: number) {
  return (_req: IncomingMessage, res: ServerResponse): boolean => {
    const raw = res as unknown as { writeHead: Writer; end: Writer };
    const writeHead = raw.writeHead.bind(res);
    const end = raw.end.bind(res);
    let held: unknown[] | undefined;
    raw.writeHead = (...args: unknown[]) => {
      const headers = args[1] as Record<string, string> | undefined;
      if (headers?.['content-type'] === 'application/json') held = args;
      else writeHead(...args);
      return res;
    };
    raw.end = (...args: unknown[]) => {
      if (held) {
        const body = typeof args[0] === 'string' ? args[0] : '';
        if (body.includes(`"code":${code}`)) held[0] = status;
        writeHead(...held);
        held = undefined;
      }
      return end(...args);
    };
    return false;
  };
}

/** The HTTP face stops checking Mcp-Param-* itself, so the stateless era's own check (and its fault) decides. */
const ERA_CHECKS_PARAMS = { options: { toolHeaderParameters: () => undefined } };

/** resources-grow-on-read: a read was answered (by this process). */
let readSeen = false;

/** A tool whose annotations break every x-mcp-header rule at least once. */
const BAD_ANNOTATIONS = {
  name: 'test_bad_header_annotations',
  description: 'x-mcp-header annotations that break the rules',
  inputSchema: {
    type: 'object',
    properties: {
      label: { type: 'string', 'x-mcp-header': 'Bad Name' },
      amount: { type: 'number', 'x-mcp-header': 'Amount' },
      total: { type: 'integer', 'x-mcp-header': 'amount' },
      lines: {
        type: 'array',
        items: { type: 'object', properties: { sku: { type: 'string', 'x-mcp-header': 'Sku' } } },
      },
    },
  },
};

export const STATELESS_FAULTS: readonly Fault[] = [
  {
    name: 'x-mcp-header-malformed',
    description: 'tools/list offers a tool whose x-mcp-header annotations break every rule',
    breaks: [
      'tools.x-mcp-header-name',
      'tools.x-mcp-header-unique',
      'tools.x-mcp-header-primitive',
      'tools.x-mcp-header-reachable',
    ],
    response: (response, request) => {
      const result = response.result as { tools?: unknown[]; resultType?: unknown } | undefined;
      if (request.method !== 'tools/list' || request.params.cursor !== undefined || !Array.isArray(result?.tools))
        return;
      if (result.resultType !== undefined) result.tools.push(structuredClone(BAD_ANNOTATIONS));
    },
  },
  {
    name: 'param-headers-ignored',
    description: 'Mcp-Param-* headers are not checked against the arguments',
    breaks: ['http.param-header-missing', 'http.param-header-mismatch', 'http.param-header-invalid-chars'],
    http: ERA_CHECKS_PARAMS,
  },
  {
    name: 'param-headers-not-decoded',
    description: 'Mcp-Param-* values are compared without undoing their Base64 encoding',
    breaks: ['http.param-header-base64'],
    http: ERA_CHECKS_PARAMS,
  },
  {
    name: 'param-headers-always-required',
    description: 'an Mcp-Param-* header is demanded even when its argument is absent or null',
    breaks: ['http.param-header-optional'],
    http: ERA_CHECKS_PARAMS,
  },
  {
    name: 'missing-capability-status-200',
    description: 'MissingRequiredClientCapabilityError goes out over HTTP with status 200',
    breaks: ['fixture.missing-capability-http-400'],
    http: { intercept: statusForCode(-32021, 200) },
  },
  {
    name: 'missing-field-status-200',
    description: 'the -32602 for a request lacking a required _meta field goes out over HTTP with status 200',
    breaks: ['discover.missing-capabilities-http-400'],
    http: { intercept: statusForCode(-32602, 200) },
  },
  {
    name: 'protocol-version-header-optional',
    description: 'a POST without MCP-Protocol-Version is served as revision 2026-07-28',
    breaks: ['http.protocol-version-missing'],
    http: {
      intercept: (req) => {
        if (req.method === 'POST' && req.headers['mcp-protocol-version'] === undefined)
          req.headers['mcp-protocol-version'] = '2026-07-28';
        return false;
      },
    },
  },
  {
    name: 'log-on-subscription',
    description: 'a subscriptions/listen stream carries a notifications/message',
    breaks: ['fixture.listen-no-log-messages'],
  },
  {
    name: 'server-cancels-calls',
    description: 'the server sends notifications/cancelled for the tools/call it is serving',
    breaks: ['fixture.server-cancels-listen-only'],
  },
  {
    name: 'notify-caller-of-changes',
    description: 'a trigger tool also sends the list change on its own tools/call stream',
    breaks: ['http.sse-notifications-related'],
  },
  {
    name: 'sticky-connection-context',
    description: 'capabilities and log level of earlier requests on a stdio connection apply to later ones',
    breaks: ['fixture.context-per-request'],
    stdio: true,
  },
  {
    name: 'resources-grow-on-read',
    description: 'once a resource was read, resources/list offers one more resource',
    breaks: ['resources.list-unaffected'],
    response: (response, request) => {
      const result = response.result as { resources?: unknown[] } | undefined;
      if (request.method === 'resources/read') readSeen = true;
      else if (
        request.method === 'resources/list' &&
        request.params.cursor === undefined &&
        readSeen &&
        Array.isArray(result?.resources)
      )
        result.resources.push({ uri: 'test://appeared-after-read', name: 'appeared-after-read' });
    },
  },
  {
    name: 'closing-result-untagged',
    description: 'the response that closes a subscriptions/listen stream lacks the subscription id',
    breaks: ['listen.closing-result-tagged'],
    stdio: true,
  },
];
