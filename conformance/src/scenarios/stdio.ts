/** The stdio transport: only JSON-RPC on stdout, and a clean exit when stdin closes. */
import { check, type ServerScenario } from '../model/scenario.ts';
import type { StdioTransport } from '../transport/stdio.ts';
import type { WireEntry } from '../protocol/recorder.ts';
import { classify, parseLine } from '../protocol/jsonrpc.ts';
import { probeMethod } from './helpers.ts';

/** The first line of each run of consecutive unreadable lines that, joined again, make one JSON-RPC message. */
function splitMessages(lines: WireEntry[]): WireEntry[] {
  const found: WireEntry[] = [];
  for (let start = 0; start < lines.length; start += 1) {
    let text = lines[start]!.raw;
    for (let end = start + 1; end < lines.length && lines[end]!.seq === lines[end - 1]!.seq + 1; end += 1) {
      text += `\n${lines[end]!.raw}`;
      const parsed = parseLine(text);
      if (parsed.ok && classify(parsed.value).kind !== 'invalid') {
        found.push(lines[start]!);
        start = end;
        break;
      }
    }
  }
  return found;
}

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
      check('stdio.no-embedded-newlines', 'MUST NOT', 'No message on stdout is split over several lines', [
        'transport.stdio.no-embedded-newlines',
      ]),
      check('stdio.exit-on-eof', 'SHOULD', 'The server exits by itself soon after its standard input closes', [
        'transport.stdio.exit-on-eof',
        'lifecycle.shutdown.stdio-server',
      ]),
    ],
    async run(ctx) {
      // A server that splits its messages never completes the exchange: judge the lines it wrote all the same.
      let stalled: unknown;
      let stdio: StdioTransport | undefined;
      try {
        const session = await ctx.session();
        stdio = session.connection as StdioTransport;
        await session.request(probeMethod(ctx.revision.era));
      } catch (error) {
        stalled = error;
      }
      const framing = ctx.recorders
        .flatMap((r) => r.invalid('server-to-client'))
        .filter((e) => e.violation === 'framing' || e.violation === 'jsonrpc');
      if (stalled !== undefined && framing.length === 0) throw stalled;
      const split = splitMessages(framing);
      if (split.length > 0)
        ctx
          .check('stdio.no-embedded-newlines')
          .fail(`${split.length} message(s) were written over several lines`, ...split.slice(0, 5));
      else ctx.check('stdio.no-embedded-newlines').pass();
      if (framing.length > 0)
        ctx
          .check('stdio.stdout-only-messages')
          .fail(`${framing.length} stdout line(s) were not JSON-RPC`, ...framing.slice(0, 5));
      else ctx.check('stdio.stdout-only-messages').pass();
      if (stalled !== undefined || !stdio)
        return ctx.end(`not reached: the exchange did not complete (${String(stalled)})`);
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
