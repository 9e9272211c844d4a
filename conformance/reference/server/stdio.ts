/**
 * stdio entry point of the reference server: `tsx conformance/reference/server/stdio.ts`.
 * Reads newline-delimited JSON-RPC from stdin, writes only JSON-RPC to stdout (one message per line), logs to
 * stderr, and exits 0 once stdin closes. `MCP_REFERENCE_FAULT=<name>` injects one fault (see `FAULTS`).
 */
import { createInterface } from 'node:readline';
import type { JsonRpcMessage, RequestContext } from '../../src/transport/server-session.ts';
import { createReferenceServer, type ReferenceServer } from './server.ts';

export interface StdioOptions {
  input: NodeJS.ReadableStream;
  write(line: string): void;
  log(text: string): void;
  fault?: string;
}

/** Runs one stdio session until `input` ends; resolves once every started request has been answered. */
export async function runStdio(options: StdioOptions): Promise<void> {
  const server: ReferenceServer = createReferenceServer({ fault: options.fault });
  const session = server.createSession({ transport: 'stdio' });
  // The fault stdio-multiline-json pretty-prints, so every message spans several lines.
  const indent = server.fault === 'stdio-multiline-json' ? 2 : undefined;
  const send = (message: JsonRpcMessage | JsonRpcMessage[]): void =>
    options.write(`${JSON.stringify(message, null, indent)}\n`);
  const stopUnsolicited = session.onUnsolicited(send);
  if (server.fault === 'stdout-garbage') options.write('reference server starting (this line is not JSON)\n');
  options.log(`reference server on stdio${server.fault ? ` with fault ${server.fault}` : ''}`);

  // stdio has no per-request disconnect: cancellation arrives as notifications/cancelled.
  const context: RequestContext = { emit: send, signal: new AbortController().signal };
  const running = new Set<Promise<void>>();
  const streams = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      send(server.parseError((error as Error).message));
      continue;
    }
    if (Array.isArray(value)) {
      track(
        session.handleBatch(value, context).then((response) => {
          if (response !== undefined) send(response);
        }),
      );
      continue;
    }
    // Not awaited: requests run concurrently, so cancellations and answers to our own requests get through.
    const work = session.handle(value as JsonRpcMessage, context).then(
      (response) => {
        if (response !== undefined) send(response);
      },
      (error: unknown) => options.log(`internal failure: ${String(error)}`),
    );
    // A subscription stream lasts until the session ends, so it does not hold up the exit.
    if ((value as { method?: unknown } | null)?.method === 'subscriptions/listen') streams.add(work);
    else track(work);
  }
  // stdin closed: let running requests finish (briefly), then end the session, which closes listen streams.
  await settle([...running], 2000);
  session.close();
  stopUnsolicited();
  await settle([...running, ...streams], 500);
}

function settle(work: Promise<void>[], ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([Promise.allSettled(work), timeout]).finally(() => clearTimeout(timer));
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  runStdio({
    input: process.stdin,
    write: (line) => process.stdout.write(line),
    log: (text) => process.stderr.write(`${text}\n`),
    fault: process.env.MCP_REFERENCE_FAULT || undefined,
  }).then(
    // The fault stdio-no-exit keeps the process alive after stdin closed.
    () => (process.env.MCP_REFERENCE_FAULT === 'stdio-no-exit' ? setInterval(() => {}, 60_000) : process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`reference server failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
