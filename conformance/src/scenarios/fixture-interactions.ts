/**
 * Interactions at the fixture depth: the fixture tools that need the client (sampling, form and URL
 * elicitation, roots). In the stateful era the server sends its own requests, and only for capabilities
 * the client declared; in the stateless era it answers with an `input_required` result (`inputRequests`,
 * `requestState`) and the harness retries with `inputResponses`.
 */
import { answerFor, type JsonObject, type McpSession, type Response } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { EvidenceInput, ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, STATEFUL, STATELESS } from './helpers.ts';
import { callFixture, fixtureAbsent, isExactText, listsTool, shown, skipChecks } from './fixture-tools.ts';

const PRIMITIVE = new Set(['string', 'number', 'integer', 'boolean']);
export const HARNESS_SAMPLE = 'A reply from the mcp-conformance harness.';
const INPUT_METHODS = new Set(['elicitation/create', 'sampling/createMessage', 'roots/list']);

/** Declared by every scenario that sees the fixture's sampling requests (stateful requests, stateless inputRequests). */
const SAMPLING_CONTEXT_CAPABILITY = check(
  'fixture.sampling-context-capability',
  'SHOULD NOT',
  'A sampling request sets includeContext to "thisServer" or "allServers" only if the client declared sampling.context',
  ['sampling.context.requires-capability'],
  { from: '2025-11-25' },
);

/**
 * Decides fixture.sampling-context-capability from the params of the sampling requests a session saw: the harness
 * declares no `sampling.context`, so none of them may ask for context beyond "none".
 */
function decideContextCapability(
  ctx: ServerContext,
  session: McpSession,
  requests: Array<JsonObject | undefined>,
  ...evidence: EvidenceInput[]
): void {
  const id = SAMPLING_CONTEXT_CAPABILITY.id;
  if (!ctx.has(id)) return;
  const sampling = isObject(session.capabilities.sampling) ? session.capabilities.sampling : {};
  if (isObject(sampling.context)) return void ctx.check(id).skip('the harness declared sampling.context');
  const seen = requests.filter(isObject);
  if (seen.length === 0) return void ctx.check(id).skip('no sampling request was seen');
  const asking = seen.filter((p) => p.includeContext === 'thisServer' || p.includeContext === 'allServers');
  ctx
    .check(id)
    .verify(
      asking.length === 0,
      `without sampling.context declared, a sampling request set includeContext to ${JSON.stringify(asking[0]?.includeContext)}`,
      ...evidence,
    );
}

/** The params of the sampling requests among the inputRequests of `responses`. */
function samplingInputs(responses: Response[] | undefined): JsonObject[] {
  return (responses ?? []).flatMap((r) =>
    Object.values(inputRequestsOf(r))
      .filter((q) => q.method === 'sampling/createMessage' && isObject(q.params))
      .map((q) => q.params as JsonObject),
  );
}

/** Problems of a form-mode elicitation request's params: message, mode, a flat schema of primitives. */
function formProblems(params: JsonObject | undefined, message?: string): string[] {
  if (!params) return ['no params'];
  const problems: string[] = [];
  if (typeof params.message !== 'string' || params.message.length === 0) problems.push('no message');
  else if (message !== undefined && params.message !== message)
    problems.push(`message is ${JSON.stringify(params.message)}, not ${JSON.stringify(message)}`);
  if (params.mode !== undefined && params.mode !== 'form') problems.push(`mode is ${JSON.stringify(params.mode)}`);
  const schema = isObject(params.requestedSchema) ? params.requestedSchema : undefined;
  if (!schema) return [...problems, 'no requestedSchema'];
  if (schema.type !== 'object') problems.push(`requestedSchema type is ${JSON.stringify(schema.type)}`);
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) problems.push(`property ${name} is not a schema`);
    else if (property.type === 'array') {
      const items = isObject(property.items) ? property.items : {};
      if (!Array.isArray(items.enum) && !Array.isArray(items.anyOf))
        problems.push(`property ${name} is an array that is not a multi-select enum`);
    } else if (typeof property.type !== 'string' || !PRIMITIVE.has(property.type))
      problems.push(`property ${name} has type ${JSON.stringify(property.type)}, not a primitive`);
    else if (isObject(property.properties) || property.items !== undefined) problems.push(`property ${name} is nested`);
  }
  return problems;
}

/** Problems of a URL-mode elicitation request's params. */
function urlProblems(params: JsonObject | undefined): string[] {
  if (!params) return ['no params'];
  const problems: string[] = [];
  if (params.mode !== 'url') problems.push(`mode is ${JSON.stringify(params.mode)}`);
  if (typeof params.message !== 'string' || params.message.length === 0) problems.push('no message');
  if (typeof params.elicitationId !== 'string' || params.elicitationId.length === 0) problems.push('no elicitationId');
  let url: URL | undefined;
  try {
    url = typeof params.url === 'string' ? new URL(params.url) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol))
    problems.push(`url ${JSON.stringify(params.url)} is not a valid http(s) URL`);
  return problems;
}

/** The harness's answer to an input request, as the stateful default handlers would give it. */
export function answerInput(request: JsonObject): JsonObject {
  const params = isObject(request.params) ? request.params : {};
  if (request.method === 'sampling/createMessage')
    return {
      role: 'assistant',
      content: { type: 'text', text: HARNESS_SAMPLE },
      model: 'mcp-conformance-model',
      stopReason: 'endTurn',
    };
  if (request.method === 'roots/list')
    return { roots: [{ uri: 'file:///tmp/mcp-conformance', name: 'conformance root' }] };
  return params.mode === 'url'
    ? { action: 'accept' }
    : { action: 'accept', content: answerFor(params.requestedSchema) };
}

export function inputRequestsOf(response: Response | undefined): Record<string, JsonObject> {
  const requests = response?.result?.inputRequests;
  if (!isObject(requests)) return {};
  return Object.fromEntries(Object.entries(requests).filter((e): e is [string, JsonObject] => isObject(e[1])));
}

export function inputRequired(response: Response | undefined): boolean {
  return response?.result?.resultType === 'input_required';
}

/** The retry of `method` with answers to every input request of `previous` (and its requestState). */
export function retry(
  session: McpSession,
  method: string,
  params: JsonObject,
  previous: Response,
  options: { answers?: boolean; extra?: JsonObject; state?: string; answer?: (request: JsonObject) => JsonObject } = {},
): Promise<Response> {
  const body: JsonObject = { ...params };
  if (options.answers !== false) {
    const answer = options.answer ?? answerInput;
    const responses: JsonObject = Object.fromEntries(
      Object.entries(inputRequestsOf(previous)).map(([key, request]) => [key, answer(request)]),
    );
    body.inputResponses = { ...responses, ...options.extra };
  }
  const state = options.state ?? previous.result?.requestState;
  if (typeof state === 'string') body.requestState = state;
  return session.request(method, body);
}

/** Runs a request through every input_required round (at most `rounds`), answering each. */
export async function untilComplete(
  session: McpSession,
  method: string,
  params: JsonObject,
  rounds = 4,
  answer?: (request: JsonObject) => JsonObject,
): Promise<Response[]> {
  const responses = [await session.request(method, params)];
  while (inputRequired(responses.at(-1)) && responses.length <= rounds)
    responses.push(await retry(session, method, params, responses.at(-1)!, answer ? { answer } : {}));
  return responses;
}

/** Calls a fixture tool on a session that declares `capabilities`; returns what the server asked of the harness. */
async function callWithout(
  ctx: ServerContext,
  capabilities: JsonObject,
  tool: string,
  args: JsonObject,
  ids: string[],
): Promise<{ session: McpSession; response: Response | undefined } | undefined> {
  const session = await ctx.session({ capabilities });
  if (!(await listsTool(ctx, session, tool))) {
    skipChecks(ctx, ids, fixtureAbsent(`tool "${tool}"`));
    return undefined;
  }
  const response = await session.request('tools/call', { name: tool, arguments: args });
  await session.quiet(100);
  return { session, response };
}

/** The scenario's own checks (not the runner's wire check). */
export function ownChecks(ctx: ServerContext): string[] {
  return [...ctx.checks.keys()].filter((id) => !id.startsWith('wire.'));
}

export function methodsAsked(session: McpSession): string {
  return session.serverRequests.map((r) => r.method).join(', ') || 'nothing';
}

/**
 * Retries `first` twice at once: with a bare string for every answer (not an InputResponses object, sent raw since
 * the harness refuses to send it otherwise), and with a roots list answering the elicitation (a valid InputResponse,
 * but not the kind asked for). The server should refuse both as invalid params.
 */
async function verifyAnswerChecks(
  ctx: ServerContext,
  session: McpSession,
  params: JsonObject,
  first: Response,
): Promise<void> {
  const requests = inputRequestsOf(first);
  const body: JsonObject = {
    ...params,
    inputResponses: Object.fromEntries(Object.keys(requests).map((key) => [key, 'conformance'])),
  };
  if (typeof first.result?.requestState === 'string') body.requestState = first.result.requestState;
  const message = session.buildRequest('tools/call', body);
  const asksElicitation = Object.values(requests).some((r) => r.method === 'elicitation/create');
  const roots = { roots: [{ uri: 'file:///tmp/mcp-conformance', name: 'conformance root' }] };
  const [malformed, unparsable] = await Promise.all([
    session.requestRaw(message, message.id as string | number),
    asksElicitation
      ? retry(session, 'tools/call', params, first, {
          answer: (r) => (r.method === 'elicitation/create' ? roots : answerInput(r)),
        })
      : undefined,
  ]);
  ctx
    .check('fixture.mrtr-malformed-responses')
    .verify(
      errorCode(malformed) === -32602,
      `the retry with bare strings for answers was answered with ${describe(malformed)}`,
      malformed,
    );
  if (!unparsable) return void ctx.check('fixture.mrtr-unparsable-responses').skip('no elicitation was asked for');
  ctx
    .check('fixture.mrtr-unparsable-responses')
    .verify(
      errorCode(unparsable) === -32602,
      `the retry answering the elicitation with a roots list was answered with ${describe(unparsable)}`,
      unparsable,
    );
}

export const fixtureInteractionsScenarios: ServerScenario[] = [
  {
    id: 'fixture-sampling',
    title: 'Fixture: sampling requests',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_sampling on a session that declares sampling and checks the sampling/createMessage request and the result built from the answer; then on a session that declares no capabilities.',
    revisions: STATEFUL,
    checks: [
      check(
        'fixture.sampling-request',
        'MUST',
        'test_sampling sends one sampling/createMessage with the prompt as a user text message and a positive maxTokens',
        ['base.messages.json-rpc'],
      ),
      check(
        'fixture.sampling-context',
        'SHOULD',
        'The sampling request leaves includeContext out or sets it to "none"',
        ['sampling.context.avoid'],
      ),
      SAMPLING_CONTEXT_CAPABILITY,
      check('fixture.sampling-result', 'MUST', 'test_sampling returns the harness completion as "LLM response: ..."', [
        'base.result.has-result',
      ]),
      check(
        'fixture.sampling-undeclared',
        'MUST NOT',
        'Without the sampling capability, no sampling/createMessage is sent',
        ['lifecycle.operation.negotiated-capabilities'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const prompt = 'What is the capital of France?';
      const ids = [
        'fixture.sampling-request',
        'fixture.sampling-context',
        SAMPLING_CONTEXT_CAPABILITY.id,
        'fixture.sampling-result',
        'fixture.sampling-undeclared',
      ];
      const response = await callFixture(ctx, session, 'test_sampling', { prompt }, ids);
      if (!response) return;
      const asked = session.serverRequests.filter((r) => r.method === 'sampling/createMessage');
      const params = asked[0]?.params;
      const messages = Array.isArray(params?.messages) ? (params.messages as JsonObject[]) : [];
      const content = isObject(messages[0]?.content) ? messages[0].content : {};
      ctx
        .check('fixture.sampling-request')
        .verify(
          asked.length === 1 &&
            messages[0]?.role === 'user' &&
            content.type === 'text' &&
            content.text === prompt &&
            typeof params?.maxTokens === 'number' &&
            params.maxTokens > 0,
          asked.length !== 1
            ? `${asked.length} sampling request(s)`
            : `the request was ${JSON.stringify(params).slice(0, 200)}`,
          asked[0]?.entry,
        );
      if (params)
        ctx
          .check('fixture.sampling-context')
          .verify(
            params.includeContext === undefined || params.includeContext === 'none',
            `includeContext is ${JSON.stringify(params.includeContext)}`,
            asked[0]?.entry,
          );
      decideContextCapability(
        ctx,
        session,
        asked.map((r) => r.params),
        asked.find((r) => r.params?.includeContext !== undefined)?.entry ?? asked[0]?.entry,
      );
      ctx
        .check('fixture.sampling-result')
        .verify(
          isExactText(response, `LLM response: ${HARNESS_SAMPLE}`),
          `the tool returned ${shown(response)}`,
          response,
        );
      const bare = await callWithout(ctx, {}, 'test_sampling', { prompt }, ['fixture.sampling-undeclared']);
      if (bare)
        ctx
          .check('fixture.sampling-undeclared')
          .verify(
            bare.session.serverRequests.length === 0,
            `the server asked for ${methodsAsked(bare.session)}`,
            bare.response,
            bare.session.serverRequests[0]?.entry,
          );
    },
  },
  {
    id: 'fixture-elicitation',
    title: 'Fixture: form elicitation requests',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_elicitation and checks the elicitation/create request (message, flat schema of primitives) and the result built from the answer; then on sessions that declare no elicitation, and an empty elicitation object.',
    revisions: { era: 'stateful', from: '2025-06-18' },
    checks: [
      check(
        'fixture.elicitation-request',
        'MUST',
        'test_elicitation sends one form elicitation/create with the given message and a flat requestedSchema of primitive properties',
        [
          'elicitation.request.message',
          'elicitation.form.requested-schema',
          'elicitation.form.schema-flat',
          'elicitation.form.schema-primitive-types',
          'elicitation.form.mode-value',
        ],
      ),
      check(
        'fixture.elicitation-result',
        'MUST',
        'test_elicitation reports the accepted answer as "User response: action=accept, content=..."',
        ['base.result.has-result'],
      ),
      check(
        'fixture.elicitation-undeclared',
        'MUST NOT',
        'Without the elicitation capability, no elicitation/create is sent',
        ['lifecycle.operation.negotiated-capabilities', 'elicitation.capability.mode-not-declared'],
      ),
      check(
        'fixture.elicitation-empty-means-form',
        'MUST',
        'An empty elicitation capability is read as form support: the form request is sent',
        ['elicitation.capability.empty-means-form'],
        { from: '2025-11-25' },
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const message = 'Please tell the conformance harness something';
      const ids = ownChecks(ctx);
      const response = await callFixture(ctx, session, 'test_elicitation', { message }, ids);
      if (!response) return;
      const asked = session.serverRequests.filter((r) => r.method === 'elicitation/create');
      const problems =
        asked.length === 1 ? formProblems(asked[0]!.params, message) : [`${asked.length} elicitation request(s)`];
      ctx.check('fixture.elicitation-request').verify(problems.length === 0, problems.join('; '), asked[0]?.entry);
      const content = asked[0] ? answerFor(asked[0].params?.requestedSchema) : {};
      ctx
        .check('fixture.elicitation-result')
        .verify(
          isExactText(response, `User response: action=accept, content=${JSON.stringify(content)}`),
          `the tool returned ${shown(response)}`,
          response,
        );
      const bare = await callWithout(ctx, { roots: {} }, 'test_elicitation', { message }, [
        'fixture.elicitation-undeclared',
      ]);
      if (bare)
        ctx
          .check('fixture.elicitation-undeclared')
          .verify(
            bare.session.serverRequests.length === 0,
            `the server asked for ${methodsAsked(bare.session)}`,
            bare.response,
            bare.session.serverRequests[0]?.entry,
          );
      if (ctx.has('fixture.elicitation-empty-means-form')) {
        const empty = await callWithout(ctx, { elicitation: {} }, 'test_elicitation', { message }, [
          'fixture.elicitation-empty-means-form',
        ]);
        if (empty) {
          const sent = empty.session.serverRequests.filter((r) => r.method === 'elicitation/create');
          ctx
            .check('fixture.elicitation-empty-means-form')
            .verify(
              sent.length === 1 && formProblems(sent[0]!.params).length === 0,
              `the server sent ${methodsAsked(empty.session)} and answered ${shown(empty.response)}`,
              empty.response,
            );
        }
      }
    },
  },
  {
    id: 'fixture-elicitation-url',
    title: 'Fixture: URL-mode elicitation requests',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_elicitation_url on a session that declares URL elicitation and checks the request (mode, elicitationId, URL) and the completion notification; then on a session that declares form mode only.',
    revisions: { era: 'stateful', from: '2025-11-25' },
    checks: [
      check(
        'fixture.elicitation-url-request',
        'MUST',
        'test_elicitation_url sends one elicitation/create with mode "url", a message, an elicitationId and a valid URL',
        [
          'elicitation.url.mode-url',
          'elicitation.url.url-field',
          'elicitation.url.valid-url',
          'elicitation.url.elicitation-id',
          'elicitation.request.message',
        ],
      ),
      check('fixture.elicitation-url-https', 'SHOULD', 'The elicitation URL uses https', ['elicitation.url.https']),
      check(
        'fixture.elicitation-url-complete',
        'MUST',
        'A notifications/elicitation/complete that follows carries the elicitationId of the request',
        ['elicitation.complete.include-id'],
      ),
      check('fixture.elicitation-url-result', 'MUST', 'test_elicitation_url reports "URL elicitation: action=accept"', [
        'base.result.has-result',
      ]),
      check(
        'fixture.elicitation-url-undeclared',
        'MUST NOT',
        'A client that declares form elicitation only gets no URL-mode request',
        ['elicitation.capability.mode-not-declared'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const response = await callFixture(ctx, session, 'test_elicitation_url', {}, ownChecks(ctx));
      if (!response) return;
      const asked = session.serverRequests.filter((r) => r.method === 'elicitation/create');
      const params = asked[0]?.params;
      const problems = asked.length === 1 ? urlProblems(params) : [`${asked.length} elicitation request(s)`];
      ctx.check('fixture.elicitation-url-request').verify(problems.length === 0, problems.join('; '), asked[0]?.entry);
      if (typeof params?.url === 'string')
        ctx
          .check('fixture.elicitation-url-https')
          .verify(params.url.startsWith('https://'), `the URL is ${params.url}`, asked[0]?.entry);
      const complete = await session.waitForNotification((n) => n.method === 'notifications/elicitation/complete', 300);
      if (!complete)
        ctx
          .check('fixture.elicitation-url-complete')
          .skip('no notifications/elicitation/complete arrived (it is optional)');
      else
        ctx
          .check('fixture.elicitation-url-complete')
          .verify(
            complete.params?.elicitationId === params?.elicitationId,
            `the notification carries ${JSON.stringify(complete.params?.elicitationId)}, the request ${JSON.stringify(params?.elicitationId)}`,
            complete.entry,
          );
      ctx
        .check('fixture.elicitation-url-result')
        .verify(
          isExactText(response, 'URL elicitation: action=accept'),
          `the tool returned ${shown(response)}`,
          response,
        );
      const formOnly = await callWithout(ctx, { elicitation: { form: {} } }, 'test_elicitation_url', {}, [
        'fixture.elicitation-url-undeclared',
      ]);
      if (formOnly) {
        const urls = formOnly.session.serverRequests.filter(
          (r) => r.method === 'elicitation/create' && r.params?.mode === 'url',
        );
        ctx
          .check('fixture.elicitation-url-undeclared')
          .verify(
            urls.length === 0,
            'a URL-mode elicitation was sent to a client that declared form mode only',
            formOnly.response,
            urls[0]?.entry,
          );
      }
    },
  },
  {
    id: 'fixture-roots',
    title: 'Fixture: roots requests',
    area: 'interactions',
    depth: 'fixture',
    description: 'Calls test_list_roots on a session that declares roots and on one that declares no capabilities.',
    revisions: STATEFUL,
    checks: [
      check(
        'fixture.roots-request',
        'MUST',
        'test_list_roots sends roots/list and reports the one harness root as "Found 1 root(s)"',
        ['base.messages.json-rpc'],
      ),
      check('fixture.roots-undeclared', 'MUST NOT', 'Without the roots capability, no roots/list is sent', [
        'lifecycle.operation.negotiated-capabilities',
        'roots.guidelines.server.check-capability',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const response = await callFixture(ctx, session, 'test_list_roots', {}, ownChecks(ctx));
      if (!response) return;
      const asked = session.serverRequests.filter((r) => r.method === 'roots/list');
      ctx
        .check('fixture.roots-request')
        .verify(
          asked.length === 1 && isExactText(response, 'Found 1 root(s)'),
          `${asked.length} roots/list request(s); the tool returned ${shown(response)}`,
          response,
          asked[0]?.entry,
        );
      const bare = await callWithout(ctx, {}, 'test_list_roots', {}, ['fixture.roots-undeclared']);
      if (bare)
        ctx
          .check('fixture.roots-undeclared')
          .verify(
            bare.session.serverRequests.length === 0,
            `the server asked for ${methodsAsked(bare.session)}`,
            bare.response,
            bare.session.serverRequests[0]?.entry,
          );
    },
  },
  {
    id: 'fixture-mrtr-elicitation',
    title: 'Fixture: input_required results and retries',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_input_required_result_elicitation, checks the input_required result, and retries it with the answers (over HTTP also on a new connection), without them, with an answer nobody asked for, with bare strings for answers, and with a roots list answering the elicitation.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.mrtr-input-required',
        'MUST',
        'The first call is answered with resultType "input_required" carrying inputRequests or requestState',
        ['mrtr.server.at-least-one-field', 'mrtr.server.use-mrtr'],
      ),
      check(
        'fixture.mrtr-input-request-types',
        'MUST',
        'Every value of inputRequests is an elicitation, sampling or roots request',
        ['mrtr.server.input-request-types'],
      ),
      check(
        'fixture.mrtr-elicitation-form',
        'MUST',
        'The elicitation input request has a message and a flat requestedSchema of primitive properties',
        [
          'elicitation.request.message',
          'elicitation.form.requested-schema',
          'elicitation.form.schema-flat',
          'elicitation.form.schema-primitive-types',
        ],
      ),
      check(
        'fixture.mrtr-retry-complete',
        'MUST',
        'The retry with inputResponses and the echoed requestState completes with "Hello, <name>!"',
        ['tools.call.input-required', 'mrtr.server.use-mrtr'],
      ),
      check(
        'fixture.mrtr-retry-new-connection',
        'SHOULD NOT',
        'The retry sent on a brand-new connection (no handshake, other sockets) completes as well: the flow is not tied to a connection',
        ['base.stateless.no-connection-affinity'],
        { transports: ['http'] },
      ),
      check(
        'fixture.mrtr-re-request-missing',
        'SHOULD',
        'A retry without the answers is answered with a fresh input_required result, not an error',
        ['mrtr.server.re-request-missing'],
      ),
      check(
        'fixture.mrtr-extra-responses',
        'SHOULD',
        'An extra answer nobody asked for is ignored: the retry still completes',
        ['mrtr.server.ignore-extra-responses'],
      ),
      check(
        'fixture.mrtr-malformed-responses',
        'SHOULD',
        'A retry whose inputResponses is not a valid InputResponses object (a bare string for each answer) is refused with error -32602',
        ['mrtr.server.validate-input-responses', 'mrtr.server.protocol-errors'],
      ),
      check(
        'fixture.mrtr-unparsable-responses',
        'SHOULD',
        'A retry answering the elicitation with another kind of result (a roots list) is refused with error -32602',
        ['mrtr.server.parse-input-responses'],
      ),
      check('fixture.mrtr-no-server-requests', 'MUST NOT', 'The server sends no JSON-RPC request of its own', [
        'mrtr.server.no-initiated-requests',
      ]),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const params = { name: 'test_input_required_result_elicitation', arguments: {} };
      const first = await callFixture(ctx, session, params.name, {}, ownChecks(ctx));
      if (!first) return;
      const requests = inputRequestsOf(first);
      const ok =
        inputRequired(first) && (Object.keys(requests).length > 0 || typeof first.result?.requestState === 'string');
      if (!ctx.check('fixture.mrtr-input-required').verify(ok, `the call was answered with ${describe(first)}`, first))
        return ctx.end('no input_required result to go on with');
      const badTypes = Object.entries(requests).filter(
        ([, r]) => !INPUT_METHODS.has(String(r.method)) || (r.method !== 'roots/list' && !isObject(r.params)),
      );
      ctx
        .check('fixture.mrtr-input-request-types')
        .verify(
          badTypes.length === 0,
          `not an input request: ${badTypes.map(([k, r]) => `${k}: ${String(r.method)}`).join(', ')}`,
          first,
        );
      const elicit = Object.values(requests).find((r) => r.method === 'elicitation/create');
      if (!elicit) ctx.check('fixture.mrtr-elicitation-form').fail('inputRequests holds no elicitation/create', first);
      else {
        const problems = formProblems(isObject(elicit.params) ? elicit.params : undefined);
        ctx.check('fixture.mrtr-elicitation-form').verify(problems.length === 0, problems.join('; '), first);
      }
      const [done, moved] = await Promise.all([
        retry(session, 'tools/call', params, first),
        // The same retry from a client that opened a new connection (over HTTP, its own sockets) and nothing else.
        ctx.has('fixture.mrtr-retry-new-connection')
          ? ctx.session({ open: false }).then((fresh) => retry(fresh, 'tools/call', params, first))
          : undefined,
      ]);
      if (moved)
        ctx
          .check('fixture.mrtr-retry-new-connection')
          .verify(
            isExactText(moved, 'Hello, conformance!'),
            `the retry sent on a new connection was answered with ${shown(moved)}`,
            moved,
          );
      ctx
        .check('fixture.mrtr-retry-complete')
        .verify(
          done.result?.resultType === 'complete' && isExactText(done, 'Hello, conformance!'),
          `the retry was answered with ${shown(done)}`,
          done,
        );
      await verifyAnswerChecks(ctx, session, params, first);
      const bare = await retry(session, 'tools/call', params, first, { answers: false });
      ctx
        .check('fixture.mrtr-re-request-missing')
        .verify(inputRequired(bare), `the retry without answers was answered with ${describe(bare)}`, bare);
      const extra = await retry(session, 'tools/call', params, first, {
        extra: { mcp_conformance_extra: { action: 'decline' } },
      });
      ctx
        .check('fixture.mrtr-extra-responses')
        .verify(
          isExactText(extra, 'Hello, conformance!'),
          `the retry with an extra answer was answered with ${shown(extra)}`,
          extra,
        );
      ctx
        .check('fixture.mrtr-no-server-requests')
        .verify(
          session.serverRequests.length === 0,
          `the server sent ${methodsAsked(session)}`,
          session.serverRequests[0]?.entry,
        );
    },
  },
  {
    id: 'fixture-mrtr-state',
    title: 'Fixture: tampered requestState',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_input_required_result_tampered_state, whose requestState is integrity-protected, and retries it once with the state changed and once unchanged; then presents the same state, with the answer to the same question, in a call of test_input_required_result_request_state.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.mrtr-tampered-state',
        'MUST',
        'A retry whose requestState was altered is rejected with a JSON-RPC error',
        [
          'mrtr.server.state-reject-unverified',
          'mrtr.server.state-validate',
          'mrtr.server.state-integrity',
          'mrtr.server.state-untrusted',
        ],
      ),
      check(
        'fixture.mrtr-intact-state',
        'MUST',
        'The same retry with the state unchanged completes with "integrity-ok: state verified"',
        ['mrtr.server.state-validate'],
      ),
      check(
        'fixture.mrtr-state-other-request',
        'SHOULD',
        'A requestState issued for one tool call, presented with a call of another tool asking the same question, is refused with a JSON-RPC error',
        ['mrtr.server.replay.check-request', 'mrtr.server.replay.bind-request'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const params = { name: 'test_input_required_result_tampered_state', arguments: {} };
      const first = await callFixture(ctx, session, params.name, {}, ownChecks(ctx));
      if (!first) return;
      const state = first.result?.requestState;
      if (!inputRequired(first) || typeof state !== 'string' || state.length === 0)
        return ctx.end(`no requestState to tamper with: ${describe(first)}`);
      const at = Math.floor(state.length / 3);
      const tampered = `${state.slice(0, at)}${state[at] === 'A' ? 'B' : 'A'}${state.slice(at + 1)}`;
      const other = { name: 'test_input_required_result_request_state', arguments: {} };
      const [refused, elsewhere] = await Promise.all([
        retry(session, 'tools/call', params, first, { state: tampered }),
        listsTool(ctx, session, other.name).then((listed) =>
          listed ? retry(session, 'tools/call', other, first) : undefined,
        ),
      ]);
      if (!elsewhere) ctx.check('fixture.mrtr-state-other-request').skip(fixtureAbsent(`tool "${other.name}"`));
      else
        ctx
          .check('fixture.mrtr-state-other-request')
          .verify(
            elsewhere.error !== undefined,
            `the requestState of ${params.name}, presented with a call of ${other.name}, was answered with ${shown(elsewhere)}`,
            elsewhere,
          );
      ctx
        .check('fixture.mrtr-tampered-state')
        .verify(refused.error !== undefined, `the tampered state was answered with ${shown(refused)}`, refused);
      const accepted = await retry(session, 'tools/call', params, first);
      ctx
        .check('fixture.mrtr-intact-state')
        .verify(
          isExactText(accepted, 'integrity-ok: state verified'),
          `the intact state was answered with ${shown(accepted)}`,
          accepted,
        );
    },
  },
  {
    id: 'fixture-mrtr-kinds',
    title: 'Fixture: sampling, roots, several inputs and several rounds',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Runs the input_required fixture tools for sampling, roots, three inputs at once and two rounds, and the input_required prompt, answering every round; checks the sampling inputs ask for no context the client did not declare.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.mrtr-sampling',
        'MUST',
        'test_input_required_result_sampling asks for a sampling request with messages and maxTokens and uses the answer',
        ['sampling.messages.content', 'sampling.messages.role', 'tools.call.input-required'],
      ),
      check(
        'fixture.mrtr-roots',
        'MUST',
        'test_input_required_result_list_roots asks for roots/list and reports "Found 1 root(s)"',
        ['mrtr.server.input-request-types', 'tools.call.input-required'],
      ),
      check(
        'fixture.mrtr-multiple-inputs',
        'MUST',
        'test_input_required_result_multiple_inputs asks for elicitation, sampling and roots in one round and uses all three answers',
        ['mrtr.server.input-request-keys-unique', 'tools.call.input-required'],
      ),
      check(
        'fixture.mrtr-multi-round',
        'MUST',
        'test_input_required_result_multi_round asks again in a second round and completes with both answers',
        ['mrtr.server.may-repeat', 'tools.call.input-required'],
      ),
      check(
        'fixture.mrtr-prompt',
        'MUST',
        'test_input_required_result_prompt (prompts/get) asks for its context and then renders it',
        ['prompts.get.input-required'],
      ),
      SAMPLING_CONTEXT_CAPABILITY,
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const run = async (id: string, tool: string): Promise<Response[] | undefined> => {
        if (!(await listsTool(ctx, session, tool))) {
          ctx.check(id).skip(fixtureAbsent(`tool "${tool}"`));
          return undefined;
        }
        return untilComplete(session, 'tools/call', { name: tool, arguments: {} });
      };
      const methods = (r: Response | undefined): string[] =>
        Object.values(inputRequestsOf(r)).map((q) => String(q.method));

      const sampling = await run('fixture.mrtr-sampling', 'test_input_required_result_sampling');
      if (sampling) {
        const request = Object.values(inputRequestsOf(sampling[0])).find((q) => q.method === 'sampling/createMessage');
        const p = isObject(request?.params) ? request.params : {};
        const messages = Array.isArray(p.messages) ? (p.messages as JsonObject[]) : [];
        const shaped =
          messages.length > 0 &&
          messages.every((m) => (m.role === 'user' || m.role === 'assistant') && m.content !== undefined) &&
          typeof p.maxTokens === 'number';
        ctx
          .check('fixture.mrtr-sampling')
          .verify(
            shaped && sampling.length === 2 && isExactText(sampling[1], `Sampling result: ${HARNESS_SAMPLE}`),
            `rounds: ${sampling.length}; request ${JSON.stringify(p).slice(0, 160)}; final ${shown(sampling.at(-1))}`,
            sampling[0],
            sampling.at(-1),
          );
      }

      const roots = await run('fixture.mrtr-roots', 'test_input_required_result_list_roots');
      if (roots)
        ctx
          .check('fixture.mrtr-roots')
          .verify(
            methods(roots[0]).includes('roots/list') && roots.length === 2 && isExactText(roots[1], 'Found 1 root(s)'),
            `asked for ${methods(roots[0]).join(', ') || 'nothing'}; final ${shown(roots.at(-1))}`,
            roots[0],
            roots.at(-1),
          );

      const multiple = await run('fixture.mrtr-multiple-inputs', 'test_input_required_result_multiple_inputs');
      if (multiple) {
        const asked = methods(multiple[0]).sort();
        const expected = `Name: conformance; Greeting: ${HARNESS_SAMPLE}; Roots: 1`;
        ctx
          .check('fixture.mrtr-multiple-inputs')
          .verify(
            asked.join() === 'elicitation/create,roots/list,sampling/createMessage' &&
              multiple.length === 2 &&
              isExactText(multiple[1], expected),
            `asked for ${asked.join(', ')}; final ${shown(multiple.at(-1))}`,
            multiple[0],
            multiple.at(-1),
          );
      }

      decideContextCapability(
        ctx,
        session,
        [...samplingInputs(sampling), ...samplingInputs(multiple)],
        sampling?.[0],
        multiple?.[0],
      );

      const rounds = await run('fixture.mrtr-multi-round', 'test_input_required_result_multi_round');
      if (rounds)
        ctx
          .check('fixture.mrtr-multi-round')
          .verify(
            rounds.length === 3 &&
              inputRequired(rounds[1]) &&
              isExactText(rounds[2], 'Multi-round complete for conformance who likes conformance'),
            `${rounds.length} round(s); final ${shown(rounds.at(-1))}`,
            ...rounds,
          );

      if (!isObject(session.serverCapabilities.prompts))
        ctx.check('fixture.mrtr-prompt').skip('not applicable: the server does not declare prompts');
      else {
        const prompts = (await ctx.listAll(session, 'prompts/list')) ?? [];
        if (!prompts.some((p) => p.name === 'test_input_required_result_prompt'))
          ctx.check('fixture.mrtr-prompt').skip(fixtureAbsent('prompt "test_input_required_result_prompt"'));
        else {
          const got = await untilComplete(session, 'prompts/get', { name: 'test_input_required_result_prompt' });
          const messages = Array.isArray(got.at(-1)?.result?.messages)
            ? (got.at(-1)!.result!.messages as JsonObject[])
            : [];
          const content = isObject(messages[0]?.content) ? messages[0].content : {};
          ctx
            .check('fixture.mrtr-prompt')
            .verify(
              got.length === 2 && inputRequired(got[0]) && content.text === 'Prompt with context: conformance',
              `${got.length} round(s); final ${describe(got.at(-1))}`,
              ...got,
            );
        }
      }
    },
  },
  {
    id: 'fixture-mrtr-capabilities',
    title: 'Fixture: input requests only for declared capabilities',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls the input_required fixture tools from requests that declare no client capabilities, or sampling only, and checks that inputRequests never asks for anything undeclared.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.mrtr-undeclared-elicitation',
        'MUST NOT',
        'Without the elicitation capability, inputRequests holds no elicitation/create',
        ['mrtr.server.no-elicitation-without-capability'],
      ),
      check(
        'fixture.mrtr-declared-only',
        'MUST NOT',
        'inputRequests asks only for what the request declared (sampling only: no elicitation, no roots)',
        ['mrtr.server.declared-capabilities-only'],
      ),
    ],
    async run(ctx) {
      const none = await ctx.session({ capabilities: {} });
      ctx.requireCapability(none, 'tools');
      const elicitation = await callFixture(ctx, none, 'test_input_required_result_elicitation', {}, [
        'fixture.mrtr-undeclared-elicitation',
      ]);
      if (elicitation) {
        const asked = Object.values(inputRequestsOf(elicitation)).filter((r) => r.method === 'elicitation/create');
        ctx
          .check('fixture.mrtr-undeclared-elicitation')
          .verify(asked.length === 0, `the call was answered with ${describe(elicitation)}`, elicitation);
      }
      const samplingOnly = await ctx.session({ capabilities: { sampling: {} } });
      const tool = 'test_input_required_result_capabilities';
      const response = await callFixture(ctx, samplingOnly, tool, {}, ['fixture.mrtr-declared-only']);
      if (response) {
        const asked = Object.values(inputRequestsOf(response)).map((r) => String(r.method));
        const undeclared = asked.filter((m) => m !== 'sampling/createMessage');
        ctx
          .check('fixture.mrtr-declared-only')
          .verify(undeclared.length === 0, `inputRequests asks for ${undeclared.join(', ')}`, response);
      }
    },
  },
];
