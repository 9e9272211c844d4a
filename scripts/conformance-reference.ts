/**
 * `npm run conformance:reference`: the whole server suite against the reference server, over stdio and
 * over Streamable HTTP, and the authorization suite against it in authorization mode with its minted tokens,
 * with every report written to conformance-results/<stdio|http|http-auth>/.
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
const guarded = await spawnReferenceHttpServer({ stderr: 'inherit', auth: true });
let authCode: number;
try {
  const tokens = guarded.tokens!;
  authCode = runCli([
    '--url',
    guarded.url,
    '--suite',
    'authorization',
    '--auth-token',
    tokens.valid,
    '--auth-token-expired',
    tokens.expired,
    '--auth-token-wrong-audience',
    tokens.wrongAudience,
    '--auth-token-insufficient-scope',
    tokens.insufficientScope,
    '--auth-token-broad-scope',
    tokens.broadScope,
    '--output-dir',
    join(REPO_ROOT, 'conformance-results', 'http-auth'),
  ]);
} finally {
  await guarded.stop();
}
console.log(
  `\nreference server: stdio exit ${stdioCode}, Streamable HTTP exit ${httpCode}, authorization exit ${authCode}`,
);
process.exit(Math.max(stdioCode, httpCode, authCode));
