/**
 * Proof that the checks can fail: the reference server passes the whole suite, and each fault of its fault
 * switch makes every check it names in `breaks` fail (or warn, for a SHOULD). Together the faults must name
 * every check of the catalogue but those still listed in UNPROVEN. What each fault broke is written to
 * test-artifacts/faults.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import { resolveRevisions, runServerScenarios } from '../src/runner/run.ts';
import { httpTarget } from '../src/runner/http-target.ts';
import { stdioTarget } from '../src/runner/targets.ts';
import { SERVER_SCENARIOS } from '../src/scenarios/index.ts';
import { STATELESS_NO_REQUESTS_CHECK, WIRE_CHECK } from '../src/scenarios/wire.ts';
import { buildCatalogue } from '../src/catalogue.ts';
import type { ServerScenario } from '../src/model/scenario.ts';
import type { RunResult } from '../src/model/result.ts';
import { FAULT_CATALOGUE, type Fault } from './server/faults.ts';
import { createReferenceHttpServer } from './server/http-app.ts';
import { mintReferenceTokens } from './server/auth.ts';
import type { AuthTokens } from '../src/runner/context.ts';

const REVISIONS = resolveRevisions(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28']);
const TIMEOUT_MS = 3000;
/** stdio servers start a process per scenario; under a loaded test run that alone can take seconds. */
const STDIO_TIMEOUT_MS = 10_000;
const STDIO_SERVER = join(REPO_ROOT, 'conformance', 'reference', 'server', 'stdio.ts');

/** Checks no fault breaks yet. The list only shrinks: a check that a fault breaks must leave it. */
const UNPROVEN: readonly string[] = [
  'lifecycle.initialize-result',
  'lifecycle.version-same',
  'lifecycle.no-requests-before-initialized',
  'lifecycle.ping-after-initialized',
  'lifecycle.version-alternative',
  'lifecycle.pre-initialize-answered',
  'discover.implemented',
  'discover.lists-revision',
  'discover.server-info',
  'discover.missing-version-rejected',
  'jsonrpc.invalid-request',
  'jsonrpc.error-id-echoed',
  'jsonrpc.unknown-notification-ignored',
  'jsonrpc.still-usable',
  'jsonrpc.result-id-echoed',
  'jsonrpc.batch-refused',
  'tools.capability-consistent',
  'tools.list-answered',
  'tools.stable',
  'tools.same-per-connection',
  'tools.name-format',
  'tools.input-schema-object',
  'tools.input-schema-valid',
  'tools.output-schema-object',
  'tools.output-schema-valid',
  'tools.call-answered',
  'tools.structured-present',
  'tools.structured-object',
  'tools.structured-text-fallback',
  'resources.capability-consistent',
  'resources.list-answered',
  'resources.pagination',
  'resources.invalid-cursor',
  'resources.same-per-connection',
  'resources.uri-valid',
  'resource-templates.capability-consistent',
  'resource-templates.list-answered',
  'resource-templates.pagination',
  'resource-templates.invalid-cursor',
  'resource-templates.same-per-connection',
  'resources.read-answered',
  'resources.read-uri-matches',
  'resources.blob-base64',
  'prompts.capability-consistent',
  'prompts.list-answered',
  'prompts.pagination',
  'prompts.invalid-cursor',
  'prompts.stable',
  'prompts.same-per-connection',
  'prompts.content-valid',
  'prompts.unknown-name-error',
  'completion.capability-consistent',
  'completion.unknown-prompt-error',
  'logging.set-level-accepted',
  'logging.set-level-invalid',
  'logging.meta-level-invalid',
  'stdio.exit-on-eof',
  'http.request-content-type',
  'http.notification-202',
  'http.origin-403',
  'http.invalid-json-400',
  'http.session-id-ascii',
  'http.session-missing-400',
  'http.session-unknown-404',
  'http.session-deleted-404',
  'http.get-stream-or-405',
  'http.protocol-version-invalid-400',
  'http.protocol-version-unsupported-400',
  'http.protocol-version-unsupported-error',
  'http.protocol-version-mismatch',
  'http.mcp-method-missing',
  'http.mcp-method-mismatch',
  'http.no-session-ids',
  'http.get-delete-405',
  'http.mcp-name-mismatch',
  'http.session-id-ignored',
  'http.last-event-id-ignored',
  'fixture.simple-text',
  'fixture.image-content',
  'fixture.audio-content',
  'fixture.embedded-resource',
  'fixture.multiple-content',
  'fixture.resource-link',
  'fixture.embedded-resources-capability',
  'fixture.tool-invalid-arguments',
  'fixture.structured-text-mirror',
  'fixture.resources-listed',
  'fixture.resource-static-text',
  'fixture.resource-static-binary',
  'fixture.resource-template-listed',
  'fixture.resource-template-read',
  'fixture.prompts-listed',
  'fixture.prompt-simple',
  'fixture.prompt-arguments',
  'fixture.prompt-embedded-resource',
  'fixture.prompt-image',
  'fixture.progress-token-echoed',
  'fixture.progress-integer-token',
  'fixture.progress-no-token',
  'fixture.logging-capability',
  'fixture.logging-at-level',
  'fixture.logging-meta-level',
  'fixture.logging-meta-below-level',
  'fixture.cancel-stops-processing',
  'fixture.cancel-server-continues',
  'fixture.cancel-unknown-ignored',
  'fixture.tools-list-changed',
  'fixture.prompts-list-changed',
  'fixture.resources-list-changed',
  'fixture.resource-updated',
  'fixture.resource-updated-only-subscribed',
  'fixture.resource-unsubscribed',
  'fixture.sampling-request',
  'fixture.sampling-context',
  'fixture.sampling-result',
  'fixture.sampling-undeclared',
  'fixture.elicitation-undeclared',
  'fixture.elicitation-url-request',
  'fixture.elicitation-url-https',
  'fixture.elicitation-url-complete',
  'fixture.elicitation-url-result',
  'fixture.roots-request',
  'fixture.roots-undeclared',
  'fixture.mrtr-input-request-types',
  'fixture.mrtr-elicitation-form',
  'fixture.mrtr-retry-complete',
  'fixture.mrtr-re-request-missing',
  'fixture.mrtr-extra-responses',
  'fixture.mrtr-intact-state',
  'fixture.missing-capability-data',
  'fixture.capability-declared-served',
  'fixture.capability-not-inferred',
];

const CATALOGUE = buildCatalogue();
const ALL_CHECKS = new Set(CATALOGUE.checks.map((c) => c.id));
/** The runner adds these to every scenario, so they do not pick scenarios. */
const BUILT_IN = new Set([WIRE_CHECK.id, STATELESS_NO_REQUESTS_CHECK.id]);

/** The scenarios declaring the checks a fault names; all of them when it names only built-in checks. */
function scenariosFor(fault: Fault): readonly ServerScenario[] {
  const specific = fault.breaks.filter((id) => !BUILT_IN.has(id));
  if (specific.length === 0) return SERVER_SCENARIOS;
  const ids = new Set(CATALOGUE.checks.filter((c) => specific.includes(c.id)).flatMap((c) => c.scenarios));
  return SERVER_SCENARIOS.filter((s) => ids.has(s.id));
}

function options(target: ReturnType<typeof httpTarget>, scenarios: readonly ServerScenario[], auth?: AuthTokens) {
  return {
    ...(auth ? { auth } : {}),
    target,
    describeTarget: { kind: 'server' as const, transport: target.transport },
    scenarios,
    revisions: REVISIONS,
    jobs: 8,
    timeoutMs: TIMEOUT_MS,
    strict: false,
    callTools: false,
  };
}

/** Auth mode: the reference requires tokens, and the suite holds every token it mints. */
async function overHttp(scenarios: readonly ServerScenario[], fault?: string, auth = false): Promise<RunResult> {
  const server = createReferenceHttpServer({ ...(fault ? { fault } : {}), auth });
  const { url } = await server.listen(0, '127.0.0.1');
  try {
    if (!auth) return await runServerScenarios(options(httpTarget(url, {}, TIMEOUT_MS), scenarios));
    const minted = mintReferenceTokens(url);
    const tokens = { ...minted, token: minted.valid };
    const target = httpTarget(url, { Authorization: `Bearer ${tokens.token}` }, TIMEOUT_MS);
    return await runServerScenarios(options(target, scenarios, tokens));
  } finally {
    await server.close();
  }
}

function overStdio(scenarios: readonly ServerScenario[], fault: string): Promise<RunResult> {
  const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(STDIO_SERVER)}`;
  const target = stdioTarget({ command, env: { MCP_REFERENCE_FAULT: fault }, timeoutMs: STDIO_TIMEOUT_MS });
  return runServerScenarios({ ...options(target, scenarios), timeoutMs: STDIO_TIMEOUT_MS });
}

/** `scenario/check@revision` for every check that did not pass or skip. */
function broken(run: RunResult): string[] {
  return run.scenarios.flatMap((s) =>
    s.checks
      .filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'error')
      .map((c) => `${s.id}/${c.id}@${s.revision}`),
  );
}

const checkOf = (key: string): string => key.split('/')[1]!.split('@')[0]!;

describe('the fault switch of the reference server', () => {
  it('passes every check without a fault', async () => {
    const run = await overHttp(SERVER_SCENARIOS);
    expect(broken(run)).toEqual([]);
    expect(run.summary.checks.pass).toBeGreaterThan(300);
  });

  it('passes the authorization scenarios in authorization mode', async () => {
    const run = await overHttp(
      SERVER_SCENARIOS.filter((s) => s.area === 'authorization'),
      undefined,
      true,
    );
    expect(broken(run)).toEqual([]);
    const skipped = run.scenarios.flatMap((s) =>
      s.checks.filter((c) => c.status === 'skip' && !BUILT_IN.has(c.id)).map((c) => `${c.id}@${s.revision}`),
    );
    expect(skipped).toEqual([]);
  });

  it('names only known checks, and every check is named by a fault or listed as unproven', () => {
    const named = new Set(FAULT_CATALOGUE.flatMap((f) => f.breaks));
    expect(
      [...named].filter((id) => !ALL_CHECKS.has(id)),
      'unknown check ids in breaks',
    ).toEqual([]);
    expect(
      UNPROVEN.filter((id) => named.has(id)),
      'proven checks still listed in UNPROVEN',
    ).toEqual([]);
    expect(
      [...ALL_CHECKS].filter((id) => !named.has(id) && !UNPROVEN.includes(id)),
      'checks no fault breaks',
    ).toEqual([]);
    for (const fault of FAULT_CATALOGUE) expect(fault.breaks.length, fault.name).toBeGreaterThan(0);
  });

  it('makes every check a fault names fail', async () => {
    const found: Record<string, string[]> = {};
    const queue = [...FAULT_CATALOGUE];
    const worker = async (): Promise<void> => {
      for (let fault = queue.shift(); fault; fault = queue.shift()) {
        const scenarios = scenariosFor(fault);
        const run = fault.stdio
          ? await overStdio(scenarios, fault.name)
          : await overHttp(scenarios, fault.name, fault.auth === true);
        found[fault.name] = broken(run);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    const seen = new Set(Object.values(found).flatMap((list) => list.map(checkOf)));
    writeFileSync(
      join(REPO_ROOT, 'test-artifacts', 'faults.json'),
      `${JSON.stringify({ faults: found, checksSeenFailing: [...seen].sort() }, null, 2)}\n`,
    );
    const missed = FAULT_CATALOGUE.flatMap((fault) => {
      const failed = new Set(found[fault.name]!.map(checkOf));
      return fault.breaks.filter((id) => !failed.has(id)).map((id) => `${fault.name} → ${id}`);
    });
    expect(missed, 'checks a fault names but did not break').toEqual([]);
  }, 600_000);
});
