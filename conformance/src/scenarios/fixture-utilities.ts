/**
 * Utilities at the fixture depth: progress, logging, cancellation, list-change notifications and resource
 * updates, each provoked through a fixture tool whose behaviour FIXTURE.md fixes.
 */
import { randomUUID } from 'node:crypto';
import type { McpSession, ReceivedNotification, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import { describe, isObject, SETTLE_MS, STATEFUL, STATELESS } from './helpers.ts';
import { callFixture, fixtureAbsent, isExactText, listsTool, shown, textsOf } from './fixture-tools.ts';

const LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
const LOG_LEVEL_META = 'io.modelcontextprotocol/logLevel';
const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
/** How long to wait for a notification a trigger tool should cause. */
const NOTIFY_MS = 2000;
/**
 * How long test_long_running runs when the suite closes its stream: the run is waited out only when it is not
 * cancelled, which is the expected outcome before the stateless era; so short there, longer after.
 */
const RUN_MS = { stateful: 200, stateless: 400 } as const;
const LOG_TEXTS = ['Tool execution started', 'Tool processing data', 'Tool execution completed'];

/** The position of a response on the wire, for "before/after the response" judgements. */
function seqOf(ctx: ServerContext, response: Response | undefined): number | undefined {
  return response ? ctx.evidenceFrom([response])[0]?.seq : undefined;
}

function progressFor(session: McpSession, token: string | number, from = 0): ReceivedNotification[] {
  return session.notifications
    .slice(from)
    .filter((n) => n.method === 'notifications/progress' && n.params?.progressToken === token);
}

function logMessages(session: McpSession, from: number): ReceivedNotification[] {
  return session.notifications.slice(from).filter((n) => n.method === 'notifications/message');
}

/** Calls test_tool_with_logging and returns the log messages that arrived during the call and just after. */
async function loggedDuringCall(
  session: McpSession,
  meta?: Record<string, unknown>,
): Promise<{ response: Response; messages: ReceivedNotification[] }> {
  const from = session.notifications.length;
  const response = await session.request(
    'tools/call',
    { name: 'test_tool_with_logging', arguments: {} },
    meta ? { meta } : {},
  );
  await session.quiet(SETTLE_MS);
  return { response, messages: logMessages(session, from) };
}

/** Sets the session's log level, then calls test_tool_with_logging; `refused` when the level was not accepted. */
async function loggedAtLevel(
  session: McpSession,
  level: string,
): Promise<{ response: Response; messages: ReceivedNotification[] } | { refused: Response }> {
  const set = await session.request('logging/setLevel', { level });
  return set.result ? loggedDuringCall(session) : { refused: set };
}

function describeLogs(messages: ReceivedNotification[]): string {
  return messages.map((m) => `${String(m.params?.level)}: ${JSON.stringify(m.params?.data)}`).join(', ') || 'none';
}

/** Whether the messages are the fixture's three info messages, in order. */
function fixtureLogs(messages: ReceivedNotification[]): boolean {
  return (
    messages.length === LOG_TEXTS.length &&
    messages.every((m, i) => m.params?.level === 'info' && JSON.stringify(m.params?.data).includes(LOG_TEXTS[i]!))
  );
}

export const fixtureUtilitiesScenarios: ServerScenario[] = [
  {
    id: 'fixture-progress',
    title: 'Fixture: progress notifications',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Calls test_tool_with_progress with a string progress token and watches the notifications/progress that come back.',
    checks: [
      check(
        'fixture.progress-reported',
        'SHOULD',
        'test_tool_with_progress reports progress 0, 50 and 100 of total 100 before its response',
        ['progress.receiver.may-report', 'progress.server.may-report'],
      ),
      check(
        'fixture.progress-token-echoed',
        'MUST',
        'Every progress notification carries the progress token of the request',
        ['progress.token-from-active-request', 'progress.server.token-from-active-request'],
      ),
      check('fixture.progress-increasing', 'MUST', 'The progress value increases with every notification', [
        'progress.value-increases',
        'progress.server.value-increases',
      ]),
      check(
        'fixture.progress-none-after-response',
        'MUST',
        'No progress notification for the request arrives after its response',
        [
          'progress.stop-after-completion',
          'progress.server.stop-after-completion',
          'progress.server.token-in-progress',
        ],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_tool_with_progress')))
        return ctx.end(fixtureAbsent('tool "test_tool_with_progress"'));
      const token = 'mcp-conformance-progress-1';
      const from = session.notifications.length;
      const response = await session.request(
        'tools/call',
        { name: 'test_tool_with_progress', arguments: {} },
        { meta: { progressToken: token } },
      );
      await session.quiet(SETTLE_MS);
      const all = session.notifications.slice(from).filter((n) => n.method === 'notifications/progress');
      const mine = progressFor(session, token, from);
      const responseSeq = seqOf(ctx, response);
      const before = mine.filter((n) => responseSeq === undefined || n.entry.seq < responseSeq);
      const after = mine.filter((n) => responseSeq !== undefined && n.entry.seq > responseSeq);
      const values = before.map((n) => n.params?.progress);
      const evidence = mine.slice(0, 4).map((n) => n.entry);
      ctx
        .check('fixture.progress-reported')
        .verify(
          JSON.stringify(values) === JSON.stringify([0, 50, 100]) && before.every((n) => n.params?.total === 100),
          `progress before the response: ${JSON.stringify(values)} (totals ${JSON.stringify(before.map((n) => n.params?.total))})`,
          response,
          ...evidence,
        );
      if (all.length === 0) ctx.check('fixture.progress-token-echoed').skip('no progress notification arrived');
      else
        ctx
          .check('fixture.progress-token-echoed')
          .verify(
            all.length === mine.length,
            `progress tokens seen: ${JSON.stringify(all.map((n) => n.params?.progressToken))}`,
            ...all.map((n) => n.entry).slice(0, 4),
          );
      const numbers = mine.map((n) => n.params?.progress);
      const increasing = numbers.every((v, i) => typeof v === 'number' && (i === 0 || v > (numbers[i - 1] as number)));
      if (mine.length < 2)
        ctx.check('fixture.progress-increasing').skip('fewer than two progress notifications arrived');
      else
        ctx
          .check('fixture.progress-increasing')
          .verify(increasing, `progress values: ${JSON.stringify(numbers)}`, ...evidence);
      ctx
        .check('fixture.progress-none-after-response')
        .verify(
          after.length === 0,
          `${after.length} progress notification(s) after the response`,
          ...after.map((n) => n.entry).slice(0, 3),
        );
    },
  },
  {
    id: 'fixture-progress-tokens',
    title: 'Fixture: progress tokens of other kinds',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Calls test_tool_with_progress with an integer progress token and without a token, and checks the token comes back as sent and that a call without one gets no progress.',
    checks: [
      check('fixture.progress-integer-token', 'MUST', 'An integer progress token comes back as the same integer', [
        'progress.token-type',
        'progress.server.token-from-active-request',
      ]),
      check(
        'fixture.progress-no-token',
        'MUST NOT',
        'A request without a progress token gets no progress notifications',
        ['progress.token-from-active-request', 'progress.server.token-from-active-request'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_tool_with_progress')))
        return ctx.end(fixtureAbsent('tool "test_tool_with_progress"'));
      // Both calls at once. The only token sent is 42: progress carrying 42 in any form answers that call, any
      // other progress answers the call without a token.
      const from = session.notifications.length;
      const [intResponse, plain] = await Promise.all([
        session.request(
          'tools/call',
          { name: 'test_tool_with_progress', arguments: {} },
          { meta: { progressToken: 42 } },
        ),
        session.request('tools/call', { name: 'test_tool_with_progress', arguments: {} }),
      ]);
      await session.quiet(SETTLE_MS);
      const progress = session.notifications.slice(from).filter((n) => n.method === 'notifications/progress');
      const intProgress = progress.filter((n) => String(n.params?.progressToken) === '42');
      const stray = progress.filter((n) => String(n.params?.progressToken) !== '42');
      if (intProgress.length === 0)
        ctx.check('fixture.progress-integer-token').skip('no progress notification arrived for the integer token');
      else
        ctx.check('fixture.progress-integer-token').verify(
          intProgress.every((n) => n.params?.progressToken === 42),
          `tokens seen for 42: ${JSON.stringify(intProgress.map((n) => n.params?.progressToken))}`,
          intResponse,
          ...intProgress.map((n) => n.entry).slice(0, 3),
        );

      ctx
        .check('fixture.progress-no-token')
        .verify(
          stray.length === 0,
          `${stray.length} progress notification(s) for a request without a token`,
          plain,
          ...stray.map((n) => n.entry).slice(0, 3),
        );
    },
  },
  {
    id: 'fixture-logging-set-level',
    title: 'Fixture: log messages and logging/setLevel',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Sets the log level to info and calls test_tool_with_logging, which logs three info messages; then sets it to warning and calls the tool again.',
    revisions: STATEFUL,
    checks: [
      check(
        'fixture.logging-capability',
        'MUST',
        'A server that sends notifications/message declares the logging capability',
        ['logging.capability'],
      ),
      check(
        'fixture.logging-at-level',
        'SHOULD',
        'At level info, test_tool_with_logging sends its three info messages in order',
        ['logging.client.may-set-level', 'logging.capability'],
      ),
      check('fixture.logging-below-level', 'MUST NOT', 'At level warning, no message below warning is sent', [
        'logging.client.may-set-level',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_tool_with_logging')))
        return ctx.end(fixtureAbsent('tool "test_tool_with_logging"'));
      if (!isObject(session.serverCapabilities.logging)) {
        const { response, messages } = await loggedDuringCall(session);
        ctx
          .check('fixture.logging-capability')
          .verify(
            messages.length === 0,
            `the server does not declare logging but sent ${messages.length} log message(s)`,
            response,
            ...messages.map((m) => m.entry).slice(0, 3),
          );
        return ctx.end('not applicable: the server does not declare the "logging" capability');
      }
      ctx.check('fixture.logging-capability').pass();
      // The level belongs to the session: one session at info and another at warning, side by side.
      const [info, warning] = await Promise.all([
        loggedAtLevel(session, 'info'),
        ctx.session().then((other) => loggedAtLevel(other, 'warning')),
      ]);
      if ('refused' in info)
        return ctx.end(`logging/setLevel was answered with ${describe(info.refused)}; see logging-set-level`);
      ctx
        .check('fixture.logging-at-level')
        .verify(
          fixtureLogs(info.messages),
          `log messages at level info: ${describeLogs(info.messages)}`,
          info.response,
          ...info.messages.map((m) => m.entry).slice(0, 4),
        );
      if ('refused' in warning) return ctx.end(`logging/setLevel was answered with ${describe(warning.refused)}`);
      const below = warning.messages.filter((m) => LEVELS.indexOf(String(m.params?.level)) < LEVELS.indexOf('warning'));
      ctx
        .check('fixture.logging-below-level')
        .verify(
          below.length === 0,
          `sent below warning: ${describeLogs(below)}`,
          warning.response,
          ...below.map((m) => m.entry).slice(0, 3),
        );
    },
  },
  {
    id: 'fixture-logging-meta-level',
    title: 'Fixture: per-request log level',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Calls test_tool_with_logging without a log level in _meta, with level info and with level error, and counts the notifications/message each call brings.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.logging-no-level',
        'MUST NOT',
        'A request without a log level in _meta gets no notifications/message',
        ['logging.no-level-no-messages', 'discover.meta.log-level-absent'],
      ),
      check(
        'fixture.logging-meta-level',
        'SHOULD',
        'With log level info, test_tool_with_logging sends its three info messages in order',
        ['logging.may-send-at-or-above'],
      ),
      check('fixture.logging-meta-below-level', 'MUST NOT', 'With log level error, no message below error is sent', [
        'logging.may-send-at-or-above',
        'logging.request-stream-only',
      ]),
      check(
        'fixture.logging-meta-capability',
        'MUST',
        'A server that sends notifications/message declares the logging capability in server/discover',
        ['logging.capability'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_tool_with_logging')))
        return ctx.end(fixtureAbsent('tool "test_tool_with_logging"'));
      const none = await loggedDuringCall(session);
      ctx
        .check('fixture.logging-no-level')
        .verify(
          none.messages.length === 0,
          `${none.messages.length} log message(s) without a requested level: ${describeLogs(none.messages)}`,
          none.response,
          ...none.messages.map((m) => m.entry).slice(0, 3),
        );
      const info = await loggedDuringCall(session, { [LOG_LEVEL_META]: 'info' });
      ctx
        .check('fixture.logging-meta-level')
        .verify(
          fixtureLogs(info.messages),
          `log messages at level info: ${describeLogs(info.messages)}`,
          info.response,
          ...info.messages.map((m) => m.entry).slice(0, 4),
        );
      const sent = [...none.messages, ...info.messages];
      if (sent.length === 0) ctx.check('fixture.logging-meta-capability').skip('no notifications/message arrived');
      else
        ctx
          .check('fixture.logging-meta-capability')
          .verify(
            isObject(session.serverCapabilities.logging),
            `the server sent ${sent.length} log message(s) but server/discover declares no logging capability`,
            session.openResponse,
            sent[0]!.entry,
          );
      const error = await loggedDuringCall(session, { [LOG_LEVEL_META]: 'error' });
      const below = error.messages.filter((m) => LEVELS.indexOf(String(m.params?.level)) < LEVELS.indexOf('error'));
      ctx
        .check('fixture.logging-meta-below-level')
        .verify(
          below.length === 0,
          `sent below error: ${describeLogs(below)}`,
          error.response,
          ...below.map((m) => m.entry).slice(0, 3),
        );
    },
  },
  {
    id: 'fixture-cancellation',
    title: 'Fixture: cancelling a running tool call',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Starts test_long_running (4 s, progress every 100 ms), cancels it after the first progress notification, and checks that neither its response nor further progress arrives; then cancels an unknown and a finished request.',
    revisions: { transports: ['stdio'] },
    checks: [
      check('fixture.cancel-no-response', 'SHOULD NOT', 'A cancelled request is not answered', [
        'cancellation.receiver.no-response',
        'cancellation.server.no-response',
      ]),
      check(
        'fixture.cancel-stops-processing',
        'SHOULD',
        'A cancelled request stops: no progress arrives for it shortly after the cancellation',
        ['cancellation.receiver.stop-processing', 'cancellation.server.stop-processing'],
      ),
      check('fixture.cancel-server-continues', 'MUST', 'After the cancellation the server goes on answering requests', [
        'cancellation.race-conditions',
      ]),
      check(
        'fixture.cancel-nothing-further',
        'MUST NOT',
        'Nothing more is sent for a cancelled request: no response, no progress 250 ms after the cancellation',
        ['transport.stdio.cancel-no-further-messages'],
        STATELESS,
      ),
      check(
        'fixture.cancel-unknown-ignored',
        'SHOULD',
        'Cancelling an unknown or already finished request is ignored: no response, and the server goes on',
        ['cancellation.invalid.ignore-unknown-id', 'cancellation.invalid.ignore-completed'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_long_running')))
        return ctx.end(fixtureAbsent('tool "test_long_running"'));
      const token = 'mcp-conformance-cancel';
      const message = session.buildRequest(
        'tools/call',
        { name: 'test_long_running', arguments: { durationMs: 4000 } },
        { meta: { progressToken: token } },
      );
      const id = message.id as number;
      const pending = session.requestRaw(message, id, 5000);
      const first = await session.waitForNotification(
        (n) => n.method === 'notifications/progress' && n.params?.progressToken === token,
        2000,
      );
      if (!first) await session.quiet(300);
      const cancel = session.notify('notifications/cancelled', {
        requestId: id,
        reason: 'mcp-conformance: cancelled on purpose',
      });
      const reply = await pending;
      ctx
        .check('fixture.cancel-no-response')
        .verify(reply === undefined, `the cancelled request was answered with ${describe(reply)}`, reply, cancel);
      const late = progressFor(session, token).filter((n) => n.entry.at > cancel.at + 250);
      if (ctx.has('fixture.cancel-nothing-further'))
        ctx
          .check('fixture.cancel-nothing-further')
          .verify(
            reply === undefined && late.length === 0,
            `after the cancellation: ${reply ? describe(reply) : 'no response'}, ${late.length} late progress notification(s)`,
            reply,
            cancel,
            ...late.map((n) => n.entry).slice(0, 3),
          );
      if (!first)
        ctx.check('fixture.cancel-stops-processing').skip('test_long_running sent no progress before the cancellation');
      else
        ctx
          .check('fixture.cancel-stops-processing')
          .verify(
            late.length === 0,
            `${late.length} progress notification(s) arrived more than 250 ms after the cancellation`,
            cancel,
            ...late.map((n) => n.entry).slice(0, 3),
          );

      const after = await session.request('tools/call', { name: 'test_simple_text', arguments: {} });
      ctx
        .check('fixture.cancel-server-continues')
        .verify(
          after.result !== undefined,
          `a call after the cancellation was answered with ${describe(after)}`,
          after,
        );

      const done = await session.request('tools/call', { name: 'test_simple_text', arguments: {} });
      const recorder = ctx.recorders.at(-1)!;
      const mark = recorder.entries().length;
      session.notify('notifications/cancelled', {
        requestId: done.message.id as number,
        reason: 'mcp-conformance: already finished',
      });
      session.notify('notifications/cancelled', {
        requestId: 'mcp-conformance-no-such-request',
        reason: 'mcp-conformance: unknown',
      });
      const next = await session.request('tools/call', { name: 'test_simple_text', arguments: {} });
      await session.quiet(SETTLE_MS);
      const extra = recorder
        .entries()
        .slice(mark)
        .filter(
          (e) =>
            e.direction === 'server-to-client' &&
            isObject(e.message) &&
            e.message.id !== next.message.id &&
            ('result' in e.message || 'error' in e.message),
        );
      ctx
        .check('fixture.cancel-unknown-ignored')
        .verify(
          extra.length === 0 && isExactText(next, 'This is a simple text response for testing.'),
          extra.length > 0
            ? `${extra.length} unexpected response(s) after the cancellations`
            : `the next call was answered with ${shown(next)}`,
          next,
          ...extra.slice(0, 3),
        );
    },
  },
  {
    id: 'fixture-disconnect-cancel',
    title: 'Fixture: what closing a request stream does to the request',
    area: 'utilities',
    depth: 'fixture',
    waits: true,
    description:
      'Starts test_long_running with a runId, closes its response stream after the first progress notification, then asks test_run_status how the run ended: cancelled in the stateless era, completed (the client could have resumed) before it.',
    revisions: { from: '2025-11-25', transports: ['http'] },
    checks: [
      check(
        'fixture.disconnect-cancels',
        'MUST',
        "Closing a request's response stream cancels the request: the work stops instead of running to completion",
        [
          'cancellation.http.disconnect-is-cancel',
          'transport.http.cancel.stream-close',
          'transport.http.cancel.stop-work',
        ],
        STATELESS,
      ),
      check(
        'fixture.disconnect-not-cancel',
        'SHOULD NOT',
        'A closed response stream is not taken as a cancellation: the work runs to completion',
        ['transport.http.sse.disconnect-not-cancel'],
        STATEFUL,
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      for (const name of ['test_long_running', 'test_run_status'])
        if (!(await listsTool(ctx, session, name))) return ctx.end(fixtureAbsent(`tool "${name}"`));
      const runMs = RUN_MS[ctx.revision.era];
      const runId = `mcp-conformance-${randomUUID()}`;
      const token = 'mcp-conformance-disconnect';
      const message = session.buildRequest(
        'tools/call',
        { name: 'test_long_running', arguments: { durationMs: runMs, runId } },
        { meta: { progressToken: token } },
      );
      void session.requestRaw(message, message.id as number, runMs * 2);
      const first = await session.waitForNotification(
        (n) => n.method === 'notifications/progress' && n.params?.progressToken === token,
        runMs,
      );
      if (!first) return ctx.end('test_long_running sent no progress: the run may not have started');
      (session.connection as StreamableHttpTransport).abandon(message.id as number);
      // Ask until the run is no longer running, and a little longer than the run would take.
      const deadline = Date.now() + runMs + 500;
      let status: Response;
      let state: string | undefined;
      do {
        await session.quiet(50);
        status = await session.request('tools/call', { name: 'test_run_status', arguments: { runId } });
        state = textsOf(status)[0];
      } while (state === 'running' && Date.now() < deadline);
      if (state === 'unknown' || state === undefined)
        return ctx.end(`test_run_status does not know the run: ${shown(status)}`);
      if (ctx.stateless)
        ctx
          .check('fixture.disconnect-cancels')
          .verify(
            state === 'cancelled',
            state === 'completed'
              ? 'the run went on to completion after the client closed its stream'
              : `after the client closed its stream the run is ${JSON.stringify(state)}, not cancelled`,
            first.entry,
            status,
          );
      else
        ctx
          .check('fixture.disconnect-not-cancel')
          .verify(
            state === 'completed',
            `after the client closed its stream the run is ${JSON.stringify(state)}, not completed`,
            first.entry,
            status,
          );
    },
  },
  {
    id: 'fixture-list-changed',
    title: 'Fixture: list-changed notifications',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Calls test_trigger_tool_change, test_trigger_prompt_change and test_trigger_resource_change and waits for the matching list_changed notification when the server declared listChanged.',
    revisions: STATEFUL,
    checks: [
      check(
        'fixture.tools-list-changed',
        'SHOULD',
        'After test_trigger_tool_change, notifications/tools/list_changed arrives',
        ['tools.list-changed.notify'],
      ),
      check(
        'fixture.prompts-list-changed',
        'SHOULD',
        'After test_trigger_prompt_change, notifications/prompts/list_changed arrives',
        ['prompts.list-changed.notify'],
      ),
      check(
        'fixture.resources-list-changed',
        'SHOULD',
        'After test_trigger_resource_change, notifications/resources/list_changed arrives',
        ['resources.list-changed.notify'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const kinds = [
        ['tools', 'test_trigger_tool_change'],
        ['prompts', 'test_trigger_prompt_change'],
        ['resources', 'test_trigger_resource_change'],
      ] as const;
      for (const [kind, tool] of kinds) {
        const id = `fixture.${kind}-list-changed`;
        const capability = session.serverCapabilities[kind];
        if (!isObject(capability) || capability.listChanged !== true) {
          ctx.check(id).skip(`not applicable: the server does not declare ${kind}.listChanged`);
          continue;
        }
        const from = session.notifications.length;
        const response = await callFixture(ctx, session, tool, {}, [id]);
        if (!response) continue;
        const method = `notifications/${kind}/list_changed`;
        const seen = await session.waitForNotification(
          (n) => n.method === method && session.notifications.indexOf(n) >= from,
          NOTIFY_MS,
        );
        ctx
          .check(id)
          .verify(seen !== undefined, `no ${method} within ${NOTIFY_MS} ms of ${tool} (${shown(response)})`, response);
      }
    },
  },
  {
    id: 'fixture-resource-subscribe',
    title: 'Fixture: resource subscriptions',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Subscribes to test://watched-resource, triggers updates of it and of an unsubscribed resource, then unsubscribes and triggers again.',
    revisions: STATEFUL,
    checks: [
      check(
        'fixture.resource-updated',
        'SHOULD',
        'After subscribing, an update of test://watched-resource brings notifications/resources/updated with its URI',
        ['resources.updated.only-after-subscribe', 'resources.capability.declare'],
      ),
      check(
        'fixture.resource-updated-only-subscribed',
        'SHOULD NOT',
        'No notifications/resources/updated arrives for a resource not subscribed to',
        ['resources.updated.only-after-subscribe'],
      ),
      check(
        'fixture.resource-unsubscribed',
        'SHOULD NOT',
        'After resources/unsubscribe, no more updates arrive for the resource',
        ['resources.updated.only-after-subscribe'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const resources = ctx.requireCapability(session, 'resources');
      if (resources.subscribe !== true)
        return ctx.end('not applicable: the server does not declare resources.subscribe');
      if (!(await listsTool(ctx, session, 'test_trigger_resource_update')))
        return ctx.end(fixtureAbsent('tool "test_trigger_resource_update"'));
      const watched = 'test://watched-resource';
      const updated = (uri: string, from: number) => (n: ReceivedNotification) =>
        n.method === 'notifications/resources/updated' &&
        n.params?.uri === uri &&
        session.notifications.indexOf(n) >= from;
      const subscribed = await session.request('resources/subscribe', { uri: watched });
      if (!subscribed.result) return ctx.end(`resources/subscribe was answered with ${describe(subscribed)}`);
      let from = session.notifications.length;
      const trigger = await session.request('tools/call', {
        name: 'test_trigger_resource_update',
        arguments: { uri: watched },
      });
      const seen = await session.waitForNotification(updated(watched, from), NOTIFY_MS);
      ctx
        .check('fixture.resource-updated')
        .verify(
          seen !== undefined,
          `no notifications/resources/updated for ${watched} within ${NOTIFY_MS} ms`,
          trigger,
        );

      const other = 'test://static-text';
      from = session.notifications.length;
      const otherTrigger = await session.request('tools/call', {
        name: 'test_trigger_resource_update',
        arguments: { uri: other },
      });
      await session.quiet(SETTLE_MS);
      // Updates of the watched resource may come from other clients' triggers; only other URIs are stray.
      const stray = session.notifications
        .slice(from)
        .filter((n) => n.method === 'notifications/resources/updated' && n.params?.uri !== watched);
      ctx
        .check('fixture.resource-updated-only-subscribed')
        .verify(
          stray.length === 0,
          `updates arrived for ${stray.map((n) => String(n.params?.uri)).join(', ')}`,
          otherTrigger,
          ...stray.map((n) => n.entry),
        );

      const unsubscribed = await session.request('resources/unsubscribe', { uri: watched });
      if (!unsubscribed.result) return ctx.end(`resources/unsubscribe was answered with ${describe(unsubscribed)}`);
      // Over HTTP, updates sent before the unsubscribe can still be on their way on the GET stream.
      await session.quiet(SETTLE_MS);
      from = session.notifications.length;
      const again = await session.request('tools/call', {
        name: 'test_trigger_resource_update',
        arguments: { uri: watched },
      });
      await session.quiet(SETTLE_MS);
      const late = session.notifications.slice(from).filter((n) => n.method === 'notifications/resources/updated');
      ctx
        .check('fixture.resource-unsubscribed')
        .verify(late.length === 0, `${late.length} update(s) after unsubscribing`, again, ...late.map((n) => n.entry));
    },
  },
  {
    id: 'fixture-listen',
    title: 'Fixture: notifications on a subscriptions/listen stream',
    area: 'utilities',
    depth: 'fixture',
    description:
      'Opens subscriptions/listen for tool list changes and test://watched-resource, then triggers tool and prompt list changes and updates of the watched and of another resource.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.listen-acknowledged',
        'MUST',
        'The stream starts with notifications/subscriptions/acknowledged tagged with the subscription id',
        ['subscriptions.server.ack-first', 'subscriptions.server.no-notification-before-ack'],
      ),
      check(
        'fixture.listen-tools-list-changed',
        'SHOULD',
        'After test_trigger_tool_change, notifications/tools/list_changed arrives on the stream, tagged with its subscription id',
        ['tools.list-changed.notify', 'subscriptions.server.tag-notifications'],
      ),
      check(
        'fixture.listen-only-requested',
        'MUST NOT',
        'No notifications/prompts/list_changed arrives on a stream that did not ask for it',
        ['prompts.list-changed.only-requested', 'subscriptions.server.only-requested-types'],
      ),
      check(
        'fixture.listen-resource-updated',
        'SHOULD',
        'An update of test://watched-resource brings notifications/resources/updated on the stream',
        ['subscriptions.server.tag-notifications'],
      ),
      check(
        'fixture.listen-updated-only-subscribed',
        'MUST NOT',
        'No notifications/resources/updated arrives for a resource not named in resourceSubscriptions',
        ['resources.updated.only-subscribed'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const triggers = ['test_trigger_tool_change', 'test_trigger_prompt_change', 'test_trigger_resource_update'];
      for (const tool of triggers)
        if (!(await listsTool(ctx, session, tool))) return ctx.end(fixtureAbsent(`tool "${tool}"`));
      const watched = 'test://watched-resource';
      const listen = session.buildRequest('subscriptions/listen', {
        notifications: { toolsListChanged: true, resourceSubscriptions: [watched] },
      });
      const id = listen.id as number;
      const closing = session.requestRaw(listen, id, ctx.options.timeoutMs);
      const onStream = (n: ReceivedNotification): boolean => {
        const meta = n.params?._meta;
        return isObject(meta) && meta[SUBSCRIPTION_ID] === id;
      };
      const ack = await session.waitForNotification(
        (n) => n.method === 'notifications/subscriptions/acknowledged',
        NOTIFY_MS,
      );
      const tagged = session.notifications.filter(onStream);
      ctx
        .check('fixture.listen-acknowledged')
        .verify(
          ack !== undefined && onStream(ack) && tagged[0] === ack,
          ack
            ? `the acknowledgement is not the first message tagged with subscription id ${id}`
            : `no notifications/subscriptions/acknowledged within ${NOTIFY_MS} ms`,
          ack?.entry,
        );
      if (!ack) {
        const early = await Promise.race([closing, session.quiet(10).then(() => 'open' as const)]);
        if (early !== 'open')
          return ctx.end(`subscriptions/listen was answered with ${describe(early)}; see the subscription scenarios`);
      }
      try {
        let from = session.notifications.length;
        const tools = await session.request('tools/call', { name: 'test_trigger_tool_change', arguments: {} });
        const changed = await session.waitForNotification(
          (n) => n.method === 'notifications/tools/list_changed' && session.notifications.indexOf(n) >= from,
          NOTIFY_MS,
        );
        ctx
          .check('fixture.listen-tools-list-changed')
          .verify(
            changed !== undefined && onStream(changed),
            changed
              ? `the notification is not tagged with subscription id ${id}`
              : `no notifications/tools/list_changed within ${NOTIFY_MS} ms`,
            tools,
            changed?.entry,
          );

        from = session.notifications.length;
        const prompts = await session.request('tools/call', { name: 'test_trigger_prompt_change', arguments: {} });
        await session.quiet(SETTLE_MS);
        const unasked = session.notifications
          .slice(from)
          .filter((n) => n.method === 'notifications/prompts/list_changed');
        ctx
          .check('fixture.listen-only-requested')
          .verify(
            unasked.length === 0,
            'notifications/prompts/list_changed arrived although the filter did not ask for it',
            prompts,
            ...unasked.map((n) => n.entry),
          );

        from = session.notifications.length;
        const update = await session.request('tools/call', {
          name: 'test_trigger_resource_update',
          arguments: { uri: watched },
        });
        const seen = await session.waitForNotification(
          (n) =>
            n.method === 'notifications/resources/updated' &&
            n.params?.uri === watched &&
            session.notifications.indexOf(n) >= from,
          NOTIFY_MS,
        );
        ctx
          .check('fixture.listen-resource-updated')
          .verify(
            seen !== undefined && onStream(seen),
            seen
              ? `the notification is not tagged with subscription id ${id}`
              : `no notifications/resources/updated for ${watched} within ${NOTIFY_MS} ms`,
            update,
            seen?.entry,
          );

        from = session.notifications.length;
        const other = await session.request('tools/call', {
          name: 'test_trigger_resource_update',
          arguments: { uri: 'test://static-text' },
        });
        await session.quiet(SETTLE_MS);
        // Updates of the watched resource may come from other clients' triggers; only other URIs are stray.
        const stray = session.notifications
          .slice(from)
          .filter((n) => n.method === 'notifications/resources/updated' && n.params?.uri !== watched);
        ctx
          .check('fixture.listen-updated-only-subscribed')
          .verify(
            stray.length === 0,
            `updates arrived for ${stray.map((n) => String(n.params?.uri)).join(', ')}`,
            other,
            ...stray.map((n) => n.entry),
          );
      } finally {
        session.notify('notifications/cancelled', { requestId: id, reason: 'mcp-conformance: done listening' });
      }
    },
  },
];
