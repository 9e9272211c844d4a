import { describe, expect, it } from 'vitest';
import { formatErrors, validate } from '../../../schema/index.ts';
import { methodMap } from '../../src/protocol/methods.ts';
import type { JsonRpcMessage, RequestContext } from '../../src/transport/server-session.ts';
import { FAULTS, createReferenceServer, type ReferenceSession } from './server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test messages are read loosely
type Msg = Record<string, any>;
const STATEFUL = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'];
const V = '2026-07-28';

/** Validates a message the server sent against the schema of `revision`, failing the test with the errors. */
function expectValid(revision: string, method: string, message: Msg): void {
  const map = methodMap(revision);
  let definition: string | undefined;
  let value: unknown = message;
  if ('error' in message) definition = map.envelopes.errorResponse;
  else if ('result' in message) {
    definition =
      message.result.resultType === 'input_required' ? 'InputRequiredResult' : map.requests.get(method)?.result;
    value = message.result;
  } else definition = (map.requests.get(message.method) ?? map.notifications.get(message.method))?.definition;
  expect(definition, `no definition for ${method} at ${revision}`).toBeDefined();
  const outcome = validate(revision, definition!, value);
  expect(
    outcome.valid,
    `${revision} ${definition}: ${formatErrors(outcome.errors).join('; ')}\n${JSON.stringify(message)}`,
  ).toBe(true);
}

class Client {
  readonly emitted: Msg[] = [];
  readonly unsolicited: Msg[] = [];
  private id = 0;
  readonly session: ReferenceSession;
  constructor(
    readonly revision: string,
    fault?: string,
    server = createReferenceServer({ fault }),
  ) {
    this.session = server.createSession({ transport: 'stdio' });
    this.session.onUnsolicited((m) => this.unsolicited.push(m));
  }
  context(controller = new AbortController(), onEmit?: (m: Msg) => void): RequestContext {
    return {
      emit: (m: JsonRpcMessage) => {
        this.emitted.push(m);
        onEmit?.(m);
      },
      signal: controller.signal,
    };
  }
  async raw(message: Msg, context = this.context()): Promise<Msg | undefined> {
    return (await this.session.handle(message, context)) as Msg | undefined;
  }
  meta(extra: Msg = {}, capabilities: Msg = {}): Msg {
    return {
      'io.modelcontextprotocol/protocolVersion': V,
      'io.modelcontextprotocol/clientCapabilities': capabilities,
      'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1' },
      ...extra,
    };
  }
  /** Sends a request; in the stateless era `_meta` is added. Validates the response against the schema. */
  async request(method: string, params: Msg = {}, options: { capabilities?: Msg; meta?: Msg } = {}): Promise<Msg> {
    const full =
      this.revision === V
        ? { ...params, _meta: { ...this.meta(options.meta, options.capabilities), ...params._meta } }
        : params;
    const message: Msg = { jsonrpc: '2.0', id: ++this.id, method };
    if (Object.keys(full).length > 0 || this.revision === V) message.params = full;
    const response = await this.raw(message);
    expect(response).toBeDefined();
    expect(response!.id).toBe(message.id);
    expectValid(this.revision, method, response!);
    for (const m of this.emitted) if (m.method) expectValid(this.revision, m.method, m);
    return response!;
  }
  async init(capabilities: Msg = {}): Promise<Msg> {
    const r = await this.request('initialize', {
      protocolVersion: this.revision,
      capabilities,
      clientInfo: { name: 'test', version: '1' },
    });
    await this.raw({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return r;
  }
  async listAll(method: string, key: string): Promise<Msg[]> {
    const items: Msg[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await this.request(method, cursor ? { cursor } : {});
      items.push(...r.result[key]);
      cursor = r.result.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(2);
    return items;
  }
}

async function ready(revision: string, fault?: string, capabilities: Msg = {}): Promise<Client> {
  const c = new Client(revision, fault);
  if (revision !== V) await c.init(capabilities);
  return c;
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('lifecycle and negotiation', () => {
  it.each(STATEFUL)('negotiates %s and answers schema-valid results', async (revision) => {
    const c = new Client(revision);
    const r = await c.init();
    expect(r.result.protocolVersion).toBe(revision);
    expect(r.result.capabilities.tools).toEqual({ listChanged: true });
  });

  it('answers an unknown version with the latest stateful one', async () => {
    const c = new Client('2025-11-25');
    const r = await c.raw({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2023-01-01', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    });
    expect(r!.result.protocolVersion).toBe('2025-11-25');
  });

  it('refuses requests before initialize, but answers ping', async () => {
    const c = new Client('2025-06-18');
    const r = await c.raw({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(r!.error.code).toBe(-32602);
    expect((await c.raw({ jsonrpc: '2.0', id: 2, method: 'ping' }))!.result).toEqual({});
  });

  it('refuses a second initialize', async () => {
    const c = await ready('2025-11-25');
    const r = await c.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'x', version: '1' },
    });
    expect(r.error.code).toBe(-32600);
  });

  it('maps unknown methods to -32601, bad params to -32602, malformed messages to -32600', async () => {
    const c = await ready('2025-11-25');
    expect((await c.request('no/such/method')).error.code).toBe(-32601);
    expect((await c.request('resources/read', {})).error.code).toBe(-32602);
    expect((await c.request('logging/setLevel', { level: 'loud' })).error.code).toBe(-32602);
    expect((await c.raw({ id: 9, method: 'ping' }))!.error).toMatchObject({ code: -32600 });
    expect((await c.raw({ jsonrpc: '2.0', id: 9, method: 5 }))!).toMatchObject({ id: 9, error: { code: -32600 } });
    // A method a later revision added is unknown in an earlier one.
    const old = await ready('2024-11-05');
    expect((await old.request('tasks/list')).error.code).toBe(-32601);
  });

  it('gives a parse error with id null', () => {
    expect(createReferenceServer().parseError()).toMatchObject({ id: null, error: { code: -32700 } });
  });

  it('accepts batches in 2025-03-26 only', async () => {
    const c = await ready('2025-03-26');
    const out = (await c.session.handleBatch(
      [
        { jsonrpc: '2.0', id: 'a', method: 'ping' },
        { jsonrpc: '2.0', method: 'notifications/roots/list_changed' },
        { jsonrpc: '2.0', id: 'b', method: 'tools/list' },
      ],
      c.context(),
    )) as Msg[];
    expect(out.map((m) => m.id)).toEqual(['a', 'b']);
    expect(validate('2025-03-26', 'JSONRPCBatchResponse', out).valid).toBe(true);
    for (const revision of ['2024-11-05', '2025-06-18', '2025-11-25']) {
      const other = await ready(revision);
      const r = (await other.session.handleBatch([{ jsonrpc: '2.0', id: 1, method: 'ping' }], other.context())) as Msg;
      expect(r).toMatchObject({ id: null, error: { code: -32600 } });
    }
    expect(await c.session.handleBatch([], c.context())).toMatchObject({ error: { code: -32600 } });
  });
});

describe.each([...STATEFUL, V])('features at %s', (revision) => {
  it('pages tools, resources, templates and prompts', async () => {
    const c = await ready(revision);
    const tools = await c.listAll('tools/list', 'tools');
    const names = tools.map((t) => t.name);
    expect(names).toContain('test_simple_text');
    expect(new Set(names).size).toBe(names.length);
    expect(names.includes('test_audio_content')).toBe(revision !== '2024-11-05');
    for (const t of tools) expect(t.description).toBeTruthy();
    const resources = await c.listAll('resources/list', 'resources');
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(['test://static-text', 'test://static-binary']));
    const templates = await c.listAll('resources/templates/list', 'resourceTemplates');
    expect(templates.map((t) => t.uriTemplate)).toContain('test://template/{id}/data');
    const prompts = await c.listAll('prompts/list', 'prompts');
    expect(prompts.map((p) => p.name)).toContain('test_prompt_with_arguments');
    expect((await c.request('tools/list', { cursor: 'bogus' })).error.code).toBe(-32602);
  });

  it('calls content tools', async () => {
    const c = await ready(revision);
    const call = async (name: string, args: Msg = {}): Promise<Msg> =>
      (await c.request('tools/call', { name, arguments: args })).result;
    expect((await call('test_simple_text')).content[0].text).toBe('This is a simple text response for testing.');
    expect((await call('test_image_content')).content[0]).toMatchObject({ type: 'image', mimeType: 'image/png' });
    expect((await call('test_embedded_resource')).content[0].resource.uri).toBe('test://embedded-resource');
    expect((await call('test_multiple_content_types')).content.map((b: Msg) => b.type)).toEqual([
      'text',
      'image',
      'resource',
    ]);
    const failed = await call('test_error_handling');
    expect(failed.isError).toBe(true);
    expect(failed.content[0].text).toBe('This tool intentionally returns an error for testing');
    const unknown = await c.request('tools/call', { name: 'nope' });
    expect(unknown.error.code).toBe(-32602);
    if (revision >= '2025-06-18') {
      const structured = await call('test_structured_content', { city: 'Oslo' });
      expect(structured.structuredContent).toMatchObject({ conditions: 'Sunny in Oslo' });
      expect(JSON.parse(structured.content[0].text)).toEqual(structured.structuredContent);
    }
  });

  it('reads resources and templates, and reports missing ones', async () => {
    const c = await ready(revision);
    const text = await c.request('resources/read', { uri: 'test://static-text' });
    expect(text.result.contents[0].text).toBe('This is the content of the static text resource.');
    const blob = await c.request('resources/read', { uri: 'test://static-binary' });
    expect(blob.result.contents[0].blob).toBeTruthy();
    const t = await c.request('resources/read', { uri: 'test://template/123/data' });
    expect(JSON.parse(t.result.contents[0].text)).toMatchObject({ id: '123', templateTest: true });
    const missing = await c.request('resources/read', { uri: 'test://nonexistent-resource-for-conformance-testing' });
    expect(missing.error.code).toBe(revision === V ? -32602 : -32002);
    expect(missing.error.data.uri).toBe('test://nonexistent-resource-for-conformance-testing');
  });

  it('gets prompts and refuses a missing required argument', async () => {
    const c = await ready(revision);
    const r = await c.request('prompts/get', {
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'a', arg2: 'b' },
    });
    expect(r.result.messages[0].content.text).toBe("Prompt with arguments: arg1='a', arg2='b'");
    expect(
      (await c.request('prompts/get', { name: 'test_prompt_with_arguments', arguments: { arg1: 'a' } })).error.code,
    ).toBe(-32602);
    expect((await c.request('prompts/get', { name: 'nope' })).error.code).toBe(-32602);
    const image = await c.request('prompts/get', { name: 'test_prompt_with_image' });
    expect(image.result.messages[0].content.type).toBe('image');
  });

  it('completes with at most 100 values', async () => {
    const c = await ready(revision);
    const r = await c.request('completion/complete', {
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'v' },
    });
    expect(r.result.completion.values).toHaveLength(100);
    expect(r.result.completion).toMatchObject({ total: 120, hasMore: true });
    const t = await c.request('completion/complete', {
      ref: { type: 'ref/resource', uri: 'test://items/{category}/{item}' },
      argument: { name: 'item', value: 'ap' },
      ...(revision >= '2025-06-18' ? { context: { arguments: { category: 'fruit' } } } : {}),
    });
    expect(t.result.completion.values).toEqual(['apple', 'apricot']);
  });

  it('reports progress with the echoed token, monotonic, and none after the response', async () => {
    const c = await ready(revision);
    const r = await c.request('tools/call', { name: 'test_tool_with_progress', _meta: { progressToken: 'p-1' } });
    const progress = c.emitted.filter((m) => m.method === 'notifications/progress').map((m) => m.params);
    expect(progress.map((p) => p.progress)).toEqual([0, 50, 100]);
    expect(progress.every((p) => p.progressToken === 'p-1')).toBe(true);
    expect(r.result.content[0].text).toBe('p-1');
    const count = c.emitted.length;
    await tick(30);
    expect(c.emitted.length).toBe(count);
  });
});

describe('stateful utilities', () => {
  it('filters log messages by logging/setLevel', async () => {
    const c = await ready('2025-11-25');
    await c.request('logging/setLevel', { level: 'debug' });
    await c.request('tools/call', { name: 'test_tool_with_logging' });
    expect(c.emitted.filter((m) => m.method === 'notifications/message').map((m) => m.params.data)).toEqual([
      'Tool execution started',
      'Tool processing data',
      'Tool execution completed',
    ]);
    c.emitted.length = 0;
    await c.request('logging/setLevel', { level: 'warning' });
    await c.request('tools/call', { name: 'test_tool_with_logging' });
    expect(c.emitted).toEqual([]);
  });

  it('sends no response after notifications/cancelled', async () => {
    const c = await ready('2025-11-25');
    const pending = c.raw({ jsonrpc: '2.0', id: 'slow', method: 'tools/call', params: { name: 'test_long_running' } });
    await tick(20);
    await c.raw({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'slow', reason: 'test' } });
    expect(await pending).toBeUndefined();
    // Cancelling an unknown id is ignored.
    expect(
      await c.raw({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'zzz' } }),
    ).toBeUndefined();
  });

  it('runs task-augmented tool calls as tasks (2025-11-25)', async () => {
    const c = await ready('2025-11-25');
    const call = async (name: string, args: Msg, task?: Msg): Promise<Msg> =>
      (await c.raw({
        jsonrpc: '2.0',
        id: `${name}-${Math.random()}`,
        method: 'tools/call',
        params: { name, arguments: args, ...(task ? { task } : {}) },
      }))!;
    expect((await call('test_task_required', {})).error.code).toBe(-32601);
    expect((await call('test_simple_text', {}, { ttl: 1000 })).error.code).toBe(-32601);

    const created = await call('test_task_required', { durationMs: 0 }, { ttl: 60_000 });
    expect(validate('2025-11-25', 'CreateTaskResult', created.result).valid).toBe(true);
    expect(created.result.task).toMatchObject({ status: 'working', ttl: 60_000 });
    const taskId = created.result.task.taskId as string;
    const result = await c.request('tasks/result', { taskId });
    expect(result.result.content).toEqual([{ type: 'text', text: 'Task finished after 0 ms' }]);
    expect(result.result._meta['io.modelcontextprotocol/related-task']).toEqual({ taskId });
    expect((await c.request('tasks/get', { taskId })).result.status).toBe('completed');
    expect((await c.request('tasks/cancel', { taskId })).error.code).toBe(-32602);

    const long = await call('test_task_required', { durationMs: 60_000 }, {});
    const longId = long.result.task.taskId as string;
    expect((await c.request('tasks/cancel', { taskId: longId })).result.status).toBe('cancelled');
    expect((await c.request('tasks/get', { taskId: longId })).result.status).toBe('cancelled');
    await call('test_task_optional', {}, {});
    const listed = await c.listAll('tasks/list', 'tasks');
    expect(listed.map((t) => t.taskId)).toContain(longId);
    expect(listed).toHaveLength(3);
    expect((await c.request('tasks/get', { taskId: 'nope' })).error.code).toBe(-32602);
    expect((await c.request('tasks/list', { cursor: 'nope' })).error.code).toBe(-32602);

    const statuses = c.unsolicited.filter((m) => m.method === 'notifications/tasks/status');
    for (const m of statuses) expectValid('2025-11-25', m.method, m);
    expect(statuses.map((m) => m.params.status)).toEqual(['completed', 'cancelled', 'completed']);
    c.session.close();
  });

  it('subscribes to resource updates and list changes', async () => {
    const server = createReferenceServer();
    const a = new Client('2025-11-25', undefined, server);
    const b = new Client('2025-11-25', undefined, server);
    await a.init();
    await b.init();
    await a.request('resources/subscribe', { uri: 'test://watched-resource' });
    await b.request('tools/call', { name: 'test_trigger_resource_update' });
    expect(a.unsolicited).toContainEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'test://watched-resource' },
    });
    expect(b.unsolicited.some((m) => m.method === 'notifications/resources/updated')).toBe(false);
    await a.request('resources/unsubscribe', { uri: 'test://watched-resource' });
    a.unsolicited.length = 0;
    await b.request('tools/call', { name: 'test_trigger_tool_change' });
    expect(a.unsolicited).toEqual([{ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }]);
    for (const m of a.unsolicited) expectValid('2025-11-25', m.method, m);
  });

  it('sends sampling, elicitation and roots requests and resolves them with the client answers', async () => {
    const c = await ready('2025-11-25', undefined, { sampling: {}, elicitation: { form: {}, url: {} }, roots: {} });
    const answer = (m: Msg): void => {
      if (m.id === undefined || !m.method) return;
      expectValid('2025-11-25', m.method, m);
      const result =
        m.method === 'sampling/createMessage'
          ? { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm' }
          : m.method === 'roots/list'
            ? { roots: [{ uri: 'file:///a' }, { uri: 'file:///b' }] }
            : { action: 'accept', ...(m.params.mode === 'url' ? {} : { content: { response: 'yes' } }) };
      setTimeout(() => void c.session.handle({ jsonrpc: '2.0', id: m.id, result }, c.context()), 1);
    };
    const call = async (name: string, args: Msg = {}): Promise<string> =>
      (
        (await c.session.handle(
          { jsonrpc: '2.0', id: name, method: 'tools/call', params: { name, arguments: args } },
          c.context(new AbortController(), answer),
        )) as Msg
      ).result.content[0].text;
    expect(await call('test_sampling', { prompt: 'Capital?' })).toBe('LLM response: Paris');
    expect(await call('test_elicitation', { message: 'Hi' })).toBe(
      'User response: action=accept, content={"response":"yes"}',
    );
    expect(await call('test_list_roots')).toBe('Found 2 root(s)');
    expect(await call('test_elicitation_url')).toBe('URL elicitation: action=accept');
    expect(c.emitted.some((m) => m.method === 'notifications/elicitation/complete')).toBe(true);
  });

  it('does not send requests for undeclared capabilities', async () => {
    const c = await ready('2025-11-25');
    const r = await c.request('tools/call', { name: 'test_sampling', arguments: { prompt: 'x' } });
    expect(r.result.isError).toBe(true);
    expect(c.emitted).toEqual([]);
  });
});

describe('stateless era', () => {
  it('rejects missing _meta fields with -32602 and unknown versions with -32022', async () => {
    const c = new Client(V);
    const send = (params: Msg): Promise<Msg | undefined> =>
      c.raw({ jsonrpc: '2.0', id: 1, method: 'tools/list', params });
    expect((await send({}))!.error.code).toBe(-32602);
    expect((await send({ _meta: { 'io.modelcontextprotocol/clientCapabilities': {} } }))!.error.code).toBe(-32602);
    expect((await send({ _meta: { 'io.modelcontextprotocol/protocolVersion': V } }))!.error.code).toBe(-32602);
    const unsupported = (await send({ _meta: c.meta({ 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' }) }))!;
    expect(unsupported.error).toMatchObject({ code: -32022, data: { requested: 'v999.0.0' } });
    expect(unsupported.error.data.supported).toContain(V);
    expect(validate(V, 'UnsupportedProtocolVersionError', unsupported).valid).toBe(true);
    const noInfo = await send({
      _meta: { 'io.modelcontextprotocol/protocolVersion': V, 'io.modelcontextprotocol/clientCapabilities': {} },
    });
    expect(noInfo!.result.tools.length).toBeGreaterThan(0);
  });

  it('answers server/discover with caching hints and identity', async () => {
    const c = new Client(V);
    const r = await c.request('server/discover');
    expect(r.result).toMatchObject({ resultType: 'complete', cacheScope: 'public' });
    expect(r.result.supportedVersions).toContain(V);
    expect(r.result._meta['io.modelcontextprotocol/serverInfo'].name).toBeTruthy();
  });

  it('treats removed and unknown methods as -32601', async () => {
    const c = new Client(V);
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'no/such']) {
      expect((await c.raw({ jsonrpc: '2.0', id: method, method, params: { _meta: c.meta() } }))!.error.code).toBe(
        -32601,
      );
    }
  });

  it('returns MissingRequiredClientCapabilityError', async () => {
    const c = new Client(V);
    const r = (await c.raw({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'test_missing_capability', _meta: c.meta() },
    }))!;
    expect(r.error).toMatchObject({ code: -32021, data: { requiredCapabilities: { sampling: {} } } });
    expect(validate(V, 'MissingRequiredClientCapabilityError', r).valid).toBe(true);
    const ok = await c.request('tools/call', { name: 'test_missing_capability' }, { capabilities: { sampling: {} } });
    expect(ok.result.content[0].text).toBe('Success');
  });

  it('sends log messages only when logLevel is given', async () => {
    const c = new Client(V);
    await c.request('tools/call', { name: 'test_tool_with_logging' });
    expect(c.emitted.filter((m) => m.method === 'notifications/message')).toEqual([]);
    await c.request(
      'tools/call',
      { name: 'test_tool_with_logging' },
      { meta: { 'io.modelcontextprotocol/logLevel': 'info' } },
    );
    expect(c.emitted.filter((m) => m.method === 'notifications/message')).toHaveLength(3);
  });

  it('runs multi round-trip input with a verified requestState', async () => {
    const c = new Client(V);
    const caps = { elicitation: {} };
    const first = await c.request(
      'tools/call',
      { name: 'test_input_required_result_multi_round' },
      { capabilities: caps },
    );
    expect(first.result.resultType).toBe('input_required');
    expect(Object.keys(first.result.inputRequests)).toEqual(['step1']);
    const second = await c.request(
      'tools/call',
      {
        name: 'test_input_required_result_multi_round',
        inputResponses: { step1: { action: 'accept', content: { name: 'Ada' } } },
        requestState: first.result.requestState,
      },
      { capabilities: caps },
    );
    expect(Object.keys(second.result.inputRequests)).toEqual(['step2']);
    const third = await c.request(
      'tools/call',
      {
        name: 'test_input_required_result_multi_round',
        inputResponses: { step2: { action: 'accept', content: { color: 'green' } } },
        requestState: second.result.requestState,
      },
      { capabilities: caps },
    );
    expect(third.result.content[0].text).toBe('Multi-round complete for Ada who likes green');
    const tampered = await c.request(
      'tools/call',
      {
        name: 'test_input_required_result_multi_round',
        requestState: `${String(second.result.requestState).slice(0, -2)}xx`,
      },
      { capabilities: caps },
    );
    expect(tampered.error.code).toBe(-32602);
  });

  it('asks only for declared capabilities in inputRequests', async () => {
    const c = new Client(V);
    const r = await c.request(
      'tools/call',
      { name: 'test_input_required_result_capabilities' },
      { capabilities: { sampling: {} } },
    );
    expect(Object.keys(r.result.inputRequests)).toEqual(['sample_input']);
    const none = await c.request('tools/call', { name: 'test_input_required_result_capabilities' });
    expect(none.result.content[0].text).toBe('No supported capabilities declared');
    const prompt = await c.request(
      'prompts/get',
      { name: 'test_input_required_result_prompt' },
      { capabilities: { elicitation: {} } },
    );
    expect(prompt.result.resultType).toBe('input_required');
  });

  it('acknowledges subscriptions first, tags and filters notifications, and closes gracefully', async () => {
    const server = createReferenceServer();
    const c = new Client(V, undefined, server);
    const listening = c.raw({
      jsonrpc: '2.0',
      id: 'sub-1',
      method: 'subscriptions/listen',
      params: { notifications: { promptsListChanged: true }, _meta: c.meta() },
    });
    await tick();
    const other = new Client(V, undefined, server);
    await other.request('tools/call', { name: 'test_trigger_tool_change' });
    await other.request('tools/call', { name: 'test_trigger_prompt_change' });
    expect(c.emitted.map((m) => m.method)).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/prompts/list_changed',
    ]);
    for (const m of c.emitted) {
      expect(m.params._meta['io.modelcontextprotocol/subscriptionId']).toBe('sub-1');
      expectValid(V, m.method, m);
    }
    c.session.close();
    const closing = (await listening)!;
    expect(closing.result._meta['io.modelcontextprotocol/subscriptionId']).toBe('sub-1');
    expectValid(V, 'subscriptions/listen', closing);
  });

  it('ends a cancelled subscription without a response', async () => {
    const c = new Client(V);
    const listening = c.raw({
      jsonrpc: '2.0',
      id: 7,
      method: 'subscriptions/listen',
      params: { notifications: { toolsListChanged: true }, _meta: c.meta() },
    });
    await tick();
    await c.raw({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7 } });
    expect(await listening).toBeUndefined();
  });

  it('checks Mcp-Param headers against x-mcp-header arguments over HTTP', async () => {
    const c = new Client(V);
    const call = (headers: Record<string, string>): Promise<Msg | undefined> =>
      c.session.handle(
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'test_header_parameter', arguments: { region: 'Zürich', priority: 3 }, _meta: c.meta() },
        },
        { ...c.context(), headers },
      ) as Promise<Msg | undefined>;
    const ok = await call({
      'mcp-param-region': `=?base64?${Buffer.from('Zürich').toString('base64')}?=`,
      'mcp-param-priority': '3',
    });
    expect(ok!.result.content[0].text).toBe('region=Zürich priority=3');
    expect((await call({ 'mcp-param-region': 'Bern', 'mcp-param-priority': '3' }))!.error.code).toBe(-32020);
    expect((await call({ 'mcp-param-priority': '3' }))!.error.code).toBe(-32020);
  });
});

describe('faults', () => {
  it('lists every fault with a description', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(20);
    for (const f of FAULTS) expect(f).toMatch(/^[a-z0-9-]+: .+/);
    expect(() => createReferenceServer({ fault: 'no-such-fault' })).toThrow();
  });

  it('each fault changes observable behaviour', async () => {
    const wrong = await new Client('2025-06-18', 'wrong-protocol-version').init();
    expect(wrong.result.protocolVersion).not.toBe('2025-06-18');

    const noType = new Client(V, 'missing-result-type');
    expect(
      (await noType.raw({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: noType.meta() } }))!.result
        .resultType,
    ).toBeUndefined();

    const noPages = await ready('2025-11-25', 'tools-list-no-pagination');
    const p1 = await noPages.request('tools/list');
    const p2 = await noPages.request('tools/list', { cursor: p1.result.nextCursor });
    expect(p2.result.tools).toEqual(p1.result.tools);

    const unknownTool = await ready('2025-11-25', 'unknown-tool-as-result');
    expect(
      (await unknownTool.raw({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } }))!.result.isError,
    ).toBe(true);

    const mono = await ready('2025-11-25', 'progress-not-monotonic');
    await mono.raw({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'test_tool_with_progress', _meta: { progressToken: 1 } },
    });
    expect(mono.emitted.map((m) => m.params.progress)).toEqual([0, 50, 25]);

    const cancel = await ready('2025-11-25', 'response-after-cancel');
    const pending = cancel.raw({
      jsonrpc: '2.0',
      id: 'c',
      method: 'tools/call',
      params: { name: 'test_long_running' },
    });
    await tick(10);
    await cancel.raw({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'c' } });
    expect(await pending).toBeDefined();

    const noAck = new Client(V, 'subscription-no-ack');
    void noAck.raw({
      jsonrpc: '2.0',
      id: 1,
      method: 'subscriptions/listen',
      params: { notifications: {}, _meta: noAck.meta() },
    });
    await tick();
    expect(noAck.emitted).toEqual([]);
    noAck.session.close();

    const batch = await ready('2025-03-26', 'batch-rejected');
    expect(await batch.session.handleBatch([{ jsonrpc: '2.0', id: 1, method: 'ping' }], batch.context())).toMatchObject(
      {
        error: { code: -32600 },
      },
    );

    expect(createReferenceServer({ fault: 'parse-error-wrong-id' }).parseError().id).toBe(0);

    const state = new Client(V, 'request-state-unverified');
    const r = await state.raw({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: {
        name: 'test_input_required_result_tampered_state',
        requestState: 'e30.forged',
        inputResponses: { confirm: { action: 'accept', content: { ok: true } } },
        _meta: state.meta({}, { elicitation: {} }),
      },
    });
    expect(r!.result.content[0].text).toBe('integrity-ok: state verified');
  });
});
