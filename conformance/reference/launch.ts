/**
 * Starts the reference server's HTTP entry point as a child process on a free loopback port, for the
 * scripts and benchmarks that run a CLI against it. Stopping it waits for the process to exit.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ReferenceTokens } from './server/auth.ts';

const HTTP_ENTRY = fileURLToPath(new URL('./server/http.ts', import.meta.url));
/** The stdio entry point, for a `--stdio` command. */
export const STDIO_ENTRY = fileURLToPath(new URL('./server/stdio.ts', import.meta.url));

export interface RunningServer {
  url: string;
  /** Authorization mode: tokens minted for `url`. */
  tokens?: ReferenceTokens;
  pid: number;
  stop(): Promise<void>;
}

export async function spawnReferenceHttpServer(
  options: { stderr?: 'inherit' | 'ignore'; auth?: boolean; fault?: string } = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', HTTP_ENTRY, ...(options.auth ? ['--auth'] : [])], {
    stdio: ['ignore', 'pipe', options.stderr ?? 'ignore'],
    env: options.fault ? { ...process.env, MCP_REFERENCE_FAULT: options.fault } : process.env,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { url, tokens } = await new Promise<{ url: string; tokens?: ReferenceTokens }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the reference HTTP server did not start within 20 s')), 20_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { url: string; tokens?: ReferenceTokens });
      } catch {
        reject(new Error(`the reference HTTP server printed ${JSON.stringify(line)} instead of its address`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the reference HTTP server exited with code ${String(code)}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url,
    ...(tokens ? { tokens } : {}),
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
