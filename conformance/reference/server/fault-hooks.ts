/** Hooks the HTTP faults put on a response before the MCP server writes it: its head, and its body chunks. */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Lets `rewrite` change the status and headers (in place) of whatever the server answers. */
export function rewriteHead(
  res: ServerResponse,
  rewrite: (status: number, headers: OutgoingHttpHeaders) => number,
): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    const copy: OutgoingHttpHeaders = { ...headers };
    return writeHead(rewrite(status, copy), copy);
  }) as typeof res.writeHead;
}

/** Whether the response turned out to be an event stream (known once its head is written). */
export function eventStreamFlag(res: ServerResponse): () => boolean {
  let sse = false;
  rewriteHead(res, (status, headers) => {
    sse = String(headers['content-type'] ?? res.getHeader('content-type') ?? '').startsWith('text/event-stream');
    return status;
  });
  return () => sse;
}

/**
 * Passes each text chunk the response writes through `change`; an empty result drops the chunk. With `sseOnly`,
 * chunks of responses that are not event streams pass untouched.
 */
export function rewriteWrites(
  res: ServerResponse,
  change: (text: string) => string,
  options: { sseOnly?: boolean } = {},
): void {
  const applies = options.sseOnly ? eventStreamFlag(res) : () => true;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!applies() || !(typeof chunk === 'string' || Buffer.isBuffer(chunk))) return write(chunk, ...rest);
    const changed = change(String(chunk));
    return changed === '' ? true : write(changed, ...rest);
  }) as ServerResponse['write'];
}
