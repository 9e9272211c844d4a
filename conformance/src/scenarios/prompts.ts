/** Prompts at the any-server depth: listing, getting, argument errors, content. */
import type { JsonObject } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, isObject, STATELESS } from './helpers.ts';
import { CACHING_SERVER, listingChecks } from './tools.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;.*)?$/i;

/** Problems with one content block of a prompt message or tool result, by the content rules. */
export function contentProblems(content: JsonObject): string[] {
  const problems: string[] = [];
  if (content.type === 'image' || content.type === 'audio') {
    if (typeof content.data !== 'string' || !BASE64.test(content.data))
      problems.push(`${content.type} data is not base64`);
    if (typeof content.mimeType !== 'string' || !MIME.test(content.mimeType))
      problems.push(`${content.type} mimeType ${JSON.stringify(content.mimeType)} is not a MIME type`);
  }
  if (content.type === 'resource') {
    const resource = isObject(content.resource) ? content.resource : {};
    if (typeof resource.uri !== 'string' || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(resource.uri))
      problems.push(`embedded resource URI ${JSON.stringify(resource.uri)} is not valid`);
    if (typeof resource.text !== 'string' && !(typeof resource.blob === 'string' && BASE64.test(resource.blob)))
      problems.push('embedded resource has neither text nor base64 blob');
  }
  return problems;
}

/** A made-up value for a prompt argument; URI-like names get a URI. */
function sampleArgument(name: string): string {
  return /ur[il]/i.test(name) ? 'https://example.com/conformance' : 'conformance';
}

export const promptsScenarios: ServerScenario[] = [
  {
    id: 'prompts-list',
    title: 'Listing prompts',
    area: 'prompts',
    depth: 'any',
    description: 'Lists every prompt page by page, with a made-up cursor, twice, and on a second connection.',
    checks: [
      check(
        'prompts.capability-consistent',
        'MUST',
        'prompts/list offers nothing unless the "prompts" capability is declared',
        ['prompts.capability.declare'],
      ),
      check('prompts.list-answered', 'MUST', 'prompts/list is answered with a list when "prompts" is declared', [
        'prompts.list.respond',
        'prompts.capability.declare',
      ]),
      check('prompts.pagination', 'SHOULD', 'Following nextCursor walks every page once and ends', [
        'pagination.server.stable-cursors',
      ]),
      check('prompts.invalid-cursor', 'SHOULD', 'A made-up cursor is answered with -32602', [
        'pagination.error.invalid-cursor',
        'pagination.server.invalid-cursor-graceful',
      ]),
      check(
        'prompts.cache-fields',
        'MUST',
        'Every page carries ttlMs >= 0 and the same cacheScope',
        ['prompts.list.ttl', 'prompts.list.cache-scope', 'caching.pagination.same-scope', ...CACHING_SERVER],
        STATELESS,
      ),
      check(
        'prompts.result-type',
        'MUST',
        'Every page carries resultType "complete"',
        ['base.result.result-type-present', 'mrtr.server.unsupported-requests'],
        STATELESS,
      ),
      check(
        'prompts.stable',
        'MUST NOT',
        'Listing twice gives the same prompts',
        ['prompts.list.no-side-effects'],
        STATELESS,
      ),
      check(
        'prompts.same-per-connection',
        'MUST NOT',
        'Another connection is offered the same prompts',
        ['prompts.list.no-per-connection'],
        STATELESS,
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      await listingChecks(ctx, session, {
        capability: 'prompts',
        method: 'prompts/list',
        prefix: 'prompts',
      });
    },
  },
  {
    id: 'prompts-get',
    title: 'Getting prompts',
    area: 'prompts',
    depth: 'any',
    description:
      'Gets up to ten listed prompts with their required arguments filled in, one without its required arguments, and one that does not exist.',
    checks: [
      check('prompts.get-answered', 'MUST', 'prompts/get of a listed prompt returns its messages', [
        'prompts.list.respond',
        'prompts.capability.declare',
      ]),
      check(
        'prompts.content-valid',
        'MUST',
        'Image and audio content is base64 with a MIME type; embedded resources carry a URI and text or blob',
        [
          'prompts.content.image-base64',
          'prompts.content.image-mime',
          'prompts.content.audio-base64',
          'prompts.content.audio-mime',
          'prompts.content.embedded-uri',
          'prompts.content.embedded-data',
        ],
      ),
      check(
        'prompts.missing-arguments-error',
        'SHOULD',
        'A get without the required arguments is answered with -32602',
        ['prompts.errors.missing-arguments', 'prompts.impl.validate-arguments'],
      ),
      check('prompts.unknown-name-error', 'SHOULD', 'A get of a prompt that does not exist is answered with -32602', [
        'prompts.errors.invalid-name',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'prompts');
      const unknown = await session.request('prompts/get', { name: 'mcp_conformance_no_such_prompt' });
      ctx
        .check('prompts.unknown-name-error')
        .verify(errorCode(unknown) === -32602, `the get was answered with ${describe(unknown)}`, unknown);
      const prompts = (await ctx.listAll(session, 'prompts/list')) ?? ctx.end('prompts/list failed; see prompts-list');
      if (prompts.length === 0) return ctx.end('not applicable: the server lists no prompts');
      for (const prompt of prompts.slice(0, 10)) {
        const args = Array.isArray(prompt.arguments) ? (prompt.arguments as JsonObject[]) : [];
        const values = Object.fromEntries(
          args.filter((a) => a.required === true).map((a) => [String(a.name), sampleArgument(String(a.name))]),
        );
        const response = await session.request('prompts/get', { name: prompt.name, arguments: values });
        const messages = response.result?.messages;
        // The harness made the argument values up; a server may refuse them as invalid params.
        if (errorCode(response) === -32602) continue;
        if (response.result?.resultType === 'input_required') {
          ctx.check('prompts.get-answered').pass();
          continue;
        }
        if (!Array.isArray(messages)) {
          ctx.check('prompts.get-answered').fail(`getting ${String(prompt.name)} gave ${describe(response)}`, response);
          continue;
        }
        ctx.check('prompts.get-answered').pass();
        const problems = (messages as JsonObject[]).flatMap((m) =>
          isObject(m.content) ? contentProblems(m.content) : [],
        );
        ctx
          .check('prompts.content-valid')
          .verify(problems.length === 0, `${String(prompt.name)}: ${problems.join('; ')}`, response);
      }
      for (const id of ['prompts.get-answered', 'prompts.content-valid'])
        if (!ctx.check(id).decided) ctx.check(id).skip('every prompt refused the made-up argument values with -32602');
      const needy = prompts.find(
        (p) => Array.isArray(p.arguments) && (p.arguments as JsonObject[]).some((a) => a.required === true),
      );
      if (!needy) ctx.check('prompts.missing-arguments-error').skip('no listed prompt has a required argument');
      else {
        const response = await session.request('prompts/get', { name: needy.name, arguments: {} });
        ctx
          .check('prompts.missing-arguments-error')
          .verify(
            errorCode(response) === -32602,
            `getting ${String(needy.name)} without its required arguments gave ${describe(response)}`,
            response,
          );
      }
    },
  },
];
