/**
 * `x-mcp-header` annotations (stateless era): the rules every annotation in a listed tool's `inputSchema` must
 * follow, read from the definitions alone, and how the server checks the `Mcp-Param-*` headers a client derives
 * from them (fixture tool `test_header_parameter`, Streamable HTTP).
 */
import { toResponse, type JsonObject } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { HttpExchange, StreamableHttpTransport } from '../transport/http.ts';
import { describe, isObject, STATELESS } from './helpers.ts';
import { httpEvidence } from './streamable-http.ts';

/** RFC 9110 `tchar`: a header field name is one or more of these. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(['string', 'integer', 'boolean']);
/** Keywords whose object value maps names to subschemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, not a schema: an `x-mcp-header` key inside them is no annotation. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required']);
const ARRAY_KEYWORDS = new Set(['items', 'prefixItems', 'additionalItems', 'contains', 'unevaluatedItems']);
const COMPOSITION_KEYWORDS = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);
const REF_TARGETS = new Set(['$defs', 'definitions']);

/** One `x-mcp-header` member: where it sits, the keywords that lead to it from the root, and its schema. */
interface Annotation {
  path: string[];
  keywords: string[];
  value: unknown;
  schema: JsonObject;
}

/** Every `x-mcp-header` member anywhere in a schema, whatever keyword leads to it. */
export function findAnnotations(root: unknown): Annotation[] {
  const found: Annotation[] = [];
  const walk = (node: unknown, path: string[], keywords: string[]): void => {
    if (!isObject(node) || keywords.length > 64) return;
    for (const [key, value] of Object.entries(node)) {
      const next = [...keywords, key];
      if (key === 'x-mcp-header') found.push({ path, keywords, value, schema: node });
      else if (DATA_KEYWORDS.has(key)) continue;
      else if (SCHEMA_MAPS.has(key) && isObject(value))
        for (const [name, sub] of Object.entries(value)) walk(sub, [...path, key, name], next);
      else if (Array.isArray(value)) value.forEach((sub, i) => walk(sub, [...path, key, String(i)], next));
      else walk(value, [...path, key], next);
    }
  };
  walk(root, [], []);
  return found;
}

/** Why an annotation is not statically reachable (only `properties` from the root), or undefined. */
export function unreachable(keywords: string[]): string | undefined {
  if (keywords.length === 0) return 'it sits on the schema root, not on a property';
  const stray = keywords.find((k) => k !== 'properties');
  if (stray === undefined) return undefined;
  if (ARRAY_KEYWORDS.has(stray)) return `the chain runs through the array keyword "${stray}"`;
  if (COMPOSITION_KEYWORDS.has(stray)) return `the chain runs through the composition keyword "${stray}"`;
  if (REF_TARGETS.has(stray)) return `it sits under "${stray}", reachable only through $ref`;
  return `the chain runs through "${stray}"`;
}

/** Why the annotated schema is not of a primitive type the annotation allows, or undefined. */
function notPrimitive(schema: JsonObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const named = types.filter((t) => t !== 'null');
  if (named.length === 0) return 'the property declares no type';
  const bad = named.find((t) => typeof t !== 'string' || !PRIMITIVE.has(t));
  return bad === undefined ? undefined : `the property is of type ${JSON.stringify(bad)}`;
}

function where(tool: JsonObject, annotation: Annotation): string {
  return `${String(tool.name)} at /${annotation.path.join('/')}`;
}

/** The first JSON-RPC response of an exchange (JSON body or SSE stream). */
function responseIn(exchange: HttpExchange): JsonObject | undefined {
  return exchange.messages.find(
    (m): m is JsonObject => isObject(m) && (Object.hasOwn(m, 'result') || Object.hasOwn(m, 'error')),
  );
}

function errorCodeIn(exchange: HttpExchange): unknown {
  const response = responseIn(exchange);
  return isObject(response?.error) ? response.error.code : undefined;
}

function shownExchange(exchange: HttpExchange): string {
  const response = responseIn(exchange);
  return `HTTP ${exchange.status}, ${response ? describe(toResponse(response)) : 'no JSON-RPC response'}`;
}

const refused = (exchange: HttpExchange): boolean => exchange.status === 400 && errorCodeIn(exchange) === -32020;
const served = (exchange: HttpExchange): boolean =>
  exchange.status === 200 && isObject(responseIn(exchange)?.result) && !isObject(responseIn(exchange)?.error);

export const headerAnnotationScenarios: ServerScenario[] = [
  {
    id: 'tools-x-mcp-header',
    title: 'x-mcp-header annotations',
    area: 'tools',
    depth: 'any',
    description:
      'Finds every x-mcp-header member in the input schemas of the listed tools and checks its value, the type of the property it sits on, its uniqueness and the path that leads to it.',
    revisions: STATELESS,
    checks: [
      check(
        'tools.x-mcp-header-name',
        'MUST',
        'Every x-mcp-header value is a non-empty HTTP token without control characters',
        [
          'tools.x-mcp-header.not-empty',
          'tools.x-mcp-header.token-syntax',
          'tools.x-mcp-header.no-control-chars',
          'transport.http.x-mcp-header.not-empty',
          'transport.http.x-mcp-header.token-syntax',
          'transport.http.x-mcp-header.no-control-chars',
        ],
      ),
      check(
        'tools.x-mcp-header-unique',
        'MUST',
        'No two x-mcp-header values of one inputSchema are equal, ignoring case',
        ['tools.x-mcp-header.unique', 'transport.http.x-mcp-header.unique'],
      ),
      check(
        'tools.x-mcp-header-primitive',
        'MUST',
        'x-mcp-header sits only on properties of type string, integer or boolean',
        [
          'tools.x-mcp-header.primitive-types',
          'transport.http.x-mcp-header.primitive-types',
          'transport.http.x-mcp-header.no-number',
        ],
      ),
      check(
        'tools.x-mcp-header-reachable',
        'MUST',
        'x-mcp-header sits only on properties reached from the root through properties alone',
        [
          'tools.x-mcp-header.statically-reachable',
          'transport.http.x-mcp-header.statically-reachable',
          'transport.http.x-mcp-header.no-array-path',
          'transport.http.x-mcp-header.no-composition-path',
          'transport.http.x-mcp-header.no-ref-path',
        ],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
      const annotated = tools
        .map((tool) => ({ tool, annotations: findAnnotations(tool.inputSchema) }))
        .filter((t) => t.annotations.length > 0);
      if (annotated.length === 0) return ctx.end('not applicable: no listed tool carries an x-mcp-header annotation');
      for (const { tool, annotations } of annotated) {
        for (const annotation of annotations) {
          const value = annotation.value;
          ctx
            .check('tools.x-mcp-header-name')
            .verify(
              typeof value === 'string' && TOKEN.test(value),
              `${where(tool, annotation)}: ${JSON.stringify(value)} is not an HTTP token`,
            );
          const type = notPrimitive(annotation.schema);
          ctx.check('tools.x-mcp-header-primitive').verify(type === undefined, `${where(tool, annotation)}: ${type}`);
          const path = unreachable(annotation.keywords);
          ctx.check('tools.x-mcp-header-reachable').verify(path === undefined, `${where(tool, annotation)}: ${path}`);
        }
        const names = annotations.map((a) => a.value).filter((v): v is string => typeof v === 'string');
        const lower = names.map((n) => n.toLowerCase());
        const repeated = names.filter((_, i) => lower.indexOf(lower[i]!) !== i);
        ctx
          .check('tools.x-mcp-header-unique')
          .verify(
            repeated.length === 0,
            `${String(tool.name)}: ${repeated.map((n) => JSON.stringify(n)).join(', ')} repeat another value`,
          );
      }
    },
  },
];

export const paramHeaderScenarios: ServerScenario[] = [
  {
    id: 'http-param-headers',
    title: 'Fixture: Mcp-Param-* headers checked by the server',
    area: 'streamable-http',
    depth: 'fixture',
    description:
      'Calls test_header_parameter (region and priority mirrored in Mcp-Param-Region and Mcp-Param-Priority) with the headers missing, mismatched, holding a raw non-ASCII byte, Base64-encoded, and with priority absent or null.',
    revisions: { era: 'stateless', transports: ['http'] },
    checks: [
      check(
        'http.param-header-missing',
        'MUST',
        'A call whose argument has a value but whose Mcp-Param header is missing is refused: 400 with -32020',
        ['transport.http.param-headers.reject-missing', 'transport.http.param-headers.mismatch-reject'],
      ),
      check(
        'http.param-header-mismatch',
        'MUST',
        'A call whose Mcp-Param header differs from the argument is refused: 400 with -32020',
        ['transport.http.param-headers.validate-match', 'transport.http.param-headers.mismatch-reject'],
      ),
      check(
        'http.param-header-invalid-chars',
        'MUST',
        'A call whose Mcp-Param header holds a raw non-ASCII byte is refused: 400 with -32020',
        ['transport.http.param-headers.invalid-chars-reject', 'transport.http.validation.reject-invalid-chars'],
      ),
      check(
        'http.param-header-base64',
        'MUST',
        'A Base64-encoded Mcp-Param header is decoded before the comparison: the encoded argument is served, an encoded other value refused',
        ['transport.http.value-encoding.server-decode', 'transport.http.value-encoding.decode-before-compare'],
      ),
      check(
        'http.param-header-optional',
        'MUST NOT',
        'A call whose annotated argument is absent or null is not refused for lacking its header',
        ['transport.http.param-headers.not-expect-absent', 'transport.http.param-headers.not-expect-null'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      await ctx.fixtureTool(session, 'test_header_parameter');
      const http = session.connection as StreamableHttpTransport;
      const call = (args: JsonObject, headers: Record<string, string> = {}, omit: string[] = []) =>
        http.post(
          JSON.stringify(session.buildRequest('tools/call', { name: 'test_header_parameter', arguments: args })),
          { headers, omitDefaultHeaders: omit },
        );
      const baseline = await call({ region: 'north', priority: 2 });
      if (!served(baseline))
        return ctx.end(`test_header_parameter with matching headers was answered ${shownExchange(baseline)}`);

      const missing = await call({ region: 'north', priority: 2 }, {}, ['Mcp-Param-Region']);
      ctx
        .check('http.param-header-missing')
        .verify(refused(missing), `without Mcp-Param-Region: ${shownExchange(missing)}`, httpEvidence(missing));

      const mismatch = await call({ region: 'north', priority: 2 }, { 'Mcp-Param-Region': 'south' });
      const mismatchPriority = await call({ region: 'north', priority: 2 }, { 'Mcp-Param-Priority': '3' });
      ctx
        .check('http.param-header-mismatch')
        .verify(
          refused(mismatch) && refused(mismatchPriority),
          `Mcp-Param-Region: south for "north": ${shownExchange(mismatch)}; Mcp-Param-Priority: 3 for 2: ${shownExchange(mismatchPriority)}`,
          httpEvidence(mismatch),
          httpEvidence(mismatchPriority),
        );

      // Node sends a header string as Latin-1: U+00F6 goes out as the single byte 0xF6, which no header may hold.
      const raw = await call({ region: 'n\u00f6rth' }, { 'Mcp-Param-Region': 'n\u00f6rth' });
      ctx
        .check('http.param-header-invalid-chars')
        .verify(refused(raw), `Mcp-Param-Region with the raw byte 0xF6: ${shownExchange(raw)}`, httpEvidence(raw));

      const encode = (text: string): string => `=?base64?${Buffer.from(text, 'utf8').toString('base64')}?=`;
      const encoded = await call({ region: 'Z\u00fcrich' }, { 'Mcp-Param-Region': encode('Z\u00fcrich') });
      const encodedOther = await call({ region: 'Z\u00fcrich' }, { 'Mcp-Param-Region': encode('Zurich') });
      ctx
        .check('http.param-header-base64')
        .verify(
          served(encoded) && refused(encodedOther),
          `the Base64 form of the argument: ${shownExchange(encoded)}; the Base64 form of another value: ${shownExchange(encodedOther)}`,
          httpEvidence(encoded),
          httpEvidence(encodedOther),
        );

      const absent = await call({ region: 'north' }, {}, ['Mcp-Param-Priority']);
      // A null may still fail the tool's own argument validation; only a header refusal is wrong.
      const nullValue = await call({ region: 'north', priority: null }, {}, ['Mcp-Param-Priority']);
      ctx
        .check('http.param-header-optional')
        .verify(
          served(absent) && !refused(nullValue),
          `priority absent: ${shownExchange(absent)}; priority null: ${shownExchange(nullValue)}`,
          httpEvidence(absent),
          httpEvidence(nullValue),
        );
    },
  },
];
