/**
 * Faults for the core checks (lifecycle, JSON-RPC, tools, resources, prompts, utilities, the fixture, stdio and
 * Streamable HTTP): each models one server bug and names the checks it makes fail. Most are data (`response`,
 * `emitted`, `http`); the few that need the server's own state are switches read by the server code (search
 * for the fault name).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { registry } from '../../../schema/registry.ts';
import type { JsonRpcMessage } from '../../src/transport/server-session.ts';
import { rewriteHead } from './fault-hooks.ts';
import type { Fault, FaultRequest } from './faults.ts';
import { isObject, type Json } from './common.ts';

const LIST_FIELDS: Record<string, string> = {
  'tools/list': 'tools',
  'resources/list': 'resources',
  'resources/templates/list': 'resourceTemplates',
  'prompts/list': 'prompts',
};
const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
const META_VERSION = 'io.modelcontextprotocol/protocolVersion';
const META_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';

function resultOf(response: JsonRpcMessage): Json | undefined {
  return isObject(response.result) ? response.result : undefined;
}

function errorOf(response: JsonRpcMessage): { code?: unknown; message?: unknown; data?: unknown } | undefined {
  return isObject(response.error) ? response.error : undefined;
}

function metaOf(request: FaultRequest): Json {
  return isObject(request.params._meta) ? request.params._meta : {};
}

/** Turns a response into an error response. */
function refuse(response: JsonRpcMessage, code: number, message: string, data?: unknown): void {
  delete response.result;
  response.error = data === undefined ? { code, message } : { code, message, data };
}

/** Turns a response into a result response. */
function succeed(response: JsonRpcMessage, result: Json): void {
  delete response.error;
  response.result = result;
}

/** Calls `visit` on every object inside `value`, depth first. */
function eachObject(value: unknown, visit: (object: Json) => void): void {
  if (Array.isArray(value)) for (const item of value) eachObject(item, visit);
  else if (isObject(value)) {
    visit(value);
    for (const item of Object.values(value)) eachObject(item, visit);
  }
}

/** The tools of a tools/list result. */
function listedTools(response: JsonRpcMessage, request: FaultRequest): Json[] {
  const tools = request.method === 'tools/list' ? resultOf(response)?.tools : undefined;
  return Array.isArray(tools) ? tools.filter(isObject) : [];
}

/** The text blocks of a tools/call result. */
function textBlocks(result: Json | undefined): Json[] {
  const content = result?.content;
  return Array.isArray(content) ? content.filter((b): b is Json => isObject(b) && b.type === 'text') : [];
}

/** The input requests of an input_required result. */
function inputRequests(response: JsonRpcMessage): Json[] {
  const result = resultOf(response);
  if (result?.resultType !== 'input_required' || !isObject(result.inputRequests)) return [];
  return Object.values(result.inputRequests).filter(isObject);
}

/** Capabilities of an initialize or server/discover result. */
function declaredCapabilities(response: JsonRpcMessage, request: FaultRequest): Json | undefined {
  if (request.method !== 'initialize' && request.method !== 'server/discover') return undefined;
  const capabilities = resultOf(response)?.capabilities;
  return isObject(capabilities) ? capabilities : undefined;
}

/* ----- HTTP helpers ----- */

function eraOfHeader(req: IncomingMessage): string | undefined {
  const version = req.headers['mcp-protocol-version'];
  return registry().revisions.find((r) => r.id === version)?.era;
}

function answerHttp(res: ServerResponse, status: number, body: string, type = 'application/json'): true {
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
  return true;
}

/** Client capabilities a stateless client declared before, by client name: see `capabilities-remembered`. */
const rememberedSampling = new Set<string>();
/** Listing calls so far: see `list-side-effects`. */
let listings = 0;

const FAULTS: Fault[] = [
  /* ----- lifecycle ----- */
  {
    name: 'initialize-no-server-info',
    description: 'the initialize result lacks serverInfo',
    breaks: ['lifecycle.initialize-result', 'wire.server-messages-valid'],
    response: (response, request) => {
      if (request.method === 'initialize') delete resultOf(response)?.serverInfo;
    },
  },
  {
    name: 'ping-result-not-empty',
    description: 'ping is answered with a status object instead of an empty result',
    breaks: ['lifecycle.ping-after-initialized'],
    response: (response, request) => {
      if (request.method === 'ping' && response.result) response.result = { status: 'ok' };
    },
  },
  {
    name: 'version-echoed',
    description: 'initialize answers with whatever protocol version the client asked for',
    breaks: ['lifecycle.version-alternative'],
    response: (response, request) => {
      const result = request.method === 'initialize' ? resultOf(response) : undefined;
      if (result && typeof request.params.protocolVersion === 'string')
        result.protocolVersion = request.params.protocolVersion;
    },
  },
  {
    name: 'request-before-initialized',
    description: 'the server asks for roots/list while initialize is still being answered',
    breaks: ['lifecycle.no-requests-before-initialized'],
  },
  {
    name: 'pre-initialize-ignored',
    description: 'requests sent before initialize are dropped without an answer',
    breaks: ['lifecycle.pre-initialize-answered'],
    stdio: true,
  },
  {
    name: 'discover-no-capabilities',
    description: 'the server/discover result lacks capabilities',
    breaks: ['discover.implemented'],
    response: (response, request) => {
      if (request.method === 'server/discover') delete resultOf(response)?.capabilities;
    },
  },
  {
    name: 'discover-omits-own-version',
    description: 'server/discover serves the request but leaves that revision out of supportedVersions',
    breaks: ['discover.lists-revision'],
    response: (response, request) => {
      const result = request.method === 'server/discover' ? resultOf(response) : undefined;
      if (Array.isArray(result?.supportedVersions))
        result.supportedVersions = result.supportedVersions.filter((v) => v !== metaOf(request)[META_VERSION]);
    },
  },
  {
    name: 'server-info-missing',
    description: 'stateless results carry no io.modelcontextprotocol/serverInfo in _meta',
    breaks: ['discover.server-info'],
    response: (response) => {
      const meta = resultOf(response)?._meta;
      if (isObject(meta)) delete meta[META_SERVER_INFO];
    },
  },
  {
    name: 'discover-version-defaulted',
    description: 'server/discover without a protocol version in _meta is served as if the latest was asked for',
    breaks: ['discover.missing-version-rejected'],
    // Over HTTP the transport already refuses the request (the header disagrees with the body).
    stdio: true,
    response: (response, request) => {
      if (request.method !== 'server/discover' || META_VERSION in metaOf(request) || !response.error) return;
      succeed(response, { supportedVersions: ['2026-07-28'], capabilities: {}, resultType: 'complete' });
    },
  },

  /* ----- JSON-RPC ----- */
  {
    name: 'invalid-request-as-unknown-method',
    description: 'a request whose method is not a string is answered with -32601 instead of -32600',
    breaks: ['jsonrpc.invalid-request'],
    // Over HTTP the transport refuses it before the server sees it.
    stdio: true,
  },
  {
    name: 'method-not-found-id-null',
    description: 'method-not-found errors are sent with id null',
    breaks: ['jsonrpc.error-id-echoed', 'jsonrpc.method-not-found'],
    response: (response) => {
      if (errorOf(response)?.code === -32601) response.id = null;
    },
  },
  {
    name: 'zero-id-as-null',
    description: 'a request with id 0 is answered with id null (the id is tested for truthiness)',
    breaks: ['jsonrpc.result-id-echoed'],
    // Over HTTP the harness reports an answer without the awaited id as a scenario error, not a failed check.
    stdio: true,
    response: (response) => {
      if (response.id === 0) response.id = null;
    },
  },
  {
    name: 'notifications-answered',
    description: 'notifications the server cannot act on (unknown ones, cancelling an unknown request) get an error',
    breaks: ['jsonrpc.unknown-notification-ignored', 'fixture.cancel-unknown-ignored'],
    // Over HTTP the transport drops responses to notifications.
    stdio: true,
  },
  {
    name: 'notification-ends-session',
    description: 'any notification but notifications/initialized puts the session into shutdown',
    breaks: ['jsonrpc.still-usable', 'fixture.cancel-server-continues'],
    stdio: true,
  },
  {
    name: 'batch-accepted',
    description: 'JSON-RPC batches are served in every revision, not only 2025-03-26',
    breaks: ['jsonrpc.batch-refused'],
    // Over HTTP the transport refuses batches outside 2025-03-26 itself.
    stdio: true,
  },

  /* ----- capabilities and listings ----- */
  {
    name: 'capabilities-empty',
    description: 'initialize and server/discover declare no capabilities, yet every feature is served',
    breaks: [
      'completion.capability-consistent',
      'prompts.capability-consistent',
      'resource-templates.capability-consistent',
      'resources.capability-consistent',
      'tools.capability-consistent',
    ],
    response: (response, request) => {
      const result = declaredCapabilities(response, request) ? resultOf(response) : undefined;
      if (result) result.capabilities = {};
    },
  },
  {
    name: 'resources-undeclared',
    description: 'the resources capability is not declared although resources are served and embedded',
    breaks: [
      'fixture.embedded-resources-capability',
      'resource-templates.capability-consistent',
      'resources.capability-consistent',
    ],
    response: (response, request) => {
      delete declaredCapabilities(response, request)?.resources;
    },
  },
  {
    name: 'logging-undeclared',
    description: 'the logging capability is not declared (initialize, server/discover), yet tools send log messages',
    breaks: ['fixture.logging-capability', 'fixture.logging-meta-capability'],
    response: (response, request) => {
      delete declaredCapabilities(response, request)?.logging;
    },
  },
  {
    name: 'list-items-misnamed',
    description: 'list results put their items under "items" instead of tools/resources/resourceTemplates/prompts',
    breaks: [
      'prompts.list-answered',
      'resource-templates.list-answered',
      'resources.list-answered',
      'tools.list-answered',
    ],
    response: (response, request) => {
      const field = LIST_FIELDS[request.method];
      const result = resultOf(response);
      if (!field || !result || !(field in result)) return;
      result.items = result[field];
      delete result[field];
    },
  },
  {
    name: 'list-side-effects',
    description: 'every listing registers one more item, so no two listings (or connections) agree',
    breaks: [
      'prompts.same-per-connection',
      'prompts.stable',
      'resource-templates.same-per-connection',
      'resources.same-per-connection',
      'tools.same-per-connection',
      'tools.stable',
    ],
    response: (response, request) => {
      const field = LIST_FIELDS[request.method];
      const items = field ? resultOf(response)?.[field] : undefined;
      if (!Array.isArray(items) || request.params.cursor !== undefined) return;
      const n = ++listings;
      if (field === 'tools') items.push({ name: `listed_${n}`, inputSchema: { type: 'object' } });
      else if (field === 'prompts') items.push({ name: `listed_${n}` });
      else if (field === 'resources') items.push({ uri: `test://listed/${n}`, name: `listed_${n}` });
      else items.push({ uriTemplate: `test://listed/${n}/{id}`, name: `listed_${n}` });
    },
  },
  {
    name: 'last-page-repeats',
    description: 'the last page of a list names its own cursor as nextCursor, so the listing never ends',
    breaks: ['prompts.pagination', 'resource-templates.pagination', 'resources.pagination', 'tools.pagination'],
    response: (response, request) => {
      const result = LIST_FIELDS[request.method] ? resultOf(response) : undefined;
      if (result && result.nextCursor === undefined && typeof request.params.cursor === 'string')
        result.nextCursor = request.params.cursor;
    },
  },
  {
    name: 'invalid-cursor-empty-page',
    description: 'a made-up cursor gives an empty page instead of -32602',
    breaks: [
      'prompts.invalid-cursor',
      'resource-templates.invalid-cursor',
      'resources.invalid-cursor',
      'tools.invalid-cursor',
    ],
    response: (response, request) => {
      const field = LIST_FIELDS[request.method];
      if (field && String(errorOf(response)?.message).includes('Invalid cursor')) succeed(response, { [field]: [] });
    },
  },
  {
    name: 'list-pages-drop-last',
    description: 'resource, template and prompt pages lose their last item (an off-by-one slice)',
    breaks: ['fixture.prompts-listed', 'fixture.resource-template-listed', 'fixture.resources-listed'],
    response: (response, request) => {
      const field = request.method === 'tools/list' ? undefined : LIST_FIELDS[request.method];
      const items = field ? resultOf(response)?.[field] : undefined;
      if (Array.isArray(items)) items.pop();
    },
  },

  /* ----- tools ----- */
  {
    name: 'tool-titles-as-names',
    description: 'tools are listed under their display title (with spaces) as name',
    breaks: ['tools.name-format'],
    response: (response, request) => {
      for (const tool of listedTools(response, request)) if (typeof tool.title === 'string') tool.name = tool.title;
    },
  },
  {
    name: 'empty-input-schema',
    description: 'tools without arguments are listed with an empty inputSchema {}',
    breaks: ['tools.input-schema-object'],
    response: (response, request) => {
      for (const tool of listedTools(response, request)) {
        const schema = isObject(tool.inputSchema) ? tool.inputSchema : {};
        if (!isObject(schema.properties) || Object.keys(schema.properties).length === 0) tool.inputSchema = {};
      }
    },
  },
  {
    name: 'integer-as-int',
    description: 'integer properties of tool schemas are declared with type "int"',
    breaks: ['tools.input-schema-valid', 'tools.output-schema-valid'],
    response: (response, request) => {
      for (const tool of listedTools(response, request))
        eachObject([tool.inputSchema, tool.outputSchema], (schema) => {
          if (schema.type === 'integer') schema.type = 'int';
        });
    },
  },
  {
    name: 'output-schema-untyped',
    description: 'outputSchema has properties but no "type": "object" at its root',
    breaks: ['tools.output-schema-object'],
    response: (response, request) => {
      for (const tool of listedTools(response, request)) if (isObject(tool.outputSchema)) delete tool.outputSchema.type;
    },
  },
  {
    name: 'structured-content-dropped',
    description: 'tools with an outputSchema return only the text, no structuredContent',
    breaks: ['fixture.structured-content', 'tools.structured-present'],
    response: (response, request) => {
      if (request.method === 'tools/call') delete resultOf(response)?.structuredContent;
    },
  },
  {
    name: 'structured-content-string',
    description: 'structuredContent is sent as a JSON string instead of an object',
    breaks: ['tools.structured-conforms', 'tools.structured-object'],
    response: (response, request) => {
      const result = request.method === 'tools/call' ? resultOf(response) : undefined;
      if (result?.structuredContent !== undefined) result.structuredContent = JSON.stringify(result.structuredContent);
    },
  },
  {
    name: 'structured-without-text',
    description: 'results with structuredContent carry no text mirror of it',
    breaks: ['fixture.structured-text-mirror', 'tools.structured-text-fallback'],
    response: (response, request) => {
      const result = request.method === 'tools/call' ? resultOf(response) : undefined;
      if (result?.structuredContent !== undefined) result.content = [];
    },
  },
  {
    name: 'tool-result-null',
    description: 'tools/call results are sent as "result": null (the tool output is lost in serialisation)',
    breaks: ['tools.call-answered'],
    response: (response, request) => {
      if (request.method === 'tools/call' && response.result !== undefined) response.result = null;
    },
  },
  {
    name: 'text-trailing-newline',
    description: 'text content ends with a newline the tool did not produce',
    breaks: ['fixture.simple-text'],
    response: (response, request) => {
      if (request.method === 'tools/call')
        for (const block of textBlocks(resultOf(response))) block.text = `${String(block.text)}\n`;
    },
  },
  {
    name: 'arguments-unchecked',
    description: 'tools run without their required arguments instead of refusing the call',
    breaks: ['fixture.tool-invalid-arguments'],
    response: (response, request) => {
      if (request.method !== 'tools/call') return;
      const refusal = errorOf(response)?.message ?? textBlocks(resultOf(response))[0]?.text;
      if (!String(refusal).startsWith('Invalid arguments')) return;
      succeed(response, { content: [{ type: 'text', text: `Ran ${String(request.params.name)}` }] });
    },
  },
  {
    name: 'resource-link-unnamed',
    description: 'resource_link content blocks carry no name',
    breaks: ['fixture.resource-link'],
    response: (response, request) => {
      if (request.method === 'tools/call')
        eachObject(resultOf(response)?.content, (block) => {
          if (block.type === 'resource_link') delete block.name;
        });
    },
  },

  /* ----- content shared by tools, prompts and resources ----- */
  {
    name: 'binary-as-data-url',
    description: 'image, audio and blob data are sent as data: URLs instead of plain base64',
    breaks: [
      'fixture.audio-content',
      'fixture.image-content',
      'fixture.multiple-content',
      'fixture.prompt-image',
      'fixture.resource-static-binary',
      'prompts.content-valid',
      'resources.blob-base64',
    ],
    response: (response) => {
      eachObject(resultOf(response), (item) => {
        const type = String(item.mimeType);
        if (typeof item.data === 'string' && (item.type === 'image' || item.type === 'audio'))
          item.data = `data:${type};base64,${item.data}`;
        if (typeof item.blob === 'string') item.blob = `data:${type};base64,${item.blob}`;
      });
    },
  },
  {
    name: 'embedded-resource-no-mime',
    description: 'embedded resources lose their mimeType',
    breaks: ['fixture.embedded-resource', 'fixture.multiple-content', 'fixture.prompt-embedded-resource'],
    response: (response) => {
      eachObject(resultOf(response), (block) => {
        if (block.type === 'resource' && isObject(block.resource)) delete block.resource.mimeType;
      });
    },
  },

  /* ----- resources ----- */
  {
    name: 'resource-uris-without-scheme',
    description: 'resources are listed with scheme-less paths instead of URIs',
    breaks: ['resources.uri-valid'],
    response: (response, request) => {
      const resources = request.method === 'resources/list' ? resultOf(response)?.resources : undefined;
      eachObject(resources, (r) => {
        if (typeof r.uri === 'string') r.uri = r.uri.replace(/^[a-z]+:\/\//, '');
      });
    },
  },
  {
    name: 'read-contents-misnamed',
    description: 'resources/read puts the contents under "content" instead of "contents"',
    breaks: ['resources.read-answered'],
    response: (response, request) => {
      const result = request.method === 'resources/read' ? resultOf(response) : undefined;
      if (!result || !('contents' in result)) return;
      result.content = result.contents;
      delete result.contents;
    },
  },
  {
    name: 'read-uri-without-scheme',
    description: 'resources/read contents carry the URI without its scheme',
    breaks: ['resources.read-uri-matches'],
    response: (response, request) => {
      const contents = request.method === 'resources/read' ? resultOf(response)?.contents : undefined;
      eachObject(contents, (c) => {
        if (typeof c.uri === 'string') c.uri = c.uri.replace(/^[a-z]+:\/\//, '');
      });
    },
  },
  {
    name: 'text-resources-as-blobs',
    description: 'resources/read returns text resources base64-encoded as blobs',
    breaks: ['fixture.resource-static-text', 'fixture.resource-template-read'],
    response: (response, request) => {
      const contents = request.method === 'resources/read' ? resultOf(response)?.contents : undefined;
      eachObject(contents, (c) => {
        if (typeof c.text !== 'string') return;
        c.blob = Buffer.from(c.text, 'utf8').toString('base64');
        delete c.text;
      });
    },
  },

  /* ----- prompts and completion ----- */
  {
    name: 'unknown-prompt-empty',
    description: 'prompts/get of an unknown prompt returns no messages instead of -32602',
    breaks: ['prompts.unknown-name-error'],
    response: (response, request) => {
      if (request.method === 'prompts/get' && String(errorOf(response)?.message).startsWith('Unknown prompt'))
        succeed(response, { messages: [] });
    },
  },
  {
    name: 'prompt-roles-assistant',
    description: 'prompt messages are sent with role "assistant" instead of "user"',
    breaks: [
      'fixture.prompt-arguments',
      'fixture.prompt-embedded-resource',
      'fixture.prompt-image',
      'fixture.prompt-simple',
    ],
    response: (response, request) => {
      const messages = request.method === 'prompts/get' ? resultOf(response)?.messages : undefined;
      if (Array.isArray(messages)) for (const m of messages) if (isObject(m)) m.role = 'assistant';
    },
  },
  {
    name: 'completion-unknown-prompt-empty',
    description: 'completing an argument of an unknown prompt returns no values instead of -32602',
    breaks: ['completion.unknown-prompt-error'],
    response: (response, request) => {
      if (request.method === 'completion/complete' && String(errorOf(response)?.message).startsWith('Unknown prompt'))
        succeed(response, { completion: { values: [], total: 0, hasMore: false } });
    },
  },

  /* ----- logging ----- */
  {
    name: 'set-level-partial',
    description: 'logging/setLevel knows only debug to error and refuses critical, alert and emergency',
    breaks: ['logging.set-level-accepted'],
    response: (response, request) => {
      if (
        request.method === 'logging/setLevel' &&
        ['critical', 'alert', 'emergency'].includes(String(request.params.level))
      )
        refuse(response, -32602, `Unknown log level: ${String(request.params.level)}`);
    },
  },
  {
    name: 'set-level-unchecked',
    description: 'logging/setLevel accepts any level, even one that does not exist',
    breaks: ['logging.set-level-invalid'],
    response: (response, request) => {
      if (request.method === 'logging/setLevel' && response.error) succeed(response, {});
    },
  },
  {
    name: 'meta-level-internal-error',
    description: 'an unknown log level in _meta crashes the handler (-32603) instead of being refused with -32602',
    breaks: ['logging.meta-level-invalid'],
    response: (response, request) => {
      const level = metaOf(request)[META_LOG_LEVEL];
      const error = errorOf(response);
      if (level !== undefined && !LOG_LEVELS.includes(String(level)) && error?.code === -32602)
        refuse(response, -32603, 'Internal error: cannot read properties of undefined (reading "rank")');
    },
  },
  {
    name: 'log-level-uppercase',
    description: 'log messages carry their level in upper case ("INFO")',
    breaks: ['fixture.logging-at-level', 'fixture.logging-meta-level'],
    emitted: (message) => {
      if (message.method === 'notifications/message' && isObject(message.params))
        message.params.level = String(message.params.level).toUpperCase();
      return message;
    },
  },
  {
    name: 'meta-log-level-ignored',
    description: 'stateless requests get every log message once they name any level',
    breaks: ['fixture.logging-meta-below-level'],
  },

  /* ----- progress and cancellation ----- */
  {
    name: 'progress-token-stringified',
    description: 'integer progress tokens come back as strings',
    breaks: ['fixture.progress-integer-token'],
    emitted: (message) => {
      if (message.method === 'notifications/progress' && isObject(message.params))
        message.params.progressToken = String(message.params.progressToken);
      return message;
    },
  },
  {
    name: 'progress-token-numeric',
    description: 'progress tokens are parsed as integers, so string tokens come back as null',
    breaks: ['fixture.progress-reported', 'fixture.progress-token-echoed'],
    emitted: (message) => {
      if (message.method !== 'notifications/progress' || !isObject(message.params)) return message;
      const n = Number.parseInt(String(message.params.progressToken), 10);
      message.params.progressToken = Number.isNaN(n) ? null : n;
      return message;
    },
  },
  {
    name: 'progress-without-token',
    description: 'progress is reported (with token 0) even for requests that gave no progress token',
    breaks: ['fixture.progress-no-token'],
  },
  {
    name: 'cancel-keeps-running',
    description: 'a cancelled request is not answered, but its work (and progress) goes on',
    breaks: ['fixture.cancel-stops-processing'],
    stdio: true,
  },
  {
    name: 'disconnect-keeps-running',
    description: 'work goes on to completion when the client closes the request stream',
    breaks: ['fixture.disconnect-cancels'],
  },
  {
    name: 'disconnect-cancels-stateful',
    description: 'stateful era: closing a request stream cancels the request, so the client cannot resume it',
    breaks: ['fixture.disconnect-not-cancel'],
    http: { options: { cancelOnStreamClose: true } },
  },

  /* ----- notifications outside requests ----- */
  {
    name: 'list-changed-missing',
    description: 'list changes are never announced in the stateful era',
    breaks: ['fixture.prompts-list-changed', 'fixture.resources-list-changed', 'fixture.tools-list-changed'],
  },
  {
    name: 'resource-updates-missing',
    description: 'resources/subscribe is acknowledged, but no update is ever sent',
    breaks: ['fixture.resource-updated'],
  },
  {
    name: 'resource-updates-unfiltered',
    description: 'resource updates go to every session, subscribed or not',
    breaks: ['fixture.resource-unsubscribed', 'fixture.resource-updated-only-subscribed'],
  },

  /* ----- server-to-client requests (stateful) ----- */
  {
    name: 'client-capabilities-unchecked',
    description: 'sampling, elicitation and roots requests are sent whatever the client declared',
    breaks: [
      'fixture.elicitation-undeclared',
      'fixture.elicitation-url-undeclared',
      'fixture.roots-undeclared',
      'fixture.sampling-undeclared',
    ],
  },
  {
    name: 'client-answers-lost',
    description: "the client's answers to server requests are read as empty results",
    breaks: [
      'fixture.elicitation-result',
      'fixture.elicitation-url-result',
      'fixture.roots-request',
      'fixture.sampling-result',
    ],
  },
  {
    name: 'sampling-no-max-tokens',
    description: 'sampling/createMessage requests omit maxTokens',
    breaks: ['fixture.sampling-request'],
    emitted: (message) => {
      if (message.method === 'sampling/createMessage' && isObject(message.params)) delete message.params.maxTokens;
      return message;
    },
  },
  {
    name: 'sampling-all-context',
    description: 'sampling requests ask for includeContext "allServers"',
    breaks: ['fixture.sampling-context'],
    emitted: (message) => {
      if (message.method === 'sampling/createMessage' && isObject(message.params))
        message.params.includeContext = 'allServers';
      return message;
    },
  },
  {
    name: 'elicitation-schema-untyped',
    description: 'form elicitations send a requestedSchema without "type": "object"',
    breaks: ['fixture.elicitation-empty-means-form', 'fixture.elicitation-request', 'fixture.mrtr-elicitation-form'],
    emitted: (message) => {
      const params = message.method === 'elicitation/create' && isObject(message.params) ? message.params : {};
      if (isObject(params.requestedSchema)) delete params.requestedSchema.type;
      return message;
    },
    response: (response) => {
      for (const request of inputRequests(response))
        if (isObject(request.params) && isObject(request.params.requestedSchema))
          delete request.params.requestedSchema.type;
    },
  },
  {
    name: 'url-elicitation-no-id',
    description: 'URL-mode elicitations carry no elicitationId',
    breaks: ['fixture.elicitation-url-request'],
    emitted: (message) => {
      if (message.method === 'elicitation/create' && isObject(message.params) && message.params.mode === 'url')
        delete message.params.elicitationId;
      return message;
    },
  },
  {
    name: 'url-elicitation-http',
    description: 'URL-mode elicitations send the user to a plain http URL',
    breaks: ['fixture.elicitation-url-https'],
    emitted: (message) => {
      if (message.method === 'elicitation/create' && isObject(message.params) && typeof message.params.url === 'string')
        message.params.url = message.params.url.replace(/^https:/, 'http:');
      return message;
    },
  },
  {
    name: 'elicitation-complete-wrong-id',
    description: 'notifications/elicitation/complete names another elicitation than the one that completed',
    breaks: ['fixture.elicitation-url-complete'],
    emitted: (message) => {
      if (message.method === 'notifications/elicitation/complete' && isObject(message.params))
        message.params.elicitationId = `${String(message.params.elicitationId)}-previous`;
      return message;
    },
  },

  /* ----- multi round-trip requests (stateless) ----- */
  {
    name: 'input-requests-misnamed',
    description: 'inputRequests name the capability ("elicitation") instead of the request method',
    breaks: ['fixture.mrtr-input-request-types'],
    response: (response) => {
      for (const request of inputRequests(response)) request.method = String(request.method).split('/')[0];
    },
  },
  {
    name: 'retry-without-answers-refused',
    description: 'a retry that brings requestState but no inputResponses is refused instead of asked again',
    breaks: ['fixture.mrtr-re-request-missing'],
    response: (response, request) => {
      const { requestState, inputResponses } = request.params;
      if (requestState !== undefined && inputResponses === undefined && inputRequests(response).length > 0)
        refuse(response, -32602, 'Invalid params: inputResponses is missing');
    },
  },
  {
    name: 'request-state-rejected',
    description: 'every requestState is refused as tampered, intact ones too',
    breaks: ['fixture.mrtr-extra-responses', 'fixture.mrtr-intact-state', 'fixture.mrtr-retry-complete'],
    response: (response, request) => {
      if (typeof request.params.requestState === 'string' && response.result)
        refuse(response, -32602, 'requestState integrity check failed');
    },
  },
  {
    name: 'missing-capability-no-data',
    description: 'MissingRequiredClientCapabilityError carries no data.requiredCapabilities',
    breaks: ['fixture.missing-capability-data'],
    response: (response) => {
      const error = errorOf(response);
      if (error?.code === -32021) delete error.data;
    },
  },
  {
    name: 'capabilities-meta-ignored',
    description: 'client capabilities in _meta are ignored: a tool needing sampling is always refused',
    breaks: ['fixture.capability-declared-served'],
    response: (response, request) => {
      if (request.method === 'tools/call' && request.params.name === 'test_missing_capability' && response.result)
        refuse(response, -32021, 'Missing required client capability: sampling', {
          requiredCapabilities: { sampling: {} },
        });
    },
  },
  {
    name: 'capabilities-remembered',
    description: 'client capabilities are cached per client name, so one declaration serves later requests',
    breaks: ['fixture.capability-not-inferred'],
    response: (response, request) => {
      const meta = metaOf(request);
      const client = JSON.stringify(meta[META_CLIENT_INFO] ?? null);
      const declared = isObject(meta[META_CAPABILITIES]) ? meta[META_CAPABILITIES] : {};
      if (isObject(declared.sampling)) rememberedSampling.add(client);
      if (errorOf(response)?.code === -32021 && rememberedSampling.has(client))
        succeed(response, { content: [{ type: 'text', text: 'Success' }], resultType: 'complete' });
    },
  },
  {
    name: 'unsupported-version-invalid-request',
    description: 'an unsupported protocol version is reported as -32600 Invalid Request instead of -32022',
    breaks: ['http.protocol-version-unsupported-400', 'http.protocol-version-unsupported-error'],
    response: (response) => {
      const error = errorOf(response);
      if (error?.code === -32022) error.code = -32600;
    },
  },

  /* ----- stdio ----- */
  {
    name: 'stdio-no-exit',
    description: 'the stdio entry keeps running after its standard input closed',
    breaks: ['stdio.exit-on-eof'],
    stdio: true,
  },

  /* ----- Streamable HTTP ----- */
  {
    name: 'json-as-text-plain',
    description: 'JSON answers are labelled Content-Type text/plain',
    breaks: ['http.request-content-type'],
    http: {
      intercept: (_req, res) => {
        rewriteHead(res, (status, headers) => {
          if (String(headers['content-type']).startsWith('application/json')) headers['content-type'] = 'text/plain';
          return status;
        });
        return false;
      },
    },
  },
  {
    name: 'notification-200',
    description: 'POSTed notifications are answered 200 OK instead of 202 Accepted',
    breaks: ['http.notification-202'],
    http: {
      intercept: (_req, res) => {
        rewriteHead(res, (status) => (status === 202 ? 200 : status));
        return false;
      },
    },
  },
  {
    name: 'origin-unchecked',
    description: 'the Origin header is not checked (DNS rebinding)',
    breaks: ['http.origin-403'],
    http: { options: { allowedOrigins: ['*'] } },
  },
  {
    name: 'bad-request-200',
    description: 'requests refused as bad are answered 200 OK, the JSON-RPC error only in the body',
    breaks: [
      'http.invalid-json-400',
      'http.mcp-method-mismatch',
      'http.mcp-method-missing',
      'http.mcp-name-mismatch',
      'http.protocol-version-invalid-400',
      'http.protocol-version-mismatch',
      'http.protocol-version-unsupported-400',
      'http.session-missing-400',
    ],
    http: {
      intercept: (_req, res) => {
        rewriteHead(res, (status) => (status === 400 ? 200 : status));
        return false;
      },
    },
  },
  {
    name: 'session-id-with-space',
    description: 'session ids contain a space ("session <uuid>")',
    breaks: ['http.session-id-ascii'],
    http: {
      intercept: (req, res) => {
        // The server reads the id back without the prefix it added.
        const given = req.headers['mcp-session-id'];
        if (typeof given === 'string') req.headers['mcp-session-id'] = given.replace(/^session /, '');
        rewriteHead(res, (status, headers) => {
          if (headers['mcp-session-id'] !== undefined)
            headers['mcp-session-id'] = `session ${String(headers['mcp-session-id'])}`;
          return status;
        });
        return false;
      },
    },
  },
  {
    name: 'unknown-session-400',
    description: 'requests naming an unknown or ended session are answered 400 instead of 404',
    breaks: ['http.session-deleted-404', 'http.session-unknown-404'],
    http: {
      intercept: (req, res) => {
        if (req.headers['mcp-session-id'] !== undefined) rewriteHead(res, (status) => (status === 404 ? 400 : status));
        return false;
      },
    },
  },
  {
    name: 'only-post-routed',
    description: 'GET and DELETE on the endpoint are not routed: 404 Not Found instead of a stream or 405',
    breaks: ['http.get-delete-405', 'http.get-stream-or-405', 'http.session-deleted-404'],
    http: {
      intercept: (req, res) => {
        if ((req.method !== 'GET' && req.method !== 'DELETE') || !req.url?.startsWith('/mcp')) return false;
        return answerHttp(res, 404, `Cannot ${req.method} /mcp`, 'text/plain');
      },
    },
  },
  {
    name: 'stateless-session-ids',
    description: 'the server hands out Mcp-Session-Id in the stateless era too',
    breaks: ['http.no-session-ids'],
    http: {
      intercept: (req, res) => {
        if (eraOfHeader(req) === 'stateless')
          rewriteHead(res, (status, headers) => {
            headers['mcp-session-id'] = 'reference-stateless-session';
            return status;
          });
        return false;
      },
    },
  },
  {
    name: 'stateful-headers-refused',
    description: 'stateless requests carrying Mcp-Session-Id or Last-Event-ID are refused 400',
    breaks: ['http.last-event-id-ignored', 'http.session-id-ignored'],
    http: {
      intercept: (req, res) => {
        const stale = req.headers['mcp-session-id'] !== undefined || req.headers['last-event-id'] !== undefined;
        if (req.method !== 'POST' || eraOfHeader(req) !== 'stateless' || !stale) return false;
        const body = {
          jsonrpc: '2.0',
          id: null,
          error: { code: -32600, message: 'Bad Request: unexpected session header' },
        };
        return answerHttp(res, 400, JSON.stringify(body));
      },
    },
  },
];

/**
 * Results and messages share objects with the fixture (schemas, resource contents): a mutation works on a copy,
 * or it would leak into every later server of the process.
 */
function detached(fault: Fault): Fault {
  const { response, emitted } = fault;
  return {
    ...fault,
    ...(response && {
      response: (message: JsonRpcMessage, request: FaultRequest) => {
        if (message.result !== undefined) message.result = structuredClone(message.result);
        response(message, request);
      },
    }),
    ...(emitted && {
      emitted: (message: JsonRpcMessage, request: FaultRequest) => emitted(structuredClone(message), request),
    }),
  };
}

export const CORE_FAULTS: Fault[] = FAULTS.map(detached);
