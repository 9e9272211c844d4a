/** How the runner reaches a server: a command over stdio, or a URL over HTTP. */
import type { Revision } from '../../../schema/registry.ts';
import type { Recorder } from '../protocol/recorder.ts';
import { StdioTransport, type StdioOptions } from '../transport/stdio.ts';
import type { Target } from '../model/result.ts';
import type { ServerTarget } from './context.ts';

export interface StdioTargetOptions {
  command: string;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs: number;
}

export function stdioTarget(options: StdioTargetOptions): ServerTarget & { describe: Target } {
  return {
    transport: 'stdio',
    describe: { kind: 'server', transport: 'stdio', command: options.command },
    async connect(_revision: Revision, recorder: Recorder) {
      const stdio: StdioOptions = {
        recorder,
        env: { ...process.env, ...options.env },
        timeoutMs: options.timeoutMs,
        graceMs: 1000,
      };
      if (options.cwd) stdio.cwd = options.cwd;
      return StdioTransport.start(options.command, stdio);
    },
  };
}
