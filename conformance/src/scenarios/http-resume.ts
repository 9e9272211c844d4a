/**
 * Resuming a POST response stream (stateful era, 2025-11-25): after a streamed tool call has finished, a GET with
 * `Last-Event-ID` set to the stream's first event id must replay only what that stream carried.
 */
import { check, type ServerScenario } from '../model/scenario.ts';
import { HttpStatusError, type HttpExchange, type StreamableHttpTransport } from '../transport/http.ts';
import { fixtureAbsent, listsTool } from './fixture-tools.ts';
import { isObject } from './helpers.ts';

const PROGRESS_TOOL = 'test_tool_with_progress';
const CHANGE_TOOL = 'test_trigger_tool_change';
/** A resumed stream of a finished request should end at once; this bounds the wait when it does not. */
const REPLAY_WAIT_MS = 1_000;

const hasLastEventId = (exchange: HttpExchange): boolean =>
  Object.keys(exchange.requestHeaders).some((h) => h.toLowerCase() === 'last-event-id');

const carriesResponseTo = (exchange: HttpExchange, id: string): boolean =>
  exchange.messages.some((m) => isObject(m) && m.id === id && ('result' in m || 'error' in m));

export const httpResumeScenarios: ServerScenario[] = [
  {
    id: 'http-resume-replay',
    title: 'Resuming a response stream replays only that stream',
    area: 'streamable-http',
    depth: 'fixture',
    description: `Opens the GET stream, calls ${PROGRESS_TOOL} (streamed with progress) and ${CHANGE_TOOL} (a list change for the GET stream), then resumes the progress call's stream from its first event id and compares what is replayed with what that stream carried.`,
    revisions: { era: 'stateful', from: '2025-11-25', transports: ['http'] },
    checks: [
      check(
        'http.resume-same-stream-only',
        'MUST',
        'A stream resumed with Last-Event-ID replays only messages that belonged on that stream',
        ['transport.http.resume.no-cross-stream-replay'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, PROGRESS_TOOL))) return ctx.end(fixtureAbsent(`tool "${PROGRESS_TOOL}"`));
      const http = session.connection as StreamableHttpTransport;
      await http.openGetStream().catch(() => undefined);
      const id = 'http-resume-1';
      await session.request(
        'tools/call',
        { name: PROGRESS_TOOL, arguments: {} },
        { id, meta: { progressToken: 'http-resume-progress' } },
      );
      if (await listsTool(ctx, session, CHANGE_TOOL))
        await session.request('tools/call', { name: CHANGE_TOOL, arguments: {} });
      await session.request('ping');
      const original = http.streams.find((s) => !hasLastEventId(s) && carriesResponseTo(s, id));
      if (!original) return ctx.end('the progress call was not answered with an event stream');
      const from = original.eventIds[0];
      if (from === undefined) return ctx.end('the response stream gave its events no ids, so it cannot be resumed');
      const before = new Set(http.streams);
      let opened;
      try {
        opened = await http.resume(from);
      } catch (error) {
        if (error instanceof HttpStatusError) return ctx.end(`resuming was refused with HTTP ${error.status}`);
        throw error;
      }
      if (opened.status !== 200) return ctx.end(`resuming was answered ${opened.status}`);
      await Promise.race([opened.ended, session.quiet(REPLAY_WAIT_MS)]);
      const replay = http.streams.find((s) => !before.has(s) && hasLastEventId(s));
      if (!replay) return ctx.end('the resumed stream was not recorded');
      const belonged = new Set(original.messages.map((m) => JSON.stringify(m)));
      const foreign = replay.messages.filter((m) => !belonged.has(JSON.stringify(m)));
      ctx
        .check('http.resume-same-stream-only')
        .verify(
          foreign.length === 0,
          `${foreign.length} replayed message(s) never travelled on the resumed stream, e.g. ${String(JSON.stringify(foreign[0])).slice(0, 160)}`,
          ...replay.entries.slice(0, 4),
        );
    },
  },
];
