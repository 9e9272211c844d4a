/** Fixture: per-request client capabilities in the stateless era (MissingRequiredClientCapabilityError). */
import { check, type ServerScenario } from '../model/scenario.ts';
import type { StreamableHttpTransport } from '../transport/http.ts';
import { describe, errorCode, isObject } from './helpers.ts';

const CALL = { name: 'test_missing_capability', arguments: {} };

export const fixtureCapabilitiesScenarios: ServerScenario[] = [
  {
    id: 'fixture-missing-capability',
    title: 'Fixture: a tool that needs a client capability',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_missing_capability (which needs sampling) without declaring sampling, then with it, then without it again.',
    revisions: { era: 'stateless' },
    checks: [
      check(
        'fixture.missing-capability-error',
        'MUST',
        'Without the capability the call gets MissingRequiredClientCapabilityError (-32021)',
        ['discover.meta.missing-capability-error'],
      ),
      check(
        'fixture.missing-capability-http-400',
        'MUST',
        'Over HTTP, the MissingRequiredClientCapabilityError goes out with status 400',
        ['discover.meta.missing-capability-http-400', 'transport.http.missing-capability-400'],
        { transports: ['http'] },
      ),
      check('fixture.missing-capability-data', 'MUST', 'The error data.requiredCapabilities names sampling', [
        'discover.meta.missing-capability-data',
      ]),
      check('fixture.capability-declared-served', 'MUST', 'With sampling declared in _meta the same call succeeds', [
        'discover.meta.undeclared-capabilities',
      ]),
      check(
        'fixture.capability-not-inferred',
        'MUST NOT',
        'A later call without the capability is refused again: nothing is inferred from earlier requests',
        ['discover.meta.no-inferred-capabilities'],
      ),
    ],
    async run(ctx) {
      const bare = await ctx.session({ capabilities: {} });
      await ctx.fixtureTool(bare, 'test_missing_capability');
      const refused = await bare.request('tools/call', CALL);
      if (
        !ctx
          .check('fixture.missing-capability-error')
          .verify(errorCode(refused) === -32021, `the call was answered with ${describe(refused)}`, refused)
      ) {
        ctx.check('fixture.missing-capability-data').skip('no MissingRequiredClientCapabilityError to inspect');
        if (ctx.has('fixture.missing-capability-http-400'))
          ctx.check('fixture.missing-capability-http-400').skip('no MissingRequiredClientCapabilityError to inspect');
      } else {
        if (ctx.has('fixture.missing-capability-http-400')) {
          const exchange = (bare.connection as StreamableHttpTransport).exchangeFor(refused.message.id as number);
          ctx
            .check('fixture.missing-capability-http-400')
            .verify(exchange?.status === 400, `the error went out with HTTP ${String(exchange?.status)}`, refused);
        }
        const data = isObject(refused.error?.data) ? refused.error.data : {};
        const required = isObject(data.requiredCapabilities) ? data.requiredCapabilities : {};
        ctx
          .check('fixture.missing-capability-data')
          .verify(
            isObject(required.sampling),
            `data.requiredCapabilities is ${JSON.stringify(data.requiredCapabilities)}`,
            refused,
          );
      }
      const equipped = await ctx.session({ capabilities: { sampling: {} } });
      const served = await equipped.request('tools/call', CALL);
      ctx
        .check('fixture.capability-declared-served')
        .verify(
          served.result !== undefined && served.result.isError !== true,
          `with sampling declared the call was answered with ${describe(served)}`,
          served,
        );
      const again = await bare.request('tools/call', CALL);
      ctx
        .check('fixture.capability-not-inferred')
        .verify(
          errorCode(again) === -32021,
          `after a call that declared sampling, a call without it was answered with ${describe(again)}`,
          again,
        );
    },
  },
];
