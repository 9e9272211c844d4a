/**
 * Faults of the stateless era (2026-07-28): x-mcp-header annotations, Mcp-Param-* validation, listen streams,
 * per-request context. Switches read by the server compare the fault name; the others are data, as in faults.ts.
 */
import type { Fault } from './faults.ts';

/** The HTTP face stops checking Mcp-Param-* itself, so the stateless era's own check (and its fault) decides. */
const ERA_CHECKS_PARAMS = { options: { toolHeaderParameters: () => undefined } };

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
];
