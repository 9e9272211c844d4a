/**
 * `mcp-conformance`: the command line. Exit codes: 0 the implementation conforms, 1 nonconformance
 * (a failed check, a warning under --strict, or a stale baseline entry), 2 usage or harness error.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { getRevision } from '../../schema/registry.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { runServerSuite, ServerUnreachable, SuiteUsageError, SUITES, type ServerSuiteOptions } from './runner/suite.ts';
import { summarize, type RunResult } from './model/result.ts';
import { OutputDirError, parseReporters, prepareOutputDir, writeReports } from './report/index.ts';
import { createConsoleReporter } from './report/console.ts';
import { applyBaseline, BaselineError, loadBaseline } from './baseline/expected-failures.ts';
import { TOOL } from './runner/run.ts';
import type { AuthTokens } from './runner/context.ts';

const AREA_SUITES = SUITES.filter((s) => !['all', 'any', 'fixture'].includes(s));

export const USAGE = `Usage:
  mcp-conformance server (--stdio "COMMAND ARGS" | --url URL) [options]
  mcp-conformance list [--json] [--revision ID]
  mcp-conformance --help | --version

Test an MCP server: the harness plays the client, runs every scenario that applies to each revision
and validates every message on the wire against that revision's schema.

Options for server:
  --stdio "CMD ARGS"         start the server with this command (through sh -c) and talk over stdio
  --url URL                  talk Streamable HTTP to the server at URL
  --revision ID              a revision id, "latest" or "draft"; repeat or comma-separate; default: every
                             final revision (those the server does not speak are reported as not applicable)
  --scenario ID              run only these scenarios; repeat or comma-separate
  --suite NAME               all (default), any, fixture, or one area:
                             ${AREA_SUITES.slice(0, 6).join(', ')},
                             ${AREA_SUITES.slice(6).join(', ')}
  --expected-failures FILE   YAML baseline of known failures (server: and client: lists)
  --reporter LIST            console,json,junit,html,markdown (default console)
  --output-dir DIR           where report files go (default ./mcp-conformance-results)
  --jobs N                   scenarios run at once (default 4 over stdio, 16 over HTTP)
  --timeout MS               time allowed for each request (default 10000)
  --scenario-timeout MS      time allowed for each scenario (default 6 x --timeout)
  --run-timeout MS           time allowed for the whole run (default 1800000)
  --strict                   warnings (unmet SHOULDs) fail the run
  --call-tools               also call tools that are not annotated read-only
  --header "Name: value"     extra HTTP header for every request; repeatable
  --auth-token TOKEN         bearer token sent with every HTTP request (Authorization: Bearer TOKEN)
  Tokens for the authorization checks (each check skips when its token is not given):
  --auth-token-expired T     an expired token
  --auth-token-wrong-audience T
                             a token issued for another resource
  --auth-token-insufficient-scope T
                             a genuine token whose scopes do not cover connecting, listing or calling
                             read-only tools
  --auth-token-broad-scope T a token carrying only a broader scope that includes the needed ones
  --env KEY=VALUE            extra environment variable for the server command; repeatable
  --site-url URL             where requirement links in reports point (default: this checkout's site build,
                             when there is one; an installed package links nowhere without it)

Exit codes: 0 conforms, 1 nonconformance, 2 usage or harness error.`;

class CliUsage extends Error {}

const AUTH_FLAGS = [
  ['auth-token', 'token'],
  ['auth-token-expired', 'expired'],
  ['auth-token-wrong-audience', 'wrongAudience'],
  ['auth-token-insufficient-scope', 'insufficientScope'],
  ['auth-token-broad-scope', 'broadScope'],
] as const satisfies ReadonlyArray<readonly [string, keyof AuthTokens]>;

/** Runs `parse`, turning what it throws into a usage error. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliUsage((error as Error).message);
  }
}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliUsage(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

function pairs(values: string[] | undefined, separator: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf(separator);
    if (at <= 0) throw new CliUsage(`${name} "${value}" must look like NAME${separator.trim()}VALUE`);
    out[value.slice(0, at).trim()] = value.slice(at + separator.length).trim();
  }
  return out;
}

/** The catalogue narrowed to what applies at `revision`. */
function catalogueAt(catalogue: Catalogue, revision: string | undefined): Catalogue {
  if (revision === undefined) return catalogue;
  const scenarios = catalogue.scenarios
    .filter((s) => s.revisions.includes(revision))
    .map((s) => ({ ...s, checks: s.checks.filter((c) => c.revisions.includes(revision)) }));
  const kept = new Set(scenarios.map((s) => s.id));
  const checks = catalogue.checks
    .filter((c) => c.revisions.includes(revision))
    .map((c) => ({ ...c, scenarios: c.scenarios.filter((id) => kept.has(id)) }));
  return { ...catalogue, checkCount: checks.length, checks, scenarios };
}

function printCatalogue({ scenarios, checkCount }: Catalogue, out: NodeJS.WritableStream): void {
  for (const scenario of scenarios) {
    out.write(
      `${scenario.id}  [${scenario.area}, ${scenario.depth === 'any' ? 'any server' : 'fixture'}]  ${scenario.title}\n`,
    );
    out.write(`  revisions: ${scenario.revisions.join(', ')}\n`);
    for (const check of scenario.checks) {
      const requirements = check.requirements.length ? check.requirements.join(', ') : '(no catalogue)';
      out.write(`  - ${check.id}  ${check.level}  ${check.title}\n      requirements: ${requirements}\n`);
      if (check.revisions.join() !== scenario.revisions.join())
        out.write(`      revisions: ${check.revisions.join(', ')}\n`);
    }
  }
  out.write(`\n${scenarios.length} scenarios, ${checkCount} distinct checks\n`);
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version') {
      io.stdout.write(`${TOOL.version}\n`);
      return 0;
    }
    if (command === 'list') {
      const { values } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' }, revision: { type: 'string' } },
        strict: true,
      });
      // An unknown id is a usage error, not an empty list; `latest` names the newest final revision.
      const revision = values.revision === undefined ? undefined : getRevision(values.revision).id;
      const catalogue = catalogueAt(buildCatalogue(), revision);
      if (values.json) io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
      else printCatalogue(catalogue, io.stdout);
      return 0;
    }
    if (command !== 'server') throw new CliUsage(`unknown command "${command}"; use server or list`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        stdio: { type: 'string' },
        url: { type: 'string' },
        revision: { type: 'string', multiple: true },
        scenario: { type: 'string', multiple: true },
        suite: { type: 'string' },
        'expected-failures': { type: 'string' },
        reporter: { type: 'string' },
        'output-dir': { type: 'string' },
        jobs: { type: 'string' },
        timeout: { type: 'string' },
        'scenario-timeout': { type: 'string' },
        'run-timeout': { type: 'string' },
        strict: { type: 'boolean' },
        'call-tools': { type: 'boolean' },
        header: { type: 'string', multiple: true },
        'auth-token': { type: 'string' },
        'auth-token-expired': { type: 'string' },
        'auth-token-wrong-audience': { type: 'string' },
        'auth-token-insufficient-scope': { type: 'string' },
        'auth-token-broad-scope': { type: 'string' },
        env: { type: 'string', multiple: true },
        'site-url': { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new CliUsage(`unexpected argument "${positionals[0]}"`);
    const reporters = asUsage(() => parseReporters(values.reporter ?? 'console'));
    const baselineFile = values['expected-failures'];
    const baseline = baselineFile ? loadBaseline(resolve(io.cwd, baselineFile)) : undefined;
    const outputDir = resolve(io.cwd, values['output-dir'] ?? 'mcp-conformance-results');
    const console = reporters.includes('console')
      ? createConsoleReporter({
          stream: io.stdout,
          tty: io.stdout.isTTY === true,
          color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined,
        })
      : undefined;
    const timeoutMs = integer(values.timeout, '--timeout', 10_000);
    const options: ServerSuiteOptions = {
      revisions: list(values.revision),
      scenarios: list(values.scenario),
      ...(values.jobs !== undefined ? { jobs: integer(values.jobs, '--jobs', 1) } : {}),
      timeoutMs,
      scenarioTimeoutMs: integer(values['scenario-timeout'], '--scenario-timeout', timeoutMs * 6),
      runTimeoutMs: integer(values['run-timeout'], '--run-timeout', 1_800_000),
      strict: values.strict ?? false,
      callTools: values['call-tools'] ?? false,
      env: pairs(values.env, '=', '--env'),
      headers: pairs(values.header, ':', '--header'),
      cwd: io.cwd,
    };
    if (values.stdio !== undefined) options.stdio = values.stdio;
    if (values.url !== undefined) options.url = values.url;
    if (values.suite !== undefined) options.suite = values.suite as ServerSuiteOptions['suite'];
    if (values['site-url'] !== undefined) options.siteUrl = values['site-url'];
    const auth: AuthTokens = {};
    for (const [flag, key] of AUTH_FLAGS) if (values[flag] !== undefined) auth[key] = values[flag];
    if (Object.keys(auth).length > 0) options.auth = auth;
    if (console) {
      options.onScenarioStart = (job) => console.scenarioStarted(job);
      options.onScenarioFinish = (result) => console.scenarioFinished(result);
    }
    // Found before the run rather than after it, when its results would be lost.
    if (reporters.some((r) => r !== 'console')) await prepareOutputDir(outputDir);
    let run: RunResult = await runServerSuite(options);
    if (baseline) {
      const applied = applyBaseline(baseline, 'server', run.scenarios);
      run = {
        ...run,
        scenarios: applied.scenarios,
        options: { ...run.options, baseline: baselineFile! },
        summary: summarize(applied.scenarios, { strict: run.options.strict, staleBaselineEntries: applied.stale }),
      };
    }
    console?.finish(run);
    const written = await writeReports(run, reporters, outputDir);
    for (const file of written) io.stdout.write(`report: ${file}\n`);
    return run.summary.exitCode;
  } catch (error) {
    if (error instanceof BaselineError) io.stderr.write(`mcp-conformance: ${error.format()}\n`);
    else if (error instanceof UserError || error instanceof ServerUnreachable || error instanceof OutputDirError)
      io.stderr.write(`mcp-conformance: ${error.message}\n`);
    else if (
      error instanceof CliUsage ||
      error instanceof SuiteUsageError ||
      String((error as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS')
    )
      io.stderr.write(`mcp-conformance: ${(error as Error).message}\nRun \`mcp-conformance --help\` for usage.\n`);
    else io.stderr.write(`mcp-conformance: harness error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
