/** The Streamable HTTP transport: status codes, sessions, the GET stream, headers, DNS-rebinding defences. */
import type { McpSession } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { Evidence } from '../model/result.ts';
import type { ServerContext } from '../runner/context.ts';
import type { HttpExchange, StreamableHttpTransport } from '../transport/http.ts';
import { BOGUS_VERSION, isObject, probeMethod, STATEFUL_HTTP, STATELESS_HTTP, STREAMABLE_HTTP } from './helpers.ts';

/** An HTTP exchange as evidence: the status line, the headers that matter (and `extra` ones) and the body. */
export function httpEvidence(exchange: HttpExchange, extra: string[] = []): Evidence {
  const keep = ['content-type', 'mcp-session-id', 'allow', 'content-length', ...extra];
  const headers = Object.fromEntries(Object.entries(exchange.headers).filter(([k]) => keep.includes(k)));
  return {
    seq: exchange.entries[0]?.seq ?? 0,
    direction: 'server-to-client',
    at: exchange.entries[0]?.at ?? 0,
    raw: exchange.body.slice(0, 4096),
    truncated: exchange.body.length > 4096 || exchange.bodyTruncated,
    http: { method: exchange.method, status: exchange.status, headers },
  };
}

/** Decides a check by the HTTP status a probe got; `what` names the probe: "<what> was answered <status>". */
function verifyStatus(ctx: ServerContext, id: string, exchange: HttpExchange, expected: number, what: string): void {
  ctx.check(id).verify(exchange.status === expected, `${what} was answered ${exchange.status}`, httpEvidence(exchange));
}

function errorCodeIn(exchange: HttpExchange): number | undefined {
  for (const message of exchange.messages) {
    if (isObject(message) && isObject(message.error) && typeof message.error.code === 'number')
      return message.error.code;
  }
  return undefined;
}

async function openHttp(ctx: ServerContext): Promise<{ session: McpSession; http: StreamableHttpTransport }> {
  const session = await ctx.session();
  return { session, http: session.connection as StreamableHttpTransport };
}

function probeBody(
  session: McpSession,
  era: 'stateful' | 'stateless',
  id: string,
  meta?: Record<string, unknown>,
): string {
  return JSON.stringify(session.buildRequest(probeMethod(era), {}, { id, ...(meta ? { meta } : {}) }));
}

/** A named request that is safe to send (a prompt or a resource read), with an Mcp-Name that does not match. */
async function nameMismatch(ctx: ServerContext, session: McpSession, http: StreamableHttpTransport): Promise<void> {
  const caps = session.serverCapabilities;
  let body: Record<string, unknown> | undefined;
  if (isObject(caps.prompts)) {
    const prompt = (await ctx.listAll(session, 'prompts/list'))?.[0];
    if (prompt) body = session.buildRequest('prompts/get', { name: prompt.name, arguments: {} }, { id: 'http-h-7' });
  }
  if (!body && isObject(caps.resources)) {
    const resource = (await ctx.listAll(session, 'resources/list'))?.[0];
    if (resource) body = session.buildRequest('resources/read', { uri: resource.uri }, { id: 'http-h-7' });
  }
  if (!body)
    return void ctx.check('http.mcp-name-mismatch').skip('no prompt or resource to name: nothing safe to send');
  const answer = await http.post(JSON.stringify(body), { headers: { 'Mcp-Name': 'mcp-conformance-other-name' } });
  ctx
    .check('http.mcp-name-mismatch')
    .verify(
      answer.status === 400 && errorCodeIn(answer) === -32020,
      `a mismatched Mcp-Name was answered ${answer.status}, error ${String(errorCodeIn(answer))}`,
      httpEvidence(answer),
    );
}

/**
 * The same request (a named one when there is a safe one, so that Mcp-Name goes too) with every header name in
 * lower case, then in upper case: both are served as the request with the usual spelling is.
 */
async function headerCase(ctx: ServerContext, session: McpSession, http: StreamableHttpTransport): Promise<void> {
  const caps = session.serverCapabilities;
  const prompt = isObject(caps.prompts) ? (await ctx.listAll(session, 'prompts/list'))?.[0] : undefined;
  const build = (id: string): string =>
    prompt
      ? JSON.stringify(session.buildRequest('prompts/get', { name: prompt.name, arguments: {} }, { id }))
      : probeBody(session, 'stateless', id);
  const usual = await http.post(build('http-h-8'));
  if (usual.status !== 200 || errorCodeIn(usual) !== undefined)
    return void ctx.check('http.header-names-any-case').skip(`the request itself was answered ${usual.status}`);
  const recased = (change: (name: string) => string): Record<string, string> =>
    Object.fromEntries(Object.entries(usual.requestHeaders).map(([name, value]) => [change(name), value]));
  for (const [what, change, id] of [
    ['lower', (n: string) => n.toLowerCase(), 'http-h-9'],
    ['upper', (n: string) => n.toUpperCase(), 'http-h-10'],
  ] as const) {
    const answer = await http.post(build(id), { headers: recased(change) });
    if (answer.status !== 200 || errorCodeIn(answer) !== undefined)
      return void ctx
        .check('http.header-names-any-case')
        .fail(
          `with header names in ${what} case the request was answered ${answer.status}, error ${String(errorCodeIn(answer))}`,
          httpEvidence(answer),
        );
  }
  ctx.check('http.header-names-any-case').pass();
}

/** Characters a session id should change by from one session to the next (64 bits of hex digits). */
const MIN_VARYING_CHARS = 16;

/**
 * Why the session ids a server issued look guessable: short, digits only (a counter or a clock), or differing
 * from session to session in only a few characters (a counter behind a fixed prefix). Duplicates are ignored here.
 */
export function guessableIdProblems(ids: string[]): string[] {
  const distinct = [...new Set(ids)];
  const problems: string[] = [];
  for (const id of distinct) {
    if (id.length < MIN_VARYING_CHARS) problems.push(`${JSON.stringify(id)} has only ${id.length} characters`);
    else if (/^\d+$/.test(id)) problems.push(`${JSON.stringify(id)} is digits only`);
  }
  if (problems.length > 0 || distinct.length < 2) return problems;
  const shortest = Math.min(...distinct.map((id) => id.length));
  let prefix = 0;
  while (prefix < shortest && distinct.every((id) => id[prefix] === distinct[0]![prefix])) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    distinct.every((id) => id[id.length - 1 - suffix] === distinct[0]![distinct[0]!.length - 1 - suffix])
  )
    suffix += 1;
  const varying = Math.min(...distinct.map((id) => id.length - prefix - suffix));
  if (varying < MIN_VARYING_CHARS)
    problems.push(
      `${distinct.map((id) => JSON.stringify(id)).join(', ')} differ in only ${varying} character(s) past a shared prefix and suffix`,
    );
  return problems;
}

export const streamableHttpScenarios: ServerScenario[] = [
  {
    id: 'http-post',
    title: 'POST requests and notifications',
    area: 'streamable-http',
    depth: 'any',
    description:
      'Posts a request and a notification and checks the status codes and content types of the answers, and the Origin check.',
    revisions: STREAMABLE_HTTP,
    checks: [
      check(
        'http.request-content-type',
        'MUST',
        'A POSTed request is answered as application/json or text/event-stream',
        ['transport.http.post.request-content-type'],
      ),
      check('http.notification-202', 'MUST', 'A POSTed notification is answered 202 Accepted with an empty body', [
        'transport.http.post.accepted-202',
        'transport.http.post.accepted-no-body',
      ]),
      check('http.origin-403', 'MUST', 'A request with a foreign Origin header is answered 403 Forbidden', [
        'transport.http.security.origin-invalid-403',
        'transport.http.security.origin-validate',
      ]),
      check('http.invalid-json-400', 'MUST', 'A POST whose body is not JSON is refused with an HTTP error status', [
        'transport.http.post.reject-error-status',
      ]),
    ],
    async run(ctx) {
      const { session, http } = await openHttp(ctx);
      const era = ctx.revision.era;
      const answer = await http.post(probeBody(session, era, 'http-post-1'));
      ctx
        .check('http.request-content-type')
        .verify(
          answer.status === 200 && ['application/json', 'text/event-stream'].includes(answer.contentType),
          `the request was answered ${answer.status} with Content-Type "${answer.contentType}"`,
          httpEvidence(answer),
        );
      const note = await http.post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/mcp-conformance-note' }));
      ctx
        .check('http.notification-202')
        .verify(
          note.status === 202 && note.body === '',
          `the notification was answered ${note.status} with a ${note.body.length}-byte body`,
          httpEvidence(note),
        );
      const foreign = await http.post(probeBody(session, era, 'http-post-2'), {
        headers: { Origin: 'http://attacker.invalid' },
      });
      verifyStatus(ctx, 'http.origin-403', foreign, 403, `a request with Origin http://attacker.invalid`);
      const broken = await http.post('{"jsonrpc": "2.0", "id": "http-post-3", "method": ');
      ctx
        .check('http.invalid-json-400')
        .verify(
          broken.status >= 400 && broken.status < 500,
          `a truncated JSON body was answered ${broken.status}`,
          httpEvidence(broken),
        );
    },
  },
  {
    id: 'http-sessions',
    title: 'Sessions',
    area: 'streamable-http',
    depth: 'any',
    description:
      'Opens three sessions and checks the session ids the server hands out (distinct, unguessable, visible ASCII), then requests without the id, with an unknown one, and after the session was deleted.',
    revisions: STATEFUL_HTTP,
    checks: [
      check('http.session-id-ascii', 'MUST', 'A session id consists of visible ASCII only', [
        'transport.http.session.id-visible-ascii',
      ]),
      check('http.session-id-unique', 'SHOULD', 'The session ids issued to three sessions are all different', [
        'transport.http.session.id-globally-unique',
      ]),
      check(
        'http.session-id-unguessable',
        'SHOULD',
        'Session ids look unguessable: at least 16 characters, not digits only, and differing between sessions in at least 16 characters (not a counter or a clock)',
        ['transport.http.session.id-secure'],
      ),
      check('http.session-missing-400', 'SHOULD', 'A request without the session id is answered 400 Bad Request', [
        'transport.http.session.missing-400',
      ]),
      check('http.session-unknown-404', 'MUST', 'A request with an unknown session id is answered 404 Not Found', [
        'transport.http.session.unknown-id-404',
      ]),
      check('http.session-deleted-404', 'MUST', 'After DELETE ends the session, its id is answered 404 Not Found', [
        'transport.http.session.unknown-id-404',
        'transport.http.session.delete-405',
      ]),
    ],
    async run(ctx) {
      const [{ session, http }, ...others] = await Promise.all([
        openHttp(ctx),
        ctx.session({ getStream: false }),
        ctx.session({ getStream: false }),
      ]);
      const id = http.sessionId;
      if (id === undefined) return ctx.end('not applicable: the server does not use sessions');
      ctx
        .check('http.session-id-ascii')
        .verify(/^[\x21-\x7e]+$/.test(id), `the session id ${JSON.stringify(id)} has characters outside 0x21-0x7E`);
      const ids = [id, ...others.map((o) => (o.connection as StreamableHttpTransport).sessionId)];
      const issued = ids.filter((i): i is string => i !== undefined);
      if (issued.length < ids.length) {
        ctx
          .check('http.session-id-unique')
          .violated(`only ${issued.length} of ${ids.length} sessions got a session id`);
      } else {
        ctx
          .check('http.session-id-unique')
          .verify(
            new Set(issued).size === issued.length,
            `three sessions were given the ids ${issued.map((i) => JSON.stringify(i)).join(', ')}`,
          );
      }
      const guessable = guessableIdProblems(issued);
      ctx
        .check('http.session-id-unguessable')
        .verify(guessable.length === 0, `the session ids look guessable: ${guessable.join('; ')}`);
      const missing = await http.post(probeBody(session, 'stateful', 'http-s-1'), {
        omitDefaultHeaders: ['Mcp-Session-Id'],
      });
      verifyStatus(ctx, 'http.session-missing-400', missing, 400, `a request without Mcp-Session-Id`);
      const unknown = await http.post(probeBody(session, 'stateful', 'http-s-2'), {
        headers: { 'Mcp-Session-Id': 'mcp-conformance-unknown-session' },
      });
      verifyStatus(ctx, 'http.session-unknown-404', unknown, 404, `a request with an unknown session id`);
      const deleted = await http.post('', { method: 'DELETE' });
      if (deleted.status === 405)
        return void ctx.check('http.session-deleted-404').skip('the server does not let clients end sessions (405)');
      const after = await http.post(probeBody(session, 'stateful', 'http-s-3'));
      ctx
        .check('http.session-deleted-404')
        .verify(
          after.status === 404,
          `DELETE was answered ${deleted.status}; a request with the same session id then got ${after.status}`,
          httpEvidence(deleted),
          httpEvidence(after),
        );
    },
  },
  {
    id: 'http-get-stream',
    title: 'The GET stream',
    area: 'streamable-http',
    depth: 'any',
    description: 'Opens the optional server-to-client stream with GET.',
    revisions: STATEFUL_HTTP,
    checks: [
      check('http.get-stream-or-405', 'MUST', 'GET is answered with an event stream or 405 Method Not Allowed', [
        'transport.http.get.response',
        'transport.http.endpoint.get-method',
      ]),
    ],
    async run(ctx) {
      // The session would open its own GET stream; a server may allow only one per session.
      const session = await ctx.session({ getStream: false });
      const http = session.connection as StreamableHttpTransport;
      const opened = await http.openGetStream().catch((error: Error & { status?: number }) => error);
      if (opened instanceof Error) {
        ctx.check('http.get-stream-or-405').fail(`GET was refused: ${opened.message}`);
        return;
      }
      ctx
        .check('http.get-stream-or-405')
        .verify(
          opened.status === 405 || opened.contentType === 'text/event-stream',
          `GET was answered ${opened.status} with Content-Type "${opened.contentType}"`,
        );
    },
  },
  {
    id: 'http-protocol-version-header',
    title: 'The MCP-Protocol-Version header',
    area: 'streamable-http',
    depth: 'any',
    description:
      'Sends requests whose MCP-Protocol-Version header is not a version, names an unsupported version, or disagrees with the body.',
    revisions: { from: '2025-06-18', transports: ['http'] },
    checks: [
      check(
        'http.protocol-version-invalid-400',
        'MUST',
        'A header that is not a valid version is answered 400',
        ['transport.http.protocol-version.invalid-400'],
        { era: 'stateful' },
      ),
      check('http.protocol-version-unsupported-400', 'MUST', 'A header naming an unsupported version is answered 400', [
        'transport.http.protocol-version.unsupported-400',
      ]),
      check(
        'http.protocol-version-unsupported-error',
        'MUST',
        'The 400 for an unsupported version carries UnsupportedProtocolVersionError (-32022)',
        ['transport.http.protocol-version.unsupported-error', 'discover.meta.unsupported-version-http-400'],
        STATELESS_HTTP,
      ),
      check(
        'http.protocol-version-missing',
        'MUST',
        'A request without MCP-Protocol-Version is refused, not served as this revision',
        ['transport.http.protocol-version.missing-reject'],
        STATELESS_HTTP,
      ),
      check(
        'http.protocol-version-mismatch',
        'MUST',
        'A header that disagrees with the body _meta version is answered 400 with HeaderMismatchError (-32020)',
        [
          'transport.http.protocol-version.mismatch-400',
          'transport.http.protocol-version.mismatch-error',
          'base.error-codes.header-mismatch-http-400',
          'discover.meta.protocol-version-header-mismatch',
        ],
        STATELESS_HTTP,
      ),
    ],
    async run(ctx) {
      const { session, http } = await openHttp(ctx);
      const era = ctx.revision.era;
      if (ctx.has('http.protocol-version-invalid-400')) {
        const invalid = await http.post(probeBody(session, era, 'http-v-1'), {
          headers: { 'MCP-Protocol-Version': 'not-a-version' },
        });
        verifyStatus(ctx, 'http.protocol-version-invalid-400', invalid, 400, `MCP-Protocol-Version: not-a-version`);
      }
      const meta = era === 'stateless' ? { 'io.modelcontextprotocol/protocolVersion': BOGUS_VERSION } : undefined;
      const unsupported = await http.post(probeBody(session, era, 'http-v-2', meta), {
        headers: { 'MCP-Protocol-Version': BOGUS_VERSION },
      });
      verifyStatus(
        ctx,
        'http.protocol-version-unsupported-400',
        unsupported,
        400,
        `MCP-Protocol-Version: ${BOGUS_VERSION}`,
      );
      if (era !== 'stateless') return;
      ctx
        .check('http.protocol-version-unsupported-error')
        .verify(
          errorCodeIn(unsupported) === -32022,
          `the body carried error ${String(errorCodeIn(unsupported))}`,
          httpEvidence(unsupported),
        );
      // A server may serve old clients by reading a missing header as 2025-03-26, which knows no server/discover.
      const missing = await http.post(probeBody(session, era, 'http-v-4'), {
        omitDefaultHeaders: ['MCP-Protocol-Version'],
      });
      const served = missing.messages.some((m) => isObject(m) && isObject(m.result));
      ctx
        .check('http.protocol-version-missing')
        .verify(
          missing.status >= 400 && !served,
          `server/discover without MCP-Protocol-Version was answered ${missing.status}${served ? ' with a result' : ''}`,
          httpEvidence(missing),
        );
      const other = session.protocolVersion === '2025-11-25' ? '2025-06-18' : '2025-11-25';
      const mismatch = await http.post(probeBody(session, era, 'http-v-3'), {
        headers: { 'MCP-Protocol-Version': other },
      });
      ctx
        .check('http.protocol-version-mismatch')
        .verify(
          mismatch.status === 400 && errorCodeIn(mismatch) === -32020,
          `header ${other} against body ${session.protocolVersion} was answered ${mismatch.status} with error ${String(errorCodeIn(mismatch))}`,
          httpEvidence(mismatch),
        );
    },
  },
  {
    id: 'http-standard-headers',
    title: 'Mcp-Method and Mcp-Name headers',
    area: 'streamable-http',
    depth: 'any',
    description:
      'Sends requests without the Mcp-Method header, with Mcp-Method or Mcp-Name disagreeing with the body, with session and event ids this era ignores, and an unknown method.',
    revisions: STATELESS_HTTP,
    checks: [
      check(
        'http.mcp-method-missing',
        'MUST',
        'A request without Mcp-Method is answered 400 with HeaderMismatchError',
        [
          'transport.http.validation.reject-missing-standard',
          'transport.http.validation.status-400',
          'transport.http.validation.error-code',
        ],
      ),
      check(
        'http.mcp-method-mismatch',
        'MUST',
        'A request whose Mcp-Method disagrees with the body is answered 400 with HeaderMismatchError',
        [
          'transport.http.validation.reject-mismatch',
          'transport.http.validation.status-400',
          'transport.http.validation.error-code',
        ],
      ),
      check('http.method-not-found-404', 'MUST', 'An unknown method is answered 404 with a -32601 body', [
        'transport.http.method-not-found-404',
        'transport.http.method-not-found-error',
      ]),
      check('http.no-session-ids', 'SHOULD NOT', 'The server hands out no Mcp-Session-Id', [
        'transport.http.compat.no-session-ids',
      ]),
      check('http.get-delete-405', 'SHOULD', 'GET and DELETE at the endpoint are answered 405', [
        'transport.http.compat.get-delete-405',
      ]),
      check(
        'http.mcp-name-mismatch',
        'MUST',
        'A request whose Mcp-Name disagrees with the body is answered 400 with HeaderMismatchError',
        [
          'transport.http.validation.reject-mismatch',
          'transport.http.validation.status-400',
          'transport.http.validation.error-code',
        ],
      ),
      check('http.session-id-ignored', 'SHOULD', 'A request carrying an Mcp-Session-Id is served as if it did not', [
        'transport.http.compat.ignore-session-id',
      ]),
      check('http.last-event-id-ignored', 'SHOULD', 'A request carrying a Last-Event-ID is served as if it did not', [
        'transport.http.compat.ignore-last-event-id',
      ]),
      check(
        'http.header-names-any-case',
        'MUST',
        'A request whose header names are all in lower case, or all in upper case, is served as usual',
        ['transport.http.headers.case-insensitive-names'],
      ),
    ],
    async run(ctx) {
      const { session, http } = await openHttp(ctx);
      const missing = await http.post(probeBody(session, 'stateless', 'http-h-1'), {
        omitDefaultHeaders: ['Mcp-Method'],
      });
      ctx
        .check('http.mcp-method-missing')
        .verify(
          missing.status === 400 && errorCodeIn(missing) === -32020,
          `without Mcp-Method: ${missing.status}, error ${String(errorCodeIn(missing))}`,
          httpEvidence(missing),
        );
      const mismatch = await http.post(probeBody(session, 'stateless', 'http-h-2'), {
        headers: { 'Mcp-Method': 'tools/list' },
      });
      ctx
        .check('http.mcp-method-mismatch')
        .verify(
          mismatch.status === 400 && errorCodeIn(mismatch) === -32020,
          `Mcp-Method: tools/list on server/discover: ${mismatch.status}, error ${String(errorCodeIn(mismatch))}`,
          httpEvidence(mismatch),
        );
      const unknown = await http.post(
        JSON.stringify(session.buildRequest('mcp-conformance/no-such-method', {}, { id: 'http-h-3' })),
      );
      ctx
        .check('http.method-not-found-404')
        .verify(
          unknown.status === 404 && errorCodeIn(unknown) === -32601,
          `an unknown method: ${unknown.status}, error ${String(errorCodeIn(unknown))}`,
          httpEvidence(unknown),
        );
      const answered = await http.post(probeBody(session, 'stateless', 'http-h-4'));
      ctx
        .check('http.no-session-ids')
        .verify(
          answered.headers['mcp-session-id'] === undefined,
          `the server sent Mcp-Session-Id ${answered.headers['mcp-session-id']}`,
          httpEvidence(answered),
        );
      const withSession = await http.post(probeBody(session, 'stateless', 'http-h-5'), {
        headers: { 'Mcp-Session-Id': 'mcp-conformance-session' },
      });
      verifyStatus(ctx, 'http.session-id-ignored', withSession, 200, `a request with Mcp-Session-Id`);
      const withEventId = await http.post(probeBody(session, 'stateless', 'http-h-6'), {
        headers: { 'Last-Event-ID': 'mcp-conformance-1' },
      });
      verifyStatus(ctx, 'http.last-event-id-ignored', withEventId, 200, `a request with Last-Event-ID`);
      await nameMismatch(ctx, session, http);
      await headerCase(ctx, session, http);
      const get = await http
        .post('', { method: 'GET', headers: { Accept: 'text/event-stream' }, timeoutMs: 2000 })
        .catch(() => undefined);
      const del = await http.post('', { method: 'DELETE', timeoutMs: 2000 }).catch(() => undefined);
      ctx
        .check('http.get-delete-405')
        .verify(
          get?.status === 405 && del?.status === 405,
          `GET: ${String(get?.status)}, DELETE: ${String(del?.status)}`,
          ...[get, del].filter((x): x is HttpExchange => !!x).map((x) => httpEvidence(x)),
        );
    },
  },
];
