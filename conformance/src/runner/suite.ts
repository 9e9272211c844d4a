/**
 * `runServerSuite`: the library entry point behind `mcp-conformance server`. Picks the scenarios and
 * revisions, finds out which revisions the server speaks, runs everything and returns the one result
 * document.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { REPO_ROOT, registry, type Revision } from '../../../schema/registry.ts';
import { McpSession, RevisionNotSupported } from '../client/session.ts';
import { Recorder } from '../protocol/recorder.ts';
import { AREAS, type Area, type RunResult, type ScenarioResult } from '../model/result.ts';
import type { ServerScenario } from '../model/scenario.ts';
import { SERVER_SCENARIOS } from '../scenarios/index.ts';
import type { AuthTokens, ServerTarget } from './context.ts';
import { resolveRevisions, runServerScenarios } from './run.ts';
import { httpTarget } from './http-target.ts';
import { stdioTarget } from './targets.ts';

export type Suite = 'all' | 'any' | 'fixture' | Area;

export interface ServerSuiteOptions {
  /** The server command, run through `sh -c` (one of `stdio` and `url`). */
  stdio?: string;
  url?: string;
  env?: Record<string, string>;
  headers?: Record<string, string>;
  cwd?: string;
  /** Revision ids or `latest`; every final revision by default (`draft` only when asked for). */
  revisions?: string[];
  /** Scenario ids; all of the suite by default. */
  scenarios?: string[];
  suite?: Suite;
  jobs?: number;
  timeoutMs?: number;
  scenarioTimeoutMs?: number;
  runTimeoutMs?: number;
  strict?: boolean;
  callTools?: boolean;
  /**
   * Bearer tokens (HTTP only): `token` goes with every request as `Authorization: Bearer` (a `headers` entry named
   * Authorization wins); all of them feed the authorization scenarios.
   */
  auth?: AuthTokens;
  /** Base URL of the spec site, for requirement links in reports. */
  siteUrl?: string;
  onScenarioStart?: (job: { id: string; revision: string; transport: 'stdio' | 'http' }) => void;
  onScenarioFinish?: (result: ScenarioResult) => void;
  /** Supplies the HTTP target for `url`; default: a new Streamable HTTP connection per scenario. */
  httpTarget?: (url: string, headers: Record<string, string>, timeoutMs: number) => ServerTarget;
}

/** A usage mistake in the options: exit code 2 with the message. */
export class SuiteUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuiteUsageError';
  }
}

export const SUITES: readonly string[] = ['all', 'any', 'fixture', ...AREAS];

export function selectScenarios(
  all: readonly ServerScenario[],
  options: { scenarios?: string[]; suite?: string },
): ServerScenario[] {
  const suite = options.suite ?? 'all';
  if (!SUITES.includes(suite)) throw new SuiteUsageError(`unknown suite "${suite}"; use one of ${SUITES.join(', ')}`);
  let chosen = all.filter(
    (s) => suite === 'all' || (suite === 'any' || suite === 'fixture' ? s.depth === suite : s.area === suite),
  );
  if (options.scenarios && options.scenarios.length > 0) {
    const known = new Map(all.map((s) => [s.id, s]));
    const unknown = options.scenarios.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const hints = unknown.map((id) => {
        const near = all.filter((s) => s.id.includes(id) || id.includes(s.id.split('-')[0]!)).map((s) => s.id);
        return `"${id}"${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}`;
      });
      throw new SuiteUsageError(`unknown scenario ${hints.join(', ')}; \`mcp-conformance list\` shows them all`);
    }
    const wanted = new Set(options.scenarios);
    chosen = chosen.filter((s) => wanted.has(s.id));
    if (chosen.length === 0) throw new SuiteUsageError(`none of the scenarios given is in the suite "${suite}"`);
  }
  return chosen;
}

/** The server could not be reached at all (the command dies at once, nothing listens): exit code 2. */
export class ServerUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerUnreachable';
  }
}

const UNREACHABLE = /the server exited|connection is closed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|cannot start/;

/**
 * Opens one session per revision to learn which revisions the server speaks. When no revision gets
 * any answer because the server dies or cannot be reached, the run stops with `ServerUnreachable`.
 */
async function probeRevisions(
  target: ServerTarget,
  revisions: Revision[],
  timeoutMs: number,
): Promise<Map<string, string>> {
  const unsupported = new Map<string, string>();
  const unreachable: string[] = [];
  await Promise.all(
    revisions.map(async (revision) => {
      let session: McpSession | undefined;
      const recorder = new Recorder(revision.id);
      try {
        const connection = await target.connect(revision, recorder);
        session = new McpSession(connection, { revision, timeoutMs });
        await session.open();
      } catch (error) {
        const message = (error as Error)?.message ?? String(error);
        if (error instanceof RevisionNotSupported) unsupported.set(revision.id, message);
        // A server that wrote anything at all is reachable: its scenarios report what it wrote.
        else if (UNREACHABLE.test(message) && !recorder.entries().some((e) => e.direction === 'server-to-client')) {
          const stderr = session?.connection.stderr().trim();
          unreachable.push(stderr ? `${message}; its stderr ends with: ${stderr.slice(-500)}` : message);
        }
      } finally {
        await session?.close().catch(() => undefined);
      }
    }),
  );
  if (unreachable.length === revisions.length && revisions.length > 0)
    throw new ServerUnreachable(`cannot reach the server: ${unreachable[0]}`);
  return unsupported;
}

/**
 * Where reports link requirement IDs: under `siteUrl`, else into this checkout's site build when it exists (an
 * installed package has none), else nowhere.
 */
function requirementUrl(siteUrl: string | undefined): string {
  const page = '{revision}/{page}/index.html#{anchor}';
  if (siteUrl) return `${siteUrl.replace(/\/?$/, '/')}${page}`;
  const local = join(REPO_ROOT, 'site', 'dist');
  return existsSync(join(local, 'index.html')) ? `${pathToFileURL(local).href}/${page}` : '';
}

export async function runServerSuite(options: ServerSuiteOptions): Promise<RunResult> {
  if ((options.stdio === undefined) === (options.url === undefined))
    throw new SuiteUsageError('give exactly one of --stdio "command" and --url URL');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const revisions = resolveRevisions(
    options.revisions?.length
      ? options.revisions
      : registry()
          .revisions.filter((r) => r.status === 'final')
          .map((r) => r.id),
  );
  const scenarios = selectScenarios(SERVER_SCENARIOS, options);
  let target: ServerTarget;
  let describeTarget: RunResult['target'];
  if (options.stdio !== undefined) {
    if (options.auth && Object.values(options.auth).some((t) => t !== undefined))
      throw new SuiteUsageError('the --auth-token options need an HTTP server (--url)');
    if (options.stdio.trim() === '') throw new SuiteUsageError('--stdio needs the command that starts the server');
    const stdio = stdioTarget({
      command: options.stdio,
      env: options.env ?? {},
      timeoutMs,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    target = stdio;
    describeTarget = stdio.describe;
  } else {
    let parsed: URL;
    try {
      parsed = new URL(options.url!);
    } catch {
      throw new SuiteUsageError(`--url "${options.url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new SuiteUsageError(`--url must be http:// or https://, not ${parsed.protocol}`);
    const headers = { ...options.headers };
    const given = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    if (options.auth?.token !== undefined && !given) headers.Authorization = `Bearer ${options.auth.token}`;
    target = (options.httpTarget ?? httpTarget)(parsed.href, headers, timeoutMs);
    describeTarget = { kind: 'server', transport: 'http', url: parsed.href };
  }
  const unsupported = await probeRevisions(target, revisions, timeoutMs);
  const supported = revisions.filter((r) => !unsupported.has(r.id));
  const run = await runServerScenarios({
    target,
    describeTarget,
    scenarios,
    revisions: supported,
    // Each stdio job is a server process of its own; an HTTP job is only a connection.
    jobs: options.jobs ?? (target.transport === 'http' ? 16 : 4),
    timeoutMs,
    strict: options.strict ?? false,
    callTools: options.callTools ?? false,
    ...(options.auth ? { auth: options.auth } : {}),
    requirementUrl: requirementUrl(options.siteUrl),
    ...(options.scenarioTimeoutMs ? { scenarioTimeoutMs: options.scenarioTimeoutMs } : {}),
    ...(options.runTimeoutMs ? { runTimeoutMs: options.runTimeoutMs } : {}),
    ...(options.onScenarioStart ? { onScenarioStart: options.onScenarioStart } : {}),
    ...(options.onScenarioFinish ? { onScenarioFinish: options.onScenarioFinish } : {}),
  });
  run.revisions = revisions.map((r) => r.id);
  run.unsupportedRevisions = Object.fromEntries(unsupported);
  return run;
}
