/** Faults in the SSE framing of POST responses, injected in front of the HTTP server by wrapping the response. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults.ts';

/** Whether the response is an event stream; the server passes its headers to writeHead, so look there too. */
function isEventStream(res: ServerResponse): boolean {
  const headers = res.getHeaders();
  const type = headers['content-type'] ?? (res as { sseType?: string }).sseType;
  return String(type ?? '').startsWith('text/event-stream');
}

/** Remembers the content type given to writeHead, and lets `edit` change the header object first. */
function onWriteHead(res: ServerResponse, edit?: (headers: Record<string, unknown>) => void): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
    if (headers) {
      (res as { sseType?: unknown }).sseType = headers['content-type'];
      edit?.(headers);
    }
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

/** Passes each chunk written to an SSE response through `edit` (return '' to drop it). */
function editSseChunks(res: ServerResponse, edit: (chunk: string) => string): void {
  onWriteHead(res);
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isEventStream(res) || typeof chunk !== 'string') return write(chunk, ...rest);
    const edited = edit(chunk);
    return edited === '' ? true : write(edited, ...rest);
  }) as ServerResponse['write'];
}

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
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const foreign = [...seen].find(([key]) => key !== own)?.[1];
      if (foreign && isEventStream(res)) res.write(foreign);
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
        onWriteHead(res, (headers) => delete headers['x-accel-buffering']);
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
