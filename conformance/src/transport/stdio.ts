/**
 * The stdio transport: runs an MCP server as a child process and exchanges newline-delimited JSON
 * with it. Every line in either direction goes through the connection's `Recorder`.
 * The harness plays the client: what it sends is `client-to-server`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { classify, type JsonRpcId } from '../protocol/jsonrpc.ts';
import { Recorder, type WireEntry } from '../protocol/recorder.ts';
import type { Connection } from './connection.ts';
import { PendingRequests } from './pending.ts';

export interface StdioOptions {
  /** Revision whose schema validates the traffic (`latest` accepted). Ignored when `recorder` is given. */
  revision?: string;
  /** Records the traffic; a new one for `revision` by default. */
  recorder?: Recorder;
  /** Environment of the child; defaults to this process's environment. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Default time `request()` waits for a response. 10 s by default. */
  timeoutMs?: number;
  /** Time `close()` allows after closing stdin, and again after SIGTERM. 2 s by default. */
  graceMs?: number;
  /** Longest line accepted from the server before it is reported as a framing violation. 16 MiB by default. */
  maxLineBytes?: number;
  /** Stderr kept (the most recent bytes). 1 MiB by default. */
  maxStderrBytes?: number;
  /** Throw instead of sending when `send()` is given a message the schema rejects (default true). */
  strict?: boolean;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The harness tried to send a message its own revision's schema rejects: a bug in the harness. */
export class HarnessError extends Error {
  constructor(
    message: string,
    readonly entry: WireEntry,
  ) {
    super(message);
    this.name = 'HarnessError';
  }
}

const MIB = 1024 * 1024;

export class StdioTransport implements Connection {
  readonly recorder: Recorder;
  readonly command: string;
  readonly transport = 'stdio' as const;
  /** Resolves when the child has exited. */
  readonly exited: Promise<ExitStatus>;
  /** Resolves when the child's stdout has ended and every line of it has been recorded. */
  readonly outputEnded: Promise<void>;

  private readonly child: ChildProcess;
  private readonly options: Required<
    Pick<StdioOptions, 'timeoutMs' | 'graceMs' | 'maxLineBytes' | 'maxStderrBytes'>
  > & {
    strict: boolean;
  };
  private exitStatus: ExitStatus | undefined;
  private pendingChunks: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private stderrChunks: Buffer[] = [];
  private stderrBytes = 0;
  private readonly pending = new PendingRequests();
  private readonly listeners = new Set<(message: unknown, entry: WireEntry) => void>();
  private readonly endListeners = new Set<() => void>();
  private ended = false;
  private closing: Promise<ExitStatus> | undefined;

  private constructor(command: string, child: ChildProcess, options: StdioOptions) {
    this.command = command;
    this.child = child;
    this.recorder = options.recorder ?? new Recorder(options.revision ?? 'latest');
    this.options = {
      timeoutMs: options.timeoutMs ?? 10_000,
      graceMs: options.graceMs ?? 2_000,
      maxLineBytes: options.maxLineBytes ?? 16 * MIB,
      maxStderrBytes: options.maxStderrBytes ?? MIB,
      strict: options.strict ?? true,
    };
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        this.failWaiters(
          `the server exited (${signal ? `signal ${signal}` : `code ${String(code)}`}) before answering`,
        );
        resolve(this.exitStatus);
      });
    });
    this.outputEnded = new Promise((resolve) => {
      const end = (): void => {
        if (this.ended) return;
        this.flushOnEnd();
        this.ended = true;
        for (const listener of this.endListeners) listener();
        resolve();
      };
      child.stdout!.once('end', end);
      child.stdout!.once('close', end);
    });
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.onStderr(chunk));
    // Writing to a child that has gone away must not crash the harness; `send` reports it instead.
    child.stdin!.on('error', () => {});
  }

  /**
   * Runs `command` through `sh -c` in its own process group and connects to its stdio.
   * Rejects if the shell cannot be started at all.
   */
  static async start(command: string, options: StdioOptions = {}): Promise<StdioTransport> {
    const child = spawn('sh', ['-c', command], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (error) => reject(new Error(`cannot start \`${command}\`: ${error.message}`)));
    });
    return new StdioTransport(command, child, options);
  }

  /** The process id of the shell, which is also the id of the child's process group. */
  get pid(): number {
    return this.child.pid!;
  }

  get exitCode(): ExitStatus | undefined {
    return this.exitStatus;
  }

  /** The most recent stderr output (at most `maxStderrBytes`). */
  stderr(): string {
    return Buffer.concat(this.stderrChunks).toString('utf8');
  }

  /**
   * Sends one message. With `strict` (the default) a message the revision's schema rejects is not
   * sent: it throws `HarnessError`, since an invalid message from the harness is a bug.
   */
  send(message: unknown): WireEntry {
    const line = JSON.stringify(message);
    if (this.options.strict) {
      const preview = this.recorder.preview('client-to-server', line);
      if (!preview.valid) {
        throw new HarnessError(`the harness tried to send an invalid message: ${preview.errors.join('; ')}`, preview);
      }
    }
    return this.sendRaw(line);
  }

  /** Sends one line exactly as given (plus the newline), valid or not: for deliberately malformed traffic. */
  sendRaw(line: string): WireEntry {
    if (this.exitStatus || this.closing || this.child.stdin!.destroyed || this.child.stdin!.writableEnded) {
      throw new Error(`cannot send to \`${this.command}\`: the connection is closed`);
    }
    const entry = this.recorder.record('client-to-server', line);
    this.child.stdin!.write(`${line}\n`);
    return entry;
  }

  /**
   * Sends a request and resolves with the response (result or error) carrying the same id.
   * Rejects when none arrives within `timeoutMs`, or when the server exits first.
   */
  request(
    message: { id: JsonRpcId; method: string } & Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>> {
    return this.pending.wait(message, timeoutMs ?? this.options.timeoutMs, () => this.send(message));
  }

  get peer(): string {
    return this.command;
  }

  /** stdio has no transport errors below JSON-RPC worth reporting apart: exits reject the waiting requests. */
  onTransportError(listener: (error: Error) => void): () => void {
    void listener;
    return () => {};
  }

  /** Calls `listener` for every JSON value the server sends (valid or not), with its wire entry. */
  onMessage(listener: (message: unknown, entry: WireEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The JSON values the server sends from now on, until its output ends. */
  messages(): AsyncIterableIterator<unknown> {
    const queue: unknown[] = [];
    let wake: (() => void) | undefined;
    let done = this.ended;
    const unsubscribe = this.onMessage((message) => {
      queue.push(message);
      wake?.();
    });
    const onEnd = (): void => {
      done = true;
      wake?.();
    };
    this.endListeners.add(onEnd);
    const finish = (): void => {
      unsubscribe();
      this.endListeners.delete(onEnd);
      done = true;
    };
    const iterator: AsyncIterableIterator<unknown> = {
      next: async () => {
        while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        if (queue.length > 0) return { done: false, value: queue.shift() };
        finish();
        return { done: true, value: undefined };
      },
      return: async () => {
        finish();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /**
   * Ends the connection: closes stdin, waits `graceMs` for the server to exit, then sends SIGTERM to
   * its whole process group, waits again, then SIGKILL. Always resolves; leaves no process behind.
   */
  close(): Promise<ExitStatus> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /**
   * Closes the server's stdin and waits up to `ms` for it to exit on its own. Resolves with its exit
   * status, or `undefined` if it is still running (`close()` then stops it).
   */
  async endInput(ms: number): Promise<ExitStatus | undefined> {
    if (!this.child.stdin!.writableEnded) this.child.stdin!.end();
    return (await this.exitWithin(ms)) ? this.exitStatus : undefined;
  }

  private async shutDown(): Promise<ExitStatus> {
    const unknownExit: ExitStatus = { code: null, signal: null };
    try {
      this.child.stdin!.end();
      if (!(await this.exitWithin(this.options.graceMs))) {
        this.killGroup('SIGTERM');
        if (!(await this.exitWithin(this.options.graceMs))) {
          this.killGroup('SIGKILL');
          await this.exitWithin(this.options.graceMs);
        }
      }
      // The shell may be gone while something it started lives on in the group.
      if (this.groupAlive()) {
        this.killGroup('SIGKILL');
        await this.groupGoneWithin(this.options.graceMs);
      }
    } catch {
      // close() always resolves.
    }
    this.failWaiters('the connection was closed before a response arrived');
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    return this.exitStatus ?? unknownExit;
  }

  private exitWithin(ms: number): Promise<boolean> {
    if (this.exitStatus) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void this.exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private killGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already empty.
    }
  }

  /**
   * Whether any live process remains in the child's process group. Zombies do not count: an orphan
   * is reaped by init, and some container inits never do.
   */
  private groupAlive(): boolean {
    const pgid = this.child.pid;
    if (pgid === undefined) return false;
    try {
      process.kill(-pgid, 0);
    } catch {
      return false;
    }
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    } catch {
      return true; // no /proc: trust kill()
    }
    return pids.some((pid) => {
      try {
        // Fields after the command name: state, ppid, pgrp, ...
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === pgid && state !== 'Z';
      } catch {
        return false;
      }
    });
  }

  private async groupGoneWithin(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private failWaiters(reason: string): void {
    this.pending.rejectAll(reason);
  }

  private onStderr(chunk: Buffer): void {
    this.stderrChunks.push(chunk);
    this.stderrBytes += chunk.length;
    while (this.stderrBytes > this.options.maxStderrBytes && this.stderrChunks.length > 0) {
      const excess = this.stderrBytes - this.options.maxStderrBytes;
      const head = this.stderrChunks[0]!;
      if (head.length <= excess) {
        this.stderrChunks.shift();
        this.stderrBytes -= head.length;
      } else {
        this.stderrChunks[0] = head.subarray(excess);
        this.stderrBytes -= excess;
      }
    }
  }

  private onStdout(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      this.take(chunk.subarray(start, newline));
      this.endLine();
      start = newline + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  }

  /** Buffers part of a line, or reports the line once it outgrows the limit and drops the rest of it. */
  private take(part: Buffer): void {
    if (this.discarding || part.length === 0) return;
    this.pendingChunks.push(part);
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.options.maxLineBytes) {
      const head = Buffer.concat(this.pendingChunks).subarray(0, 1024).toString('utf8');
      this.recorder.recordViolation(
        'server-to-client',
        head,
        `line longer than ${this.options.maxLineBytes} bytes without a newline; the rest of it was discarded`,
      );
      this.pendingChunks = [];
      this.pendingBytes = 0;
      this.discarding = true;
    }
  }

  private endLine(): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    const bytes = Buffer.concat(this.pendingChunks);
    this.pendingChunks = [];
    this.pendingBytes = 0;
    this.receive(bytes);
  }

  private flushOnEnd(): void {
    if (this.pendingBytes > 0) {
      const bytes = Buffer.concat(this.pendingChunks);
      this.pendingChunks = [];
      this.pendingBytes = 0;
      this.receive(bytes, 'the output ended without a newline after the last line');
    }
  }

  private receive(bytes: Buffer, framingNote?: string): void {
    const line = bytes.toString('utf8');
    // A blank line between messages is harmless; it is not recorded.
    if (line.trim() === '' && framingNote === undefined) return;
    const entry = this.recorder.record('server-to-client', line);
    if (framingNote) this.recorder.recordViolation('server-to-client', '', framingNote);
    if (!isUtf8(bytes))
      this.recorder.recordViolation('server-to-client', line.slice(0, 1024), 'the line is not valid UTF-8');
    if (entry.message === undefined) return;
    const kind = classify(entry.message);
    if ((kind.kind === 'result-response' || kind.kind === 'error-response') && kind.id !== null) {
      this.pending.resolve(kind.id, entry.message as Record<string, unknown>);
    }
    for (const listener of this.listeners) listener(entry.message, entry);
  }
}
