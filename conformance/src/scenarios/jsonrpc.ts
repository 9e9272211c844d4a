/** JSON-RPC 2.0 behaviour every server owes: errors for broken input, ids echoed, notifications unanswered. */
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, probeMethod, requestRawFenced, SETTLE_MS } from './helpers.ts';

const JSONRPC = ['base.messages.json-rpc'];

export const jsonrpcScenarios: ServerScenario[] = [
  {
    id: 'jsonrpc-errors',
    title: 'JSON-RPC error handling',
    area: 'jsonrpc',
    depth: 'any',
    waits: true,
    description:
      'After a normal handshake, sends a line that is not JSON, a request whose method is not a string, a request for a method that does not exist, and a notification nobody defined.',
    checks: [
      check('jsonrpc.parse-error', 'MUST', 'A line that is not JSON is answered with -32700 and id null', JSONRPC),
      check(
        'jsonrpc.invalid-request',
        'MUST',
        'A request whose method is not a string is answered with -32600',
        JSONRPC,
      ),
      check('jsonrpc.method-not-found', 'MUST', 'An unknown method is answered with -32601', [
        ...JSONRPC,
        'transport.http.method-not-found-error',
      ]),
      check('jsonrpc.error-id-echoed', 'MUST', 'An error response carries the id of the request it answers', [
        'base.error.same-id',
      ]),
      check(
        'jsonrpc.unknown-notification-ignored',
        'MUST NOT',
        'A notification is never answered, even an unknown one',
        ['base.notification.no-response'],
      ),
      check('jsonrpc.still-usable', 'MUST', 'After all this the server still answers requests', [
        'ping.respond-promptly',
        'discover.server.implement',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const parse = await requestRawFenced(session, '{"jsonrpc": "2.0", "id": 1, "method": "ping"', null);
      ctx
        .check('jsonrpc.parse-error')
        .verify(
          errorCode(parse) === -32700 && (parse?.message.id ?? null) === null,
          `a truncated JSON line was answered with ${describe(parse)}`,
          parse,
        );

      const probe = probeMethod(ctx.revision.era);
      const invalid = session.buildRequest(probe, {}, { id: 'conformance-invalid' });
      invalid.method = 42;
      const invalidReply = await requestRawFenced(session, invalid, ['conformance-invalid', null]);
      ctx
        .check('jsonrpc.invalid-request')
        .verify(
          errorCode(invalidReply) === -32600,
          `a request with "method": 42 was answered with ${describe(invalidReply)}`,
          invalidReply,
        );

      const unknownId = 'conformance-unknown-method';
      const unknown = session.buildRequest('mcp-conformance/no-such-method', {}, { id: unknownId });
      const unknownReply = await requestRawFenced(session, unknown);
      ctx
        .check('jsonrpc.method-not-found')
        .verify(
          errorCode(unknownReply) === -32601,
          `mcp-conformance/no-such-method was answered with ${describe(unknownReply)}`,
          unknownReply,
        );
      ctx
        .check('jsonrpc.error-id-echoed')
        .verify(
          unknownReply?.message.id === unknownId,
          `the error answered id ${JSON.stringify(unknownReply?.message.id)}`,
          unknownReply,
        );

      const before = ctx.recorders.flatMap((r) => r.entries()).length;
      session.connection.sendRaw(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/mcp-conformance-unknown' }));
      await session.quiet(SETTLE_MS);
      const replies = ctx.recorders
        .flatMap((r) => r.entries().slice(before))
        .filter(
          (e) => e.direction === 'server-to-client' && (e.kind === 'error-response' || e.kind === 'result-response'),
        );
      if (replies.length > 0)
        ctx.check('jsonrpc.unknown-notification-ignored').violated('the server answered a notification', ...replies);
      else ctx.check('jsonrpc.unknown-notification-ignored').pass();

      const ping = await session.request(probe);
      ctx
        .check('jsonrpc.still-usable')
        .verify(ping.result !== undefined, `${probe} was answered with ${describe(ping)}`, ping);
    },
  },
  {
    id: 'jsonrpc-ids',
    title: 'Request ids are echoed exactly',
    area: 'jsonrpc',
    depth: 'any',
    description:
      'Sends ping (server/discover in the stateless era) with a string id containing non-ASCII characters, with a large integer id and with id 0.',
    checks: [
      check('jsonrpc.result-id-echoed', 'MUST', 'A result carries exactly the id of the request, string or integer', [
        'base.result.same-id',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const probe = probeMethod(ctx.revision.era);
      for (const id of ['conformance-ü-✓-1', 9007199254740991, 0]) {
        const response = await session.request(probe, {}, { id });
        if (response.message.id !== id || !response.result) {
          ctx
            .check('jsonrpc.result-id-echoed')
            .fail(
              `${probe} with id ${JSON.stringify(id)} was answered with id ${JSON.stringify(response.message.id)}: ${describe(response)}`,
              response,
            );
          return;
        }
      }
      ctx.check('jsonrpc.result-id-echoed').pass();
    },
  },
  {
    id: 'jsonrpc-batch',
    title: 'Batches as the revision defines them',
    area: 'jsonrpc',
    depth: 'any',
    waits: true,
    description:
      'Sends a JSON-RPC batch of two pings. 2025-03-26 requires servers to accept batches; the other revisions do not have them, and a server answers the array with an error.',
    checks: [
      check(
        'jsonrpc.batch-answered',
        'MUST',
        'A batch of requests is answered with an array holding a response to each (2025-03-26)',
        [],
        {
          from: '2025-03-26',
          until: '2025-03-26',
        },
      ),
      check(
        'jsonrpc.batch-refused',
        'SHOULD',
        'A batch is refused with an error, since this revision has no batches',
        JSONRPC,
        {
          era: 'stateful',
          from: '2025-06-18',
        },
      ),
    ],
    revisions: { era: 'stateful', from: '2025-03-26' },
    async run(ctx) {
      const session = await ctx.session();
      const first = session.buildRequest('ping', {}, { id: 'batch-1' });
      const second = session.buildRequest('ping', {}, { id: 'batch-2' });
      const connection = session.connection;
      const arrived: unknown[] = [];
      const stop = connection.onMessage((message) => arrived.push(message));
      connection.sendRaw(JSON.stringify([first, second]));
      await session.quiet(SETTLE_MS * 2);
      stop();
      const responses = arrived.flatMap((m) => (Array.isArray(m) ? m : [m])) as Array<Record<string, unknown>>;
      if (ctx.has('jsonrpc.batch-answered')) {
        const ids = new Set(responses.filter((r) => r.result !== undefined).map((r) => r.id));
        ctx
          .check('jsonrpc.batch-answered')
          .verify(
            ids.has('batch-1') && ids.has('batch-2'),
            `the batch was answered with ${JSON.stringify(arrived).slice(0, 300)}`,
          );
      } else {
        const refused = responses.some((r) => r.error !== undefined) && !responses.some((r) => r.result !== undefined);
        ctx
          .check('jsonrpc.batch-refused')
          .verify(
            refused,
            `the batch was answered with ${arrived.length === 0 ? 'nothing' : JSON.stringify(arrived).slice(0, 300)}`,
          );
      }
    },
  },
];
