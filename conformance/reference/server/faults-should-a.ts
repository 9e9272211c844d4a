/**
 * Faults for the server SHOULD / SHOULD NOT checks of tool names and schemas, resource annotations, completion
 * errors, server/discover identity and sampling context. Spread into `FAULT_CATALOGUE` (faults.ts). Faults whose
 * name the server's code reads are marked "switch"; the others are pure data.
 */
import type { Fault, FaultRequest } from './faults.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { isObject, type Json } from './common.ts';

const PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
const CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';

/** The items a successful answer to `method` lists under `field`. */
function listed(response: JsonRpcMessage, request: FaultRequest, method: string, field: string): Json[] {
  const items = request.method === method && isObject(response.result) ? response.result[field] : undefined;
  return Array.isArray(items) ? items.filter(isObject) : [];
}

export const SHOULD_A_FAULTS: Fault[] = [
  {
    // switch (features.ts, findTool)
    name: 'tool-names-case-insensitive',
    description: 'tools/call finds tools by case-insensitive name, so TEST_SIMPLE_TEXT runs test_simple_text',
    breaks: ['fixture.tool-name-case-sensitive'],
  },
  {
    name: 'no-params-loose',
    description: 'tools without parameters list the loose inputSchema {"type": "object"}, which admits any object',
    breaks: ['tools.input-schema-no-params-strict'],
    response: (response, request) => {
      for (const tool of listed(response, request, 'tools/list', 'tools')) {
        const schema = isObject(tool.inputSchema) ? tool.inputSchema : {};
        const properties = isObject(schema.properties) ? schema.properties : {};
        if (schema.additionalProperties === false && Object.keys(properties).length === 0)
          tool.inputSchema = { type: 'object' };
      }
    },
  },
  {
    name: 'last-modified-not-iso',
    description: 'annotations.lastModified of listed resources and templates is an HTTP date, not ISO 8601',
    breaks: ['resources.last-modified-iso8601'],
    response: (response, request) => {
      const items = [
        ...listed(response, request, 'resources/list', 'resources'),
        ...listed(response, request, 'resources/templates/list', 'resourceTemplates'),
      ];
      for (const item of items) {
        const annotations = item.annotations;
        if (isObject(annotations) && typeof annotations.lastModified === 'string')
          annotations.lastModified = new Date(annotations.lastModified).toUTCString();
      }
    },
  },
  {
    name: 'completion-missing-argument-accepted',
    description: 'completion/complete without an argument is answered with an empty completion instead of -32602',
    breaks: ['completion.missing-argument-error'],
    response: (response, request) => {
      if (request.method !== 'completion/complete' || isObject(request.params.argument) || !response.error) return;
      const stateless = isObject(request.params._meta) && PROTOCOL_VERSION in request.params._meta;
      delete response.error;
      response.result = {
        completion: { values: [], total: 0, hasMore: false },
        ...(stateless ? { resultType: 'complete' } : {}),
      };
    },
  },
  {
    name: 'discover-by-client-info',
    description: 'server/discover tailors its instructions to the clientInfo the request carries',
    breaks: ['discover.client-info-ignored'],
    response: (response, request) => {
      const meta = isObject(request.params._meta) ? request.params._meta : {};
      const client = isObject(meta[CLIENT_INFO]) ? meta[CLIENT_INFO] : {};
      if (request.method === 'server/discover' && isObject(response.result))
        response.result.instructions = `Instructions prepared for ${String(client.name)} ${String(client.version)}.`;
    },
  },
  {
    name: 'sampling-context-undeclared',
    description:
      'sampling requests (stateful requests and stateless inputRequests) set includeContext "thisServer" although the client declared no sampling.context',
    breaks: ['fixture.sampling-context', 'fixture.sampling-context-capability'],
    emitted: (message) => {
      if (message.method === 'sampling/createMessage' && isObject(message.params))
        message.params = { ...message.params, includeContext: 'thisServer' };
      return message;
    },
    response: (response) => {
      const result = isObject(response.result) ? response.result : {};
      if (result.resultType !== 'input_required' || !isObject(result.inputRequests)) return;
      for (const input of Object.values(result.inputRequests))
        if (isObject(input) && input.method === 'sampling/createMessage' && isObject(input.params))
          input.params.includeContext = 'thisServer';
    },
  },
];
