/**
 * Tools at the fixture depth: the conformance fixture's tools (see conformance/FIXTURE.md) return exactly
 * known content, so each content kind, its encoding and the error conventions can be checked to the byte.
 * Also exports the small helpers the other fixture scenario files share.
 */
import type { JsonObject, McpSession, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { EvidenceInput, ServerContext } from '../runner/context.ts';
import { describe, isObject } from './helpers.ts';

/** The fixture's 1×1 red PNG, base64. */
export const FIXTURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
/** The fixture's minimal WAV file, base64. */
export const FIXTURE_WAV = 'UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function fixtureAbsent(what: string): string {
  return `fixture absent: the server lists no ${what} (see FIXTURE.md)`;
}

/** Skips every still undecided check of `ids` that this revision declares. */
export function skipChecks(ctx: ServerContext, ids: readonly string[], reason: string): void {
  for (const id of ids) if (ctx.has(id) && !ctx.check(id).decided) ctx.check(id).skip(reason);
}

/** `verify` for a check that may not apply to this revision. */
export function verifyIf(
  ctx: ServerContext,
  id: string,
  ok: boolean,
  message: string,
  ...evidence: EvidenceInput[]
): void {
  if (ctx.has(id)) ctx.check(id).verify(ok, message, ...evidence);
}

/** Whether the server lists the fixture tool `name`. */
export async function listsTool(ctx: ServerContext, session: McpSession, name: string): Promise<boolean> {
  const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
  return tools.some((t) => t.name === name);
}

/**
 * Calls the fixture tool `name`; when the server does not list it, skips the checks `ids` and returns
 * undefined.
 */
export async function callFixture(
  ctx: ServerContext,
  session: McpSession,
  name: string,
  args: JsonObject,
  ids: readonly string[],
  options: { meta?: JsonObject; timeoutMs?: number } = {},
): Promise<Response | undefined> {
  if (!(await listsTool(ctx, session, name))) {
    skipChecks(ctx, ids, fixtureAbsent(`tool "${name}"`));
    return undefined;
  }
  return session.request('tools/call', { name, arguments: args }, options);
}

/** The content blocks of a result. */
export function blocksOf(response: Response | undefined): JsonObject[] {
  const content = response?.result?.content;
  return Array.isArray(content) ? content.filter(isObject) : [];
}

/** The texts of the text blocks of a result. */
export function textsOf(response: Response | undefined): string[] {
  return blocksOf(response)
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => b.text as string);
}

/** Whether a result is exactly one text block with `expected` (and not an error). */
export function isExactText(response: Response | undefined, expected: string): boolean {
  const blocks = blocksOf(response);
  return (
    response?.result?.isError !== true &&
    blocks.length === 1 &&
    blocks[0]!.type === 'text' &&
    blocks[0]!.text === expected
  );
}

/** `what`, for messages: the first text of a result, or how it was answered. */
export function shown(response: Response | undefined): string {
  const texts = textsOf(response);
  return texts.length > 0
    ? `${JSON.stringify(texts[0])}${response?.result?.isError === true ? ' (isError)' : ''}`
    : describe(response);
}

function imageProblems(
  block: JsonObject | undefined,
  type: 'image' | 'audio',
  data: string,
  mimeType: string,
): string[] {
  if (!block) return [`no ${type} block`];
  const problems: string[] = [];
  if (block.type !== type) problems.push(`type is ${JSON.stringify(block.type)}`);
  if (typeof block.data !== 'string' || !BASE64.test(block.data)) problems.push('data is not base64');
  else if (Buffer.from(block.data, 'base64').compare(Buffer.from(data, 'base64')) !== 0)
    problems.push('data is not the fixture bytes');
  if (block.mimeType !== mimeType) problems.push(`mimeType is ${JSON.stringify(block.mimeType)}, not ${mimeType}`);
  return problems;
}

/** JSON with object keys sorted, to compare values whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Whether `text` is JSON equal to `value`. */
export function jsonEquals(text: unknown, value: unknown): boolean {
  try {
    return typeof text === 'string' && canonical(JSON.parse(text)) === canonical(value);
  } catch {
    return false;
  }
}

/** Problems of a content block that should be the image (or audio) of the fixture. */
export function fixtureImageProblems(block: JsonObject | undefined): string[] {
  return imageProblems(block, 'image', FIXTURE_PNG, 'image/png');
}

function embeddedProblems(block: JsonObject | undefined, uri: string, mimeType: string, text: string): string[] {
  if (!block || block.type !== 'resource')
    return [`not an embedded resource block: ${JSON.stringify(block)?.slice(0, 120)}`];
  const resource = isObject(block.resource) ? block.resource : {};
  const problems: string[] = [];
  if (resource.uri !== uri) problems.push(`uri is ${JSON.stringify(resource.uri)}, not ${uri}`);
  if (resource.mimeType !== mimeType)
    problems.push(`mimeType is ${JSON.stringify(resource.mimeType)}, not ${mimeType}`);
  if (resource.text !== text) problems.push(`text is ${JSON.stringify(resource.text)?.slice(0, 80)}`);
  return problems;
}

const SIMPLE_TEXT = 'This is a simple text response for testing.';

/**
 * Calls TEST_SIMPLE_TEXT, a name the server does not list but whose lower-case spelling is the fixture tool
 * test_simple_text: a server comparing names case-sensitively refuses it (JSON-RPC error or isError result).
 * Only the fixture tool is called this way, never a case variant of an arbitrary tool.
 */
async function caseVariantCheck(ctx: ServerContext, session: McpSession): Promise<void> {
  const id = 'fixture.tool-name-case-sensitive';
  const variant = 'TEST_SIMPLE_TEXT';
  const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
  if (!tools.some((t) => t.name === 'test_simple_text'))
    return skipChecks(ctx, [id], fixtureAbsent('tool "test_simple_text"'));
  if (tools.some((t) => t.name === variant))
    return skipChecks(ctx, [id], `not applicable: the server lists a tool named ${variant} of its own`);
  const response = await session.request('tools/call', { name: variant, arguments: {} });
  const refused = response.error !== undefined || response.result?.isError === true;
  const ranSimple = textsOf(response).includes(SIMPLE_TEXT);
  ctx
    .check(id)
    .verify(
      refused && !ranSimple,
      ranSimple
        ? `${variant} ran test_simple_text: ${shown(response)}`
        : `${variant} was answered with ${shown(response)}, neither an error nor an isError result`,
      response,
    );
}

export const fixtureToolsScenarios: ServerScenario[] = [
  {
    id: 'fixture-tools-content',
    title: 'Fixture tools: every content kind',
    area: 'tools',
    depth: 'fixture',
    description:
      'Calls the fixture tools that return text, image, audio, embedded resource, mixed and resource_link content, and compares each result with the content FIXTURE.md promises.',
    checks: [
      check('fixture.simple-text', 'MUST', 'test_simple_text returns exactly its one fixed text block', [
        'base.result.has-result',
        'base.messages.json-rpc',
      ]),
      check(
        'fixture.image-content',
        'MUST',
        'test_image_content returns the fixture PNG, base64 encoded, with mimeType image/png',
        ['prompts.content.image-base64', 'prompts.content.image-mime'],
      ),
      check(
        'fixture.audio-content',
        'MUST',
        'test_audio_content returns the fixture WAV, base64 encoded, with mimeType audio/wav',
        ['prompts.content.audio-base64', 'prompts.content.audio-mime'],
        { from: '2025-03-26' },
      ),
      check(
        'fixture.embedded-resource',
        'MUST',
        'test_embedded_resource returns the embedded text resource with its URI, MIME type and text',
        [
          'tools.result.embedded-resources',
          'prompts.content.embedded-uri',
          'prompts.content.embedded-data',
          'prompts.content.embedded-mime',
        ],
      ),
      check(
        'fixture.multiple-content',
        'MUST',
        'test_multiple_content_types returns text, image and embedded resource blocks in that order',
        ['tools.result.embedded-resources', 'prompts.content.image-base64', 'prompts.content.embedded-data'],
      ),
      check(
        'fixture.resource-link',
        'MUST',
        'test_resource_link returns a resource_link to test://static-text with its name',
        ['tools.result.resource-links'],
        { from: '2025-06-18' },
      ),
      check(
        'fixture.embedded-resources-capability',
        'SHOULD',
        'A server whose tools embed resources declares the resources capability',
        ['tools.result.embedded-resources-capability'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');

      const simple = await callFixture(ctx, session, 'test_simple_text', {}, ['fixture.simple-text']);
      if (simple) {
        const expected = SIMPLE_TEXT;
        ctx
          .check('fixture.simple-text')
          .verify(
            isExactText(simple, expected),
            `expected one text block ${JSON.stringify(expected)}, got ${shown(simple)}`,
            simple,
          );
      }

      const image = await callFixture(ctx, session, 'test_image_content', {}, ['fixture.image-content']);
      if (image) {
        const blocks = blocksOf(image);
        const problems =
          blocks.length === 1 ? fixtureImageProblems(blocks[0]) : [`${blocks.length} content blocks, not 1`];
        ctx.check('fixture.image-content').verify(problems.length === 0, problems.join('; '), image);
      }

      if (ctx.has('fixture.audio-content')) {
        const audio = await callFixture(ctx, session, 'test_audio_content', {}, ['fixture.audio-content']);
        if (audio) {
          const blocks = blocksOf(audio);
          const problems =
            blocks.length === 1
              ? imageProblems(blocks[0], 'audio', FIXTURE_WAV, 'audio/wav')
              : [`${blocks.length} content blocks, not 1`];
          ctx.check('fixture.audio-content').verify(problems.length === 0, problems.join('; '), audio);
        }
      }

      const embedded = await callFixture(ctx, session, 'test_embedded_resource', {}, [
        'fixture.embedded-resource',
        'fixture.embedded-resources-capability',
      ]);
      if (embedded) {
        const blocks = blocksOf(embedded);
        const problems =
          blocks.length === 1
            ? embeddedProblems(
                blocks[0],
                'test://embedded-resource',
                'text/plain',
                'This is an embedded resource content.',
              )
            : [`${blocks.length} content blocks, not 1`];
        ctx.check('fixture.embedded-resource').verify(problems.length === 0, problems.join('; '), embedded);
        ctx
          .check('fixture.embedded-resources-capability')
          .verify(
            isObject(session.serverCapabilities.resources),
            'a tool embeds resources but the server does not declare the resources capability',
            session.openResponse,
          );
      }

      const mixed = await callFixture(ctx, session, 'test_multiple_content_types', {}, ['fixture.multiple-content']);
      if (mixed) {
        const blocks = blocksOf(mixed);
        const problems: string[] = [];
        if (blocks.length !== 3) problems.push(`${blocks.length} content blocks, not 3`);
        if (blocks[0]?.type !== 'text' || blocks[0].text !== 'Multiple content types test:')
          problems.push(`first block is ${JSON.stringify(blocks[0])?.slice(0, 100)}`);
        problems.push(...fixtureImageProblems(blocks[1]).map((p) => `second block: ${p}`));
        const third = embeddedProblems(
          blocks[2],
          'test://mixed-content-resource',
          'application/json',
          JSON.stringify({ test: 'data', value: 123 }),
        );
        // The JSON text may be serialised differently; compare it as JSON.
        const resource = isObject(blocks[2]?.resource) ? blocks[2].resource : {};
        const sameJson = jsonEquals(resource.text, { test: 'data', value: 123 });
        problems.push(...third.filter((p) => !(sameJson && p.startsWith('text is'))).map((p) => `third block: ${p}`));
        ctx.check('fixture.multiple-content').verify(problems.length === 0, problems.join('; '), mixed);
      }

      if (ctx.has('fixture.resource-link')) {
        const link = await callFixture(ctx, session, 'test_resource_link', {}, ['fixture.resource-link']);
        if (link) {
          const blocks = blocksOf(link);
          const ok =
            blocks.length === 1 &&
            blocks[0]!.type === 'resource_link' &&
            blocks[0]!.uri === 'test://static-text' &&
            typeof blocks[0]!.name === 'string' &&
            blocks[0]!.name.length > 0;
          ctx
            .check('fixture.resource-link')
            .verify(
              ok,
              `expected one resource_link to test://static-text, got ${JSON.stringify(blocks).slice(0, 200)}`,
              link,
            );
        }
      }
    },
  },
  {
    id: 'fixture-tools-errors',
    title: 'Fixture tools: execution errors and invalid arguments',
    area: 'tools',
    depth: 'fixture',
    description:
      'Calls test_error_handling, which always fails, test_destructive_action without its required argument, and TEST_SIMPLE_TEXT, the upper-case spelling of test_simple_text.',
    checks: [
      check(
        'fixture.tool-error-in-result',
        'SHOULD',
        'A failing tool is reported as a result with isError true and a text explaining the failure',
        ['tools.errors.execution-in-result'],
      ),
      check(
        'fixture.tool-invalid-arguments',
        'MUST',
        'A call without a required argument is refused (JSON-RPC error or isError result), not run',
        ['tools.security.validate-inputs'],
      ),
      check(
        'fixture.tool-name-case-sensitive',
        'SHOULD',
        'Tool names are compared case-sensitively: a call of TEST_SIMPLE_TEXT does not run test_simple_text',
        ['tools.name.case-sensitive'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      await caseVariantCheck(ctx, session);
      const failing = await callFixture(ctx, session, 'test_error_handling', {}, ['fixture.tool-error-in-result']);
      if (failing) {
        const ok = failing.result?.isError === true && textsOf(failing).some((t) => t.length > 0);
        ctx
          .check('fixture.tool-error-in-result')
          .verify(ok, `the failing tool was answered with ${shown(failing)}`, failing);
      }
      const invalid = await callFixture(ctx, session, 'test_destructive_action', {}, [
        'fixture.tool-invalid-arguments',
      ]);
      if (invalid) {
        const refused = invalid.error !== undefined || invalid.result?.isError === true;
        ctx
          .check('fixture.tool-invalid-arguments')
          .verify(refused, `the call without "item" was answered with ${shown(invalid)}`, invalid);
      }
    },
  },
  {
    id: 'fixture-tools-structured',
    title: 'Fixture tools: structured content',
    area: 'tools',
    depth: 'fixture',
    description:
      'Calls test_structured_content for Paris and checks structuredContent against the declared outputSchema, the fixture values and the text mirror.',
    revisions: { from: '2025-06-18' },
    checks: [
      check(
        'fixture.structured-content',
        'MUST',
        'test_structured_content returns the fixture weather report, valid against its outputSchema',
        ['tools.output-schema.conform'],
      ),
      check('fixture.structured-text-mirror', 'SHOULD', 'The same report is mirrored as JSON in a text block', [
        'tools.structured.text-fallback',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const ids = ['fixture.structured-content', 'fixture.structured-text-mirror'];
      const response = await callFixture(ctx, session, 'test_structured_content', { city: 'Paris' }, ids);
      if (!response) return;
      const structured = response.result?.structuredContent;
      const expected = { temperature: 22.5, conditions: 'Sunny in Paris', humidity: 40 };
      const s = isObject(structured) ? structured : {};
      const ok =
        response.result?.isError !== true &&
        s.temperature === expected.temperature &&
        s.conditions === expected.conditions &&
        s.humidity === expected.humidity;
      ctx
        .check('fixture.structured-content')
        .verify(
          ok,
          `structuredContent is ${JSON.stringify(structured)}, expected ${JSON.stringify(expected)}`,
          response,
        );
      const mirrored = textsOf(response).some((t) => jsonEquals(t, structured));
      ctx
        .check('fixture.structured-text-mirror')
        .verify(mirrored, 'no text block holds the structuredContent as JSON', response);
    },
  },
];
