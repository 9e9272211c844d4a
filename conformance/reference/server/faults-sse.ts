/** Faults in the SSE framing of POST responses, injected in front of the HTTP server by wrapping the response. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventStreamFlag, rewriteHead, rewriteWrites } from './fault-hooks.ts';
import type { Fault } from './faults.ts';

/** Passes each chunk written to an SSE response through `edit` (return '' to drop it). */
const editSseChunks = (res: ServerResponse, edit: (chunk: string) => string): void =>
  rewriteWrites(res, edit, { sseOnly: true });

/** Per session, the last data event of each of its streams (by stream key): what a faulty replay mixes in. */
const lastEvents = new Map<string, Map<string, string>>();

function replayForeignEvent(req: IncomingMessage, res: ServerResponse): boolean {
  const session = String(req.headers['mcp-session-id'] ?? '');
  const seen = lastEvents.get(session) ?? new Map<string, string>();
  lastEvents.set(session, seen);
  editSseChunks(res, (chunk) => {
    const key = /^id: ([^\n]+)-\d+\n/.exec(chunk)?.[1];
    if (key && /\ndata: \S/.test(chunk)) seen.set(key, chunk);
    return chunk;
  });
  const resumed = req.headers['last-event-id'];
  if (req.method === 'GET' && typeof resumed === 'string') {
    const own = resumed.replace(/-\d+$/, '');
    const isEventStream = eventStreamFlag(res);
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const foreign = [...seen].find(([key]) => key !== own)?.[1];
      if (foreign && isEventStream()) res.write(foreign);
      return end(...args);
    }) as ServerResponse['end'];
  }
  return false;
}

export const SSE_FAULTS: readonly Fault[] = [
  {
    name: 'resume-replays-other-stream',
    description: 'a resumed stream also replays an event that belonged on another stream of the session',
    breaks: ['http.resume-same-stream-only'],
    http: { intercept: replayForeignEvent },
  },
  {
    name: 'sse-no-prime-event',
    description: 'SSE responses start without the priming event (id, empty data)',
    breaks: ['http.sse-prime-event'],
    http: {
      intercept: (_req, res) => {
        editSseChunks(res, (chunk) => (/^id: [^\n]*\ndata:\n\n$/.test(chunk) ? '' : chunk));
        return false;
      },
    },
  },
  {
    name: 'sse-buffered',
    description: 'SSE responses lack X-Accel-Buffering: no, so proxies may buffer them',
    breaks: ['http.sse-no-buffering'],
    http: {
      intercept: (_req, res) => {
        rewriteHead(res, (status, headers) => {
          delete headers['x-accel-buffering'];
          return status;
        });
        return false;
      },
    },
  },
  {
    name: 'sse-response-dropped',
    description: 'the response to a POSTed request never appears on its SSE stream',
    breaks: ['http.sse-response-delivered'],
    http: {
      intercept: (_req, res) => {
        editSseChunks(res, (chunk) => (/"(result|error)":/.test(chunk) ? '' : chunk));
        return false;
      },
    },
  },
  {
    name: 'sse-event-after-response',
    description: 'an SSE response stream goes on with a log notification after the response',
    breaks: ['http.sse-ends-after-response'],
    http: {
      intercept: (_req, res) => {
        editSseChunks(res, (chunk) =>
          /"(result|error)":/.test(chunk)
            ? `${chunk}data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'http-sse-progress', progress: 101, total: 100 } })}\n\n`
            : chunk,
        );
        return false;
      },
    },
  },
];
