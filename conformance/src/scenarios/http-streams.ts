/**
 * Streamable HTTP stream delivery (stateful era): with the GET stream open while POST answers stream, every
 * message travels on exactly one stream, the GET stream carries no responses, and event ids do not repeat
 * within the session. Also, in both eras, that no other path of the server accepts MCP POSTs.
 */
import type { JsonObject, McpSession } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import type { HttpExchange, StreamableHttpTransport } from '../transport/http.ts';
import { plainRequest } from '../transport/plain-request.ts';
import { isObject, STATEFUL_HTTP, STREAMABLE_HTTP } from './helpers.ts';

/** What makes a message one message: a response or request by id, a progress notification by token and value. */
function identity(message: unknown): string | undefined {
  if (!isObject(message)) return undefined;
  if (message.id !== undefined && message.id !== null)
    return `${typeof message.method === 'string' ? 'request' : 'response'} ${JSON.stringify(message.id)}`;
  const params = isObject(message.params) ? message.params : {};
  if (message.method === 'notifications/progress')
    return `progress ${JSON.stringify(params.progressToken)}=${String(params.progress)}`;
  return undefined;
}

function isResponse(message: unknown): boolean {
  return isObject(message) && message.method === undefined && ('result' in message || 'error' in message);
}

const resumed = (exchange: HttpExchange): boolean =>
  Object.keys(exchange.requestHeaders).some((h) => h.toLowerCase() === 'last-event-id');

/** Runs what makes the server use its streams: progress and a server request on POST streams, a list change on GET. */
async function exercise(ctx: ServerContext, session: McpSession): Promise<void> {
  const tools = isObject(session.serverCapabilities.tools) ? ((await ctx.listAll(session, 'tools/list')) ?? []) : [];
  const listed = (name: string): boolean => tools.some((t) => t.name === name);
  const calls: Array<[string, JsonObject]> = [
    ['test_tool_with_progress', {}],
    ['test_sampling', { prompt: 'Say something' }],
    ['test_trigger_tool_change', {}],
  ];
  // At once, so that several streams are open together.
  await Promise.all([
    ...calls
      .filter(([name]) => listed(name))
      .map(([name, args], index) =>
        session.request('tools/call', { name, arguments: args, _meta: { progressToken: `streams-${index + 1}` } }),
      ),
    session.request('ping'),
  ]);
  await session.quiet(200);
}

function endpointProbe(session: McpSession): JsonObject {
  if (session.stateless) return session.buildRequest('server/discover', {}, { id: 'single-path-1' });
  return session.buildRequest(
    'initialize',
    {
      protocolVersion: session.protocolVersion,
      capabilities: {},
      clientInfo: { name: 'mcp-conformance-path-probe', version: '0' },
    },
    { id: 'single-path-1' },
  );
}

export const httpStreamsScenarios: ServerScenario[] = [
  {
    id: 'http-stream-delivery',
    title: 'Messages on the GET and POST streams',
    area: 'streamable-http',
    depth: 'any',
    waits: true,
    description:
      'Keeps the GET stream open while tool calls stream progress, a sampling request and a list change (fixture tools, when listed), then checks that no message arrived on two streams, that the GET stream carried no response, and that no SSE event id repeats within the session.',
    revisions: STATEFUL_HTTP,
    checks: [
      check(
        'http.streams-single-delivery',
        'MUST',
        'Each response, server request and progress notification arrives on exactly one of the open streams, once',
        ['transport.http.streams.single-delivery', 'transport.http.streams.no-broadcast'],
      ),
      check('http.get-stream-no-responses', 'MUST NOT', 'The GET stream carries no JSON-RPC response', [
        'transport.http.get.no-responses',
      ]),
      check(
        'http.event-ids-unique',
        'MUST',
        'No SSE event id repeats across the streams of the session, or of the client without sessions (resumed streams left aside)',
        ['transport.http.resume.event-id-unique-session', 'transport.http.resume.event-id-unique-client'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const http = session.connection as StreamableHttpTransport;
      await exercise(ctx, session);
      const streams = http.streams.filter((s) => !resumed(s));
      const get = streams.find((s) => s.method === 'GET');
      const where = new Map<string, number[]>();
      streams.forEach((stream, index) => {
        for (const message of stream.messages.flat()) {
          const key = identity(message);
          if (key) where.set(key, [...(where.get(key) ?? []), index]);
        }
      });
      const repeated = [...where].filter(([, at]) => at.length > 1);
      if (where.size === 0) ctx.check('http.streams-single-delivery').skip('no message arrived on an SSE stream');
      else
        ctx
          .check('http.streams-single-delivery')
          .verify(
            repeated.length === 0,
            `${repeated[0]?.[0]} arrived ${repeated[0]?.[1].length} times, on streams ${repeated[0]?.[1].map((i) => streams[i]!.method).join(', ')}`,
          );
      if (!get) ctx.check('http.get-stream-no-responses').skip('the server offers no GET stream');
      else {
        const responses = get.messages.flat().filter(isResponse);
        ctx.check('http.get-stream-no-responses').verify(
          responses.length === 0,
          `the GET stream carried ${responses.length} response(s): ${String(JSON.stringify(responses[0])).slice(0, 160)}`,
          get.entries.find((e) => isResponse(e.message)),
        );
      }
      const ids = streams.flatMap((s) => s.eventIds);
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (ids.length === 0) ctx.check('http.event-ids-unique').skip('the server gives its SSE events no ids');
      else
        ctx
          .check('http.event-ids-unique')
          .verify(twice.length === 0, `event id ${JSON.stringify(twice[0])} was used twice`);
    },
  },
  {
    id: 'http-single-endpoint',
    title: 'One MCP endpoint path',
    area: 'streamable-http',
    depth: 'any',
    description:
      'POSTs the opening request (initialize or server/discover) to two other paths of the server, next to and below the MCP endpoint, and checks neither is served as MCP.',
    revisions: STREAMABLE_HTTP,
    checks: [
      check(
        'http.single-endpoint-path',
        'MUST',
        'A POST of the opening request to another path (<endpoint>-mcp-conformance, <endpoint>/mcp-conformance) gets no JSON-RPC result',
        ['transport.http.endpoint.single-path'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const http = session.connection as StreamableHttpTransport;
      const body = endpointProbe(session);
      const endpoint = new URL(http.peer);
      const base = endpoint.pathname.replace(/\/$/, '');
      for (const path of [`${base}-mcp-conformance`, `${base}/mcp-conformance`]) {
        const url = new URL(path, endpoint);
        url.search = endpoint.search;
        const answer = await plainRequest(url, {
          method: 'POST',
          headers: http.postHeaders(body),
          body: JSON.stringify(body),
          timeoutMs: ctx.options.timeoutMs,
        }).catch((error: Error) => error);
        if (answer instanceof Error) continue;
        const served = answer.status >= 200 && answer.status < 300 && /"result"\s*:/.test(answer.text);
        const sessionId = answer.headers['mcp-session-id'];
        if (sessionId !== undefined)
          await plainRequest(url, {
            method: 'DELETE',
            headers: { ...http.postHeaders(body), 'Mcp-Session-Id': sessionId },
            timeoutMs: ctx.options.timeoutMs,
          }).catch(() => undefined);
        if (served)
          ctx
            .check('http.single-endpoint-path')
            .violated(`POST ${url.pathname} was served as MCP (HTTP ${answer.status}): ${answer.text.slice(0, 160)}`);
      }
      if (!ctx.check('http.single-endpoint-path').decided) ctx.check('http.single-endpoint-path').pass();
    },
  },
];
