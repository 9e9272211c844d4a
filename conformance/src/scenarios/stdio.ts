/** The stdio transport: only JSON-RPC on stdout, and a clean exit when stdin closes. */
import { check, type ServerScenario } from '../model/scenario.ts';
import type { StdioTransport } from '../transport/stdio.ts';
import { probeMethod } from './helpers.ts';

export const stdioScenarios: ServerScenario[] = [
  {
    id: 'stdio-shutdown',
    title: 'stdout discipline and exit on end of input',
    area: 'stdio',
    depth: 'any',
    description:
      'Runs a normal exchange, closes the server standard input and waits for the process to exit on its own, then checks that every stdout line was a JSON-RPC message.',
    revisions: { transports: ['stdio'] },
    checks: [
      check('stdio.stdout-only-messages', 'MUST NOT', 'Nothing but JSON-RPC messages appears on stdout', [
        'transport.stdio.stdout-only-messages',
        'transport.stdio.one-message-per-line',
      ]),
      check('stdio.exit-on-eof', 'SHOULD', 'The server exits by itself soon after its standard input closes', [
        'transport.stdio.exit-on-eof',
        'lifecycle.shutdown.stdio-server',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      await session.request(probeMethod(ctx.revision.era));
      const stdio = session.connection as StdioTransport;
      const framing = ctx.recorders
        .flatMap((r) => r.invalid('server-to-client'))
        .filter((e) => e.violation === 'framing' || e.violation === 'jsonrpc');
      if (framing.length > 0)
        ctx
          .check('stdio.stdout-only-messages')
          .fail(`${framing.length} stdout line(s) were not JSON-RPC`, ...framing.slice(0, 5));
      else ctx.check('stdio.stdout-only-messages').pass();
      const exit = await stdio.endInput(Math.min(ctx.options.timeoutMs, 5000));
      ctx
        .check('stdio.exit-on-eof')
        .verify(
          exit !== undefined,
          `the server was still running ${Math.min(ctx.options.timeoutMs, 5000)} ms after its stdin closed`,
        );
    },
  },
];
