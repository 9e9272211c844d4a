/**
 * What travels on which stream in the stateless era: a `subscriptions/listen` stream carries only what its filter
 * asked for, tagged with its subscription id, and never log messages; a request's own stream carries only what
 * concerns that request; a server cancels nothing but listen streams.
 */
import type { McpSession, ReceivedNotification, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import type { StdioTransport } from '../transport/stdio.ts';
import { describe, isObject, SETTLE_MS } from './helpers.ts';
import { fixtureAbsent, listsTool } from './fixture-tools.ts';

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
const LOG_LEVEL_META = 'io.modelcontextprotocol/logLevel';
/** How long the requested prompt change may take to come back on the listen stream. */
const FENCE_MS = 2000;
/** The wait for the acknowledgement: the request timeout, so a slow server is not misjudged. */
const waitMs = (ctx: ServerContext): number => Math.max(ctx.options.timeoutMs, 2000);
/** Notifications that, in this era, only ever travel on a listen stream. */
const LISTEN_ONLY = new Set([
  'notifications/subscriptions/acknowledged',
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
  'notifications/resources/list_changed',
  'notifications/resources/updated',
]);
const TRIGGERS = [
  'test_trigger_tool_change',
  'test_trigger_resource_change',
  'test_trigger_prompt_change',
  'test_tool_with_logging',
  'test_tool_with_progress',
];

interface Seen {
  method: string;
  params?: Record<string, unknown>;
  raw: unknown;
}

function tagOf(params: Record<string, unknown> | undefined): unknown {
  return isObject(params?._meta) ? params._meta[SUBSCRIPTION_ID] : undefined;
}

function asNotification(message: unknown): Seen | undefined {
  if (!isObject(message) || typeof message.method !== 'string' || Object.hasOwn(message, 'id')) return undefined;
  const seen: Seen = { method: message.method, raw: message };
  if (isObject(message.params)) seen.params = message.params;
  return seen;
}

/**
 * The notifications the stream of request `id` carried. Over HTTP, the events of that POST's response; over
 * stdio, where every stream shares one channel, the notifications tagged with `id`.
 */
function onStreamOf(ctx: ServerContext, session: McpSession, id: number | string): Seen[] {
  if (ctx.transport === 'http') {
    const exchange = (session.connection as StreamableHttpTransport).exchangeFor(id);
    return (exchange?.messages ?? []).flatMap((m) => asNotification(m) ?? []);
  }
  return session.notifications.filter((n) => tagOf(n.params) === id).map((n) => asNotification(n.message)!);
}

function names(seen: Seen[]): string {
  return seen.map((n) => n.method).join(', ') || 'none';
}

export const statelessStreamScenarios: ServerScenario[] = [
  {
    id: 'fixture-listen-discipline',
    title: 'Fixture: what a listen stream and a request stream may carry',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Opens subscriptions/listen for prompt list changes only (with log level debug), then triggers tool, resource and prompt list changes and calls test_tool_with_logging and test_tool_with_progress; looks at what each stream carried.',
    revisions: { era: 'stateless' },
    checks: [
      check(
        'fixture.listen-no-tools-list-changed',
        'MUST NOT',
        'No notifications/tools/list_changed arrives on a stream whose filter did not ask for toolsListChanged',
        ['tools.list-changed.only-requested'],
      ),
      check(
        'fixture.listen-no-resources-list-changed',
        'MUST NOT',
        'No notifications/resources/list_changed arrives on a stream whose filter did not ask for resourcesListChanged',
        ['resources.list-changed.only-requested'],
      ),
      check('fixture.listen-no-log-messages', 'MUST NOT', 'No notifications/message arrives on a listen stream', [
        'logging.not-on-subscription',
      ]),
      check(
        'fixture.listen-all-tagged',
        'MUST',
        'Every notification on a listen stream carries the subscription id in _meta',
        ['base.meta.subscription-id', 'subscriptions.server.tag-notifications'],
      ),
      check(
        'fixture.server-cancels-listen-only',
        'MUST NOT',
        'Every notifications/cancelled the server sends names a subscriptions/listen request',
        [
          'cancellation.server.listen-only',
          'cancellation.server.reference-listen',
          'transport.stdio.server-cancelled-listen-only',
        ],
      ),
      check(
        'http.sse-notifications-related',
        'MUST',
        "Every notification on a request's SSE stream concerns that request",
        ['transport.http.sse.notifications-related'],
        { transports: ['http'] },
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      for (const tool of TRIGGERS)
        if (!(await listsTool(ctx, session, tool))) return ctx.end(fixtureAbsent(`tool "${tool}"`));
      const listen = session.buildRequest(
        'subscriptions/listen',
        { notifications: { promptsListChanged: true } },
        { meta: { [LOG_LEVEL_META]: 'debug' } },
      );
      const id = listen.id as number;
      void session.requestRaw(listen, id, ctx.options.timeoutMs);
      const ack = await session.waitForNotification(
        (n) => n.method === 'notifications/subscriptions/acknowledged',
        waitMs(ctx),
      );
      if (!ack) return ctx.end('the listen stream was not acknowledged; see fixture-listen');
      const calls: Response[] = [];
      const call = async (name: string, meta?: Record<string, unknown>): Promise<Response> => {
        const response = await session.request('tools/call', { name, arguments: {} }, meta ? { meta } : {});
        calls.push(response);
        return response;
      };
      try {
        await call('test_trigger_tool_change');
        await call('test_trigger_resource_change');
        await call('test_tool_with_logging', { [LOG_LEVEL_META]: 'debug' });
        await call('test_tool_with_progress', { progressToken: 'mcp-conformance-related-1' });
        const from = session.notifications.length;
        await call('test_trigger_prompt_change');
        // The requested change is the fence: what the stream carried before it has arrived by then.
        const fence = await session.waitForNotification(
          (n: ReceivedNotification) =>
            n.method === 'notifications/prompts/list_changed' && session.notifications.indexOf(n) >= from,
          FENCE_MS,
        );
        if (!fence) await session.quiet(SETTLE_MS);
        const stream = onStreamOf(ctx, session, id);
        const of = (method: string): Seen[] => stream.filter((n) => n.method === method);
        const tools = of('notifications/tools/list_changed');
        ctx
          .check('fixture.listen-no-tools-list-changed')
          .verify(tools.length === 0, `the stream carried ${tools.length} notifications/tools/list_changed`);
        const resources = of('notifications/resources/list_changed');
        ctx
          .check('fixture.listen-no-resources-list-changed')
          .verify(
            resources.length === 0,
            `the stream carried ${resources.length} notifications/resources/list_changed`,
          );
        const logs = of('notifications/message');
        ctx
          .check('fixture.listen-no-log-messages')
          .verify(logs.length === 0, `the stream carried ${logs.length} notifications/message`);
        // Over stdio a notification without the tag is on no stream in particular, unless only listen streams carry it.
        const untagged =
          ctx.transport === 'http'
            ? stream.filter((n) => tagOf(n.params) !== id)
            : session.notifications.filter((n) => LISTEN_ONLY.has(n.method) && tagOf(n.params) !== id);
        ctx
          .check('fixture.listen-all-tagged')
          .verify(
            untagged.length === 0,
            `notifications without subscription id ${id}: ${names(untagged as Seen[])}`,
            ...untagged.flatMap((n) => ('entry' in n ? [(n as ReceivedNotification).entry] : [])).slice(0, 3),
          );

        const cancels = session.notifications.filter((n) => n.method === 'notifications/cancelled');
        const stray = cancels.filter((n) => n.params?.requestId !== id);
        ctx
          .check('fixture.server-cancels-listen-only')
          .verify(
            stray.length === 0,
            `the server cancelled request(s) ${stray.map((n) => JSON.stringify(n.params?.requestId)).join(', ')}, not the listen request ${id}`,
            ...stray.map((n) => n.entry).slice(0, 3),
          );

        if (ctx.has('http.sse-notifications-related')) {
          const unrelated = calls.flatMap((response) => {
            const token = response === calls[3] ? 'mcp-conformance-related-1' : undefined;
            const own = response.message.id;
            // Log messages, progress with the request's token and a cancellation naming it concern the request.
            return onStreamOf(ctx, session, own as number).filter(
              (n) =>
                n.method !== 'notifications/message' &&
                !(n.method === 'notifications/progress' && token !== undefined && n.params?.progressToken === token) &&
                !(n.method === 'notifications/cancelled' && n.params?.requestId === own),
            );
          });
          ctx
            .check('http.sse-notifications-related')
            .verify(unrelated.length === 0, `tools/call streams carried ${names(unrelated)}`, ...calls);
        }
      } finally {
        session.notify('notifications/cancelled', { requestId: id, reason: 'mcp-conformance: done listening' });
      }
    },
  },
];

export const listenCloseScenarios: ServerScenario[] = [
  {
    id: 'listen-close-stdio',
    title: 'The response that closes a listen stream',
    area: 'utilities',
    depth: 'any',
    description:
      'Opens subscriptions/listen over stdio, closes the server standard input once it is acknowledged, and inspects the response to the listen request if one comes before the server exits.',
    revisions: { era: 'stateless', transports: ['stdio'] },
    checks: [
      check(
        'listen.closing-result-tagged',
        'MUST',
        'The result that closes a subscription carries the subscription id in _meta',
        ['subscriptions.server.result-carries-id'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const listen = session.buildRequest('subscriptions/listen', { notifications: {} });
      const id = listen.id as number;
      let closing: Response | undefined;
      const limit = Math.min(ctx.options.timeoutMs, 5000);
      void session.requestRaw(listen, id, limit * 2).then((response) => (closing = response));
      const ack = await session.waitForNotification(
        (n) => n.method === 'notifications/subscriptions/acknowledged',
        waitMs(ctx),
      );
      if (!ack && closing === undefined) return ctx.end('subscriptions/listen was neither acknowledged nor answered');
      if (closing === undefined) await (session.connection as StdioTransport).endInput(limit);
      // Lines written just before the exit are read after it.
      if (closing === undefined) await session.quiet(SETTLE_MS);
      if (closing === undefined)
        return ctx.end('the server sent no response to subscriptions/listen before it exited (a SHOULD)');
      const response: Response = closing;
      if (!response.result) return ctx.end(`subscriptions/listen was answered with ${describe(response)}`);
      ctx
        .check('listen.closing-result-tagged')
        .verify(
          tagOf(response.result) === id,
          `the closing result carries subscription id ${JSON.stringify(tagOf(response.result))}, not ${id}`,
          response,
        );
    },
  },
];
