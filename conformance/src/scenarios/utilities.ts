/** Utilities at the any-server depth: completion and logging levels. */
import type { JsonObject } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import { describe, errorCode, isObject, requestRawFenced } from './helpers.ts';

export const utilitiesScenarios: ServerScenario[] = [
  {
    id: 'completion-complete',
    title: 'Argument completion',
    area: 'utilities',
    depth: 'any',
    description:
      'Asks for completions of the first argument of a listed prompt (or of a resource template variable), for the same reference without an argument, and for a prompt that does not exist.',
    revisions: { from: '2025-03-26' },
    checks: [
      check(
        'completion.capability-consistent',
        'SHOULD',
        'Without the "completions" capability, completion/complete is answered with -32601',
        ['completion.error.method-not-found', 'completion.capability'],
      ),
      check(
        'completion.values-bounded',
        'MUST NOT',
        'A completion result holds at most 100 values, and total is not below their count',
        ['completion.result.max-values'],
      ),
      check(
        'completion.unknown-prompt-error',
        'SHOULD',
        'Completing an argument of a prompt that does not exist is answered with -32602',
        ['completion.error.invalid-prompt'],
      ),
      check(
        'completion.invalid-ref-refused',
        'MUST',
        'completion/complete with a reference of a type no revision defines is refused with an error',
        ['completion.security.validate-inputs'],
        { from: '2025-11-25' },
      ),
      check(
        'completion.missing-argument-error',
        'SHOULD',
        'completion/complete without its required argument is answered with -32602',
        ['completion.error.missing-arguments'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const declared = isObject(session.serverCapabilities.completions);
      if (!declared) {
        const response = await session.request('completion/complete', {
          ref: { type: 'ref/prompt', name: 'mcp_conformance_any' },
          argument: { name: 'x', value: '' },
        });
        ctx
          .check('completion.capability-consistent')
          .verify(
            errorCode(response) === -32601,
            `completion/complete without the capability was answered with ${describe(response)}`,
            response,
          );
        return ctx.end('not applicable: the server does not declare the "completions" capability');
      }
      ctx.check('completion.capability-consistent').pass();
      const unknown = await session.request('completion/complete', {
        ref: { type: 'ref/prompt', name: 'mcp_conformance_no_such_prompt' },
        argument: { name: 'x', value: '' },
      });
      ctx
        .check('completion.unknown-prompt-error')
        .verify(
          errorCode(unknown) === -32602,
          `completing for an unknown prompt was answered with ${describe(unknown)}`,
          unknown,
        );
      if (ctx.has('completion.invalid-ref-refused')) {
        // The schema has no such reference type: the harness sends it raw.
        const bogus = session.buildRequest('completion/complete', {
          ref: { type: 'ref/mcp-conformance-unknown', name: 'x' },
          argument: { name: 'x', value: '' },
        });
        const refused = await requestRawFenced(session, bogus);
        ctx
          .check('completion.invalid-ref-refused')
          .verify(
            refused?.error !== undefined,
            `a reference of type "ref/mcp-conformance-unknown" was answered with ${describe(refused)}`,
            refused,
          );
      }
      let ref: JsonObject | undefined;
      let argument: string | undefined;
      if (isObject(session.serverCapabilities.prompts)) {
        const prompts = (await ctx.listAll(session, 'prompts/list')) ?? [];
        const prompt = prompts.find((p) => Array.isArray(p.arguments) && p.arguments.length > 0);
        if (prompt) {
          ref = { type: 'ref/prompt', name: prompt.name };
          argument = String(((prompt.arguments as JsonObject[])[0] as JsonObject).name);
        }
      }
      if (!ref && isObject(session.serverCapabilities.resources)) {
        const templates = (await ctx.listAll(session, 'resources/templates/list')) ?? [];
        const template = templates.find((t) => typeof t.uriTemplate === 'string' && /\{[^}]+\}/.test(t.uriTemplate));
        if (template) {
          ref = { type: 'ref/resource', uri: template.uriTemplate };
          argument = /\{([^}]+)\}/
            .exec(template.uriTemplate as string)![1]!
            .replace(/^[+#./;?&]/, '')
            .split(',')[0];
        }
      }
      if (!ref || !argument) return ctx.end('not applicable: no prompt argument or template variable to complete');
      // The same reference without the required `argument`: the harness refuses to send it through `request`.
      const incomplete = session.buildRequest('completion/complete', { ref });
      const [response, missing] = await Promise.all([
        session.request('completion/complete', { ref, argument: { name: argument, value: '' } }),
        requestRawFenced(session, incomplete),
      ]);
      ctx
        .check('completion.missing-argument-error')
        .verify(
          errorCode(missing) === -32602,
          `completion/complete without "argument" was answered with ${describe(missing)}`,
          missing,
        );
      const completion = isObject(response.result?.completion) ? response.result.completion : undefined;
      const values = Array.isArray(completion?.values) ? completion.values : undefined;
      if (!values) {
        ctx
          .check('completion.values-bounded')
          .fail(`completion/complete was answered with ${describe(response)}`, response);
        return;
      }
      const total = completion?.total;
      ctx
        .check('completion.values-bounded')
        .verify(
          values.length <= 100 && (typeof total !== 'number' || total >= values.length),
          `${values.length} values, total ${JSON.stringify(total)}`,
          response,
        );
    },
  },
  {
    id: 'logging-set-level',
    title: 'Setting the log level',
    area: 'utilities',
    depth: 'any',
    description: 'Sets the log level to each valid level and then to one that does not exist.',
    revisions: { era: 'stateful' },
    checks: [
      check(
        'logging.set-level-accepted',
        'MUST',
        'logging/setLevel with a valid level is answered with an empty result',
        ['logging.capability'],
      ),
      check(
        'logging.set-level-invalid',
        'SHOULD',
        'logging/setLevel with a level that does not exist is answered with -32602',
        ['logging.error.setlevel-invalid-level'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'logging');
      for (const level of ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency']) {
        const response = await session.request('logging/setLevel', { level });
        if (!response.result) {
          ctx
            .check('logging.set-level-accepted')
            .fail(`level "${level}" was answered with ${describe(response)}`, response);
          break;
        }
      }
      if (!ctx.check('logging.set-level-accepted').decided) ctx.check('logging.set-level-accepted').pass();
      const invalid = session.buildRequest('logging/setLevel', { level: 'mcp-conformance-verbose' });
      const response = await requestRawFenced(session, invalid);
      ctx
        .check('logging.set-level-invalid')
        .verify(errorCode(response) === -32602, `an unknown level was answered with ${describe(response)}`, response);
    },
  },
  {
    id: 'logging-meta-level',
    title: 'Per-request log level',
    area: 'utilities',
    depth: 'any',
    description: 'Sends a request whose _meta asks for a log level that does not exist.',
    revisions: { era: 'stateless' },
    checks: [
      check(
        'logging.meta-level-invalid',
        'SHOULD',
        'A request whose _meta logLevel is not a log level is rejected with -32602',
        ['logging.error.invalid-level'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      const message = session.buildRequest(
        'server/discover',
        {},
        { meta: { 'io.modelcontextprotocol/logLevel': 'mcp-conformance-verbose' } },
      );
      const response = await requestRawFenced(session, message);
      ctx
        .check('logging.meta-level-invalid')
        .verify(errorCode(response) === -32602, `the request was answered with ${describe(response)}`, response);
    },
  },
];
