/** Prompts at the fixture depth: the fixture's prompts rendered exactly, with argument substitution. */
import type { JsonObject, McpSession, Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, isObject } from './helpers.ts';
import { fixtureAbsent, fixtureImageProblems } from './fixture-tools.ts';

const FIXTURE_PROMPTS = [
  'test_simple_prompt',
  'test_prompt_with_arguments',
  'test_prompt_with_embedded_resource',
  'test_prompt_with_image',
];
const RESPOND = ['prompts.capability.declare', 'prompts.list.respond'];

function messagesOf(response: Response): JsonObject[] {
  const messages = response.result?.messages;
  return Array.isArray(messages) ? messages.filter(isObject) : [];
}

function contentOf(message: JsonObject | undefined): JsonObject {
  return isObject(message?.content) ? message.content : {};
}

/** Whether `message` is a user message with exactly `text`. */
function userText(message: JsonObject | undefined, text: string): boolean {
  const content = contentOf(message);
  return message?.role === 'user' && content.type === 'text' && content.text === text;
}

async function get(session: McpSession, name: string, args?: JsonObject): Promise<Response> {
  return session.request('prompts/get', args === undefined ? { name } : { name, arguments: args });
}

export const fixturePromptsScenarios: ServerScenario[] = [
  {
    id: 'fixture-prompts-get',
    title: 'Fixture prompts: getting each prompt',
    area: 'prompts',
    depth: 'fixture',
    description:
      'Lists the fixture prompts, gets each of them (with arguments where they take some, and once with a required argument left out), and compares the messages with FIXTURE.md.',
    checks: [
      check(
        'fixture.prompts-listed',
        'MUST',
        'prompts/list lists the four fixture prompts; test_prompt_with_arguments declares arg1 and arg2 as required',
        RESPOND,
      ),
      check('fixture.prompt-simple', 'MUST', 'test_simple_prompt returns its one fixed user text message', RESPOND),
      check(
        'fixture.prompt-arguments',
        'MUST',
        'test_prompt_with_arguments substitutes arg1 and arg2 into its message',
        [...RESPOND, 'prompts.impl.validate-arguments'],
      ),
      check(
        'fixture.prompt-missing-argument',
        'SHOULD',
        'test_prompt_with_arguments without arg2 is answered with -32602',
        ['prompts.errors.missing-arguments'],
      ),
      check(
        'fixture.prompt-embedded-resource',
        'MUST',
        'test_prompt_with_embedded_resource embeds a text resource under the URI given, then a text message',
        ['prompts.content.embedded-uri', 'prompts.content.embedded-data', 'prompts.content.embedded-mime'],
      ),
      check(
        'fixture.prompt-image',
        'MUST',
        'test_prompt_with_image returns the fixture PNG as base64 image content with mimeType image/png, then a text message',
        ['prompts.content.image-base64', 'prompts.content.image-mime'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'prompts');
      const prompts = (await ctx.listAll(session, 'prompts/list')) ?? ctx.end('prompts/list failed; see prompts-list');
      const listed = new Set(prompts.map((p) => String(p.name)));
      if (!listed.has('test_simple_prompt')) return ctx.end(fixtureAbsent('prompt "test_simple_prompt"'));
      const withArgs = prompts.find((p) => p.name === 'test_prompt_with_arguments');
      const args = Array.isArray(withArgs?.arguments) ? (withArgs.arguments as JsonObject[]) : [];
      const required = ['arg1', 'arg2'].every((n) => args.some((a) => a.name === n && a.required === true));
      const missing = FIXTURE_PROMPTS.filter((n) => !listed.has(n));
      ctx
        .check('fixture.prompts-listed')
        .verify(
          missing.length === 0 && required,
          missing.length > 0
            ? `not listed: ${missing.join(', ')}`
            : 'test_prompt_with_arguments does not declare arg1 and arg2 as required',
        );

      const simple = await get(session, 'test_simple_prompt');
      const simpleMessages = messagesOf(simple);
      ctx
        .check('fixture.prompt-simple')
        .verify(
          simpleMessages.length === 1 && userText(simpleMessages[0], 'This is a simple prompt for testing.'),
          `got ${describe(simple)}`,
          simple,
        );

      const filled = await get(session, 'test_prompt_with_arguments', { arg1: 'alpha', arg2: 'beta' });
      const filledMessages = messagesOf(filled);
      ctx
        .check('fixture.prompt-arguments')
        .verify(
          filledMessages.length === 1 &&
            userText(filledMessages[0], "Prompt with arguments: arg1='alpha', arg2='beta'"),
          `got ${describe(filled)}`,
          filled,
        );

      const partial = await get(session, 'test_prompt_with_arguments', { arg1: 'alpha' });
      ctx
        .check('fixture.prompt-missing-argument')
        .verify(errorCode(partial) === -32602, `the get without arg2 was answered with ${describe(partial)}`, partial);

      const uri = 'test://static-text';
      const embedded = await get(session, 'test_prompt_with_embedded_resource', { resourceUri: uri });
      const embeddedMessages = messagesOf(embedded);
      const resource = isObject(contentOf(embeddedMessages[0]).resource)
        ? (contentOf(embeddedMessages[0]).resource as JsonObject)
        : {};
      ctx
        .check('fixture.prompt-embedded-resource')
        .verify(
          embeddedMessages.length === 2 &&
            embeddedMessages[0]!.role === 'user' &&
            contentOf(embeddedMessages[0]).type === 'resource' &&
            resource.uri === uri &&
            resource.mimeType === 'text/plain' &&
            resource.text === 'Embedded resource content for testing.' &&
            userText(embeddedMessages[1], 'Please process the embedded resource above.'),
          `got ${describe(embedded)}`,
          embedded,
        );

      const image = await get(session, 'test_prompt_with_image');
      const imageMessages = messagesOf(image);
      const problems =
        imageMessages.length === 2
          ? fixtureImageProblems(contentOf(imageMessages[0]))
          : [`${imageMessages.length} messages, not 2: ${describe(image)}`];
      if (imageMessages.length === 2 && !userText(imageMessages[1], 'Please analyze the image above.'))
        problems.push('the second message is not the fixed text');
      ctx.check('fixture.prompt-image').verify(problems.length === 0, problems.join('; '), image);
    },
  },
];
