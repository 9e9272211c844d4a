/**
 * What a `ServerScenario` sees while it runs: connections to the server under test, its declared
 * checks to decide, and helpers for the common steps. Every connection it opens is closed and its
 * wire kept as evidence when the scenario ends.
 */
import type { Revision } from '../../../schema/registry.ts';
import {
  McpSession,
  SessionError,
  type JsonObject,
  type ListMethod,
  type Response,
  type SessionOptions,
} from '../client/session.ts';
import type { Recorder, WireEntry } from '../protocol/recorder.ts';
import type { Connection } from '../transport/connection.ts';
import type { CheckStatus, Evidence, Level } from '../model/result.ts';
import type { CheckDeclaration } from '../model/scenario.ts';

/** How the runner reaches the server under test. */
export interface ServerTarget {
  transport: 'stdio' | 'http';
  /** Opens a new connection (stdio: a new process; http: a new session) recording into `recorder`. */
  connect(revision: Revision, recorder: Recorder): Promise<Connection>;
}

/**
 * Bearer tokens for the authorization scenarios. `token` is also sent with every request of the run; the others
 * are sent only by the checks that need them, which skip without them.
 */
export interface AuthTokens {
  /** A token the server accepts. */
  token?: string;
  expired?: string;
  /** Issued for another resource (another audience). */
  wrongAudience?: string;
  /** Genuine, but its scopes do not cover the requests the suite makes (connecting, listing or calling a tool). */
  insufficientScope?: string;
  /** Carries only a broader scope that includes those the requests need (scope hierarchies). */
  broadScope?: string;
}

export interface ContextOptions {
  timeoutMs: number;
  callTools: boolean;
  auth?: AuthTokens;
}

const EVIDENCE_BYTES = 4096;

export function toEvidence(entry: WireEntry): Evidence {
  const bytes = Buffer.byteLength(entry.raw);
  const evidence: Evidence = {
    seq: entry.seq,
    direction: entry.direction,
    at: entry.at,
    raw: bytes > EVIDENCE_BYTES ? Buffer.from(entry.raw).subarray(0, EVIDENCE_BYTES).toString('utf8') : entry.raw,
    truncated: entry.truncated || bytes > EVIDENCE_BYTES,
  };
  if (entry.errors.length > 0) evidence.errors = entry.errors.slice(0, 20);
  return evidence;
}

/** Thrown to end a scenario early once the remaining checks were decided (usually skipped). */
export class ScenarioEnd extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ScenarioEnd';
  }
}

export type EvidenceInput = WireEntry | Evidence | Response | undefined;

interface Decision {
  status: CheckStatus;
  message?: string;
  evidence: Evidence[];
}

const SEVERITY: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, error: 3, fail: 4 };

export class CheckHandle {
  readonly declaration: CheckDeclaration;
  private decision: Decision | undefined;
  private readonly context: ServerContext;
  private sealed = false;

  constructor(declaration: CheckDeclaration, context: ServerContext) {
    this.declaration = declaration;
    this.context = context;
  }

  get decided(): boolean {
    return this.decision !== undefined;
  }

  get status(): CheckStatus | undefined {
    return this.decision?.status;
  }

  get result(): Decision | undefined {
    return this.decision;
  }

  /** The status a broken requirement of this check's level gets: `fail` for MUST, `warn` for SHOULD. */
  get unmet(): CheckStatus {
    const level: Level = this.declaration.level;
    return level === 'MUST' || level === 'MUST NOT' ? 'fail' : 'warn';
  }

  pass(message?: string): this {
    return this.decide('pass', message, []);
  }

  /** The requirement was not met: `fail` for a MUST, `warn` for a SHOULD. */
  violated(message: string, ...evidence: EvidenceInput[]): this {
    return this.decide(this.unmet, message, evidence);
  }

  fail(message: string, ...evidence: EvidenceInput[]): this {
    return this.decide('fail', message, evidence);
  }

  warn(message: string, ...evidence: EvidenceInput[]): this {
    return this.decide('warn', message, evidence);
  }

  skip(reason: string): this {
    return this.decide('skip', reason, []);
  }

  error(message: string, ...evidence: EvidenceInput[]): this {
    return this.decide('error', message, evidence);
  }

  /**
   * Ignores every later decision. A scenario stopped by its time limit keeps running until its connections
   * close, and what it decides then (requests cut off by the harness) says nothing about the server.
   */
  seal(): void {
    this.sealed = true;
  }

  /** `pass` when `ok`, else `violated(message)`. Returns `ok`. */
  verify(ok: boolean, message: string, ...evidence: EvidenceInput[]): boolean {
    if (ok) this.pass();
    else this.violated(message, ...evidence);
    return ok;
  }

  /**
   * Several decisions may be made for one check (one per tool listed, say): the worst one wins, and the
   * evidence of every non-passing one is kept.
   */
  private decide(status: CheckStatus, message: string | undefined, inputs: EvidenceInput[]): this {
    if (this.sealed) return this;
    const evidence = this.context.evidenceFrom(inputs);
    const current = this.decision;
    if (!current || SEVERITY[status] > SEVERITY[current.status] || (current.status === 'skip' && status === 'pass')) {
      this.decision = { status, evidence: [...(current?.evidence ?? []), ...evidence] };
      if (message !== undefined) this.decision.message = message;
    } else if (status !== 'pass' && status !== 'skip') {
      current.evidence.push(...evidence);
    }
    return this;
  }
}

export class ServerContext {
  readonly revision: Revision;
  readonly transport: 'stdio' | 'http';
  readonly options: ContextOptions;
  readonly checks = new Map<string, CheckHandle>();
  /** Every recorder of the scenario, for the wire check and for evidence. */
  readonly recorders: Recorder[] = [];
  private readonly connections: Connection[] = [];
  private readonly sessions: McpSession[] = [];
  private readonly target: ServerTarget;
  private readonly createRecorder: () => Recorder;
  private readonly toolCache = new WeakMap<McpSession, Promise<JsonObject[] | undefined>>();

  constructor(
    revision: Revision,
    target: ServerTarget,
    declarations: CheckDeclaration[],
    options: ContextOptions,
    createRecorder: () => Recorder,
  ) {
    this.revision = revision;
    this.transport = target.transport;
    this.target = target;
    this.options = options;
    this.createRecorder = createRecorder;
    for (const declaration of declarations) this.checks.set(declaration.id, new CheckHandle(declaration, this));
  }

  get stateless(): boolean {
    return this.revision.era === 'stateless';
  }

  /** The handle of a declared check; asking for an undeclared one is a harness bug. */
  check(id: string): CheckHandle {
    const handle = this.checks.get(id);
    if (!handle) throw new Error(`harness bug: check "${id}" is not declared by this scenario for ${this.revision.id}`);
    return handle;
  }

  /** Whether the scenario declared this check for the current revision and transport. */
  has(id: string): boolean {
    return this.checks.has(id);
  }

  /** Skips every check not decided yet, with `reason`. */
  skipRemaining(reason: string): void {
    for (const handle of this.checks.values()) if (!handle.decided) handle.skip(reason);
  }

  /** Skips every undecided check and ends the scenario. */
  end(reason: string): never {
    this.skipRemaining(reason);
    throw new ScenarioEnd(reason);
  }

  /** A new connection to the server, not yet initialized. */
  async connection(): Promise<Connection> {
    const recorder = this.createRecorder();
    this.recorders.push(recorder);
    const connection = await this.target.connect(this.revision, recorder);
    this.connections.push(connection);
    return connection;
  }

  /**
   * A new connection with a client session on it, opened (initialize or discover) unless `open` is
   * false. A failed handshake makes every undecided check `error`... unless a check of the scenario is
   * about the handshake itself, in which case the scenario handles `SessionError` on its own.
   */
  async session(options: Partial<Omit<SessionOptions, 'revision'>> & { open?: boolean } = {}): Promise<McpSession> {
    const connection = await this.connection();
    const session = new McpSession(connection, {
      revision: this.revision,
      timeoutMs: this.options.timeoutMs,
      ...options,
    });
    this.sessions.push(session);
    if (options.open !== false) await session.open();
    return session;
  }

  /**
   * Every item a list method returns, following `nextCursor` (at most 100 pages); tools are cached per
   * session. `undefined` when the listing failed.
   */
  listAll(session: McpSession, method: ListMethod): Promise<JsonObject[] | undefined> {
    const run = async (): Promise<JsonObject[] | undefined> => {
      const walk = await session.listPages(method, 100);
      return walk.broken ? undefined : walk.items;
    };
    if (method !== 'tools/list') return run();
    let cached = this.toolCache.get(session);
    if (!cached) {
      cached = run();
      this.toolCache.set(session, cached);
    }
    return cached;
  }

  /**
   * The fixture tool `name`, or the end of the scenario: every undecided check is skipped with
   * "fixture absent", since a server without the conformance fixture is not at fault.
   */
  async fixtureTool(session: McpSession, name: string): Promise<JsonObject> {
    const tools = await this.listAll(session, 'tools/list');
    const tool = tools?.find((t) => t.name === name);
    if (!tool) this.end(`fixture absent: the server lists no tool "${name}" (see FIXTURE.md)`);
    return tool;
  }

  /** Ends the scenario with a skip when the server did not declare `capability`. */
  requireCapability(session: McpSession, capability: string): JsonObject {
    const declared = session.serverCapabilities[capability];
    if (typeof declared !== 'object' || declared === null)
      this.end(`not applicable: the server does not declare the "${capability}" capability`);
    return declared as JsonObject;
  }

  evidenceFrom(inputs: EvidenceInput[]): Evidence[] {
    const evidence: Evidence[] = [];
    for (const input of inputs) {
      if (!input) continue;
      if ('message' in input && !('seq' in input)) {
        const entry = this.entryFor(input as Response);
        if (entry) evidence.push(toEvidence(entry));
      } else if ('kind' in input) evidence.push(toEvidence(input as WireEntry));
      else evidence.push(input as Evidence);
    }
    return evidence;
  }

  /** Closes every connection the scenario opened. Never rejects. */
  async closeAll(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.close().catch(() => undefined)));
    await Promise.all(this.connections.map((c) => c.close().catch(() => undefined)));
  }

  /** The most recent stderr output of the scenario's connections. */
  stderr(): string {
    return this.connections
      .map((c) => c.stderr())
      .filter((s) => s.length > 0)
      .join('\n')
      .slice(-8192);
  }

  private entryFor(response: Response): WireEntry | undefined {
    for (const recorder of this.recorders) {
      const found = recorder.entries().find((e) => e.message === response.message);
      if (found) return found;
    }
    return undefined;
  }
}

export { SessionError };
