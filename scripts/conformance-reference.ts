/**
 * `npm run conformance:reference`: the whole server suite against the reference server, over stdio and
 * over Streamable HTTP, with every report written to conformance-results/<transport>/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../schema/registry.ts';
import { spawnReferenceHttpServer, STDIO_ENTRY } from '../conformance/reference/launch.ts';

const CLI = join(REPO_ROOT, 'conformance', 'bin', 'mcp-conformance.mjs');
const REPORTERS = 'console,json,junit,html,markdown';
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function runCli(args: string[]): number {
  const result = spawnSync(process.execPath, [CLI, 'server', ...args, '--reporter', REPORTERS], { stdio: 'inherit' });
  return result.status ?? 2;
}

const stdioCode = runCli([
  '--stdio',
  `${quote(process.execPath)} --import tsx ${quote(STDIO_ENTRY)}`,
  '--output-dir',
  join(REPO_ROOT, 'conformance-results', 'stdio'),
]);
const server = await spawnReferenceHttpServer({ stderr: 'inherit' });
let httpCode: number;
try {
  httpCode = runCli(['--url', server.url, '--output-dir', join(REPO_ROOT, 'conformance-results', 'http')]);
} finally {
  await server.stop();
}
console.log(`\nreference server: stdio exit ${stdioCode}, Streamable HTTP exit ${httpCode}`);
process.exit(Math.max(stdioCode, httpCode));
