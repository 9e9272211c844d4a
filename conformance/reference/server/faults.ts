/**
 * The fault switch of the reference server: each fault breaks the server in one way, and names the checks
 * it must make fail (`breaks`). `faults.test.ts` runs the scenarios holding those checks against the faulty
 * server and asserts each named check fails, so every check in the catalogue is shown to be able to fail.
 *
 * Most faults are switches read by the server's own code. A fault can instead be pure data here:
 * `response` rewrites the final response of a request, `emitted` rewrites a message sent while a request
 * runs, and `http` changes the HTTP face (server options, or a hook that sees each request first).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpHttpServerOptions } from '../../src/transport/http-server.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { SSE_FAULTS } from './faults-sse.ts';
import { AUTH_FAULTS } from './faults-auth.ts';
import { STATELESS_FAULTS } from './faults-stateless.ts';
import { INTERACTION_FAULTS } from './faults-interactions.ts';
import { CORE_FAULTS } from './faults-core.ts';
import { TASK_FAULTS } from './faults-tasks.ts';
import { SHOULD_A_FAULTS } from './faults-should-a.ts';
import { SHOULD_B_FAULTS } from './faults-should-b.ts';
import { BOTH_FAULTS } from './faults-both.ts';

type Json = Record<string, unknown>;

/** The request being answered: what a mutation may look at. */
export interface FaultRequest {
  method: string;
  params: Json;
}

export interface Fault {
  name: string;
  description: string;
  /** Check ids this fault must make fail (or warn, for a SHOULD) in at least one revision. */
  breaks: readonly string[];
  /** Only visible over stdio: the test runs it there (over HTTP the transport hides it). */
  stdio?: boolean;
  /** The scenarios where it shows, when those declaring the checks it breaks do not say (built-in checks). */
  scenarios?: readonly string[];
  /** Needs the HTTP reference in authorization mode, with the suite holding its minted tokens (faults-auth.ts). */
  auth?: boolean;
  /** Rewrites the response to a request (in place). */
  response?: (response: JsonRpcMessage, request: FaultRequest) => void;
  /** Rewrites a message the server sends while a request runs; returning undefined drops it. */
  emitted?: (message: JsonRpcMessage, request: FaultRequest) => JsonRpcMessage | undefined;
  http?: {
    options?: Partial<McpHttpServerOptions>;
    /** Sees each HTTP request before the MCP server does; returns true when it answered the request itself. */
    intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  };
}

/** The error a tools/call of an unknown tool was answered with, if this response is one. */
function unknownToolError(response: JsonRpcMessage, request: FaultRequest): Json | undefined {
  const error = response.error as Json | undefined;
  return request.method === 'tools/call' && String(error?.message).startsWith('Unknown tool') ? error : undefined;
}

export const FAULT_CATALOGUE: readonly Fault[] = [
  {
    name: 'wrong-protocol-version',
    description: 'initialize answers with a protocol version nobody asked for',
    breaks: ['lifecycle.version-alternative-known'],
  },
  {
    name: 'version-by-capabilities',
    description:
      'a client declaring no capabilities is answered with another version than the supported one it asked for',
    breaks: ['lifecycle.version-same'],
  },
  {
    name: 'serve-before-initialize',
    description: 'stateful requests sent before initialize are served',
    breaks: ['lifecycle.pre-initialize-refused'],
    stdio: true,
  },
  {
    name: 'missing-result-type',
    description: 'stateless results carry no resultType',
    breaks: [
      'discover.result-type',
      'fixture.mrtr-input-required',
      'fixture.mrtr-multi-round',
      'fixture.mrtr-multiple-inputs',
      'fixture.mrtr-prompt',
      'fixture.mrtr-roots',
      'fixture.mrtr-sampling',
      'prompts.get-answered',
      'prompts.result-type',
      'resource-templates.result-type',
      'resources.result-type',
      'tools.result-type',
      'wire.server-messages-valid',
    ],
  },
  {
    name: 'missing-cache-hints',
    description: 'stateless list and read results carry no ttlMs/cacheScope',
    breaks: [
      'prompts.cache-fields',
      'resource-templates.cache-fields',
      'resources.cache-fields',
      'resources.read-cache-fields',
      'tools.cache-fields',
      'wire.server-messages-valid',
    ],
  },
  {
    name: 'tools-list-no-pagination',
    description: 'tools/list ignores the cursor and always returns page one',
    breaks: ['tools.invalid-cursor', 'tools.name-unique', 'tools.pagination'],
  },
  {
    name: 'unknown-tool-wrong-code',
    description: 'an unknown tool is answered with -32603 instead of -32602',
    breaks: ['tools.unknown-tool-invalid-params'],
    response: (response, request) => {
      const error = unknownToolError(response, request);
      if (error) error.code = -32603;
    },
  },
  {
    name: 'unknown-tool-as-result',
    description: 'an unknown tool is answered with an isError tool result instead of a JSON-RPC error',
    breaks: ['tools.unknown-tool-protocol-error'],
    response: (response, request) => {
      const error = unknownToolError(response, request);
      if (!error) return;
      delete response.error;
      response.result = { content: [{ type: 'text', text: String(error.message) }], isError: true };
    },
  },
  {
    name: 'method-not-found-wrong',
    description: 'unknown methods are answered with -32600 instead of -32601',
    breaks: ['http.method-not-found-404', 'jsonrpc.method-not-found'],
  },
  {
    name: 'tool-error-as-protocol-error',
    description: 'a failing tool gives a JSON-RPC error instead of isError',
    breaks: ['fixture.tool-error-in-result'],
  },
  {
    name: 'structured-content-mismatch',
    description: 'structuredContent does not match the declared outputSchema',
    breaks: ['fixture.structured-content', 'tools.structured-conforms'],
  },
  {
    name: 'resource-not-found-empty',
    description: 'reading an unknown resource returns an empty contents list',
    breaks: ['resources.not-found-error', 'resources.not-found-invalid-params', 'resources.not-found-not-empty'],
  },
  {
    name: 'resource-error-code-wrong',
    description: 'unknown resources get -32002 where -32602 is due, and back',
    breaks: ['resources.not-found-error', 'resources.not-found-invalid-params'],
  },
  {
    name: 'prompt-missing-arg-accepted',
    description: 'prompts/get succeeds without a required argument',
    breaks: ['fixture.prompt-missing-argument', 'prompts.missing-arguments-error'],
  },
  {
    name: 'completion-too-many',
    description: 'completion/complete returns more than 100 values',
    breaks: ['completion.values-bounded', 'wire.server-messages-valid'],
  },
  {
    name: 'progress-not-monotonic',
    description: 'progress notifications go backwards',
    breaks: ['fixture.progress-increasing', 'fixture.progress-reported'],
  },
  {
    name: 'progress-after-response',
    description: 'a progress notification is sent after the response',
    breaks: ['fixture.progress-none-after-response'],
    stdio: true,
  },
  {
    name: 'response-after-cancel',
    description: 'a cancelled request is still answered',
    breaks: ['fixture.cancel-no-response', 'fixture.cancel-nothing-further'],
    stdio: true,
  },
  {
    name: 'log-level-ignored',
    description: 'log messages below the requested level are sent',
    breaks: ['fixture.logging-below-level'],
  },
  {
    name: 'log-without-level',
    description: 'stateless requests without logLevel still get notifications/message',
    breaks: ['fixture.logging-no-level'],
  },
  {
    name: 'unsupported-version-no-data',
    description: 'UnsupportedProtocolVersionError lacks data.supported',
    breaks: ['versioning.unsupported-echoes-requested', 'versioning.unsupported-lists-supported'],
  },
  {
    name: 'missing-capability-ignored',
    description: 'a tool needing sampling runs although sampling is undeclared',
    breaks: ['fixture.missing-capability-error'],
  },
  {
    name: 'mrtr-undeclared-capability',
    description: 'inputRequests ask for capabilities the client did not declare',
    breaks: ['fixture.mrtr-declared-only', 'fixture.mrtr-undeclared-elicitation'],
  },
  {
    name: 'request-state-unverified',
    description: 'a tampered requestState is accepted',
    breaks: ['fixture.mrtr-tampered-state'],
  },
  {
    name: 'subscription-no-ack',
    description: 'subscriptions/listen sends no acknowledgement first',
    breaks: ['fixture.listen-acknowledged'],
  },
  {
    name: 'subscription-untagged',
    description: 'listen-stream notifications lack the subscription id',
    breaks: [
      'fixture.listen-acknowledged',
      'fixture.listen-resource-updated',
      'fixture.listen-tools-list-changed',
      'fixture.listen-all-tagged',
    ],
  },
  {
    name: 'subscription-unfiltered',
    description: 'listen streams carry notification kinds nobody asked for',
    breaks: [
      'fixture.listen-only-requested',
      'fixture.listen-updated-only-subscribed',
      'fixture.listen-no-tools-list-changed',
      'fixture.listen-no-resources-list-changed',
    ],
  },
  {
    name: 'batch-rejected',
    description: 'JSON-RPC batches are refused even in 2025-03-26',
    breaks: ['jsonrpc.batch-answered'],
    stdio: true,
  },
  {
    name: 'parse-error-wrong-id',
    description: 'parse errors are answered with id 0 instead of null',
    breaks: ['jsonrpc.parse-error'],
    stdio: true,
  },
  {
    name: 'stdout-garbage',
    description: 'the stdio entry writes a non-JSON line to stdout',
    breaks: ['stdio.stdout-only-messages', 'wire.server-messages-valid'],
    stdio: true,
  },
  {
    name: 'id-mismatch',
    description: 'responses carry a different id than the request',
    breaks: ['discover.missing-capabilities-rejected', 'versioning.unsupported-error', 'wire.server-messages-valid'],
  },
  {
    name: 'stateless-server-request',
    description: 'a stateless tool call sends roots/list to the client',
    breaks: ['fixture.mrtr-no-server-requests', 'wire.server-messages-valid', 'wire.stateless-no-server-requests'],
  },
  ...SSE_FAULTS,
  ...AUTH_FAULTS,
  ...STATELESS_FAULTS,
  ...INTERACTION_FAULTS,
  ...CORE_FAULTS,
  ...TASK_FAULTS,
  ...SHOULD_A_FAULTS,
  ...SHOULD_B_FAULTS,
  ...BOTH_FAULTS,
];

/** Every fault name with its description, as `name: description` lines. */
export const FAULTS: readonly string[] = FAULT_CATALOGUE.map((f) => `${f.name}: ${f.description}`);

export function isFault(name: string): boolean {
  return FAULT_CATALOGUE.some((f) => f.name === name);
}

export function faultNamed(name: string | undefined): Fault | undefined {
  return name === undefined ? undefined : FAULT_CATALOGUE.find((f) => f.name === name);
}
