/**
 * `npm run conformance:reference`: the whole server suite against the reference server, over stdio and
 * over Streamable HTTP, with every report written to conformance-results/<transport>/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { REPO_ROOT } from '../schema/registry.ts';

const CLI = join(REPO_ROOT, 'conformance', 'bin', 'mcp-conformance.mjs');
const STDIO_SERVER = join(REPO_ROOT, 'conformance', 'reference', 'server', 'stdio.ts');
const HTTP_SERVER = join(REPO_ROOT, 'conformance', 'reference', 'server', 'http.ts');
const REPORTERS = 'console,json,junit,html,markdown';
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function runCli(args: string[]): number {
  const result = spawnSync(process.execPath, [CLI, 'server', ...args, '--reporter', REPORTERS], { stdio: 'inherit' });
  return result.status ?? 2;
}

/** Starts the reference HTTP server on a free loopback port and resolves with its URL and a stop function. */
async function startHttpServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HTTP_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the reference HTTP server did not start within 20 s')), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`the reference HTTP server printed ${JSON.stringify(line)} instead of its address`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the reference HTTP server exited with code ${String(code)}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const stdioCode = runCli([
  '--stdio',
  `${quote(process.execPath)} --import tsx ${quote(STDIO_SERVER)}`,
  '--output-dir',
  join(REPO_ROOT, 'conformance-results', 'stdio'),
]);
const server = await startHttpServer();
let httpCode: number;
try {
  httpCode = runCli(['--url', server.url, '--output-dir', join(REPO_ROOT, 'conformance-results', 'http')]);
} finally {
  await server.stop();
}
console.log(`\nreference server: stdio exit ${stdioCode}, Streamable HTTP exit ${httpCode}`);
process.exit(Math.max(stdioCode, httpCode));
