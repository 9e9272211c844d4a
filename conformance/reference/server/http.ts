/**
 * The reference server over HTTP: Streamable HTTP (both eras) on `/mcp` and the legacy HTTP+SSE transport on
 * `/sse` + `/messages`.
 *
 *   tsx conformance/reference/server/http.ts [--port N] [--host 127.0.0.1] [--auth]
 *
 * Prints exactly one line on stdout once listening, `{"url":"http://127.0.0.1:PORT/mcp","sseUrl":"…/sse"}`, logs
 * to stderr, and exits with status 0 on SIGTERM or SIGINT after closing every session and connection. Faults are
 * chosen with `MCP_REFERENCE_FAULT`, as for the stdio entry point. `--auth` (implied by an auth fault) requires
 * bearer tokens (see auth.ts); the line then also holds `tokens`, minted for the URL.
 */
import { parseArgs } from 'node:util';
import { mintReferenceTokens } from './auth.ts';
import { faultNamed } from './faults.ts';
import { createReferenceHttpServer } from './http-app.ts';

function fail(message: string): never {
  process.stderr.write(`reference server (http): ${message}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string; auth?: boolean; verbose?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      auth: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\nusage: http.ts [--port N] [--host 127.0.0.1] [--auth] [--verbose]`);
}
const port = Number(values.port ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`);
const host = values.host ?? '127.0.0.1';

// Session lifecycle lines only with --verbose; internal errors always.
const log = (line: string): void => {
  if (values.verbose || line.startsWith('internal error')) process.stderr.write(`${line}\n`);
};

const fault = process.env.MCP_REFERENCE_FAULT;
const auth = values.auth === true || faultNamed(fault)?.auth === true;
const http = createReferenceHttpServer({ ...(fault ? { fault } : {}), log, auth });

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
  process.stdout.write(
    `${JSON.stringify(auth ? { url, sseUrl, tokens: mintReferenceTokens(url) } : { url, sseUrl })}\n`,
  );
} catch (error) {
  fail(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
}
