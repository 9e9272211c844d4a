/**
 * The reference server over HTTP: Streamable HTTP (both eras) on `/mcp` and the legacy HTTP+SSE transport on
 * `/sse` + `/messages`.
 *
 *   tsx conformance/reference/server/http.ts [--port N] [--host 127.0.0.1]
 *
 * Prints exactly one line on stdout once listening, `{"url":"http://127.0.0.1:PORT/mcp","sseUrl":"…/sse"}`, logs
 * to stderr, and exits with status 0 on SIGTERM or SIGINT after closing every session and connection. Faults are
 * chosen with `MCP_REFERENCE_FAULT`, as for the stdio entry point.
 */
import { parseArgs } from 'node:util';
import { createReferenceHttpServer } from './http-app.ts';

function fail(message: string): never {
  process.stderr.write(`reference server (http): ${message}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\nusage: http.ts [--port N] [--host 127.0.0.1]`);
}
const port = Number(values.port ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
const host = values.host ?? '127.0.0.1';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const fault = process.env.MCP_REFERENCE_FAULT;
const http = createReferenceHttpServer(fault ? { fault, log } : { log });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await http.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

try {
  const { url, sseUrl } = await http.listen(port, host);
  process.stdout.write(`${JSON.stringify({ url, sseUrl })}\n`);
} catch (error) {
  fail(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
}
