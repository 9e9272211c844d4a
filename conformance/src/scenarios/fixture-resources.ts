/** Resources at the fixture depth: the fixture's static resources and template read back exactly. */
import type { JsonObject, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, isObject } from './helpers.ts';
import { FIXTURE_PNG, fixtureAbsent, jsonEquals, skipChecks } from './fixture-tools.ts';

const FIXTURE_RESOURCES = ['test://static-text', 'test://static-binary', 'test://watched-resource'];
const TEMPLATE = 'test://template/{id}/data';
const RESPOND = ['resources.capability.declare', 'resources.list.respond'];

function contentsOf(response: Response): JsonObject[] {
  const contents = response.result?.contents;
  return Array.isArray(contents) ? contents.filter(isObject) : [];
}

export const fixtureResourcesScenarios: ServerScenario[] = [
  {
    id: 'fixture-resources-read',
    title: 'Fixture resources: listing and reading',
    area: 'resources',
    depth: 'fixture',
    description:
      'Lists the fixture resources and template, reads test://static-text, test://static-binary and test://template/42/data, and compares the contents with FIXTURE.md.',
    checks: [
      check(
        'fixture.resources-listed',
        'MUST',
        'resources/list lists test://static-text, test://static-binary and test://watched-resource, each with a name',
        RESPOND,
      ),
      check(
        'fixture.resource-static-text',
        'MUST',
        'Reading test://static-text returns its fixed text with mimeType text/plain',
        [...RESPOND, 'resources.contents.text-only-if-textual'],
      ),
      check(
        'fixture.resource-static-binary',
        'MUST',
        'Reading test://static-binary returns the fixture PNG as a base64 blob with mimeType image/png, not as text',
        ['resources.security.binary-encoding', 'resources.contents.text-only-if-textual'],
      ),
      check('fixture.resource-template-listed', 'MUST', `resources/templates/list lists ${TEMPLATE}`, RESPOND),
      check(
        'fixture.resource-template-read',
        'MUST',
        'Reading test://template/42/data returns the JSON the template promises for id 42, under the URI read',
        RESPOND,
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'resources');
      const resources =
        (await ctx.listAll(session, 'resources/list')) ?? ctx.end('resources/list failed; see resources-list');
      const missing = FIXTURE_RESOURCES.filter(
        (uri) => !resources.some((r) => r.uri === uri && typeof r.name === 'string' && r.name.length > 0),
      );
      if (missing.length === FIXTURE_RESOURCES.length) return ctx.end(fixtureAbsent('resource test://static-text'));
      ctx
        .check('fixture.resources-listed')
        .verify(missing.length === 0, `not listed (with a name): ${missing.join(', ')}`);

      const text = await session.request('resources/read', { uri: 'test://static-text' });
      const textContents = contentsOf(text);
      ctx
        .check('fixture.resource-static-text')
        .verify(
          textContents.length === 1 &&
            textContents[0]!.uri === 'test://static-text' &&
            textContents[0]!.mimeType === 'text/plain' &&
            textContents[0]!.text === 'This is the content of the static text resource.',
          `reading test://static-text gave ${describe(text)}`,
          text,
        );

      const binary = await session.request('resources/read', { uri: 'test://static-binary' });
      const blob = contentsOf(binary)[0];
      const problems: string[] = [];
      if (!blob) problems.push(`no contents: ${describe(binary)}`);
      else {
        if (blob.text !== undefined) problems.push('binary contents are given as text');
        if (typeof blob.blob !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(blob.blob))
          problems.push('blob is not base64');
        else if (Buffer.from(blob.blob, 'base64').compare(Buffer.from(FIXTURE_PNG, 'base64')) !== 0)
          problems.push('blob is not the fixture PNG');
        if (blob.mimeType !== 'image/png') problems.push(`mimeType is ${JSON.stringify(blob.mimeType)}`);
        if (blob.uri !== 'test://static-binary') problems.push(`uri is ${JSON.stringify(blob.uri)}`);
      }
      ctx.check('fixture.resource-static-binary').verify(problems.length === 0, problems.join('; '), binary);

      const templates = (await ctx.listAll(session, 'resources/templates/list')) ?? [];
      if (!templates.some((t) => t.uriTemplate === TEMPLATE)) {
        ctx.check('fixture.resource-template-listed').fail(`resources/templates/list does not list ${TEMPLATE}`);
        skipChecks(ctx, ['fixture.resource-template-read'], fixtureAbsent(`template ${TEMPLATE}`));
        return;
      }
      ctx.check('fixture.resource-template-listed').pass();
      const uri = 'test://template/42/data';
      const read = await session.request('resources/read', { uri });
      const item = contentsOf(read)[0];
      ctx
        .check('fixture.resource-template-read')
        .verify(
          item?.uri === uri &&
            item.mimeType === 'application/json' &&
            jsonEquals(item.text, { id: '42', templateTest: true, data: 'Data for ID: 42' }),
          `reading ${uri} gave ${describe(read)}`,
          read,
        );
    },
  },
];
