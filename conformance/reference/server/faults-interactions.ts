/**
 * Faults for the server-to-client interactions and the security-flavoured checks: elicitation and sampling
 * requests, log and error messages, resource URIs and tasks. Spread into `FAULT_CATALOGUE` (faults.ts).
 * Faults whose name the server's code reads are marked "switch"; the others are pure data.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { rewriteWrites } from './fault-hooks.ts';
import type { Fault, FaultRequest } from './faults.ts';
import { isObject, type Json } from './common.ts';

/** Applies `change` to the params of every elicitation request: sent (stateful) or in inputRequests (stateless). */
function elicitations(change: (params: Json) => void): Pick<Fault, 'emitted' | 'response'> {
  return {
    emitted: (message) => {
      if (message.method === 'elicitation/create' && isObject(message.params)) change(message.params);
      return message;
    },
    response: (response) => {
      const requests = isObject(response.result) ? response.result.inputRequests : undefined;
      if (!isObject(requests)) return;
      for (const request of Object.values(requests))
        if (isObject(request) && request.method === 'elicitation/create' && isObject(request.params))
          change(request.params);
    },
  };
}

function formProperties(params: Json): Json | undefined {
  const schema = params.requestedSchema;
  return isObject(schema) && isObject(schema.properties) ? schema.properties : undefined;
}

/** Replaces the data of every log message. */
function logData(data: string): Pick<Fault, 'emitted'> {
  return {
    emitted: (message) => {
      if (message.method === 'notifications/message' && isObject(message.params))
        message.params = { ...message.params, data };
      return message;
    },
  };
}

/** Turns the error answering a resources/read whose uri passes `test` into contents. */
function servedRead(test: (uri: string) => boolean, text: string): Fault['response'] {
  return (response: JsonRpcMessage, request: FaultRequest) => {
    const uri = String(request.params.uri);
    if (request.method !== 'resources/read' || !response.error || !test(uri)) return;
    delete response.error;
    response.result = { contents: [{ uri, mimeType: 'text/plain', text }] };
  };
}

/** Gives test_simple_text an `execution.taskSupport` in tools/list. */
function taskSupport(value: 'optional' | 'required'): Fault['response'] {
  return (response, request) => {
    const tools = isObject(response.result) ? response.result.tools : undefined;
    if (request.method !== 'tools/list' || !Array.isArray(tools)) return;
    for (const tool of tools)
      if (isObject(tool) && tool.name === 'test_simple_text') tool.execution = { taskSupport: value };
  };
}

/** The open GET stream of each stateful session, for the fault that copies POST streams onto it. */
const getStreams = new Map<string, ServerResponse>();

/** Copies every event of a session's POST streams onto its GET stream. */
function copyPostsToGet(req: IncomingMessage, res: ServerResponse): boolean {
  const session = req.headers['mcp-session-id'];
  if (typeof session !== 'string') return false;
  if (req.method === 'GET' && req.headers['last-event-id'] === undefined) {
    getStreams.set(session, res);
    res.on('close', () => getStreams.delete(session));
  } else if (req.method === 'POST') {
    rewriteWrites(res, (text) => {
      const get = getStreams.get(session);
      // SSE frames only: a JSON answer is written with end(), not write().
      if (get?.writable && /^(?:id|data|event): /m.test(text)) get.write(text);
      return text;
    });
  }
  return false;
}

export const INTERACTION_FAULTS: readonly Fault[] = [
  {
    name: 'elicitation-url-malformed',
    description: 'URL-mode elicitations carry no mode and a url that is no URL',
    breaks: ['fixture.elicitation-mode-present', 'fixture.elicitation-url-shape'],
    ...elicitations((params) => {
      if (params.mode !== 'url') return;
      delete params.mode;
      params.url = 'open the conformance page';
    }),
  },
  {
    name: 'elicitation-bad-format',
    description: 'form elicitations give a text property the format "phone"',
    breaks: ['fixture.elicitation-string-formats'],
    ...elicitations((params) => {
      const properties = formProperties(params);
      const text = Object.values(properties ?? {}).find((p) => isObject(p) && p.type === 'string' && !p.enum);
      if (isObject(text)) text.format = 'phone';
    }),
  },
  {
    name: 'elicitation-asks-password',
    description: 'form elicitations also ask for a password',
    breaks: ['fixture.elicitation-no-sensitive-fields'],
    ...elicitations((params) => {
      const properties = formProperties(params);
      if (properties) properties.password = { type: 'string', title: 'Password' };
    }),
  },
  {
    name: 'elicitation-url-with-token',
    description: 'URL-mode elicitation URLs carry an access token',
    breaks: ['fixture.elicitation-url-no-credentials'],
    ...elicitations((params) => {
      if (typeof params.url === 'string') params.url = `${params.url}?access_token=conformance-secret-token`;
    }),
  },
  {
    name: 'elicitation-id-reused',
    description: 'switch: every URL-mode elicitation has the same elicitationId',
    breaks: ['fixture.elicitation-url-ids-unique'],
  },
  {
    name: 'elicitation-url-undeclared',
    description: 'switch: URL-mode elicitations are sent to clients that declared form mode only',
    breaks: ['fixture.elicitation-url-undeclared', 'fixture.mrtr-elicitation-url-undeclared'],
  },
  {
    name: 'elicitation-empty-not-form',
    description: 'switch: an empty elicitation capability is not read as form support',
    breaks: [
      'fixture.elicitation-empty-means-form',
      'fixture.elicitation-request',
      'fixture.elicitation-result',
      'fixture.mrtr-elicitation-empty-means-form',
    ],
  },
  {
    name: 'elicitation-complete-broadcast',
    description: 'switch: notifications/elicitation/complete goes to every session, not only the initiator',
    breaks: ['fixture.elicitation-complete-initiator-only'],
  },
  {
    name: 'elicitation-refusal-crashes',
    description: 'switch: a declined, cancelled or malformed elicitation answer fails the request with -32603',
    breaks: ['fixture.mrtr-elicitation-decline-cancel', 'fixture.mrtr-elicitation-client-failure'],
  },
  {
    name: 'url-elicitation-required-wrong-code',
    description: 'test_url_elicitation_required answers -32603 instead of -32042',
    breaks: ['fixture.url-elicitation-required-error'],
    response: (response, request) => {
      const error = response.error as Json | undefined;
      if (request.method === 'tools/call' && error?.code === -32042) error.code = -32603;
    },
  },
  {
    name: 'url-elicitation-required-form-entry',
    description: 'the -32042 error lists a form-mode elicitation without an elicitationId',
    breaks: ['fixture.url-elicitation-required-entries'],
    response: (response) => {
      const error = response.error as Json | undefined;
      const data = error?.code === -32042 && isObject(error.data) ? error.data : undefined;
      if (data)
        data.elicitations = [
          { mode: 'form', message: 'Your name?', requestedSchema: { type: 'object', properties: {} } },
        ];
    },
  },
  {
    name: 'sampling-tools-undeclared',
    description: 'switch: sampling requests offer tools to clients that did not declare sampling.tools',
    breaks: ['fixture.sampling-tools-undeclared'],
  },
  {
    name: 'sampling-tool-result-missing',
    description: 'switch: the tool loop answers one tool use too few, with a text block instead',
    breaks: ['fixture.sampling-tool-loop-messages', 'fixture.sampling-tool-loop-continuation'],
  },
  {
    name: 'sampling-tool-result-wrong-id',
    description: 'switch: tool results name tool uses that never happened',
    breaks: ['fixture.sampling-tool-result-ids'],
  },
  {
    name: 'http-posts-copied-to-get',
    description: 'every event of a POST stream is also sent on the session GET stream',
    breaks: ['http.streams-single-delivery', 'http.get-stream-no-responses', 'http.event-ids-unique'],
    http: { intercept: copyPostsToGet },
  },
  {
    name: 'http-event-ids-per-stream',
    description: 'SSE event ids restart at 1 on every stream of a session',
    breaks: ['http.event-ids-unique'],
    http: {
      intercept: (_req, res) => {
        rewriteWrites(res, (text) => text.replace(/^id: s\d+-(\d+)$/gm, 'id: $1'));
        return false;
      },
    },
  },
  {
    name: 'http-second-endpoint',
    description: 'POSTs to paths beside the MCP endpoint are served as MCP too',
    breaks: ['http.single-endpoint-path'],
    http: {
      intercept: (req) => {
        if (req.method === 'POST' && /^\/mcp[-/]mcp-conformance(?:\?|$)/.test(req.url ?? '')) req.url = '/mcp';
        return false;
      },
    },
  },
  {
    name: 'log-leaks-credentials',
    description: 'log messages carry an Authorization header with a bearer token',
    breaks: ['logging.messages-no-credentials'],
    ...logData('Calling upstream with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl'),
  },
  {
    name: 'log-leaks-personal-data',
    description: 'log messages carry the e-mail address of a user',
    breaks: ['logging.messages-no-personal-data'],
    ...logData('Serving the request for jane.doe@example.com'),
  },
  {
    name: 'log-leaks-internals',
    description: 'log messages carry a stack trace with file paths',
    breaks: ['logging.messages-no-internals'],
    ...logData('TypeError: x is undefined\n    at handle (/srv/app/server/handler.js:42:13)'),
  },
  {
    name: 'resource-uri-unvalidated',
    description: 'resources/read of a malformed URI returns contents',
    breaks: ['resources.malformed-uri-refused'],
    response: servedRead((uri) => !/^[a-z][a-z0-9+.-]*:\/\/[^\s%]*$/i.test(uri), 'served without validation'),
  },
  {
    name: 'resource-path-traversal',
    description: 'resources/read of a file: URI with ".." segments returns the file outside the root',
    breaks: ['resources.path-traversal-refused'],
    response: servedRead((uri) => uri.startsWith('file:') && /\.\.|%2e%2e/i.test(uri), 'root:x:0:0:root:/root:/bin/sh'),
  },
  {
    name: 'task-required-tool-served',
    description: 'test_simple_text lists taskSupport "required" yet serves ordinary calls',
    breaks: ['tasks.required-tool-plain-call-error'],
    response: taskSupport('required'),
  },
  {
    name: 'task-capability-undeclared',
    description: 'task-augmented calls are accepted (CreateTaskResult) though initialize declares no tasks capability',
    breaks: ['tasks.capability-declared-when-accepted'],
    response: (response, request) => {
      const result = isObject(response.result) ? response.result : undefined;
      if (request.method === 'initialize' && isObject(result?.capabilities)) delete result.capabilities.tasks;
    },
  },
];
