/**
 * Elicitation and sampling requests at the fixture depth, in both eras: every elicitation request the
 * fixture tools make (sent as requests in the stateful era, listed in `inputRequests` in the stateless era)
 * is checked for its mode, URL, formats and for asking for secrets; the URL-elicitation-required error; the
 * completion notification's audience; declined and failed elicitations; and the sampling tool loop.
 */
import { answerFor, defaultClientCapabilities, type JsonObject, type McpSession } from '../client/session.ts';
import { check, type ServerScenario } from '../model/scenario.ts';
import type { EvidenceInput, ServerContext } from '../runner/context.ts';
import { describe, errorCode, isObject, STATELESS } from './helpers.ts';
import { callFixture, fixtureAbsent, listsTool, skipChecks } from './fixture-tools.ts';
import {
  HARNESS_SAMPLE,
  answerInput,
  inputRequestsOf,
  inputRequired,
  ownChecks,
  untilComplete,
} from './fixture-interactions.ts';
import { isSensitiveName, urlSecretsIn } from './sensitive.ts';

const FROM_URL_MODE = { from: '2025-11-25' } as const;
const STATEFUL_URL_MODE = { era: 'stateful', from: '2025-11-25' } as const;
const FORMATS = new Set(['email', 'uri', 'date', 'date-time']);
const MODEL = 'mcp-conformance-model';

/** An elicitation the server asked for, and where it was seen. */
interface Elicitation {
  params: JsonObject;
  evidence: EvidenceInput;
  origin: string;
}

/** The fixture tools that elicit, with their arguments. */
const ELICITING_TOOLS: ReadonlyArray<[string, JsonObject]> = [
  ['test_elicitation', { message: 'Please tell the conformance harness something' }],
  ['test_elicitation_sep1034_defaults', {}],
  ['test_elicitation_sep1330_enums', {}],
  ['test_elicitation_url', {}],
  ['test_input_required_result_elicitation', {}],
  ['test_input_required_result_multi_round', {}],
  ['test_input_required_result_multiple_inputs', {}],
];

function validUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * The harness's answer while it only inspects requests: URL mode accepted (so that completions follow),
 * forms declined, since the schema cannot express every answer a form allows (a fractional number, say).
 */
function inspectOnly(params: JsonObject | undefined): JsonObject {
  return { action: params?.mode === 'url' ? 'accept' : 'decline' };
}

/** Calls every eliciting fixture tool the server lists and gathers the elicitations it asked for. */
async function collectElicitations(ctx: ServerContext, session: McpSession): Promise<Elicitation[]> {
  const tools = (await ctx.listAll(session, 'tools/list')) ?? ctx.end('tools/list failed; see tools-list');
  const listed = new Set(tools.map((t) => t.name));
  const seen: Elicitation[] = [];
  for (const [name, args] of ELICITING_TOOLS) {
    if (!listed.has(name)) continue;
    const params = { name, arguments: args };
    if (!session.stateless) {
      await session.request('tools/call', params);
      continue;
    }
    const answer = (r: JsonObject): JsonObject =>
      r.method === 'elicitation/create' ? inspectOnly(isObject(r.params) ? r.params : undefined) : answerInput(r);
    for (const response of await untilComplete(session, 'tools/call', params, 4, answer))
      for (const [key, request] of Object.entries(inputRequestsOf(response)))
        if (request.method === 'elicitation/create' && isObject(request.params))
          seen.push({ params: request.params, evidence: response, origin: `${name}: inputRequests.${key}` });
  }
  if (!session.stateless && listed.has('test_url_elicitation_required')) {
    const refused = await session.request('tools/call', { name: 'test_url_elicitation_required', arguments: {} });
    const data = isObject(refused.error?.data) ? refused.error.data : {};
    if (errorCode(refused) === -32042 && Array.isArray(data.elicitations))
      for (const params of data.elicitations.filter(isObject))
        seen.push({ params, evidence: refused, origin: 'test_url_elicitation_required: error.data.elicitations' });
  }
  for (const request of session.serverRequests)
    if (request.method === 'elicitation/create')
      seen.push({ params: request.params ?? {}, evidence: request.entry, origin: 'elicitation/create' });
  return seen;
}

function modeProblem(params: JsonObject): string | undefined {
  const form = params.requestedSchema !== undefined;
  if (params.mode === undefined)
    return form ? undefined : 'no mode, and no requestedSchema that makes it a form request';
  if (params.mode !== 'form' && params.mode !== 'url') return `mode ${JSON.stringify(params.mode)}`;
  if (form && params.mode !== 'form')
    return `a form request (it has requestedSchema) with mode ${JSON.stringify(params.mode)}`;
  return undefined;
}

function isUrlShaped(params: JsonObject): boolean {
  return params.mode === 'url' || params.url !== undefined || params.elicitationId !== undefined;
}

function urlShapeProblems(params: JsonObject): string[] {
  const problems: string[] = [];
  if (params.mode !== 'url') problems.push(`mode is ${JSON.stringify(params.mode)}, not "url"`);
  if (params.url === undefined) problems.push('no url');
  else if (!validUrl(params.url)) problems.push(`url ${JSON.stringify(params.url)} is not a valid URL`);
  return problems;
}

function propertiesOf(params: JsonObject): Array<[string, JsonObject]> {
  const schema = isObject(params.requestedSchema) ? params.requestedSchema : {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).filter((e): e is [string, JsonObject] => isObject(e[1]));
}

function formatProblems(params: JsonObject): string[] {
  return propertiesOf(params)
    .filter(([, p]) => p.format !== undefined && !FORMATS.has(String(p.format)))
    .map(([name, p]) => `property ${name} has format ${JSON.stringify(p.format)}`);
}

function sensitiveFields(params: JsonObject): string[] {
  return propertiesOf(params)
    .filter(
      ([name, p]) =>
        isSensitiveName(name) || (typeof p.title === 'string' && isSensitiveName(p.title)) || p.format === 'password',
    )
    .map(([name]) => name);
}

/** Decides the checks on every gathered elicitation; each check skips when nothing of its kind was seen. */
function judgeElicitations(ctx: ServerContext, seen: Elicitation[]): void {
  const each = (id: string, items: Elicitation[], problems: (e: Elicitation) => string[], none: string): void => {
    if (!ctx.has(id)) return;
    if (items.length === 0) return void ctx.check(id).skip(none);
    ctx.check(id).pass();
    for (const item of items) {
      const found = problems(item);
      if (found.length > 0) ctx.check(id).violated(`${item.origin}: ${found.join('; ')}`, item.evidence);
    }
  };
  const forms = seen.filter((e) => !isUrlShaped(e.params));
  const urls = seen.filter((e) => isUrlShaped(e.params));
  each(
    'fixture.elicitation-mode-present',
    seen,
    (e) => [modeProblem(e.params)].filter((p) => p !== undefined),
    'no elicitation was asked for',
  );
  each(
    'fixture.elicitation-url-shape',
    urls,
    (e) => urlShapeProblems(e.params),
    'no URL-mode elicitation was asked for',
  );
  each(
    'fixture.elicitation-string-formats',
    forms,
    (e) => formatProblems(e.params),
    'no form elicitation was asked for',
  );
  each(
    'fixture.elicitation-no-sensitive-fields',
    forms,
    (e) => sensitiveFields(e.params).map((name) => `the form asks for "${name}"`),
    'no form elicitation was asked for',
  );
  each(
    'fixture.elicitation-url-no-credentials',
    urls.filter((e) => typeof e.params.url === 'string'),
    (e) => urlSecretsIn(String(e.params.url)),
    'no URL-mode elicitation was asked for',
  );
}

function completions(session: McpSession): unknown[] {
  return session.notifications
    .filter((n) => n.method === 'notifications/elicitation/complete')
    .map((n) => n.params?.elicitationId);
}

function urlIds(seen: Elicitation[]): unknown[] {
  return seen
    .filter((e) => e.params.mode === 'url' && e.params.elicitationId !== undefined)
    .map((e) => e.params.elicitationId);
}

/* ------------------------------------------------------------------------------------------------------- */
/* Sampling with tools                                                                                       */
/* ------------------------------------------------------------------------------------------------------- */

function blocks(message: JsonObject): JsonObject[] {
  const content = message.content;
  return (Array.isArray(content) ? content : [content]).filter(isObject);
}

function messagesOf(params: JsonObject | undefined): JsonObject[] {
  return Array.isArray(params?.messages) ? params.messages.filter(isObject) : [];
}

/**
 * The harness model: asked with tools, and not just given tool results, it asks for two uses of the first
 * tool (`stopReason: "toolUse"`); otherwise it answers with text. Every answer is kept in `answered`.
 */
function toolLoopAnswer(params: JsonObject | undefined, answered: JsonObject[]): JsonObject {
  const tools = Array.isArray(params?.tools) ? params.tools.filter(isObject) : [];
  const last = messagesOf(params).at(-1);
  const hasResults = last !== undefined && blocks(last).some((b) => b.type === 'tool_result');
  let answer: JsonObject;
  if (tools.length === 0 || hasResults) {
    answer = {
      role: 'assistant',
      content: { type: 'text', text: HARNESS_SAMPLE },
      model: MODEL,
      stopReason: 'endTurn',
    };
  } else {
    const round = answered.length + 1;
    const use = (suffix: string): JsonObject => ({
      type: 'tool_use',
      id: `conformance-use-${round}-${suffix}`,
      name: String(tools[0]!.name),
      input: answerFor(tools[0]!.inputSchema),
    });
    answer = { role: 'assistant', content: [use('a'), use('b')], model: MODEL, stopReason: 'toolUse' };
  }
  answered.push(answer);
  return answer;
}

interface SamplingRound {
  params: JsonObject;
  evidence: EvidenceInput;
}

/** Runs test_sampling_tools on `session`; returns the sampling requests, in order. */
async function runToolLoop(session: McpSession, answered: JsonObject[]): Promise<SamplingRound[]> {
  const params = { name: 'test_sampling_tools', arguments: {} };
  if (!session.stateless) {
    await session.request('tools/call', params);
    return session.serverRequests
      .filter((r) => r.method === 'sampling/createMessage')
      .map((r) => ({ params: r.params ?? {}, evidence: r.entry }));
  }
  const answer = (request: JsonObject): JsonObject =>
    request.method === 'sampling/createMessage'
      ? toolLoopAnswer(isObject(request.params) ? request.params : undefined, answered)
      : answerInput(request);
  const rounds: SamplingRound[] = [];
  for (const response of await untilComplete(session, 'tools/call', params, 4, answer))
    for (const request of Object.values(inputRequestsOf(response)))
      if (request.method === 'sampling/createMessage' && isObject(request.params))
        rounds.push({ params: request.params, evidence: response });
  return rounds;
}

/** Problems of the tool-use/tool-result pairing in one request's messages. */
function pairingProblems(params: JsonObject): string[] {
  const messages = messagesOf(params);
  const problems: string[] = [];
  messages.forEach((message, index) => {
    const uses = blocks(message).filter((b) => b.type === 'tool_use');
    if (message.role !== 'assistant' || uses.length === 0) return;
    const next = messages[index + 1];
    if (!next) return void problems.push(`message ${index} (tool uses) is the last message`);
    const content = blocks(next);
    if (next.role !== 'user')
      problems.push(`message ${index + 1} after the tool uses has role ${JSON.stringify(next.role)}`);
    const others = content.filter((b) => b.type !== 'tool_result').map((b) => String(b.type));
    if (others.length > 0) problems.push(`message ${index + 1} mixes tool results with ${others.join(', ')}`);
    const answered = new Set(content.filter((b) => b.type === 'tool_result').map((b) => b.toolUseId));
    const missing = uses.filter((u) => !answered.has(u.id)).map((u) => String(u.id));
    if (missing.length > 0) problems.push(`message ${index + 1} has no tool result for ${missing.join(', ')}`);
  });
  for (const [index, message] of messages.entries()) {
    if (!blocks(message).some((b) => b.type === 'tool_result')) continue;
    const others = blocks(message).filter((b) => b.type !== 'tool_result');
    if (others.length > 0 && !problems.some((p) => p.startsWith(`message ${index} mixes`)))
      problems.push(`message ${index} mixes tool results with ${others.map((b) => String(b.type)).join(', ')}`);
  }
  return problems;
}

/** tool_result blocks whose toolUseId names no earlier tool_use of the same request. */
function unknownResultIds(params: JsonObject): string[] {
  const uses = new Set<unknown>();
  const unknown: string[] = [];
  for (const message of messagesOf(params))
    for (const block of blocks(message)) {
      if (block.type === 'tool_use') uses.add(block.id);
      if (block.type === 'tool_result' && !uses.has(block.toolUseId)) unknown.push(String(block.toolUseId));
    }
  return unknown;
}

/** Problems of the request that continues after the harness answered `answer` with tool uses. */
function continuationProblems(answer: JsonObject, next: JsonObject): string[] {
  const ids = blocks(answer)
    .filter((b) => b.type === 'tool_use')
    .map((b) => b.id);
  const last = messagesOf(next).at(-1);
  if (!last) return ['the continuation has no messages'];
  const content = blocks(last);
  const problems: string[] = [];
  if (last.role !== 'user') problems.push(`its last message has role ${JSON.stringify(last.role)}`);
  const others = content.filter((b) => b.type !== 'tool_result').map((b) => String(b.type));
  if (others.length > 0) problems.push(`its last message also holds ${others.join(', ')}`);
  const answered = new Set(content.filter((b) => b.type === 'tool_result').map((b) => b.toolUseId));
  const missing = ids.filter((id) => !answered.has(id)).map(String);
  if (missing.length > 0) problems.push(`no tool result for ${missing.join(', ')}`);
  return problems;
}

/** The harness's default capabilities, with sampling.tools added. */
function withToolsDeclared(ctx: ServerContext): JsonObject {
  const capabilities = defaultClientCapabilities(ctx.revision);
  const sampling = isObject(capabilities.sampling) ? capabilities.sampling : {};
  return { ...capabilities, sampling: { ...sampling, tools: {} } };
}

export const fixtureElicitationScenarios: ServerScenario[] = [
  {
    id: 'fixture-elicitation-requests',
    title: 'Fixture: every elicitation request',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls every eliciting fixture tool (form, defaults, enums, URL, URL-required and the input_required ones) and checks each elicitation asked for: its mode, its URL, its formats, and that it asks for no secret; then, from a second session, checks that URL elicitation ids differ and that completion notifications reach only their initiator.',
    revisions: FROM_URL_MODE,
    checks: [
      check(
        'fixture.elicitation-mode-present',
        'MUST',
        'Every elicitation has mode "form" or "url", or leaves mode out and is a form request (has requestedSchema)',
        ['elicitation.request.mode', 'elicitation.form.mode-value'],
      ),
      check(
        'fixture.elicitation-url-shape',
        'MUST',
        'Every URL-mode elicitation (it has a url or elicitationId) sets mode "url" and a url that parses as a URL',
        ['elicitation.url.mode-url', 'elicitation.url.url-field', 'elicitation.url.valid-url'],
      ),
      check(
        'fixture.elicitation-string-formats',
        'MUST',
        'Every format in a form schema is email, uri, date or date-time',
        ['elicitation.form.string-formats'],
      ),
      check(
        'fixture.elicitation-no-sensitive-fields',
        'MUST NOT',
        'No form property is named or titled like a password, token, API key, card number or other secret, or has format "password"',
        ['elicitation.form.no-sensitive-data'],
      ),
      check(
        'fixture.elicitation-url-no-credentials',
        'MUST NOT',
        'No elicitation URL carries user info, a credential-named parameter (token, access_token, api_key, password, session, signature...), a token-like value or an e-mail address',
        ['elicitation.url.no-sensitive-in-url', 'elicitation.url.no-preauthenticated'],
      ),
      check(
        'fixture.elicitation-url-ids-unique',
        'MUST',
        'URL elicitations asked for in two sessions have pairwise different elicitationIds',
        ['elicitation.url.id-unique'],
        { era: 'stateful' },
      ),
      check(
        'fixture.elicitation-complete-initiator-only',
        'MUST',
        'A session receives no notifications/elicitation/complete for an elicitation sent to another session',
        ['elicitation.complete.only-initiator'],
        { era: 'stateful' },
      ),
    ],
    async run(ctx) {
      const handlers = { 'elicitation/create': inspectOnly };
      const session = await ctx.session({ handlers });
      ctx.requireCapability(session, 'tools');
      const other = ctx.stateless ? undefined : await ctx.session({ handlers });
      const seen = await collectElicitations(ctx, session);
      if (seen.length === 0 && !(await listsTool(ctx, session, 'test_elicitation')))
        return ctx.end(fixtureAbsent('eliciting tool (test_elicitation, test_elicitation_url...)'));
      const mine = urlIds(seen);
      let theirs: unknown[] = [];
      if (other) {
        if (await listsTool(ctx, other, 'test_elicitation_url'))
          await other.request('tools/call', { name: 'test_elicitation_url', arguments: {} });
        theirs = urlIds(collectFrom(other));
      }
      judgeElicitations(ctx, seen);
      if (!other) return;
      const ids = [...mine, ...theirs];
      const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (ids.length < 2)
        ctx.check('fixture.elicitation-url-ids-unique').skip('fewer than two URL elicitations were asked for');
      else
        ctx
          .check('fixture.elicitation-url-ids-unique')
          .verify(repeated.length === 0, `elicitationId ${JSON.stringify(repeated[0])} was used more than once`);
      await other.quiet(200);
      const strayHere = completions(session).filter((id) => theirs.includes(id) && !mine.includes(id));
      const strayThere = completions(other).filter((id) => mine.includes(id) && !theirs.includes(id));
      const stray = [...strayHere, ...strayThere];
      const handle = ctx.check('fixture.elicitation-complete-initiator-only');
      if (stray.length > 0)
        handle.violated(
          `a session received the completion of another session's elicitation ${JSON.stringify(stray[0])}`,
          ...[...session.notifications, ...other.notifications]
            .filter((n) => n.method === 'notifications/elicitation/complete')
            .map((n) => n.entry),
        );
      else if (completions(session).length + completions(other).length === 0)
        handle.skip('the server sent no notifications/elicitation/complete (it is optional)');
      else handle.pass();
    },
  },
  {
    id: 'fixture-url-elicitation-required',
    title: 'Fixture: the URL-elicitation-required error',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_url_elicitation_required, which cannot run until the user completed a URL elicitation, and checks the -32042 error and the elicitations it lists.',
    revisions: STATEFUL_URL_MODE,
    checks: [
      check(
        'fixture.url-elicitation-required-error',
        'MUST',
        'test_url_elicitation_required is answered with error -32042 listing a non-empty error.data.elicitations',
        ['elicitation.errors.server-url-required', 'elicitation.url-required.list'],
      ),
      check(
        'fixture.url-elicitation-required-entries',
        'MUST',
        'Every elicitation listed in the -32042 error has mode "url", an elicitationId, a message and a valid url',
        ['elicitation.url-required.has-id', 'elicitation.url-required.url-mode-only'],
      ),
    ],
    async run(ctx) {
      const session = await ctx.session();
      ctx.requireCapability(session, 'tools');
      const response = await callFixture(ctx, session, 'test_url_elicitation_required', {}, ownChecks(ctx));
      if (!response) return;
      const data = isObject(response.error?.data) ? response.error.data : {};
      const listed = Array.isArray(data.elicitations) ? data.elicitations : [];
      const ok = errorCode(response) === -32042 && listed.length > 0;
      if (
        !ctx
          .check('fixture.url-elicitation-required-error')
          .verify(ok, `the call was answered with ${describe(response)}`, response)
      )
        return ctx.end('no -32042 error to look into');
      const problems = listed.flatMap((entry, index) => {
        if (!isObject(entry)) return [`entry ${index} is not an object`];
        const found: string[] = [];
        if (entry.mode !== 'url') found.push(`entry ${index} has mode ${JSON.stringify(entry.mode)}`);
        if (typeof entry.elicitationId !== 'string' || entry.elicitationId === '')
          found.push(`entry ${index} has no elicitationId`);
        if (typeof entry.message !== 'string') found.push(`entry ${index} has no message`);
        if (!validUrl(entry.url)) found.push(`entry ${index} has no valid url`);
        return found;
      });
      ctx
        .check('fixture.url-elicitation-required-entries')
        .verify(problems.length === 0, problems.join('; '), response);
    },
  },
  {
    id: 'fixture-mrtr-elicitation-outcomes',
    title: 'Fixture: elicitation modes, refusals and failures in input_required rounds',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls the eliciting fixture tools from requests declaring form mode only or an empty elicitation object, then retries test_input_required_result_elicitation with a declined, a cancelled and a malformed answer.',
    revisions: STATELESS,
    checks: [
      check(
        'fixture.mrtr-elicitation-url-undeclared',
        'MUST NOT',
        'A request declaring form elicitation only gets no URL-mode elicitation in inputRequests (test_elicitation_url)',
        ['elicitation.capability.mode-not-declared'],
      ),
      check(
        'fixture.mrtr-elicitation-empty-means-form',
        'MUST',
        'A request declaring an empty elicitation object gets the form elicitation of test_input_required_result_elicitation',
        ['elicitation.capability.empty-means-form'],
      ),
      check(
        'fixture.mrtr-elicitation-decline-cancel',
        'MUST',
        'Retries answering the elicitation with action "decline" and with "cancel" are each answered with a result, not a JSON-RPC error',
        ['elicitation.errors.handle-decline-cancel'],
      ),
      check(
        'fixture.mrtr-elicitation-client-failure',
        'MUST',
        'A retry whose answer to the elicitation is malformed ({} without action) is answered with a result or -32602, not an internal error or silence',
        ['elicitation.errors.handle-client-failure'],
      ),
    ],
    async run(ctx) {
      const probe = await ctx.session();
      ctx.requireCapability(probe, 'tools');
      if (await listsTool(ctx, probe, 'test_elicitation_url')) {
        const formOnly = await ctx.session({ capabilities: { elicitation: { form: {} } } });
        const response = await formOnly.request('tools/call', { name: 'test_elicitation_url', arguments: {} });
        const urls = Object.values(inputRequestsOf(response)).filter(
          (r) => r.method === 'elicitation/create' && isObject(r.params) && isUrlShaped(r.params),
        );
        ctx
          .check('fixture.mrtr-elicitation-url-undeclared')
          .verify(urls.length === 0, 'inputRequests holds a URL-mode elicitation for a form-only client', response);
      } else ctx.check('fixture.mrtr-elicitation-url-undeclared').skip(fixtureAbsent('tool "test_elicitation_url"'));

      const name = 'test_input_required_result_elicitation';
      if (!(await listsTool(ctx, probe, name))) return ctx.end(fixtureAbsent(`tool "${name}"`));
      const params = { name, arguments: {} };
      const empty = await ctx.session({ capabilities: { elicitation: {} } });
      const asked = await empty.request('tools/call', params);
      const forms = Object.values(inputRequestsOf(asked)).filter(
        (r) => r.method === 'elicitation/create' && isObject(r.params) && !isUrlShaped(r.params),
      );
      ctx
        .check('fixture.mrtr-elicitation-empty-means-form')
        .verify(forms.length > 0, `the call was answered with ${describe(asked)}`, asked);

      const first = await probe.request('tools/call', params);
      const keys = Object.entries(inputRequestsOf(first))
        .filter(([, r]) => r.method === 'elicitation/create')
        .map(([key]) => key);
      if (!inputRequired(first) || keys.length === 0) return ctx.end(`no elicitation to answer: ${describe(first)}`);
      const answerWith = (value: JsonObject): JsonObject => {
        const body: JsonObject = { ...params, inputResponses: Object.fromEntries(keys.map((k) => [k, value])) };
        if (typeof first.result?.requestState === 'string') body.requestState = first.result.requestState;
        return body;
      };
      for (const action of ['decline', 'cancel']) {
        const answered = await probe.request('tools/call', answerWith({ action }));
        ctx
          .check('fixture.mrtr-elicitation-decline-cancel')
          .verify(
            answered.result !== undefined,
            `the "${action}" answer was answered with ${describe(answered)}`,
            answered,
          );
      }
      const message = probe.buildRequest('tools/call', answerWith({}));
      const failed = await probe.requestRaw(message, message.id as string | number);
      const coped = failed !== undefined && (failed.result !== undefined || errorCode(failed) === -32602);
      ctx
        .check('fixture.mrtr-elicitation-client-failure')
        .verify(coped, `the malformed answer was answered with ${describe(failed)}`, failed);
    },
  },
  {
    id: 'fixture-sampling-tools',
    title: 'Fixture: the sampling tool loop',
    area: 'interactions',
    depth: 'fixture',
    description:
      'Calls test_sampling_tools from a client declaring sampling.tools; the harness model asks for two tool uses, then answers with text. Checks every sampling request pairs each tool use with a tool result, and that the continuation answers both uses with tool results only; then calls it from a client declaring sampling without tools.',
    revisions: FROM_URL_MODE,
    checks: [
      check(
        'fixture.sampling-tool-loop-messages',
        'MUST',
        'In every sampling request, an assistant message with tool_use blocks is followed directly by a user message of tool_result blocks only, one per tool use',
        [
          'sampling.messages.tool-use-followed-by-results',
          'sampling.messages.tool-use-each-matched',
          'sampling.messages.tool-results-only',
        ],
      ),
      check(
        'fixture.sampling-tool-result-ids',
        'MUST',
        'Every tool_result block names, in toolUseId, a tool_use block earlier in the same request',
        ['sampling.tool-result.matches-previous-use'],
      ),
      check(
        'fixture.sampling-tool-loop-continuation',
        'MUST',
        'After the harness answered with stopReason "toolUse" and two tool uses, the next sampling request ends with a user message holding a tool_result for each, and nothing else',
        ['sampling.security.tool-results-complete', 'sampling.security.tool-results-only'],
      ),
      check(
        'fixture.sampling-tools-undeclared',
        'MUST NOT',
        'A client that declares sampling without sampling.tools is sent no sampling request carrying tools or toolChoice',
        ['sampling.tools.no-undeclared'],
      ),
    ],
    async run(ctx) {
      const answered: JsonObject[] = [];
      const session = await ctx.session({
        capabilities: withToolsDeclared(ctx),
        handlers: { 'sampling/createMessage': (params) => toolLoopAnswer(params, answered) },
      });
      ctx.requireCapability(session, 'tools');
      if (!(await listsTool(ctx, session, 'test_sampling_tools')))
        return ctx.end(fixtureAbsent('tool "test_sampling_tools"'));
      const rounds = await runToolLoop(session, answered);
      const withTools = rounds.filter((r) => Array.isArray(r.params.tools) && r.params.tools.length > 0);
      if (withTools.length === 0)
        skipChecks(
          ctx,
          [
            'fixture.sampling-tool-loop-messages',
            'fixture.sampling-tool-result-ids',
            'fixture.sampling-tool-loop-continuation',
          ],
          'test_sampling_tools offered the model no tools',
        );
      else {
        const pairing = rounds.flatMap((r, i) => pairingProblems(r.params).map((p) => `request ${i + 1}: ${p}`));
        ctx
          .check('fixture.sampling-tool-loop-messages')
          .verify(pairing.length === 0, pairing.join('; '), ...rounds.map((r) => r.evidence));
        const unknown = rounds.flatMap((r) => unknownResultIds(r.params));
        ctx
          .check('fixture.sampling-tool-result-ids')
          .verify(
            unknown.length === 0,
            `tool results for unknown tool uses: ${unknown.join(', ')}`,
            ...rounds.map((r) => r.evidence),
          );
        const toolUse = answered.findIndex((a) => a.stopReason === 'toolUse');
        const next = toolUse >= 0 ? rounds[toolUse + 1] : undefined;
        if (!next)
          ctx.check('fixture.sampling-tool-loop-continuation').skip('the server did not continue after the tool uses');
        else {
          const problems = continuationProblems(answered[toolUse]!, next.params);
          ctx
            .check('fixture.sampling-tool-loop-continuation')
            .verify(problems.length === 0, `the continuation: ${problems.join('; ')}`, next.evidence);
        }
      }
      const plainAnswers: JsonObject[] = [];
      const plain = await ctx.session({
        capabilities: { sampling: {} },
        handlers: { 'sampling/createMessage': (params) => toolLoopAnswer(params, plainAnswers) },
      });
      const plainRounds = await runToolLoop(plain, plainAnswers);
      const offending = plainRounds.filter((r) => r.params.tools !== undefined || r.params.toolChoice !== undefined);
      ctx
        .check('fixture.sampling-tools-undeclared')
        .verify(
          offending.length === 0,
          'a sampling request offered tools to a client without sampling.tools',
          offending[0]?.evidence,
        );
    },
  },
];

/** Every elicitation request a session received. */
function collectFrom(session: McpSession): Elicitation[] {
  return session.serverRequests
    .filter((r) => r.method === 'elicitation/create')
    .map((r) => ({ params: r.params ?? {}, evidence: r.entry, origin: 'elicitation/create' }));
}
