/**
 * Authorization of HTTP servers: the 401 challenge, RFC 9728 protected resource metadata, and how tokens are
 * validated (invalid, malformed, expired, foreign, too narrow, broader). The tokens come from the `--auth-token*`
 * options; a check whose token was not given skips. A server that serves requests without a token does not use
 * authorization, and every check skips.
 */
import { HARNESS_INFO, type JsonObject, type McpSession } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { Evidence } from '../model/result.ts';
import type { ServerContext } from '../runner/context.ts';
import type { HttpExchange, StreamableHttpTransport } from '../transport/http.ts';
import { isObject, mayCall, probeMethod, STREAMABLE_HTTP } from './helpers.ts';
import { sampleArguments } from './json-schema.ts';
import { httpEvidence } from './streamable-http.ts';

/** Protected resource metadata arrived with 2025-06-18; scope challenges with 2025-11-25. */
const PRM = { from: '2025-06-18' } as const;
const SCOPE_CHALLENGES = { from: '2025-11-25' } as const;

const GARBAGE_TOKEN = 'mcp-conformance-not-a-token';
/** Spaces are outside RFC 6750's b64token: not a well-formed Bearer credential. */
const MALFORMED = 'Bearer mcp conformance malformed';
const WELL_KNOWN = '/.well-known/oauth-protected-resource';

const evidence = (exchange: HttpExchange): Evidence => httpEvidence(exchange, ['www-authenticate']);
const served = (exchange: HttpExchange): boolean => exchange.status >= 200 && exchange.status < 300;

/**
 * The parameters of the Bearer challenge in a `WWW-Authenticate` value (RFC 9110 §11.6.1 syntax: schemes, then
 * `name=token` or `name="quoted"` parameters); `undefined` when there is no Bearer challenge.
 */
export function bearerChallenge(header: string | undefined): Record<string, string> | undefined {
  if (header === undefined) return undefined;
  const challenges: Array<{ scheme: string; params: Record<string, string> }> = [];
  const token = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
  let at = 0;
  const skip = (pattern: RegExp): void => {
    while (at < header.length && pattern.test(header[at]!)) at += 1;
  };
  while (at < header.length) {
    skip(/[\s,]/);
    token.lastIndex = at;
    const name = token.exec(header)?.[0];
    if (name === undefined) {
      at += 1;
      continue;
    }
    at += name.length;
    skip(/[ \t]/);
    if (header[at] !== '=' || challenges.length === 0) {
      challenges.push({ scheme: name.toLowerCase(), params: {} });
      continue;
    }
    at += 1;
    skip(/[ \t]/);
    let value = '';
    if (header[at] === '"') {
      for (at += 1; at < header.length && header[at] !== '"'; at += 1)
        value += header[at] === '\\' ? header[++at] : header[at];
      at += 1;
    } else {
      token.lastIndex = at;
      value = token.exec(header)?.[0] ?? '';
      at += value.length;
    }
    challenges.at(-1)!.params[name.toLowerCase()] = value;
  }
  return challenges.find((c) => c.scheme === 'bearer')?.params;
}

/** The opening request of the era (initialize or server/discover): what every client sends first. */
function openingBody(session: McpSession, id: string): string {
  const message = session.stateless
    ? session.buildRequest('server/discover', {}, { id })
    : session.buildRequest(
        'initialize',
        {
          protocolVersion: session.protocolVersion,
          capabilities: session.capabilities,
          clientInfo: { ...HARNESS_INFO },
        },
        { id },
      );
  return JSON.stringify(message);
}

/** POSTs `body` with this Authorization value, or with none at all. */
function send(http: StreamableHttpTransport, body: string, authorization: string | undefined): Promise<HttpExchange> {
  return http.post(
    body,
    authorization === undefined
      ? { omitDefaultHeaders: ['Authorization'] }
      : { headers: { Authorization: authorization } },
  );
}

/** Ends the session a served initialize opened (stateful era), so that probes leave none behind. */
async function release(http: StreamableHttpTransport, opened: HttpExchange, authorization: string): Promise<void> {
  const id = opened.headers['mcp-session-id'];
  if (id === undefined || !served(opened)) return;
  await http
    .post('', { method: 'DELETE', headers: { 'Mcp-Session-Id': id, Authorization: authorization } })
    .catch(() => undefined);
}

function notProtected(exchange: HttpExchange): string {
  return `not applicable: the server answered a request without authorization (HTTP ${exchange.status}), so it does not use authorization`;
}

/** The JSON-RPC result carried by an answer, if any: the mark of a request that was processed. */
function resultIn(exchange: HttpExchange, id?: string): JsonObject | undefined {
  for (const message of exchange.messages.flat()) {
    if (isObject(message) && isObject(message.result) && (id === undefined || message.id === id)) return message.result;
  }
  return undefined;
}

interface Metadata {
  url: string;
  document: JsonObject;
  exchange: Evidence;
}

async function fetchJson(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; text: string; evidence: Evidence }> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  const type = response.headers.get('content-type');
  if (type !== null) headers['content-type'] = type;
  return {
    status: response.status,
    text,
    evidence: {
      seq: 0,
      direction: 'server-to-client',
      at: 0,
      raw: text.slice(0, 4096),
      truncated: text.length > 4096,
      http: { method: 'GET', status: response.status, headers },
    },
  };
}

/**
 * The protected resource metadata, looked for where a client looks: the challenge's `resource_metadata` URL, then
 * the well-known URI with the endpoint's path, then the one at the root of the host.
 */
async function findMetadata(
  endpoint: URL,
  fromChallenge: string | undefined,
  timeoutMs: number,
): Promise<{ found?: Metadata; tried: string[]; evidence: Evidence[] }> {
  const path = endpoint.pathname.replace(/\/$/, '');
  const candidates = [
    ...(fromChallenge ? [fromChallenge] : []),
    `${endpoint.origin}${WELL_KNOWN}${path}`,
    `${endpoint.origin}${WELL_KNOWN}`,
  ].filter((url, i, all) => all.indexOf(url) === i);
  const tried: string[] = [];
  const seen: Evidence[] = [];
  for (const url of candidates) {
    try {
      const answer = await fetchJson(new URL(url).href, timeoutMs);
      seen.push(answer.evidence);
      let document: unknown;
      try {
        document = JSON.parse(answer.text);
      } catch {
        document = undefined;
      }
      if (answer.status === 200 && isObject(document))
        return { found: { url, document, exchange: answer.evidence }, tried, evidence: seen };
      tried.push(`${url} (HTTP ${answer.status}${answer.status === 200 ? ', not a JSON object' : ''})`);
    } catch (error) {
      tried.push(`${url} (${(error as Error).message})`);
    }
  }
  return { tried, evidence: seen };
}

/** Why `resource` is not this server's resource identifier; `undefined` when it is. */
function resourceProblem(resource: unknown, endpoint: URL): string | undefined {
  if (typeof resource !== 'string') return `"resource" is ${resource === undefined ? 'missing' : 'not a string'}`;
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return `"resource" ${JSON.stringify(resource)} is not an absolute URL`;
  }
  if (url.hash !== '' || resource.includes('#')) return `"resource" ${JSON.stringify(resource)} has a fragment`;
  const path = url.pathname.replace(/\/$/, '');
  const identifies =
    url.origin === endpoint.origin && (endpoint.pathname === path || endpoint.pathname.startsWith(`${path}/`));
  return identifies ? undefined : `"resource" ${JSON.stringify(resource)} does not identify ${endpoint.href}`;
}

const scopeList = (value: unknown): string[] => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []);

/** The request steps a token is tried at, in order: connecting, listing tools, calling a tool. */
interface Steps {
  /** The first step the token was refused at. */
  refusal?: { step: string; exchange: HttpExchange };
  /** The steps it was served at. */
  served: Array<{ step: string; exchange: HttpExchange }>;
  /** Why the walk stopped early without a refusal. */
  stopped?: string;
  /** The refusal came at the tool call. */
  atToolCall: boolean;
}

/**
 * Tries `token` on the opening request, then on `tools/list`, then on `tools/call` of the first tool the harness
 * may call, over `carrier` (a session opened with the run's own token, for its session id), stopping at the first
 * refusal.
 */
async function walkSteps(
  ctx: ServerContext,
  http: StreamableHttpTransport,
  session: McpSession,
  token: string,
  label: string,
): Promise<Steps> {
  const bearer = `Bearer ${token}`;
  const steps: Steps = { served: [], atToolCall: false };
  const opening = await send(http, openingBody(session, `${label}-1`), bearer);
  if (!served(opening)) return { ...steps, refusal: { step: 'connecting', exchange: opening } };
  await release(http, opening, bearer);
  steps.served.push({ step: 'connecting', exchange: opening });
  if (!ctx.stateless && ctx.options.auth?.token === undefined)
    return { ...steps, stopped: 'pass --auth-token too, so that the suite has a session to list and call tools in' };
  const carrier = ctx.stateless ? session : await ctx.session();
  const carrierHttp = carrier.connection as StreamableHttpTransport;
  const list = await send(
    carrierHttp,
    JSON.stringify(carrier.buildRequest('tools/list', {}, { id: `${label}-2` })),
    bearer,
  );
  if (!served(list)) return { ...steps, refusal: { step: 'listing tools', exchange: list } };
  steps.served.push({ step: 'listing tools', exchange: list });
  const tools = (resultIn(list, `${label}-2`)?.tools ?? []) as JsonObject[];
  const tool = (Array.isArray(tools) ? tools : []).find((t) => isObject(t) && mayCall(ctx, t));
  if (!tool || typeof tool.name !== 'string')
    return { ...steps, stopped: 'the server lists no tool annotated readOnlyHint (pass --call-tools to call others)' };
  carrierHttp.setTools(tools.filter((t) => isObject(t) && typeof t.name === 'string') as Array<{ name: string }>);
  const call = await send(
    carrierHttp,
    JSON.stringify(
      carrier.buildRequest(
        'tools/call',
        { name: tool.name, arguments: sampleArguments(tool.inputSchema) },
        { id: `${label}-3` },
      ),
    ),
    bearer,
  );
  const step = `calling the tool "${tool.name}"`;
  if (!served(call)) return { ...steps, refusal: { step, exchange: call }, atToolCall: true };
  steps.served.push({ step, exchange: call });
  return steps;
}

export const authorizationScenarios: ServerScenario[] = [
  {
    id: 'auth-discovery',
    title: 'Authorization challenge and protected resource metadata',
    area: 'authorization',
    depth: 'any',
    description:
      'Sends the opening request without a token, reads the 401 challenge, and looks for the RFC 9728 protected resource metadata through it and at the well-known URIs.',
    revisions: STREAMABLE_HTTP,
    checks: [
      check(
        'auth.unauthenticated-401',
        'MUST',
        'A request without a token is answered 401 with a Bearer challenge in WWW-Authenticate',
        ['auth.errors.401'],
      ),
      check(
        'auth.challenge-scope',
        'SHOULD',
        'The 401 challenge names the scopes the request needs',
        ['auth.scope.challenge-scope'],
        SCOPE_CHALLENGES,
      ),
      check(
        'auth.prm-discoverable',
        'MUST',
        'The protected resource metadata is served at the resource_metadata URL of the challenge or at a well-known URI',
        ['auth.discovery.prm.mechanism', 'auth.discovery.prm.implement', 'auth.overview.server-prm'],
        PRM,
      ),
      check(
        'auth.prm-valid',
        'MUST',
        'The protected resource metadata names this server as its resource',
        ['auth.discovery.prm.implement', 'auth.overview.server-prm'],
        PRM,
      ),
      check(
        'auth.prm-authorization-servers',
        'MUST',
        'The protected resource metadata lists at least one authorization server',
        ['auth.discovery.prm.authorization-servers-field', 'auth.discovery.prm.authorization-servers-nonempty'],
        PRM,
      ),
      check(
        'auth.no-offline-access',
        'SHOULD NOT',
        'Neither the challenge scope nor scopes_supported offers offline_access',
        ['auth.refresh.server-no-offline-access-challenge', 'auth.refresh.server-no-offline-access-prm'],
        { from: '2026-07-28' },
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      const http = session.connection as StreamableHttpTransport;
      const anonymous = await send(http, openingBody(session, 'auth-d-1'), undefined);
      if (served(anonymous)) ctx.end(notProtected(anonymous));
      const header = anonymous.headers['www-authenticate'];
      const challenge = bearerChallenge(header);
      ctx
        .check('auth.unauthenticated-401')
        .verify(
          anonymous.status === 401 && challenge !== undefined,
          `a request without a token was answered ${anonymous.status} ${header === undefined ? 'without WWW-Authenticate' : `with WWW-Authenticate: ${header}`}`,
          evidence(anonymous),
        );
      if (ctx.has('auth.challenge-scope')) {
        if (anonymous.status !== 401) ctx.check('auth.challenge-scope').skip('no 401 challenge to read');
        else
          ctx
            .check('auth.challenge-scope')
            .verify(
              scopeList(challenge?.scope).length > 0,
              `the challenge names no scope: ${header ?? '(no WWW-Authenticate)'}`,
              evidence(anonymous),
            );
      }
      if (!ctx.has('auth.prm-discoverable')) return;
      const endpoint = new URL(http.url);
      const search = await findMetadata(endpoint, challenge?.resource_metadata, ctx.options.timeoutMs);
      const found = search.found;
      ctx
        .check('auth.prm-discoverable')
        .verify(
          found !== undefined,
          `no protected resource metadata: the challenge names ${challenge?.resource_metadata === undefined ? 'no resource_metadata' : challenge.resource_metadata}; tried ${search.tried.join(', ')}`,
          evidence(anonymous),
          ...search.evidence,
        );
      if (!found) {
        for (const id of ['auth.prm-valid', 'auth.prm-authorization-servers'])
          ctx.check(id).skip('no protected resource metadata found');
      } else {
        const problem = resourceProblem(found.document.resource, endpoint);
        ctx.check('auth.prm-valid').verify(problem === undefined, `${found.url}: ${problem}`, found.exchange);
        const servers = found.document.authorization_servers;
        ctx
          .check('auth.prm-authorization-servers')
          .verify(
            Array.isArray(servers) &&
              servers.length > 0 &&
              servers.every((s) => typeof s === 'string' && URL.canParse(s)),
            `${found.url}: authorization_servers is ${JSON.stringify(servers) ?? 'missing'}`,
            found.exchange,
          );
      }
      if (ctx.has('auth.no-offline-access')) {
        const offered = [
          ...(scopeList(challenge?.scope).includes('offline_access') ? ['the 401 challenge'] : []),
          ...(Array.isArray(found?.document.scopes_supported) &&
          found.document.scopes_supported.includes('offline_access')
            ? ['scopes_supported']
            : []),
        ];
        if (!challenge && !found) ctx.check('auth.no-offline-access').skip('neither a challenge nor metadata to read');
        else
          ctx
            .check('auth.no-offline-access')
            .verify(
              offered.length === 0,
              `offline_access is offered in ${offered.join(' and ')}`,
              evidence(anonymous),
              found?.exchange,
            );
      }
    },
  },
  {
    id: 'auth-tokens',
    title: 'Token validation',
    area: 'authorization',
    depth: 'any',
    description:
      'Sends requests with a forged token, a malformed Authorization header, and (when given) expired, foreign-audience, too-narrow and broader-scoped tokens, and checks what is refused, with which status and challenge, and that nothing refused was processed.',
    revisions: STREAMABLE_HTTP,
    checks: [
      check('auth.invalid-token-401', 'MUST', 'A request with a forged token is answered 401', [
        'auth.errors.401',
        'auth.token.invalid-401',
        'auth.token.server-validate',
        'auth.security.token.oauth21-validation',
        'auth.token.no-other-tokens',
      ]),
      check(
        'auth.invalid-token-challenge',
        'MUST',
        'A 401 for a rejected token carries a Bearer challenge with error="invalid_token"',
        ['auth.token.validation-failure-errors'],
      ),
      check('auth.malformed-400', 'MUST', 'A malformed Authorization header is answered 400', ['auth.errors.400']),
      check('auth.expired-token-401', 'MUST', 'A request with an expired token is answered 401', [
        'auth.token.expired-401',
        'auth.errors.401',
        'auth.token.server-validate',
        'auth.security.token.oauth21-validation',
      ]),
      check('auth.wrong-audience-401', 'MUST', 'A token issued for another resource is refused with 401', [
        'auth.token.audience',
        'auth.security.audience.server-validate',
        'auth.security.token.issued-for-server',
        'auth.security.token.only-intended',
        'auth.security.token.reject-wrong-audience',
        'auth.token.accept-own-only',
        'auth.token.no-other-tokens',
      ]),
      check(
        'auth.insufficient-scope-403',
        'MUST',
        'A genuine token whose scopes do not cover a request is answered 403',
        ['auth.errors.403', 'auth.scope.insufficient.status-403'],
      ),
      check(
        'auth.insufficient-scope-challenge',
        'SHOULD',
        'The 403 carries a Bearer challenge with error="insufficient_scope", scope and resource_metadata',
        [
          'auth.scope.insufficient.error-param',
          'auth.scope.insufficient.scope-param',
          'auth.scope.insufficient.resource-metadata',
        ],
        SCOPE_CHALLENGES,
      ),
      check('auth.tool-access-control', 'MUST', 'A tool call the token is not scoped for is refused', [
        'tools.security.access-control',
      ]),
      check(
        'auth.scope-hierarchy',
        'MUST',
        'A token carrying only a broader scope is served where the narrower scopes it includes are needed',
        ['auth.scope.hierarchies'],
        { from: '2026-07-28' },
      ),
      check(
        'auth.session-request-401',
        'MUST',
        'A request of an authorized session that carries no token is answered 401',
        ['auth.errors.401', 'auth.security.token.validate-before-processing'],
        { era: 'stateful' },
      ),
      check(
        'auth.rejected-not-processed',
        'MUST',
        'A refused request carries no result and opens no session: the token is checked before processing',
        ['auth.security.token.validate-before-processing'],
      ),
    ],
    async run(ctx) {
      const tokens = ctx.options.auth ?? {};
      const session = await ctx.session({ open: false });
      const http = session.connection as StreamableHttpTransport;
      const refused: HttpExchange[] = [];
      const tried = async (id: string, authorization: string | undefined): Promise<HttpExchange> => {
        const exchange = await send(http, openingBody(session, id), authorization);
        if (exchange.status >= 400) refused.push(exchange);
        return exchange;
      };
      const anonymous = await tried('auth-t-1', undefined);
      if (served(anonymous)) ctx.end(notProtected(anonymous));

      const invalid: HttpExchange[] = [];
      const forged = await tried('auth-t-2', `Bearer ${GARBAGE_TOKEN}`);
      invalid.push(forged);
      ctx
        .check('auth.invalid-token-401')
        .verify(forged.status === 401, `a forged token was answered ${forged.status}`, evidence(forged));
      const malformed = await tried('auth-t-3', MALFORMED);
      ctx
        .check('auth.malformed-400')
        .verify(
          malformed.status === 400,
          `Authorization: ${MALFORMED} was answered ${malformed.status}`,
          evidence(malformed),
        );

      // The run's own token must work, or refusing the others shows nothing.
      const control = tokens.token === undefined ? undefined : await tried('auth-t-4', `Bearer ${tokens.token}`);
      if (control) await release(http, control, `Bearer ${tokens.token}`);
      const broken =
        control && !served(control)
          ? `the token given with --auth-token was refused (HTTP ${control.status}), so these checks cannot tell token validation from refusing everything`
          : undefined;
      const refusedToken = async (id: string, token: string | undefined, flag: string, what: string): Promise<void> => {
        if (token === undefined) return void ctx.check(id).skip(`pass ${flag} to test ${what}`);
        if (broken) return void ctx.check(id).error(broken, control && evidence(control));
        const answer = await tried(`${id}-1`, `Bearer ${token}`);
        invalid.push(answer);
        ctx.check(id).verify(answer.status === 401, `${what} was answered ${answer.status}`, evidence(answer));
      };
      await refusedToken('auth.expired-token-401', tokens.expired, '--auth-token-expired', 'an expired token');
      await refusedToken(
        'auth.wrong-audience-401',
        tokens.wrongAudience,
        '--auth-token-wrong-audience',
        'a token for another resource',
      );
      const unauthorized = invalid.filter((x) => x.status === 401);
      if (unauthorized.length === 0) ctx.check('auth.invalid-token-challenge').skip('no token was answered 401');
      for (const answer of unauthorized) {
        const header = answer.headers['www-authenticate'];
        ctx
          .check('auth.invalid-token-challenge')
          .verify(
            bearerChallenge(header)?.error === 'invalid_token',
            `a rejected token was answered 401 ${header === undefined ? 'without WWW-Authenticate' : `with WWW-Authenticate: ${header}`}`,
            evidence(answer),
          );
      }

      await narrowScope(ctx, http, session, tokens.insufficientScope, broken, control, refused);
      if (ctx.has('auth.scope-hierarchy')) await broadScope(ctx, http, session, tokens.broadScope, broken, control);
      if (ctx.has('auth.session-request-401')) {
        if (tokens.token === undefined)
          ctx.check('auth.session-request-401').skip('pass --auth-token so that the suite can open a session');
        else if (broken) ctx.check('auth.session-request-401').error(broken, control && evidence(control));
        else {
          const open = await ctx.session();
          const inside = await send(
            open.connection as StreamableHttpTransport,
            JSON.stringify(open.buildRequest(probeMethod('stateful'), {}, { id: 'auth-t-5' })),
            undefined,
          );
          if (inside.status >= 400) refused.push(inside);
          ctx
            .check('auth.session-request-401')
            .verify(
              inside.status === 401,
              `a request with the session id of an authorized session but no token was answered ${inside.status}`,
              evidence(inside),
            );
        }
      }

      for (const answer of refused) {
        const result = resultIn(answer);
        const opened = answer.headers['mcp-session-id'];
        ctx
          .check('auth.rejected-not-processed')
          .verify(
            result === undefined && opened === undefined,
            `a request refused with ${answer.status} was processed: ${result !== undefined ? `its answer carries a result` : `it opened session ${opened}`}`,
            evidence(answer),
          );
      }
    },
  },
];

async function narrowScope(
  ctx: ServerContext,
  http: StreamableHttpTransport,
  session: McpSession,
  token: string | undefined,
  broken: string | undefined,
  control: HttpExchange | undefined,
  refused: HttpExchange[],
): Promise<void> {
  const ids = ['auth.insufficient-scope-403', 'auth.tool-access-control', 'auth.insufficient-scope-challenge'];
  const skipAll = (reason: string): void => {
    for (const id of ids) if (ctx.has(id)) ctx.check(id).skip(reason);
  };
  if (token === undefined) return skipAll('pass --auth-token-insufficient-scope to test scope enforcement');
  if (broken) {
    for (const id of ids) if (ctx.has(id)) ctx.check(id).error(broken, control && evidence(control));
    return;
  }
  const steps = await walkSteps(ctx, http, session, token, 'auth-s');
  const refusal = steps.refusal;
  if (refusal) {
    refused.push(refusal.exchange);
    ctx
      .check('auth.insufficient-scope-403')
      .verify(
        refusal.exchange.status === 403,
        `${refusal.step} with a token lacking scope was answered ${refusal.exchange.status}`,
        evidence(refusal.exchange),
      );
    if (steps.atToolCall) ctx.check('auth.tool-access-control').pass();
    else ctx.check('auth.tool-access-control').skip(`the token was refused before any tool call, at ${refusal.step}`);
    if (ctx.has('auth.insufficient-scope-challenge')) {
      const header = refusal.exchange.headers['www-authenticate'];
      const challenge = bearerChallenge(header);
      if (refusal.exchange.status !== 403) ctx.check('auth.insufficient-scope-challenge').skip('no 403 to read');
      else
        ctx
          .check('auth.insufficient-scope-challenge')
          .verify(
            challenge?.error === 'insufficient_scope' &&
              scopeList(challenge.scope).length > 0 &&
              challenge.resource_metadata !== undefined,
            `the 403 challenge is ${header === undefined ? 'missing' : header}`,
            evidence(refusal.exchange),
          );
    }
    return;
  }
  if (steps.stopped)
    return skipAll(
      `the token lacking scope was served at ${steps.served.map((s) => s.step).join(', ')}; ${steps.stopped}`,
    );
  const what = steps.served.map((s) => s.step).join(', ');
  const shown = steps.served.map((s) => evidence(s.exchange));
  ctx
    .check('auth.insufficient-scope-403')
    .violated(`a token lacking scope was served at every step: ${what}`, ...shown);
  ctx
    .check('auth.tool-access-control')
    .violated(`${steps.served.at(-1)!.step} was served with a token lacking scope`, shown.at(-1));
  if (ctx.has('auth.insufficient-scope-challenge'))
    ctx.check('auth.insufficient-scope-challenge').skip('the token lacking scope was never refused');
}

async function broadScope(
  ctx: ServerContext,
  http: StreamableHttpTransport,
  session: McpSession,
  token: string | undefined,
  broken: string | undefined,
  control: HttpExchange | undefined,
): Promise<void> {
  const check = ctx.check('auth.scope-hierarchy');
  if (token === undefined) return void check.skip('pass --auth-token-broad-scope to test scope hierarchies');
  if (broken) return void check.error(broken, control && evidence(control));
  const steps = await walkSteps(ctx, http, session, token, 'auth-h');
  if (steps.refusal)
    return void check.violated(
      `${steps.refusal.step} with a token carrying a broader scope was answered ${steps.refusal.exchange.status}`,
      evidence(steps.refusal.exchange),
    );
  check.pass();
}
