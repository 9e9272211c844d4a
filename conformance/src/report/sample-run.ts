/**
 * A realistic `RunResult` for the reporter tests: two revisions, both transports, every check status,
 * unreached checks, HTTP evidence, an excused failure and a stale baseline entry. Test helper only.
 */
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, summarize } from '../model/result.ts';
import type { CheckResult, Evidence, RunResult, ScenarioResult } from '../model/result.ts';

const line = (value: unknown): string => JSON.stringify(value);

function evidence(partial: Partial<Evidence> & Pick<Evidence, 'seq' | 'direction' | 'raw'>): Evidence {
  return { at: partial.seq * 3, truncated: false, ...partial };
}

function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'title' | 'status'>): CheckResult {
  return { level: 'MUST', requirements: [], evidence: [], reached: true, ...partial };
}

function scenario(
  partial: Omit<ScenarioResult, 'status' | 'durationMs' | 'depth'> & Partial<ScenarioResult>,
): ScenarioResult {
  const severity = { skip: 0, pass: 1, warn: 2, error: 3, fail: 4 } as const;
  const status = partial.checks.reduce<ScenarioResult['status']>(
    (worst, c) => (severity[c.status] > severity[worst] ? c.status : worst),
    'skip',
  );
  return { depth: 'any', durationMs: 120, status, ...partial };
}

const initialize = (revision: string): Evidence[] => [
  evidence({
    seq: 1,
    direction: 'client-to-server',
    raw: line({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: revision } }),
  }),
  evidence({
    seq: 2,
    direction: 'server-to-client',
    raw: line({ jsonrpc: '2.0', id: 0, result: { protocolVersion: revision, capabilities: { tools: {} } } }),
  }),
];

function scenariosFor(revision: string): ScenarioResult[] {
  return [
    scenario({
      id: 'lifecycle-initialize',
      title: 'Initialization handshake',
      area: 'lifecycle',
      revision,
      transport: 'stdio',
      checks: [
        check({
          id: 'initialize-result-valid',
          title: 'The initialize result matches the schema',
          requirements: ['lifecycle.init.response'],
          status: 'pass',
          evidence: initialize(revision),
        }),
        check({
          id: 'server-info-version',
          title: 'serverInfo carries a version',
          level: 'SHOULD',
          requirements: ['lifecycle.init.server-info'],
          status: 'warn',
          message: 'serverInfo.version is an empty string',
          evidence: initialize(revision).slice(1),
        }),
      ],
    }),
    scenario({
      id: 'jsonrpc-ping',
      title: 'ping answers with an empty result',
      area: 'jsonrpc',
      revision,
      transport: 'stdio',
      durationMs: 14,
      checks: [
        check({
          id: 'ping-result',
          title: 'The ping result is empty',
          requirements: ['utilities.ping.response'],
          status: 'pass',
          evidence: [
            evidence({ seq: 3, direction: 'client-to-server', raw: line({ jsonrpc: '2.0', id: 9, method: 'ping' }) }),
            evidence({ seq: 4, direction: 'server-to-client', raw: line({ jsonrpc: '2.0', id: 9, result: {} }) }),
          ],
        }),
      ],
    }),
    scenario({
      id: 'tools-list',
      title: 'Listing tools',
      area: 'tools',
      revision,
      transport: 'stdio',
      stderr: 'listening on stdio\nwarning: deprecated option --foo\n',
      checks: [
        check({
          id: 'result-valid',
          title: 'tools/list result matches the schema',
          requirements: ['tools.list.result'],
          status: 'fail',
          message: 'The result does not match ListToolsResult',
          evidence: [
            evidence({
              seq: 3,
              direction: 'client-to-server',
              raw: line({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
            }),
            evidence({
              seq: 4,
              direction: 'server-to-client',
              raw: line({ jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'echo' }] } }),
              errors: ["/result/tools/0: must have required property 'inputSchema'"],
            }),
          ],
        }),
        check({
          id: 'pagination-cursor',
          title: 'nextCursor is honoured',
          requirements: ['utilities.pagination.cursor'],
          status: 'skip',
          message: 'The server returned a single page',
        }),
        check({
          id: 'tool-names-unique',
          title: 'Tool names are unique',
          requirements: ['tools.list.unique-names'],
          status: 'pass',
        }),
      ],
    }),
    scenario({
      id: 'tools-call-simple',
      title: 'Calling a tool',
      area: 'tools',
      depth: 'fixture',
      revision,
      transport: 'stdio',
      checks: [
        check({
          id: 'call-result-valid',
          title: 'tools/call result matches the schema',
          requirements: ['tools.call.result'],
          status: 'fail',
          expected: true,
          message: 'content[0].type "txt" is not a content block type',
          evidence: [
            evidence({
              seq: 6,
              direction: 'server-to-client',
              raw: line({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'txt', text: 'hi' }] } }),
              errors: ['/result/content/0/type: must be equal to one of the allowed values'],
            }),
          ],
        }),
      ],
    }),
    scenario({
      id: 'http-post-accept',
      title: 'POST with the Accept header',
      area: 'streamable-http',
      revision,
      transport: 'http',
      durationMs: 5012,
      error: 'The server did not answer within 5000 ms',
      checks: [
        check({
          id: 'accept-both',
          title: 'Accepts application/json and text/event-stream',
          requirements: ['transports.http.accept', 'transports.http.post'],
          status: 'pass',
          evidence: [
            evidence({
              seq: 0,
              direction: 'server-to-client',
              raw: '{"jsonrpc":"2.0","id":1,"result":{}}',
              http: { method: 'POST', status: 200, headers: { 'content-type': 'application/json' } },
            }),
          ],
        }),
        check({
          id: 'reject-missing-accept',
          title: 'Rejects a POST without Accept with 400',
          level: 'SHOULD',
          requirements: ['transports.http.accept'],
          status: 'error',
          message: 'The harness timed out waiting for the response',
          reached: false,
          evidence: [
            evidence({
              seq: 0,
              direction: 'client-to-server',
              raw: '{"jsonrpc":"2.0","id":2,"method":"ping"}',
              truncated: false,
              http: { method: 'POST', headers: { accept: '' } },
            }),
          ],
        }),
        check({
          id: 'session-id-header',
          title: 'Mcp-Session-Id is visible ASCII',
          requirements: ['transports.http.session-id'],
          status: 'skip',
          message: 'Not reached: the scenario ended early',
          reached: false,
        }),
      ],
    }),
  ];
}

const REQUIREMENTS = {
  'lifecycle.init.response': {
    level: 'MUST',
    page: 'basic/lifecycle',
    text: 'The server MUST respond with its own capabilities.',
  },
  'lifecycle.init.server-info': {
    level: 'SHOULD',
    page: 'basic/lifecycle',
    text: 'serverInfo SHOULD carry a version.',
  },
  'utilities.ping.response': {
    level: 'MUST',
    page: 'basic/utilities/ping',
    text: 'The receiver MUST respond promptly.',
  },
  'tools.list.result': { level: 'MUST', page: 'server/tools', text: 'The result MUST list the tools.' },
  'tools.list.unique-names': { level: 'MUST', page: 'server/tools', text: 'Tool names MUST be unique.' },
  'tools.call.result': { level: 'MUST', page: 'server/tools', text: 'The result MUST carry content.' },
  'utilities.pagination.cursor': {
    level: 'MUST',
    page: 'server/utilities/pagination',
    text: 'Cursors MUST be opaque.',
  },
  'transports.http.accept': {
    level: 'MUST',
    page: 'basic/transports',
    text: 'The client MUST include an Accept header.',
  },
  'transports.http.post': { level: 'MUST', page: 'basic/transports', text: 'The client MUST use POST.' },
  'transports.http.session-id': {
    level: 'MUST',
    page: 'basic/transports',
    text: 'The session ID MUST be visible ASCII.',
  },
};

/** A fresh sample run (callers may mutate it). */
export function sampleRun(options: { strict?: boolean } = {}): RunResult {
  const revisions = ['2025-06-18', '2025-11-25'];
  const scenarios = revisions.flatMap(scenariosFor);
  const strict = options.strict ?? false;
  const stale = ['tools-call-simple:removed-check'];
  const requirements: RunResult['requirements'] = {};
  for (const revision of revisions) {
    requirements[revision] = Object.fromEntries(
      Object.entries(REQUIREMENTS).map(([id, r]) => [id, { ...r, anchor: `req-${id}` }]),
    );
  }
  return {
    format: RESULT_FORMAT,
    formatVersion: RESULT_FORMAT_VERSION,
    tool: { name: 'mcp-conformance', version: '0.0.0' },
    target: { kind: 'server', transport: 'stdio', command: 'node examples/server.mjs --flag "quoted"' },
    revisions,
    unsupportedRevisions: { '2024-11-05': 'the server answered initialize with protocolVersion "2025-06-18"' },
    options: { strict, callTools: false, jobs: 4, timeoutMs: 5000, baseline: 'conformance-baseline.yml' },
    startedAt: '2026-01-15T10:20:30.123Z',
    durationMs: 10_517,
    scenarios,
    summary: summarize(scenarios, { strict, staleBaselineEntries: stale }),
    requirementUrl: 'https://spec.example.org/{revision}/{page}/#{anchor}',
    requirements,
  };
}

/** A scenario of a run by id and revision (throws when missing, so tests fail clearly). */
export function scenarioOf(run: RunResult, id: string, revision = '2025-06-18'): ScenarioResult {
  const found = run.scenarios.find((s) => s.id === id && s.revision === revision);
  if (!found) throw new Error(`no scenario ${id} at ${revision}`);
  return found;
}

/** A check of a run by scenario id, check id and revision. */
export function checkOf(run: RunResult, scenarioId: string, checkId: string, revision = '2025-06-18'): CheckResult {
  const found = scenarioOf(run, scenarioId, revision).checks.find((c) => c.id === checkId);
  if (!found) throw new Error(`no check ${scenarioId}:${checkId} at ${revision}`);
  return found;
}
