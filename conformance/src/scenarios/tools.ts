/** Tools at the any-server depth: listing, names, schemas, safe calls and errors. */
import { LIST_FIELDS, type JsonObject, type ListMethod, type McpSession } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, mayCall, STATELESS } from './helpers.ts';
import { compilePublished, sampleArguments } from './json-schema.ts';

const UNTIL_2025_11_25 = { until: '2025-11-25' } as const;
/** What every cacheable result owes, whatever the operation (caching.md). */
export const CACHING_SERVER = [
  'caching.server.include-ttl',
  'caching.server.include-scope',
  'caching.server.ttl-non-negative',
];
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** Keywords through which an input schema can admit arguments other than by `properties`. */
const ARGUMENT_KEYWORDS = [
  'patternProperties',
  'additionalProperties',
  'dependentSchemas',
  'propertyNames',
  '$ref',
  '$dynamicRef',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
];

/**
 * Whether an input schema describes a tool without parameters: no (or empty) `properties`, and no other
 * keyword admitting arguments (an `additionalProperties` of `true`, `{}` or `false` admits no named one).
 */
function declaresNoParameters(schema: JsonObject): boolean {
  const properties = schema.properties;
  if (properties !== undefined && !(isObject(properties) && Object.keys(properties).length === 0)) return false;
  return ARGUMENT_KEYWORDS.every((keyword) => {
    const value = schema[keyword];
    if (value === undefined) return true;
    if (keyword !== 'additionalProperties') return false;
    return typeof value === 'boolean' || (isObject(value) && Object.keys(value).length === 0);
  });
}

/** Whether a schema without parameters admits nothing but the empty object. */
function acceptsOnlyEmptyObject(schema: JsonObject): boolean {
  return schema.additionalProperties === false || schema.unevaluatedProperties === false || schema.maxProperties === 0;
}

/** The shared part of tools, resources and prompts listing scenarios. */
export async function listingChecks(
  ctx: ServerContext,
  session: McpSession,
  options: { capability: string; method: ListMethod; prefix: string },
): Promise<JsonObject[]> {
  const { capability, method, prefix } = options;
  const field = LIST_FIELDS[method];
  const declared = isObject(session.serverCapabilities[capability]);
  if (!declared) {
    const response = await session.request(method, {});
    const list = response.result?.[field];
    ctx
      .check(`${prefix}.capability-consistent`)
      .verify(
        !Array.isArray(list) || list.length === 0,
        `the server does not declare "${capability}" but ${method} returned ${Array.isArray(list) ? list.length : 0} item(s)`,
        response,
      );
    return ctx.end(`not applicable: the server does not declare the "${capability}" capability`);
  }
  ctx.check(`${prefix}.capability-consistent`).pass();
  const { pages, items, complete } = await session.listPages(method, 50);
  const first = pages[0]!;
  const broken = pages.find((p) => !Array.isArray(p.result?.[field]));
  if (broken) {
    ctx.check(`${prefix}.list-answered`).fail(`${method} was answered with ${describe(broken)}`, broken);
    return ctx.end(`${method} failed`);
  }
  ctx.check(`${prefix}.list-answered`).pass(`${items.length} item(s) on ${pages.length} page(s)`);
  if (ctx.has(`${prefix}.pagination`)) {
    const keys = items.map((i) => String(i.name ?? i.uri ?? i.uriTemplate));
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (!complete)
      ctx.check(`${prefix}.pagination`).violated(`following nextCursor did not end after ${pages.length} pages`);
    else if (pages.length === 1) ctx.check(`${prefix}.pagination`).pass('one page; nothing to follow');
    else
      ctx
        .check(`${prefix}.pagination`)
        .verify(duplicates.length === 0, `pages repeat items: ${duplicates.slice(0, 5).join(', ')}`, ...pages);
  }
  if (ctx.has(`${prefix}.invalid-cursor`)) {
    const bogus = await session.request(method, { cursor: 'mcp-conformance-not-a-cursor-\u00e9' });
    ctx
      .check(`${prefix}.invalid-cursor`)
      .verify(errorCode(bogus) === -32602, `a made-up cursor was answered with ${describe(bogus)}`, bogus);
  }
  if (ctx.has(`${prefix}.cache-fields`)) {
    const scopes = new Set(pages.map((p) => p.result?.cacheScope));
    const ttlOk = pages.every((p) => typeof p.result?.ttlMs === 'number' && (p.result.ttlMs as number) >= 0);
    const scopeOk = pages.every((p) => typeof p.result?.cacheScope === 'string');
    ctx
      .check(`${prefix}.cache-fields`)
      .verify(
        ttlOk && scopeOk && scopes.size === 1,
        `ttlMs/cacheScope per page: ${JSON.stringify(pages.map((p) => [p.result?.ttlMs, p.result?.cacheScope]))}`,
        first,
      );
  }
  if (ctx.has(`${prefix}.result-type`)) {
    const bad = pages.find((p) => p.result?.resultType !== 'complete');
    ctx.check(`${prefix}.result-type`).verify(!bad, `resultType is ${JSON.stringify(bad?.result?.resultType)}`, bad);
  }
  if (ctx.has(`${prefix}.stable`)) {
    const again = await session.listPages(method, 50);
    const before = items.map((i) => JSON.stringify(i.name ?? i.uri ?? i.uriTemplate));
    const after = again.items.map((i) => JSON.stringify(i.name ?? i.uri ?? i.uriTemplate));
    ctx
      .check(`${prefix}.stable`)
      .verify(
        before.join() === after.join(),
        `a second listing differs: ${after.slice(0, 5).join(', ')} vs ${before.slice(0, 5).join(', ')}`,
        again.pages[0],
      );
  }
  if (ctx.has(`${prefix}.same-per-connection`)) {
    const other = await ctx.session();
    const elsewhere = await other.listPages(method, 50);
    const mine = new Set(items.map((i) => JSON.stringify(i.name ?? i.uri ?? i.uriTemplate)));
    const theirs = new Set(elsewhere.items.map((i) => JSON.stringify(i.name ?? i.uri ?? i.uriTemplate)));
    const same = mine.size === theirs.size && [...mine].every((k) => theirs.has(k));
    ctx
      .check(`${prefix}.same-per-connection`)
      .verify(same, `another connection lists ${theirs.size} item(s), this one ${mine.size}`, elsewhere.pages[0]);
  }
  return items;
}

function listingDeclarations(
  prefix: string,
  capability: string,
  method: string,
  ids: {
    respond: string[];
    declare: string[];
    ttl: string[];
    scope: string[];
    order: string[];
    perConnection: string[];
  },
) {
  return [
    check(
      `${prefix}.capability-consistent`,
      'MUST',
      `${method} offers nothing unless the "${capability}" capability is declared`,
      ids.declare,
    ),
    check(
      `${prefix}.list-answered`,
      'MUST',
      `${method} is answered with a list when "${capability}" is declared`,
      ids.respond,
    ),
    check(`${prefix}.pagination`, 'SHOULD', `Following nextCursor walks every page once and ends`, [
      'pagination.server.stable-cursors',
    ]),
    check(`${prefix}.invalid-cursor`, 'SHOULD', `A made-up cursor is answered with -32602`, [
      'pagination.error.invalid-cursor',
      'pagination.server.invalid-cursor-graceful',
    ]),
    check(
      `${prefix}.cache-fields`,
      'MUST',
      `Every page carries ttlMs >= 0 and the same cacheScope`,
      [...ids.ttl, ...ids.scope, 'caching.pagination.same-scope', ...CACHING_SERVER],
      STATELESS,
    ),
    check(
      `${prefix}.result-type`,
      'MUST',
      `Every page carries resultType "complete"`,
      ['base.result.result-type-present', 'mrtr.server.unsupported-requests'],
      STATELESS,
    ),
    check(`${prefix}.stable`, 'SHOULD', `Listing twice gives the same items in the same order`, ids.order, STATELESS),
    check(
      `${prefix}.same-per-connection`,
      'MUST NOT',
      `Another connection is offered the same items`,
      ids.perConnection,
      STATELESS,
    ),
  ];
}

export const TOOLS_LISTING = listingDeclarations('tools', 'tools', 'tools/list', {
  respond: ['tools.list.respond', 'tools.capability.declare'],
  declare: ['tools.capability.declare'],
  ttl: ['tools.list.ttl'],
  scope: ['tools.list.cache-scope'],
  order: ['tools.list.deterministic-order', 'tools.list.no-side-effects'],
  perConnection: ['tools.list.no-per-connection'],
});

function callable(ctx: ServerContext, tools: JsonObject[]): JsonObject[] {
  return tools.filter((t) => mayCall(ctx, t));
}

export const toolsScenarios: ServerScenario[] = [
  {
    id: 'tools-list',
    title: 'Listing tools',
    area: 'tools',
    depth: 'any',
    description: 'Lists every tool page by page, with a made-up cursor, twice, and on a second connection.',
    checks: TOOLS_LISTING,
    async run(ctx) {
      const session = await ctx.session();
      await listingChecks(ctx, session, { capability: 'tools', method: 'tools/list', prefix: 'tools' });
    },
  },
  {
    id: 'tools-definitions',
    title: 'Tool names and schemas',
    area: 'tools',
    depth: 'any',
    description: 'Inspects every listed tool: its name, its input schema and its output schema.',
    checks: [
      check('tools.name-format', 'SHOULD', 'Tool names are 1-128 characters of letters, digits, _ - and .', [
        'tools.name.charset',
        'tools.name.length',
        'tools.name.no-special',
      ]),
      check('tools.name-unique', 'SHOULD', 'No two tools share a name', ['tools.name.unique']),
      check('tools.input-schema-object', 'MUST', 'Every inputSchema is an object schema with "type": "object"', [
        'tools.input-schema.type-object',
        'tools.input-schema.valid-object',
      ]),
      check('tools.input-schema-valid', 'MUST', 'Every inputSchema is a valid JSON Schema for its dialect', [
        'base.json-schema.schemas-valid',
        'tools.input-schema.valid-object',
      ]),
      check(
        'tools.input-schema-no-params-strict',
        'SHOULD',
        'A tool without parameters declares the strict inputSchema, additionalProperties false, admitting only {}',
        ['tools.input-schema.no-params-strict'],
        { from: '2025-11-25' },
      ),
      check(
        'tools.output-schema-object',
        'MUST',
        'Every outputSchema has "type": "object" at its root',
        ['tools.output-schema.object-root'],
        UNTIL_2025_11_25,
      ),
      check('tools.output-schema-valid', 'MUST', 'Every outputSchema is a valid JSON Schema for its dialect', [
        'base.json-schema.schemas-valid',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
      if (tools.length === 0) return ctx.end('not applicable: the server lists no tools');
      const names = tools.map((t) => String(t.name));
      const badNames = names.filter((n) => !TOOL_NAME.test(n));
      ctx.check('tools.name-format').verify(
        badNames.length === 0,
        `names outside the recommended format: ${badNames
          .slice(0, 5)
          .map((n) => JSON.stringify(n))
          .join(', ')}`,
      );
      const dupes = names.filter((n, i) => names.indexOf(n) !== i);
      ctx
        .check('tools.name-unique')
        .verify(dupes.length === 0, `names listed more than once: ${[...new Set(dupes)].join(', ')}`);
      const notObject = tools.filter(
        (t) => !isObject(t.inputSchema) || (t.inputSchema as JsonObject).type !== 'object',
      );
      ctx.check('tools.input-schema-object').verify(
        notObject.length === 0,
        `inputSchema without "type": "object": ${notObject
          .map((t) => t.name)
          .slice(0, 5)
          .join(', ')}`,
      );
      const invalidInput = tools
        .map((t) => [t.name, compilePublished(ctx.revision, t.inputSchema)] as const)
        .filter(([, c]) => !c.ok);
      ctx.check('tools.input-schema-valid').verify(
        invalidInput.length === 0,
        invalidInput
          .slice(0, 3)
          .map(([n, c]) => `${String(n)}: ${c.ok ? '' : c.error}`)
          .join('; '),
      );
      if (ctx.has('tools.input-schema-no-params-strict')) {
        const noParameters = tools.filter((t) => isObject(t.inputSchema) && declaresNoParameters(t.inputSchema));
        const loose = noParameters.filter((t) => !acceptsOnlyEmptyObject(t.inputSchema as JsonObject));
        if (noParameters.length === 0)
          ctx.check('tools.input-schema-no-params-strict').skip('every tool takes parameters');
        else
          ctx.check('tools.input-schema-no-params-strict').verify(
            loose.length === 0,
            `tools without parameters whose inputSchema admits any object: ${loose
              .slice(0, 5)
              .map((t) => `${String(t.name)} ${JSON.stringify(t.inputSchema)}`)
              .join(', ')}`,
          );
      }
      const withOutput = tools.filter((t) => t.outputSchema !== undefined);
      if (withOutput.length === 0) {
        for (const id of ['tools.output-schema-object', 'tools.output-schema-valid'])
          if (ctx.has(id)) ctx.check(id).skip('no tool declares an outputSchema');
        return;
      }
      if (ctx.has('tools.output-schema-object')) {
        const bad = withOutput.filter(
          (t) => !isObject(t.outputSchema) || (t.outputSchema as JsonObject).type !== 'object',
        );
        ctx
          .check('tools.output-schema-object')
          .verify(bad.length === 0, `outputSchema without "type": "object": ${bad.map((t) => t.name).join(', ')}`);
      }
      const invalidOutput = withOutput
        .map((t) => [t.name, compilePublished(ctx.revision, t.outputSchema)] as const)
        .filter(([, c]) => !c.ok);
      ctx.check('tools.output-schema-valid').verify(
        invalidOutput.length === 0,
        invalidOutput
          .slice(0, 3)
          .map(([n, c]) => `${String(n)}: ${c.ok ? '' : c.error}`)
          .join('; '),
      );
    },
  },
  {
    id: 'tools-call-safe',
    title: 'Calling read-only tools',
    area: 'tools',
    depth: 'any',
    description:
      'Calls every tool annotated readOnlyHint (every tool with --call-tools) with arguments built from its input schema, and checks the results against the declared output schemas.',
    checks: [
      check('tools.call-answered', 'MUST', 'tools/call is answered with a result or a JSON-RPC error', [
        'tools.list.respond',
        'base.messages.json-rpc',
      ]),
      check('tools.structured-conforms', 'MUST', 'structuredContent is valid against the tool outputSchema', [
        'tools.output-schema.conform',
      ]),
      check('tools.structured-present', 'MUST', 'A tool with an outputSchema returns structuredContent on success', [
        'tools.output-schema.conform',
      ]),
      check(
        'tools.structured-object',
        'MUST',
        'structuredContent is a JSON object',
        ['tools.structured.object'],
        UNTIL_2025_11_25,
      ),
      check(
        'tools.structured-text-fallback',
        'SHOULD',
        'A result with structuredContent also carries it as text content',
        ['tools.structured.text-fallback'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
      const chosen = callable(ctx, tools).slice(0, 20);
      if (chosen.length === 0)
        return ctx.end('not applicable: no tool is annotated readOnlyHint; pass --call-tools to call the others');
      let structured = 0;
      for (const tool of chosen) {
        const response = await session.request('tools/call', {
          name: tool.name,
          arguments: sampleArguments(tool.inputSchema),
        });
        if (!response.result && !response.error) {
          ctx.check('tools.call-answered').fail(`${String(tool.name)}: ${describe(response)}`, response);
          continue;
        }
        ctx.check('tools.call-answered').pass();
        const result = response.result;
        if (
          !result ||
          result.isError === true ||
          !isObject(tool.outputSchema) ||
          result.resultType === 'input_required'
        )
          continue;
        structured += 1;
        if (result.structuredContent === undefined) {
          ctx
            .check('tools.structured-present')
            .fail(`${String(tool.name)} declares an outputSchema but returned no structuredContent`, response);
          continue;
        }
        ctx.check('tools.structured-present').pass();
        const compiled = compilePublished(ctx.revision, tool.outputSchema);
        if (compiled.ok) {
          const ok = compiled.validate(result.structuredContent) as boolean;
          ctx
            .check('tools.structured-conforms')
            .verify(
              ok,
              `${String(tool.name)}: ${(compiled.validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
              response,
            );
        }
        if (ctx.has('tools.structured-object'))
          ctx
            .check('tools.structured-object')
            .verify(
              isObject(result.structuredContent),
              `${String(tool.name)} returned structuredContent that is not an object`,
              response,
            );
        const texts = Array.isArray(result.content)
          ? (result.content as JsonObject[]).filter((c) => c.type === 'text')
          : [];
        ctx
          .check('tools.structured-text-fallback')
          .verify(
            texts.length > 0,
            `${String(tool.name)} returned structuredContent without any text content`,
            response,
          );
      }
      if (structured === 0) ctx.skipRemaining('no called tool declares an outputSchema');
    },
  },
  {
    id: 'tools-call-unknown',
    title: 'Calling a tool that does not exist',
    area: 'tools',
    depth: 'any',
    description: 'Calls a tool name the server did not list.',
    checks: [
      check(
        'tools.unknown-tool-protocol-error',
        'SHOULD',
        'An unknown tool is reported as a JSON-RPC error, not as a tool result',
        ['tools.errors.protocol-as-jsonrpc'],
      ),
      check(
        'tools.unknown-tool-invalid-params',
        'SHOULD',
        'The JSON-RPC error for an unknown tool has code -32602 (Invalid params)',
        ['tools.errors.protocol-as-jsonrpc'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const response = await session.request('tools/call', { name: 'mcp_conformance_no_such_tool', arguments: {} });
      ctx
        .check('tools.unknown-tool-protocol-error')
        .verify(response.error !== undefined, `the call was answered with ${describe(response)}`, response);
      if (response.error === undefined)
        ctx
          .check('tools.unknown-tool-invalid-params')
          .skip('not a JSON-RPC error; see tools.unknown-tool-protocol-error');
      else
        ctx
          .check('tools.unknown-tool-invalid-params')
          .verify(errorCode(response) === -32602, `the call was answered with ${describe(response)}`, response);
    },
  },
];
