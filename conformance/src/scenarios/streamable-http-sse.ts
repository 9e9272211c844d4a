/**
 * SSE framing of POST responses: a fixture call that reports progress makes a server answer with an event
 * stream, whose events, headers and ending are then checked.
 */
import { createParser } from 'eventsource-parser';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import { fixtureAbsent, listsTool } from './fixture-tools.ts';
import { isObject } from './helpers.ts';
import { httpEvidence } from './streamable-http.ts';

interface SseEvent {
  id: string | undefined;
  data: string;
}

function eventsOf(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => events.push({ id: event.id, data: event.data }) });
  parser.feed(body);
  return events;
}

const PROGRESS_TOOL = 'test_tool_with_progress';

export const streamableHttpSseScenarios: ServerScenario[] = [
  {
    id: 'http-sse-response',
    title: 'SSE response streams',
    area: 'streamable-http',
    depth: 'fixture',
    description: `Calls ${PROGRESS_TOOL} with a progress token in one POST and, when the answer is an event stream, checks its priming event, buffering header, the response on it and that the stream ends after the response.`,
    revisions: { from: '2025-11-25', transports: ['http'] },
    checks: [
      check(
        'http.sse-prime-event',
        'SHOULD',
        'An SSE response starts with an event that has an id and empty data, so the client can resume',
        ['transport.http.sse.prime-event'],
        { era: 'stateful' },
      ),
      check(
        'http.sse-response-delivered',
        'SHOULD',
        'The SSE stream of a POSTed request carries its response',
        ['transport.http.sse.eventual-response'],
        { era: 'stateful' },
      ),
      check(
        'http.sse-no-buffering',
        'SHOULD',
        'An SSE response carries the header X-Accel-Buffering: no',
        ['transport.http.sse.no-buffering-header'],
        { era: 'stateless' },
      ),
      check('http.sse-ends-after-response', 'SHOULD', 'The SSE stream ends with the response: no event follows it', [
        'transport.http.sse.terminate-after-response',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, PROGRESS_TOOL))) return ctx.end(fixtureAbsent(`tool "${PROGRESS_TOOL}"`));
      const http = session.connection as StreamableHttpTransport;
      const id = 'http-sse-1';
      const body = session.buildRequest(
        'tools/call',
        { name: PROGRESS_TOOL, arguments: {} },
        { id, meta: { progressToken: 'http-sse-progress' } },
      );
      const answer = await http.post(JSON.stringify(body));
      if (answer.contentType !== 'text/event-stream')
        return ctx.end(`the call was answered ${answer.status} with "${answer.contentType}", not an event stream`);
      const evidence = httpEvidence(answer);
      const events = eventsOf(answer.body);
      const first = events[0];
      if (ctx.has('http.sse-prime-event'))
        ctx
          .check('http.sse-prime-event')
          .verify(
            first !== undefined && first.id !== undefined && first.id !== '' && first.data === '',
            first
              ? `the first event has id ${JSON.stringify(first.id)} and ${first.data === '' ? 'empty data' : 'data'}`
              : 'the stream carried no event',
            evidence,
          );
      const responseAt = events.findIndex((event) => {
        try {
          const message: unknown = JSON.parse(event.data);
          return isObject(message) && message.id === id && ('result' in message || 'error' in message);
        } catch {
          return false;
        }
      });
      if (ctx.has('http.sse-response-delivered'))
        ctx
          .check('http.sse-response-delivered')
          .verify(responseAt >= 0, `no event of the stream carried the response to ${id}`, evidence);
      if (ctx.has('http.sse-no-buffering'))
        ctx
          .check('http.sse-no-buffering')
          .verify(
            answer.headers['x-accel-buffering']?.toLowerCase() === 'no',
            `X-Accel-Buffering is ${JSON.stringify(answer.headers['x-accel-buffering'] ?? null)}`,
            evidence,
          );
      if (responseAt < 0) ctx.check('http.sse-ends-after-response').skip('the response never arrived on the stream');
      else {
        const after = events.slice(responseAt + 1).filter((event) => event.data !== '');
        ctx
          .check('http.sse-ends-after-response')
          .verify(after.length === 0, `${after.length} event(s) with data followed the response`, evidence);
      }
    },
  },
];
