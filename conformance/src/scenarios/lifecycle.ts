/** Lifecycle and versioning: the initialize handshake (stateful era) and `server/discover` (stateless). */
import { HARNESS_INFO, SessionError } from '../client/session.ts';
import { registry } from '../../../schema/registry.ts';
import { wireVersion } from '../../../schema/index.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import {
  BOGUS_VERSION,
  describe,
  errorCode,
  isObject,
  requestRawFenced,
  SETTLE_MS,
  STATEFUL,
  STATELESS,
} from './helpers.ts';
import { canonical } from './fixture-tools.ts';
import { metaKeyProblems } from '../runner/wire-rules.ts';

/** A clientInfo other than the harness's own, to see whether the server answers differently. */
const OTHER_CLIENT_INFO = { name: 'conformance-other-client', title: 'Another Client', version: '9.9.9' };

/** The members of two results that differ, `_meta` (which may differ per request) aside, each with both values. */
function differingMembers(mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => k !== '_meta').sort();
  return keys
    .filter((k) => canonical(mine[k]) !== canonical(theirs[k]))
    .map(
      (k) => `${k}: ${String(canonical(theirs[k])).slice(0, 80)} instead of ${String(canonical(mine[k])).slice(0, 80)}`,
    );
}

export const lifecycleScenarios: ServerScenario[] = [
  {
    id: 'lifecycle-initialize',
    title: 'Initialize handshake',
    area: 'lifecycle',
    depth: 'any',
    waits: true,
    description:
      'Sends initialize with the revision under test, and at the same time a second initialize asking the same version from a client declaring no capabilities; checks the result and that both were answered alike, then waits before sending notifications/initialized to see whether the server sends requests too early.',
    revisions: STATEFUL,
    checks: [
      check(
        'lifecycle.initialize-result',
        'MUST',
        'initialize is answered with a result stating version, capabilities and server info',
        ['lifecycle.initialize.server-responds'],
      ),
      check('lifecycle.version-same', 'MUST', 'A supported requested version is answered with that same version', [
        'lifecycle.version.server-same',
      ]),
      check(
        'lifecycle.no-requests-before-initialized',
        'SHOULD NOT',
        'No request other than ping before notifications/initialized',
        ['lifecycle.initialize.server-waits'],
      ),
      check(
        'lifecycle.ping-after-initialized',
        'MUST',
        'The session works after the handshake: ping is answered with an empty result',
        ['ping.empty-result', 'ping.respond-promptly'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      // A second handshake asks for the same version from a client declaring nothing: a server that answers
      // the version to one of them supports it, and must answer it to both.
      const bare = await ctx.session({ open: false });
      const [response, bareResponse] = await Promise.all([
        session.request('initialize', {
          protocolVersion: session.protocolVersion,
          capabilities: session.capabilities,
          clientInfo: { ...HARNESS_INFO },
        }),
        bare.request('initialize', {
          protocolVersion: bare.protocolVersion,
          capabilities: {},
          clientInfo: { ...HARNESS_INFO, name: `${HARNESS_INFO.name}-bare` },
        }),
      ]);
      const result = response.result;
      if (
        !ctx
          .check('lifecycle.initialize-result')
          .verify(
            !!result &&
              typeof result.protocolVersion === 'string' &&
              isObject(result.capabilities) &&
              isObject(result.serverInfo),
            `initialize was answered with ${describe(response)}`,
            response,
          )
      )
        return ctx.end('initialize failed');
      const asked = session.protocolVersion;
      const answers = [result!.protocolVersion, bareResponse.result?.protocolVersion];
      if (!answers.includes(asked)) {
        // The server chose another version: it does not support this revision, which is its right.
        return ctx.end(
          `not applicable: the server does not support ${ctx.revision.id} (it offered ${String(result!.protocolVersion)})`,
        );
      }
      if (answers.some((answer) => answer !== undefined && answer !== asked)) {
        ctx
          .check('lifecycle.version-same')
          .fail(
            `two initialize requests asked for ${asked}: the harness's client was answered ${String(answers[0])}, a client declaring no capabilities ${String(answers[1])}`,
            response,
            bareResponse,
          );
        if (answers[0] !== asked) return ctx.end(`the session runs ${String(answers[0])}, not ${asked}`);
      } else ctx.check('lifecycle.version-same').pass();
      await session.quiet(SETTLE_MS);
      const early = session.serverRequests.filter((r) => r.method !== 'ping');
      const early0 = early[0];
      if (early0)
        ctx
          .check('lifecycle.no-requests-before-initialized')
          .violated(`the server sent ${early0.method} before notifications/initialized`, early0.entry);
      else ctx.check('lifecycle.no-requests-before-initialized').pass();
      session.notify('notifications/initialized');
      const ping = await session.request('ping');
      ctx
        .check('lifecycle.ping-after-initialized')
        .verify(
          !!ping.result && Object.keys(ping.result).filter((k) => k !== '_meta').length === 0,
          `ping was answered with ${describe(ping)}`,
          ping,
        );
    },
  },
  {
    id: 'lifecycle-version-negotiation',
    title: 'Version negotiation with an unsupported version',
    area: 'lifecycle',
    depth: 'any',
    description: `Asks for protocol version ${BOGUS_VERSION}, which no server supports, and expects a version the server does support in return.`,
    revisions: STATEFUL,
    checks: [
      check(
        'lifecycle.version-alternative',
        'MUST',
        'An unsupported requested version is answered with another version the server supports',
        ['lifecycle.version.server-alternative'],
      ),
      check(
        'lifecycle.version-alternative-known',
        'SHOULD',
        'The alternative version is a published protocol revision',
        ['lifecycle.version.server-latest'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      const response = await session.request('initialize', {
        protocolVersion: BOGUS_VERSION,
        capabilities: {},
        clientInfo: { ...HARNESS_INFO },
      });
      const version = response.result?.protocolVersion;
      if (
        !ctx
          .check('lifecycle.version-alternative')
          .verify(
            typeof version === 'string' && version !== BOGUS_VERSION,
            `asked for ${BOGUS_VERSION}, the server answered with ${describe(response)}`,
            response,
          )
      )
        return ctx.end('no alternative version');
      const known = registry().revisions.map((r) => wireVersion(r.id));
      ctx
        .check('lifecycle.version-alternative-known')
        .verify(
          known.includes(version as string),
          `the server offered ${String(version)}, which is not a published protocol version`,
          response,
        );
    },
  },
  {
    id: 'lifecycle-before-initialize',
    title: 'Requests before initialize',
    area: 'lifecycle',
    depth: 'any',
    description:
      'Sends ping and tools/list before initialize; the server should refuse work it cannot yet do, with an error rather than silence.',
    revisions: STATEFUL,
    checks: [
      check(
        'lifecycle.pre-initialize-answered',
        'MUST',
        'A request sent before initialize is still answered (result or error), not ignored',
        ['base.messages.json-rpc'],
      ),
      check(
        'lifecycle.pre-initialize-refused',
        'SHOULD',
        'A request other than ping sent before initialize is refused with an error',
        ['lifecycle.initialize.first-interaction'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      const response = await session.request('tools/list', {}).catch((error: Error) => error);
      if (response instanceof Error) {
        ctx.check('lifecycle.pre-initialize-answered').fail(response.message);
        return ctx.end('no answer');
      }
      ctx.check('lifecycle.pre-initialize-answered').pass();
      ctx
        .check('lifecycle.pre-initialize-refused')
        .verify(
          response.error !== undefined,
          `tools/list before initialize was answered with ${describe(response)}`,
          response,
        );
    },
  },
  {
    id: 'discover',
    title: 'server/discover',
    area: 'lifecycle',
    depth: 'any',
    description:
      'Calls server/discover with the per-request _meta of the revision, and at the same time as a client with another clientInfo, and checks what the server says about itself.',
    revisions: STATELESS,
    checks: [
      check('discover.implemented', 'MUST', 'server/discover is answered with a DiscoverResult', [
        'discover.server.implement',
      ]),
      check('discover.lists-revision', 'MUST', 'supportedVersions lists the revision the request used', [
        'versioning.negotiation.unsupported-error',
      ]),
      check('discover.result-type', 'MUST', 'The result carries resultType "complete"', [
        'base.result.result-type-present',
        'mrtr.server.unsupported-requests',
      ]),
      check('discover.server-info', 'SHOULD', 'The result _meta carries io.modelcontextprotocol/serverInfo', [
        'discover.result.server-info',
        'discover.meta.server-info',
      ]),
      check(
        'discover.client-info-ignored',
        'SHOULD NOT',
        'A client introducing itself with another clientInfo gets the same result, _meta aside',
        ['discover.identity.client-info-behavior'],
      ),
      check(
        'discover.extension-identifiers',
        'MUST',
        'Every extension the server advertises is named by an identifier with a prefix, following the `_meta` key rules',
        ['versioning.extensions.identifier-format', 'versioning.extensions.identifier-prefix'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      // The same request from a client that names itself differently, at the same time.
      const other = await ctx.session({ open: false, clientInfo: OTHER_CLIENT_INFO });
      const [response, otherResponse] = await Promise.all([
        session.request('server/discover', {}),
        other.request('server/discover', {}),
      ]);
      const result = response.result;
      if (
        !ctx
          .check('discover.implemented')
          .verify(
            !!result && Array.isArray(result.supportedVersions) && isObject(result.capabilities),
            `server/discover was answered with ${describe(response)}`,
            response,
          )
      )
        return ctx.end('server/discover failed');
      const versions = result!.supportedVersions as unknown[];
      // A server that does not support the version must answer UnsupportedProtocolVersionError, not a result.
      if (
        !ctx
          .check('discover.lists-revision')
          .verify(
            versions.includes(session.protocolVersion),
            `the request used ${session.protocolVersion}; the result lists ${JSON.stringify(versions)}`,
            response,
          )
      )
        return ctx.end(`the server served ${ctx.revision.id} without listing it`);
      ctx
        .check('discover.result-type')
        .verify(result!.resultType === 'complete', `resultType is ${JSON.stringify(result!.resultType)}`, response);
      const meta = isObject(result!._meta) ? result!._meta : {};
      ctx
        .check('discover.server-info')
        .verify(
          isObject(meta['io.modelcontextprotocol/serverInfo']),
          'the result has no io.modelcontextprotocol/serverInfo in _meta',
          response,
        );
      const capabilities = result!.capabilities as Record<string, unknown>;
      const extensions = isObject(capabilities.extensions) ? Object.keys(capabilities.extensions) : [];
      const badIds = extensions.flatMap((id) => [
        ...(id.includes('/') ? [] : [`${JSON.stringify(id)} has no prefix`]),
        ...metaKeyProblems(id).map((p) => p.what),
      ]);
      if (extensions.length === 0)
        ctx.check('discover.extension-identifiers').skip('the server advertises no extension');
      else
        ctx
          .check('discover.extension-identifiers')
          .verify(badIds.length === 0, `extension identifiers: ${badIds.join('; ')}`, response);
      const differing = otherResponse.result ? differingMembers(result!, otherResponse.result) : undefined;
      ctx
        .check('discover.client-info-ignored')
        .verify(
          differing?.length === 0,
          differing
            ? `as ${JSON.stringify(OTHER_CLIENT_INFO.name)} the client got another ${differing.join('; ')}`
            : `as ${JSON.stringify(OTHER_CLIENT_INFO.name)} the client was answered with ${describe(otherResponse)}`,
          response,
          otherResponse,
        );
    },
  },
  {
    id: 'versioning-unsupported',
    title: 'A request for an unsupported protocol version',
    area: 'lifecycle',
    depth: 'any',
    description: `Sends server/discover whose _meta asks for protocol version ${BOGUS_VERSION}.`,
    revisions: STATELESS,
    checks: [
      check(
        'versioning.unsupported-error',
        'MUST',
        `A request for an unsupported version gets UnsupportedProtocolVersionError (-32022)`,
        ['versioning.negotiation.unsupported-error'],
      ),
      check('versioning.unsupported-echoes-requested', 'MUST', 'The error data.requested gives the version asked for', [
        'versioning.negotiation.error-echoes-requested',
      ]),
      check(
        'versioning.unsupported-lists-supported',
        'MUST',
        'The error data.supported lists the versions the server supports',
        ['versioning.negotiation.error-lists-supported'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      const message = session.buildRequest(
        'server/discover',
        {},
        { meta: { 'io.modelcontextprotocol/protocolVersion': BOGUS_VERSION } },
      );
      const response = await requestRawFenced(session, message);
      if (
        !ctx
          .check('versioning.unsupported-error')
          .verify(errorCode(response) === -32022, `the request was answered with ${describe(response)}`, response)
      )
        return ctx.end('no UnsupportedProtocolVersionError');
      const data = isObject(response!.error!.data) ? response!.error!.data : {};
      ctx
        .check('versioning.unsupported-echoes-requested')
        .verify(data.requested === BOGUS_VERSION, `data.requested is ${JSON.stringify(data.requested)}`, response);
      ctx
        .check('versioning.unsupported-lists-supported')
        .verify(
          Array.isArray(data.supported) &&
            data.supported.length > 0 &&
            data.supported.every((v) => typeof v === 'string'),
          `data.supported is ${JSON.stringify(data.supported)}`,
          response,
        );
    },
  },
  {
    id: 'discover-meta-required',
    title: 'Requests without the required _meta',
    area: 'lifecycle',
    depth: 'any',
    description:
      'Sends server/discover without io.modelcontextprotocol/clientCapabilities and without io.modelcontextprotocol/protocolVersion.',
    revisions: STATELESS,
    checks: [
      check(
        'discover.missing-capabilities-rejected',
        'MUST',
        'A request without clientCapabilities in _meta is rejected with -32602',
        ['discover.meta.missing-field-invalid-params'],
      ),
      check(
        'discover.missing-capabilities-http-400',
        'MUST',
        'Over HTTP, the rejection of a request without clientCapabilities has status 400',
        ['discover.meta.missing-field-http-400'],
        { transports: ['http'] },
      ),
      check(
        'discover.missing-version-rejected',
        'MUST',
        'A request without protocolVersion in _meta is rejected with an error',
        ['discover.meta.missing-field-invalid-params'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ open: false });
      const withoutCapabilities = session.buildRequest('server/discover', {});
      delete ((withoutCapabilities.params as Record<string, unknown>)._meta as Record<string, unknown>)[
        'io.modelcontextprotocol/clientCapabilities'
      ];
      const first = await requestRawFenced(session, withoutCapabilities);
      ctx
        .check('discover.missing-capabilities-rejected')
        .verify(errorCode(first) === -32602, `the request was answered with ${describe(first)}`, first);
      if (ctx.has('discover.missing-capabilities-http-400')) {
        const exchange = (session.connection as StreamableHttpTransport).exchangeFor(withoutCapabilities.id as number);
        ctx
          .check('discover.missing-capabilities-http-400')
          .verify(
            first?.error !== undefined && exchange?.status === 400,
            `the request was answered with HTTP ${String(exchange?.status)} and ${describe(first)}`,
            first,
          );
      }
      const withoutVersion = session.buildRequest('server/discover', {});
      delete ((withoutVersion.params as Record<string, unknown>)._meta as Record<string, unknown>)[
        'io.modelcontextprotocol/protocolVersion'
      ];
      const second = await requestRawFenced(session, withoutVersion);
      ctx
        .check('discover.missing-version-rejected')
        .verify(second?.error !== undefined, `the request was answered with ${describe(second)}`, second);
    },
  },
];

export { SessionError };
