/**
 * The stateless era keeps no context between requests: what one request declared (capabilities, log level) does not
 * carry over to the next on the same connection, and requests do not change what the server lists.
 */
import type { McpSession, ReceivedNotification } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, isObject, SETTLE_MS, STATELESS } from './helpers.ts';
import { fixtureAbsent, listsTool } from './fixture-tools.ts';

const CAPABILITIES_META = 'io.modelcontextprotocol/clientCapabilities';
const LOG_LEVEL_META = 'io.modelcontextprotocol/logLevel';

async function logsOf(session: McpSession, meta: Record<string, unknown>): Promise<ReceivedNotification[]> {
  const from = session.notifications.length;
  await session.request('tools/call', { name: 'test_tool_with_logging', arguments: {} }, { meta });
  await session.quiet(SETTLE_MS);
  return session.notifications.slice(from).filter((n) => n.method === 'notifications/message');
}

export const statelessContextScenarios: ServerScenario[] = [
  {
    id: 'resources-list-side-effects',
    title: 'Resources do not change because of other requests',
    area: 'resources',
    depth: 'any',
    description:
      'Lists resources, reads up to three of them and lists templates and prompts on the same connection, then lists resources again.',
    revisions: STATELESS,
    checks: [
      check(
        'resources.list-unaffected',
        'MUST NOT',
        'Reading resources and listing templates and prompts does not change the set of resources listed',
        ['resources.list.no-side-effects'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'resources');
      const before = (await ctx.listAll(session, 'resources/list')) ?? ctx.end('resources/list failed');
      for (const resource of before.slice(0, 3)) await session.request('resources/read', { uri: resource.uri });
      await session.request('resources/templates/list', {});
      if (isObject(session.serverCapabilities.prompts)) await session.request('prompts/list', {});
      const after = (await ctx.listAll(session, 'resources/list')) ?? ctx.end('the second resources/list failed');
      const key = (items: Record<string, unknown>[]): string[] => items.map((r) => String(r.uri)).sort();
      const gained = key(after).filter((uri) => !key(before).includes(uri));
      const lost = key(before).filter((uri) => !key(after).includes(uri));
      ctx
        .check('resources.list-unaffected')
        .verify(
          gained.length === 0 && lost.length === 0,
          `after the other requests the list gained ${gained.join(', ') || 'nothing'} and lost ${lost.join(', ') || 'nothing'}`,
        );
    },
  },
];

/** Reads a URI as given, past the harness's own schema check (a malformed URI is the point). */
export const statelessContextFixtureScenarios: ServerScenario[] = [
  {
    id: 'fixture-no-connection-context',
    title: 'Fixture: no context carried from one request to the next',
    area: 'lifecycle',
    depth: 'fixture',
    description:
      'On one connection, calls test_missing_capability declaring sampling and then without it, and test_tool_with_logging with log level info and then without a level.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.context-per-request',
        'MUST NOT',
        'Capabilities and the log level of an earlier request on the same connection do not apply to a later one',
        ['base.stateless.no-connection-context'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session({ capabilities: {} });
      ctx.requireCapability(session, 'tools');
      for (const tool of ['test_missing_capability', 'test_tool_with_logging'])
        if (!(await listsTool(ctx, session, tool))) return ctx.end(fixtureAbsent(`tool "${tool}"`));
      const call = { name: 'test_missing_capability', arguments: {} };
      const equipped = await session.request('tools/call', call, { meta: { [CAPABILITIES_META]: { sampling: {} } } });
      if (!equipped.result) return ctx.end(`with sampling declared the call was answered ${describe(equipped)}`);
      const bare = await session.request('tools/call', call);
      const logged = await logsOf(session, { [LOG_LEVEL_META]: 'info' });
      if (logged.length === 0) return ctx.end('test_tool_with_logging sent no log message at level info');
      const silent = await logsOf(session, {});
      ctx
        .check('fixture.context-per-request')
        .verify(
          errorCode(bare) === -32021 && silent.length === 0,
          `without sampling after a call that declared it: ${describe(bare)}; without a log level after a call at info: ${silent.length} log message(s)`,
          bare,
          ...silent.map((n) => n.entry).slice(0, 3),
        );
    },
  },
];
