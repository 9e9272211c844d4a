/** Resources at the any-server depth: listing, templates, reading, the not-found error. */
import type { JsonObject } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, STATELESS } from './helpers.ts';
import { CACHING_SERVER, listingChecks } from './tools.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** RFC 3986: scheme ":" then anything without spaces or control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a URI must not hold
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f]*$/;
/**
 * An ISO 8601 date-time with a time zone, in the extended (`2025-01-12T15:00:58Z`) or basic (`20250112T150058Z`)
 * format: seconds and a fraction are optional, the zone is `Z` or an offset.
 */
const ISO_8601 = [
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/,
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:(\d{2})(?:[.,]\d+)?)?(?:Z|[+-](\d{2})(\d{2})?)$/,
];

/** Whether `value` is an ISO 8601 date-time with a time zone, naming a day and time that exist. */
export function isIso8601DateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_8601.map((pattern) => pattern.exec(value)).find((m) => m !== null);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, zoneHours = 0, zoneMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! <= 24 &&
    minute! <= 59 &&
    second <= 60 &&
    zoneHours <= 23 &&
    zoneMinutes <= 59
  );
}

/** `[where, lastModified]` for every item that carries `annotations.lastModified`. */
function lastModifiedOf(items: JsonObject[], where: (item: JsonObject) => string): Array<[string, unknown]> {
  return items
    .filter((item) => isObject(item.annotations) && item.annotations.lastModified !== undefined)
    .map((item) => [where(item), (item.annotations as JsonObject).lastModified]);
}

function listing(prefix: string, method: string, extra: { respond: string[] }) {
  return [
    check(
      `${prefix}.capability-consistent`,
      'MUST',
      `${method} offers nothing unless the "resources" capability is declared`,
      ['resources.capability.declare'],
    ),
    check(
      `${prefix}.list-answered`,
      'MUST',
      `${method} is answered with a list when "resources" is declared`,
      extra.respond,
    ),
    check(`${prefix}.pagination`, 'SHOULD', 'Following nextCursor walks every page once and ends', [
      'pagination.server.stable-cursors',
    ]),
    check(`${prefix}.invalid-cursor`, 'SHOULD', 'A made-up cursor is answered with -32602', [
      'pagination.error.invalid-cursor',
      'pagination.server.invalid-cursor-graceful',
    ]),
    check(
      `${prefix}.cache-fields`,
      'MUST',
      'Every page carries ttlMs >= 0 and the same cacheScope',
      [
        'resources.cache.ttl',
        'resources.cache.scope',
        'caching.pagination.same-scope',
        ...CACHING_SERVER,
        // The same scope on every page keeps a private first page private (resources/list only).
        ...(prefix === 'resources' ? ['caching.pagination.private-stays-private'] : []),
      ],
      STATELESS,
    ),
    check(
      `${prefix}.result-type`,
      'MUST',
      'Every page carries resultType "complete"',
      ['base.result.result-type-present', 'mrtr.server.unsupported-requests'],
      STATELESS,
    ),
    check(
      `${prefix}.same-per-connection`,
      'MUST NOT',
      'Another connection is offered the same items',
      ['resources.list.no-per-connection'],
      STATELESS,
    ),
  ];
}

/** Decides resources.last-modified-iso8601 from the lastModified values seen; skips when there were none. */
function lastModifiedCheck(ctx: ServerContext, stamps: Array<[string, unknown]>): void {
  const check = ctx.check('resources.last-modified-iso8601');
  if (stamps.length === 0) return void check.skip('no resource, template or contents carries annotations.lastModified');
  const bad = stamps.filter(([, value]) => !isIso8601DateTime(value));
  check.verify(
    bad.length === 0,
    `lastModified values that are not ISO 8601 date-times: ${bad
      .slice(0, 5)
      .map(([where, value]) => `${where}: ${JSON.stringify(value)}`)
      .join(', ')}`,
  );
}

export const resourcesScenarios: ServerScenario[] = [
  {
    id: 'resources-list',
    title: 'Listing resources',
    area: 'resources',
    depth: 'any',
    description:
      'Lists every resource page by page, with a made-up cursor, and on a second connection; checks each URI.',
    checks: [
      ...listing('resources', 'resources/list', {
        respond: ['resources.list.respond', 'resources.capability.declare'],
      }),
      check('resources.uri-valid', 'MUST', 'Every listed resource URI is an RFC 3986 URI', [
        'resources.uri.custom-rfc3986',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const items = await listingChecks(ctx, session, {
        capability: 'resources',
        method: 'resources/list',
        prefix: 'resources',
      });
      const bad = items.filter((r) => typeof r.uri !== 'string' || !URI.test(r.uri));
      ctx.check('resources.uri-valid').verify(
        bad.length === 0,
        `URIs that are not RFC 3986: ${bad
          .slice(0, 5)
          .map((r) => JSON.stringify(r.uri))
          .join(', ')}`,
      );
    },
  },
  {
    id: 'resources-templates-list',
    title: 'Listing resource templates',
    area: 'resources',
    depth: 'any',
    description: 'Lists every resource template page by page and with a made-up cursor.',
    checks: listing('resource-templates', 'resources/templates/list', {
      respond: ['resources.list.respond', 'resources.capability.declare'],
    }),
    async run(ctx) {
      const session = await ctx.session();
      await listingChecks(ctx, session, {
        capability: 'resources',
        method: 'resources/templates/list',
        prefix: 'resource-templates',
      });
    },
  },
  {
    id: 'resources-read',
    title: 'Reading listed resources',
    area: 'resources',
    depth: 'any',
    description: 'Reads up to ten listed resources and checks what comes back.',
    checks: [
      check('resources.read-answered', 'MUST', 'resources/read of a listed resource returns its contents', [
        'resources.capability.declare',
        'resources.list.respond',
      ]),
      check('resources.read-uri-matches', 'SHOULD', 'The contents returned carry the URI that was read', [
        'resources.capability.declare',
        'resources.list.respond',
      ]),
      check('resources.blob-base64', 'MUST', 'Binary contents are base64 encoded', [
        'resources.security.binary-encoding',
        'resources.contents.text-only-if-textual',
      ]),
      check(
        'resources.last-modified-iso8601',
        'SHOULD',
        'Every annotations.lastModified of a listed resource, resource template or read contents is an ISO 8601 date-time with a time zone',
        ['resources.annotations.last-modified-iso8601'],
        { from: '2025-06-18' },
      ),
      check(
        'resources.read-cache-fields',
        'MUST',
        'The read result carries ttlMs and cacheScope',
        ['resources.cache.ttl', 'resources.cache.scope', ...CACHING_SERVER],
        STATELESS,
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'resources');
      const resources =
        (await ctx.listAll(session, 'resources/list')) ?? ctx.end('resources/list failed; see resources-list');
      const stamps = ctx.has('resources.last-modified-iso8601')
        ? [
            ...lastModifiedOf(resources, (r) => `resource ${String(r.uri)}`),
            ...lastModifiedOf(
              (await ctx.listAll(session, 'resources/templates/list')) ?? [],
              (t) => `template ${String(t.uriTemplate)}`,
            ),
          ]
        : [];
      if (resources.length === 0) {
        if (ctx.has('resources.last-modified-iso8601')) lastModifiedCheck(ctx, stamps);
        return ctx.end('not applicable: the server lists no resources');
      }
      for (const resource of resources.slice(0, 10)) {
        const response = await session.request('resources/read', { uri: resource.uri });
        const contents = response.result?.contents;
        if (!Array.isArray(contents) || contents.length === 0) {
          ctx
            .check('resources.read-answered')
            .fail(`reading ${String(resource.uri)} gave ${describe(response)}`, response);
          continue;
        }
        ctx.check('resources.read-answered').pass();
        const items = contents as JsonObject[];
        stamps.push(...lastModifiedOf(items.filter(isObject), (c) => `contents of ${String(c.uri)}`));
        ctx.check('resources.read-uri-matches').verify(
          items.some((c) => c.uri === resource.uri),
          `reading ${String(resource.uri)} returned contents for ${items.map((c) => String(c.uri)).join(', ')}`,
          response,
        );
        const blobs = items.filter((c) => c.blob !== undefined);
        if (blobs.length > 0)
          ctx.check('resources.blob-base64').verify(
            blobs.every((b) => typeof b.blob === 'string' && BASE64.test(b.blob)),
            `${String(resource.uri)}: a blob is not base64`,
            response,
          );
        if (ctx.has('resources.read-cache-fields')) {
          const r = response.result!;
          ctx
            .check('resources.read-cache-fields')
            .verify(
              typeof r.ttlMs === 'number' && r.ttlMs >= 0 && typeof r.cacheScope === 'string',
              `ttlMs ${JSON.stringify(r.ttlMs)}, cacheScope ${JSON.stringify(r.cacheScope)}`,
              response,
            );
        }
      }
      if (!ctx.check('resources.blob-base64').decided)
        ctx.check('resources.blob-base64').skip('no binary resource was read');
      if (ctx.has('resources.last-modified-iso8601')) lastModifiedCheck(ctx, stamps);
    },
  },
  {
    id: 'resources-read-missing',
    title: 'Reading a resource that does not exist',
    area: 'resources',
    depth: 'any',
    description: 'Reads a URI the server did not list.',
    checks: [
      check(
        'resources.not-found-error',
        'SHOULD',
        'A missing resource is answered with -32002 (resource not found)',
        ['resources.errors.not-found-32002'],
        { until: '2025-11-25' },
      ),
      check(
        'resources.not-found-invalid-params',
        'MUST',
        'A missing resource is answered with -32602',
        ['resources.errors.not-found-32602'],
        STATELESS,
      ),
      check(
        'resources.not-found-not-empty',
        'MUST NOT',
        'A missing resource is not answered with an empty contents list',
        ['resources.errors.no-empty-contents'],
        STATELESS,
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'resources');
      const response = await session.request('resources/read', { uri: 'mcp-conformance://no/such/resource' });
      if (ctx.has('resources.not-found-error')) {
        ctx
          .check('resources.not-found-error')
          .verify(errorCode(response) === -32002, `the read was answered with ${describe(response)}`, response);
      } else {
        ctx
          .check('resources.not-found-invalid-params')
          .verify(errorCode(response) === -32602, `the read was answered with ${describe(response)}`, response);
        const contents = response.result?.contents;
        ctx
          .check('resources.not-found-not-empty')
          .verify(
            !(Array.isArray(contents) && contents.length === 0),
            'the read was answered with an empty contents list',
            response,
          );
      }
    },
  },
];
