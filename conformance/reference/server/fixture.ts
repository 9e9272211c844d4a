/**
 * The conformance fixture: every tool, resource, resource template and prompt the reference server offers, with
 * its behaviour. Era-specific plumbing (server-to-client requests, input-required results, log and progress
 * delivery) is hidden behind `ToolEnv`, so each behaviour is written once. See `conformance/FIXTURE.md`.
 */
import type * as S from '../../../schema/2025-11-25/schema.ts';
import { randomUUID } from 'node:crypto';
import { ERR, ProtocolError, atLeast, isObject, sleep, type HubEvent, type Json, type LogLevel } from './common.ts';

/** A 1×1 red PNG. */
export const TEST_IMAGE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
/** A minimal WAV file with two bytes of silence. */
export const TEST_AUDIO_BASE64 = 'UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=';

export type Era = 'stateful' | 'stateless';

/** A request the server wants the client to carry out (elicitation, sampling, roots). */
export interface InputRequest {
  method: 'elicitation/create' | 'sampling/createMessage' | 'roots/list';
  params: Json;
}

/** A tool needs a client capability the client did not declare. */
export class MissingCapabilityError extends Error {
  constructor(readonly required: Json) {
    super(`this tool needs the client capabilities ${JSON.stringify(required)}`);
    this.name = 'MissingCapabilityError';
  }
}

/** What a tool may do while it runs; the stateful and stateless handlers each provide one. */
export interface ToolEnv {
  revision: string;
  era: Era;
  signal: AbortSignal;
  fault: string | undefined;
  /** The request's progress token, if any. */
  progressToken: string | number | undefined;
  /** Sends a progress notification (does nothing without a progress token). */
  progress(progress: number, total?: number, message?: string): void;
  /** Sends a log message, subject to the level the client asked for. */
  log(level: LogLevel, data: unknown): void;
  /** Whether the client declared what `request` needs. */
  canAsk(request: InputRequest): boolean;
  /**
   * Has the client carry out the requests and returns their results by key. Stateful: real server-to-client
   * requests. Stateless: answers come from `inputResponses`; missing ones end the call with an input-required
   * result. Throws `MissingCapabilityError` when a request needs an undeclared capability.
   */
  ask(requests: Record<string, InputRequest>): Promise<Record<string, Json>>;
  /** The client capabilities in force for this request. */
  clientCapabilities: Json;
  /** Announces a server-wide change (list changes, resource updates). */
  publish(event: HubEvent): void;
  /** HTTP only: request headers, lower-cased. */
  headers: Record<string, string> | undefined;
}

/** The client capability a server-to-client request needs, as a ClientCapabilities fragment. */
export function requiredCapability(request: InputRequest): Json {
  if (request.method === 'sampling/createMessage')
    return request.params.tools === undefined ? { sampling: {} } : { sampling: { tools: {} } };
  if (request.method === 'roots/list') return { roots: {} };
  return request.params.mode === 'url' ? { elicitation: { url: {} } } : { elicitation: { form: {} } };
}

/**
 * Whether `capabilities` declare what `request` needs (an empty `elicitation` object means form mode; a
 * sampling request offering tools needs `sampling.tools`). Some faults misread the declaration.
 */
export function declares(capabilities: Json, request: InputRequest, fault?: string): boolean {
  if (request.method === 'sampling/createMessage') {
    const sampling = capabilities.sampling;
    if (!isObject(sampling)) return false;
    return request.params.tools === undefined || isObject(sampling.tools) || fault === 'sampling-tools-undeclared';
  }
  if (request.method === 'roots/list') return isObject(capabilities.roots);
  const elicitation = capabilities.elicitation;
  if (!isObject(elicitation)) return false;
  if (request.params.mode === 'url') return isObject(elicitation.url) || fault === 'elicitation-url-undeclared';
  if (fault === 'elicitation-empty-not-form') return isObject(elicitation.form);
  return isObject(elicitation.form) || (!('form' in elicitation) && !('url' in elicitation));
}

export interface ToolSpec {
  definition: S.Tool;
  /** First revision that has this tool (default: every revision). */
  since?: string;
  /** Eras that offer the tool (default: both). */
  eras?: Era[];
  run(args: Json, env: ToolEnv): Promise<Json>;
}

const text = (value: string): Json => ({ type: 'text', text: value });
const textResult = (value: string): Json => ({ content: [text(value)] });
/** The strict form for a tool without parameters: only the empty object is valid arguments. */
const noArgs = (): S.Tool['inputSchema'] =>
  ({ type: 'object', properties: {}, additionalProperties: false }) as S.Tool['inputSchema'];

function form(message: string, properties: Json, required: string[] = []): InputRequest {
  return {
    method: 'elicitation/create',
    params: { message, requestedSchema: { type: 'object', properties, required } },
  };
}
function sampling(prompt: string, maxTokens = 100): InputRequest {
  return {
    method: 'sampling/createMessage',
    params: { messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens },
  };
}
const roots: InputRequest = { method: 'roots/list', params: {} };

function contentField(result: Json | undefined, field: string, fallback = 'unknown'): string {
  const content = result?.content;
  const value = isObject(content) ? content[field] : undefined;
  return typeof value === 'string' ? value : fallback;
}
function samplingText(result: Json | undefined): string {
  const content = result?.content;
  if (isObject(content) && typeof content.text === 'string') return content.text;
  if (Array.isArray(content)) {
    const first = content.find((block) => isObject(block) && block.type === 'text') as Json | undefined;
    if (typeof first?.text === 'string') return first.text;
  }
  return 'no response';
}
function describeElicit(result: Json | undefined): string {
  return `action=${String(result?.action)}, content=${JSON.stringify(result?.content ?? {})}`;
}
function rootCount(result: Json | undefined): number {
  return Array.isArray(result?.roots) ? result.roots.length : 0;
}

const structuredOutputSchema = {
  type: 'object' as const,
  properties: {
    temperature: { type: 'number' },
    conditions: { type: 'string' },
    humidity: { type: 'integer', minimum: 0, maximum: 100 },
  },
  required: ['temperature', 'conditions', 'humidity'],
};

const JSON_SCHEMA_2020_12_INPUT = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object' as const,
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
};

/** A fresh elicitation id per request (unique across the server); the fault `elicitation-id-reused` reuses one. */
function elicitationId(env: ToolEnv): string {
  return env.fault === 'elicitation-id-reused'
    ? 'conformance-url-elicitation'
    : `conformance-url-elicitation-${randomUUID()}`;
}

/** The tool test_sampling_tools offers the model. */
const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather of a city',
  inputSchema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
};
/** Rounds after which test_sampling_tools gives up, so a model that always asks for tools cannot loop forever. */
const MAX_TOOL_ROUNDS = 3;

/** The user turn answering every tool use of the model's turn, as tool_result blocks only (unless a fault says otherwise). */
function toolResults(uses: Json[], fault: string | undefined): Json[] {
  const results = uses.map((use) => {
    const input = isObject(use.input) ? use.input : {};
    const city = typeof input.city === 'string' ? input.city : 'somewhere';
    const toolUseId = fault === 'sampling-tool-result-wrong-id' ? `${String(use.id)}-other` : String(use.id);
    return { type: 'tool_result', toolUseId, content: [text(`Sunny, 22 degrees in ${city}`)] };
  });
  if (fault === 'sampling-tool-result-missing') return [...results.slice(0, -1), text('One result was left out.')];
  return results;
}

type RunState = 'running' | 'completed' | 'cancelled';
/** How the test_long_running calls that named a runId stand, server-wide (the most recent 1,000). */
const RUNS = new Map<string, RunState>();

function recordRun(runId: string, state: RunState): void {
  RUNS.delete(runId);
  RUNS.set(runId, state);
  if (RUNS.size > 1000) RUNS.delete(RUNS.keys().next().value!);
}

/** Three progress steps with a pause between them; the fault `progress-not-monotonic` makes them go backwards. */
async function progressSteps(env: ToolEnv): Promise<void> {
  const steps = env.fault === 'progress-not-monotonic' ? [0, 50, 25] : [0, 50, 100];
  for (const [index, step] of steps.entries()) {
    if (index > 0) await sleep(50, env.signal);
    if (env.signal.aborted) return;
    env.progress(step, 100, `Completed step ${step} of 100`);
  }
}

function trigger(kind: 'tools' | 'prompts' | 'resources'): ToolSpec['run'] {
  return async (_args, env) => {
    env.publish({ kind });
    return textResult('Mutation triggered');
  };
}

export const TOOLS: ToolSpec[] = [
  {
    definition: {
      name: 'test_simple_text',
      title: 'Simple text',
      description: 'Returns one fixed text block',
      inputSchema: noArgs(),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    run: async () => textResult('This is a simple text response for testing.'),
  },
  {
    definition: { name: 'test_image_content', description: 'Returns one PNG image block', inputSchema: noArgs() },
    run: async () => ({ content: [{ type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' }] }),
  },
  {
    definition: { name: 'test_audio_content', description: 'Returns one WAV audio block', inputSchema: noArgs() },
    since: '2025-03-26',
    run: async () => ({ content: [{ type: 'audio', data: TEST_AUDIO_BASE64, mimeType: 'audio/wav' }] }),
  },
  {
    definition: {
      name: 'test_embedded_resource',
      description: 'Returns an embedded text resource',
      inputSchema: noArgs(),
    },
    run: async () => ({
      content: [
        {
          type: 'resource',
          resource: {
            uri: 'test://embedded-resource',
            mimeType: 'text/plain',
            text: 'This is an embedded resource content.',
          },
        },
      ],
    }),
  },
  {
    definition: {
      name: 'test_multiple_content_types',
      description: 'Returns text, image and embedded resource blocks together',
      inputSchema: noArgs(),
    },
    run: async () => ({
      content: [
        text('Multiple content types test:'),
        { type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' },
        {
          type: 'resource',
          resource: {
            uri: 'test://mixed-content-resource',
            mimeType: 'application/json',
            text: JSON.stringify({ test: 'data', value: 123 }),
          },
        },
      ],
    }),
  },
  {
    definition: {
      name: 'test_resource_link',
      description: 'Returns a resource_link block pointing at test://static-text',
      inputSchema: noArgs(),
    },
    since: '2025-06-18',
    run: async () => ({
      content: [{ type: 'resource_link', uri: 'test://static-text', name: 'static-text', mimeType: 'text/plain' }],
    }),
  },
  {
    definition: {
      name: 'test_tool_with_logging',
      description: 'Sends three info-level log messages while it runs',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      env.log('info', 'Tool execution started');
      await sleep(50, env.signal);
      env.log('info', 'Tool processing data');
      await sleep(50, env.signal);
      env.log('info', 'Tool execution completed');
      return textResult('Tool with logging executed successfully');
    },
  },
  {
    definition: {
      name: 'test_tool_with_progress',
      description: 'Reports progress 0, 50 and 100 of 100 when the request carries a progress token',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      await progressSteps(env);
      return textResult(String(env.progressToken ?? 0));
    },
  },
  {
    definition: {
      name: 'test_error_handling',
      description: 'Always fails, reporting the failure as a tool execution error',
      inputSchema: noArgs(),
    },
    run: async () => {
      throw new Error('This tool intentionally returns an error for testing');
    },
  },
  {
    definition: {
      name: 'test_reconnection',
      description: 'Takes a moment so that an HTTP transport can close and resume the stream mid-call',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      await sleep(100, env.signal);
      return textResult(
        'Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.',
      );
    },
  },
  {
    definition: {
      name: 'test_long_running',
      description:
        'Runs for durationMs (default 2000), reporting progress every 100 ms; stops when cancelled. With a runId, test_run_status tells how the run ended.',
      inputSchema: {
        type: 'object',
        properties: {
          durationMs: { type: 'integer', minimum: 0, maximum: 60000 },
          runId: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
    },
    run: async (args, env) => {
      const duration = typeof args.durationMs === 'number' ? args.durationMs : 2000;
      const runId = typeof args.runId === 'string' ? args.runId : undefined;
      const steps = Math.max(1, Math.ceil(duration / 100));
      if (runId) recordRun(runId, 'running');
      for (let step = 1; step <= steps; step++) {
        await sleep(100, env.signal);
        if (env.signal.aborted) {
          if (runId) recordRun(runId, 'cancelled');
          throw new Error('cancelled');
        }
        env.progress(step, steps);
      }
      if (runId) recordRun(runId, 'completed');
      return textResult(`Finished after ${duration} ms`);
    },
  },
  {
    definition: {
      name: 'test_run_status',
      description: 'How the test_long_running call with this runId stands: running, completed, cancelled, or unknown',
      inputSchema: {
        type: 'object',
        properties: { runId: { type: 'string', minLength: 1, maxLength: 200 } },
        required: ['runId'],
      },
      annotations: { readOnlyHint: true },
    },
    run: async (args) => textResult(RUNS.get(String(args.runId)) ?? 'unknown'),
  },
  {
    definition: {
      name: 'test_sampling',
      description: 'Asks the client for an LLM completion of the given prompt',
      inputSchema: {
        type: 'object',
        properties: { prompt: { type: 'string', description: 'The prompt to send to the LLM' } },
        required: ['prompt'],
      },
    },
    run: async (args, env) => {
      const answers = await env.ask({ sample: sampling(String(args.prompt)) });
      return textResult(`LLM response: ${samplingText(answers.sample)}`);
    },
  },
  {
    definition: {
      name: 'test_elicitation',
      description: 'Asks the user, through form elicitation, for a response to the given message',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string', description: 'The message to show the user' } },
        required: ['message'],
      },
    },
    since: '2025-06-18',
    run: async (args, env) => {
      const answers = await env.ask({
        response: form(String(args.message), { response: { type: 'string', description: "User's response" } }, [
          'response',
        ]),
      });
      return textResult(`User response: ${describeElicit(answers.response)}`);
    },
  },
  {
    definition: {
      name: 'test_elicitation_sep1034_defaults',
      description: 'Form elicitation whose fields carry default values of every primitive type',
      inputSchema: noArgs(),
    },
    since: '2025-11-25',
    run: async (_args, env) => {
      const answers = await env.ask({
        defaults: form('Please review and update the form fields with defaults', {
          name: { type: 'string', description: 'User name', default: 'John Doe' },
          age: { type: 'integer', description: 'User age', default: 30 },
          score: { type: 'number', description: 'User score', default: 95.5 },
          status: {
            type: 'string',
            description: 'User status',
            enum: ['active', 'inactive', 'pending'],
            default: 'active',
          },
          verified: { type: 'boolean', description: 'Verification status', default: true },
        }),
      });
      return textResult(`Elicitation completed: ${describeElicit(answers.defaults)}`);
    },
  },
  {
    definition: {
      name: 'test_elicitation_sep1330_enums',
      description: 'Form elicitation using all five enum schema variants',
      inputSchema: noArgs(),
    },
    since: '2025-11-25',
    run: async (_args, env) => {
      const answers = await env.ask({
        enums: form('Please select options from the enum fields', {
          untitledSingle: { type: 'string', description: 'Select one option', enum: ['option1', 'option2', 'option3'] },
          titledSingle: {
            type: 'string',
            description: 'Select one option with titles',
            oneOf: [
              { const: 'value1', title: 'First Option' },
              { const: 'value2', title: 'Second Option' },
              { const: 'value3', title: 'Third Option' },
            ],
          },
          legacyEnum: {
            type: 'string',
            description: 'Select one option (legacy)',
            enum: ['opt1', 'opt2', 'opt3'],
            enumNames: ['Option One', 'Option Two', 'Option Three'],
          },
          untitledMulti: {
            type: 'array',
            description: 'Select multiple options',
            minItems: 1,
            maxItems: 3,
            items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
          },
          titledMulti: {
            type: 'array',
            description: 'Select multiple options with titles',
            minItems: 1,
            maxItems: 3,
            items: {
              anyOf: [
                { const: 'value1', title: 'First Choice' },
                { const: 'value2', title: 'Second Choice' },
                { const: 'value3', title: 'Third Choice' },
              ],
            },
          },
        }),
      });
      return textResult(`Elicitation completed: ${describeElicit(answers.enums)}`);
    },
  },
  {
    definition: {
      name: 'test_elicitation_url',
      description: 'URL-mode elicitation: asks the user to visit a page, then reports the action',
      inputSchema: noArgs(),
    },
    since: '2025-11-25',
    run: async (_args, env) => {
      const answers = await env.ask({
        visit: {
          method: 'elicitation/create',
          params: {
            mode: 'url',
            message: 'Please confirm on the conformance page',
            url: 'https://example.com/mcp-conformance/confirm',
            elicitationId: elicitationId(env),
          },
        },
      });
      return textResult(`URL elicitation: action=${String(answers.visit?.action)}`);
    },
  },
  {
    definition: {
      name: 'test_url_elicitation_required',
      description: 'Refuses to run until the user completed a URL-mode elicitation: answers with error -32042',
      inputSchema: noArgs(),
    },
    since: '2025-11-25',
    eras: ['stateful'],
    run: async (_args, env) => {
      const elicitation = isObject(env.clientCapabilities.elicitation) ? env.clientCapabilities.elicitation : {};
      if (!isObject(elicitation.url)) throw new MissingCapabilityError({ elicitation: { url: {} } });
      throw new ProtocolError(ERR.urlElicitationRequired, 'This request needs the user to authorize access first', {
        elicitations: [
          {
            mode: 'url',
            message: 'Please authorize the conformance fixture',
            url: 'https://example.com/mcp-conformance/authorize',
            elicitationId: elicitationId(env),
          },
        ],
      });
    },
  },
  {
    definition: {
      name: 'test_sampling_tools',
      description: `Runs a sampling tool loop: offers the model the ${WEATHER_TOOL.name} tool and answers every tool use`,
      inputSchema: { type: 'object', properties: { prompt: { type: 'string' } } },
    },
    since: '2025-11-25',
    run: async (args, env) => {
      const prompt = typeof args.prompt === 'string' ? args.prompt : 'What is the weather in Paris?';
      const messages: Json[] = [{ role: 'user', content: text(prompt) }];
      for (let round = 1; round <= MAX_TOOL_ROUNDS; round++) {
        const key = `tool_loop_${round}`;
        const request: InputRequest = {
          method: 'sampling/createMessage',
          params: { messages: [...messages], maxTokens: 200, tools: [WEATHER_TOOL], toolChoice: { mode: 'auto' } },
        };
        const answer = (await env.ask({ [key]: request }))[key] ?? {};
        const blocks = (Array.isArray(answer.content) ? answer.content : [answer.content]).filter(isObject);
        const uses = blocks.filter((b) => b.type === 'tool_use' && typeof b.id === 'string');
        if (answer.stopReason !== 'toolUse' || uses.length === 0)
          return textResult(`Tool loop result: ${samplingText(answer)} (rounds: ${round})`);
        messages.push({ role: 'assistant', content: blocks });
        messages.push({ role: 'user', content: toolResults(uses, env.fault) });
      }
      return { content: [text(`The tool loop was stopped after ${MAX_TOOL_ROUNDS} rounds`)], isError: true };
    },
  },
  {
    definition: {
      name: 'test_list_roots',
      description: 'Asks the client for its roots and reports how many there are',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      const answers = await env.ask({ roots });
      return textResult(`Found ${rootCount(answers.roots)} root(s)`);
    },
  },
  {
    definition: {
      name: 'test_structured_content',
      title: 'Weather report',
      description: 'Returns structuredContent matching its outputSchema, mirrored as JSON text',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
      outputSchema: structuredOutputSchema,
      annotations: { title: 'Weather', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    since: '2025-06-18',
    run: async (args, env) => {
      const structured =
        env.fault === 'structured-content-mismatch'
          ? { temperature: 'warm', conditions: 'Sunny' }
          : {
              temperature: 22.5,
              conditions: `Sunny in ${typeof args.city === 'string' ? args.city : 'Paris'}`,
              humidity: 40,
            };
      return { content: [text(JSON.stringify(structured))], structuredContent: structured };
    },
  },
  {
    definition: {
      name: 'json_schema_2020_12_tool',
      description: 'Has an inputSchema using JSON Schema 2020-12 keywords ($defs, $ref, if/then/else, allOf)',
      inputSchema: JSON_SCHEMA_2020_12_INPUT,
    },
    since: '2025-11-25',
    run: async (args) => textResult(`JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`),
  },
  {
    definition: {
      name: 'test_destructive_action',
      description: 'Pretends to delete the named item; annotated as destructive and idempotent',
      inputSchema: { type: 'object', properties: { item: { type: 'string' } }, required: ['item'] },
      annotations: { destructiveHint: true, idempotentHint: true, readOnlyHint: false, openWorldHint: false },
    },
    run: async (args) => textResult(`Deleted ${String(args.item)} (nothing was really deleted)`),
  },
  {
    definition: {
      name: 'test_trigger_tool_change',
      description: 'Announces that the tool list changed (notifications/tools/list_changed)',
      inputSchema: noArgs(),
    },
    run: trigger('tools'),
  },
  {
    definition: {
      name: 'test_trigger_prompt_change',
      description: 'Announces that the prompt list changed (notifications/prompts/list_changed)',
      inputSchema: noArgs(),
    },
    run: trigger('prompts'),
  },
  {
    definition: {
      name: 'test_trigger_resource_change',
      description: 'Announces that the resource list changed (notifications/resources/list_changed)',
      inputSchema: noArgs(),
    },
    run: trigger('resources'),
  },
  {
    definition: {
      name: 'test_trigger_resource_update',
      description: 'Announces that a resource (default test://watched-resource) was updated',
      inputSchema: { type: 'object', properties: { uri: { type: 'string' } } },
    },
    run: async (args, env) => {
      const uri = typeof args.uri === 'string' ? args.uri : 'test://watched-resource';
      env.publish({ kind: 'resource-updated', uri });
      return textResult(`Update announced for ${uri}`);
    },
  },
  {
    definition: {
      name: 'test_logging_tool',
      description: 'Sends one info log message when the request allows logging',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      env.log('info', 'Diagnostic trace logging activated');
      return textResult('Logging evaluated');
    },
  },
  {
    definition: {
      name: 'test_missing_capability',
      description: 'Needs the sampling client capability; refuses to run without it',
      inputSchema: noArgs(),
    },
    run: async (_args, env) => {
      if (!isObject(env.clientCapabilities.sampling) && env.fault !== 'missing-capability-ignored') {
        throw new MissingCapabilityError({ sampling: {} });
      }
      return textResult('Success');
    },
  },
  {
    definition: {
      name: 'test_header_parameter',
      description: 'Echoes region and priority; both are mirrored in Mcp-Param-* headers over Streamable HTTP',
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          priority: { type: 'integer', 'x-mcp-header': 'Priority' },
          note: { type: 'string' },
        },
        required: ['region'],
      },
    },
    since: '2026-07-28',
    run: async (args) => textResult(`region=${String(args.region)} priority=${String(args.priority ?? 'none')}`),
  },
  {
    definition: {
      name: 'test_streaming_elicitation',
      description: 'Streams progress (when asked) and completes without sending any request on the stream',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      env.progress(50, 100, 'Half way');
      return textResult('Streaming complete');
    },
  },
  {
    definition: {
      name: 'test_input_required_result_elicitation',
      description: 'MRTR: asks for the user name through elicitation, then greets',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const a = await env.ask({
        user_name: form('What is your name?', { name: { type: 'string' } }, ['name']),
      });
      return textResult(`Hello, ${contentField(a.user_name, 'name')}!`);
    },
  },
  {
    definition: {
      name: 'test_input_required_result_sampling',
      description: 'MRTR: asks the client for a sampling completion',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const a = await env.ask({ sample_request: sampling('What is the capital of France?') });
      return textResult(`Sampling result: ${samplingText(a.sample_request)}`);
    },
  },
  {
    definition: {
      name: 'test_input_required_result_list_roots',
      description: 'MRTR: asks the client for its roots',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const a = await env.ask({ roots_request: roots });
      return textResult(`Found ${rootCount(a.roots_request)} root(s)`);
    },
  },
  {
    definition: {
      name: 'test_input_required_result_request_state',
      description: 'MRTR: asks for a confirmation and checks the echoed requestState',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const a = await env.ask({ confirm: form('Please confirm', { ok: { type: 'boolean' } }, ['ok']) });
      const content = a.confirm?.content;
      return isObject(content) && content.ok === true
        ? textResult('state-ok: requestState validated')
        : { content: [text('confirmation was not given')], isError: true };
    },
  },
  {
    definition: {
      name: 'test_input_required_result_multiple_inputs',
      description: 'MRTR: asks for elicitation, sampling and roots in one round',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const a = await env.ask({
        user_name: form('What is your name?', { name: { type: 'string' } }, ['name']),
        greeting: sampling('Generate a greeting', 50),
        client_roots: roots,
      });
      const greeting = samplingText(a.greeting);
      return textResult(
        `Name: ${contentField(a.user_name, 'name')}; Greeting: ${greeting === 'no response' ? 'Hello there!' : greeting}; Roots: ${rootCount(a.client_roots)}`,
      );
    },
  },
  {
    definition: {
      name: 'test_input_required_result_multi_round',
      description: 'MRTR: two rounds of elicitation, carrying the first answer in requestState',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const first = await env.ask({
        step1: form('Step 1: What is your name?', { name: { type: 'string' } }, ['name']),
      });
      const second = await env.ask({
        step2: form('Step 2: What is your favorite color?', { color: { type: 'string' } }, ['color']),
      });
      return textResult(
        `Multi-round complete for ${contentField(first.step1, 'name', 'friend')} who likes ${contentField(second.step2, 'color')}`,
      );
    },
  },
  {
    definition: {
      name: 'test_input_required_result_tampered_state',
      description: 'MRTR: its requestState is HMAC-signed; a tampered state is refused with -32602',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      await env.ask({ confirm: form('Please confirm', { ok: { type: 'boolean' } }, ['ok']) });
      return textResult('integrity-ok: state verified');
    },
  },
  {
    definition: {
      name: 'test_input_required_result_capabilities',
      description: 'MRTR: asks only for what the request declared (elicitation and/or sampling)',
      inputSchema: noArgs(),
    },
    eras: ['stateless'],
    run: async (_args, env) => {
      const wanted: Record<string, InputRequest> = {
        elicit_input: form('Elicitation input', { value: { type: 'string' } }, ['value']),
        sample_input: sampling('Sample request', 50),
      };
      const requests = Object.fromEntries(
        Object.entries(wanted).filter(([, r]) => env.canAsk(r) || env.fault === 'mrtr-undeclared-capability'),
      );
      if (Object.keys(requests).length === 0) return textResult('No supported capabilities declared');
      const answers = await env.ask(requests);
      return textResult(`capabilities-ok: received ${Object.keys(answers).sort().join(',')}`);
    },
  },
  {
    definition: {
      name: 'test_task_required',
      description:
        'Runs only as a task: waits durationMs (default 300), then reports how long it worked, or fails as outcome asks; reports progress at the start and halfway; with elicit, first asks the requestor a question',
      inputSchema: {
        type: 'object',
        properties: {
          durationMs: { type: 'integer', minimum: 0, maximum: 60000 },
          outcome: { type: 'string', enum: ['success', 'tool-error', 'protocol-error'] },
          elicit: { type: 'boolean' },
        },
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
      execution: { taskSupport: 'required' },
    },
    since: '2025-11-25',
    eras: ['stateful'],
    run: async (args, env) => {
      const duration = typeof args.durationMs === 'number' ? args.durationMs : 300;
      env.progress(0, 2, 'Task started');
      let answered = '';
      if (args.elicit === true) {
        const { note } = await env.ask({
          note: form('What should the task remember?', { response: { type: 'string' } }, ['response']),
        });
        answered = ` (answer: ${String(note?.action)})`;
      }
      await sleep(Math.floor(duration / 2), env.signal);
      env.progress(1, 2, 'Task half done');
      await sleep(duration - Math.floor(duration / 2), env.signal);
      if (env.signal.aborted) throw new Error('cancelled');
      if (args.outcome === 'tool-error') return { ...textResult('Task failed on purpose'), isError: true };
      if (args.outcome === 'protocol-error') throw new ProtocolError(ERR.internal, 'Task failed on purpose');
      return textResult(`Task finished after ${duration} ms${answered}`);
    },
  },
  {
    definition: {
      name: 'test_task_optional',
      description: 'Runs as a task or as an ordinary call, and answers one fixed text block',
      inputSchema: noArgs(),
      annotations: { readOnlyHint: true, openWorldHint: false },
      execution: { taskSupport: 'optional' },
    },
    since: '2025-11-25',
    eras: ['stateful'],
    run: async () => textResult('This tool runs as a task or as an ordinary call.'),
  },
];

/** Tools offered at a revision and era, in list order. */
export function toolsFor(revision: string, era: Era): ToolSpec[] {
  return TOOLS.filter((t) => (!t.since || atLeast(revision, t.since)) && (!t.eras || t.eras.includes(era)));
}

/** A tool definition with the members its revision does not know removed. */
export function toolForRevision(tool: S.Tool, revision: string): Json {
  const out: Json = { ...tool };
  if (!atLeast(revision, '2025-03-26')) delete out.annotations;
  if (!atLeast(revision, '2025-06-18')) {
    delete out.title;
    delete out.outputSchema;
  }
  if (!atLeast(revision, '2025-11-25')) delete out.execution;
  return out;
}

/** Properties of a tool's input marked with `x-mcp-header`: header name (without `Mcp-Param-`), property, type. */
export function headerParameters(tool: S.Tool): { header: string; property: string; type: string }[] {
  const properties = isObject(tool.inputSchema.properties) ? tool.inputSchema.properties : {};
  return Object.entries(properties).flatMap(([property, schema]) =>
    isObject(schema) && typeof schema['x-mcp-header'] === 'string'
      ? [{ header: schema['x-mcp-header'], property, type: String(schema.type) }]
      : [],
  );
}

/** Checks arguments against the declared required properties and primitive types; returns the problems. */
export function argumentProblems(tool: S.Tool, args: Json): string[] {
  const problems: string[] = [];
  const schema = tool.inputSchema;
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (!(name in args)) problems.push(`missing required argument "${name}"`);
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, value] of Object.entries(args)) {
    const declared = properties[name];
    if (!isObject(declared) || typeof declared.type !== 'string') continue;
    const ok =
      declared.type === 'string'
        ? typeof value === 'string'
        : declared.type === 'integer'
          ? Number.isInteger(value)
          : declared.type === 'number'
            ? typeof value === 'number'
            : declared.type === 'boolean'
              ? typeof value === 'boolean'
              : true;
    if (!ok) problems.push(`argument "${name}" must be of type ${declared.type}`);
  }
  if ((schema as Json).additionalProperties === false) {
    for (const name of Object.keys(args)) if (!(name in properties)) problems.push(`unexpected argument "${name}"`);
  }
  return problems;
}

/* ----------------------------------------------------------------------------------------------------------
 * Resources
 * ------------------------------------------------------------------------------------------------------- */

export interface ResourceSpec {
  resource: S.Resource;
  eras?: Era[];
  contents: Json;
}

/** When the fixture's static text and template data last changed (`annotations.lastModified`, from 2025-06-18). */
export const FIXTURE_LAST_MODIFIED = '2025-01-12T15:00:58Z';

export const RESOURCES: ResourceSpec[] = [
  {
    resource: {
      uri: 'test://static-text',
      name: 'static-text',
      title: 'Static Text Resource',
      description: 'A static text resource for testing',
      mimeType: 'text/plain',
      annotations: { lastModified: FIXTURE_LAST_MODIFIED },
    },
    contents: {
      uri: 'test://static-text',
      mimeType: 'text/plain',
      text: 'This is the content of the static text resource.',
    },
  },
  {
    resource: {
      uri: 'test://static-binary',
      name: 'static-binary',
      title: 'Static Binary Resource',
      description: 'A static binary resource (image) for testing',
      mimeType: 'image/png',
    },
    contents: { uri: 'test://static-binary', mimeType: 'image/png', blob: TEST_IMAGE_BASE64 },
  },
  {
    resource: {
      uri: 'test://watched-resource',
      name: 'watched-resource',
      title: 'Watched Resource',
      description: 'A resource whose updates test_trigger_resource_update announces',
      mimeType: 'text/plain',
    },
    contents: { uri: 'test://watched-resource', mimeType: 'text/plain', text: 'Watched resource content' },
  },
  {
    resource: {
      uri: 'test://stateless-static-text',
      name: 'Stateless Static Text',
      description: 'A static text resource served on the stateless path',
      mimeType: 'text/plain',
    },
    eras: ['stateless'],
    contents: {
      uri: 'test://stateless-static-text',
      mimeType: 'text/plain',
      text: 'Static text content from the stateless draft path.',
    },
  },
];

export interface TemplateSpec {
  template: S.ResourceTemplate;
  pattern: RegExp;
  variables: string[];
  read(values: Record<string, string>, uri: string): Json;
  complete(variable: string, value: string, context: Record<string, string>): string[];
}

const ITEMS: Record<string, string[]> = {
  fruit: ['apple', 'apricot', 'banana', 'cherry', 'grape', 'mango'],
  vegetable: ['carrot', 'cabbage', 'leek', 'pea', 'potato'],
};

export const TEMPLATES: TemplateSpec[] = [
  {
    template: {
      uriTemplate: 'test://template/{id}/data',
      name: 'template',
      title: 'Resource Template',
      description: 'A resource template with parameter substitution',
      mimeType: 'application/json',
      annotations: { lastModified: FIXTURE_LAST_MODIFIED },
    },
    pattern: /^test:\/\/template\/([^/]+)\/data$/,
    variables: ['id'],
    read: ({ id }, uri) => ({
      uri,
      mimeType: 'application/json',
      text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
    }),
    complete: (variable, value) =>
      variable === 'id' ? Array.from({ length: 150 }, (_, i) => String(i + 1)).filter((v) => v.startsWith(value)) : [],
  },
  {
    template: {
      uriTemplate: 'test://items/{category}/{item}',
      name: 'item',
      title: 'Catalogue Item',
      description: 'An item of a category; completion of {item} depends on {category}',
      mimeType: 'text/plain',
    },
    pattern: /^test:\/\/items\/([^/]+)\/([^/]+)$/,
    variables: ['category', 'item'],
    read: ({ category, item }, uri) => ({ uri, mimeType: 'text/plain', text: `Item ${item} in category ${category}` }),
    complete: (variable, value, context) => {
      if (variable === 'category') return Object.keys(ITEMS).filter((c) => c.startsWith(value));
      if (variable !== 'item') return [];
      const category = context.category;
      const pool = category ? (ITEMS[category] ?? []) : Object.values(ITEMS).flat();
      return pool.filter((i) => i.startsWith(value));
    },
  },
];

export function resourcesFor(era: Era): ResourceSpec[] {
  return RESOURCES.filter((r) => !r.eras || r.eras.includes(era));
}

/** Strips members a revision does not know from a resource, template or prompt description. */
export function describedForRevision<T extends object>(item: T, revision: string): Json {
  const out: Json = { ...(item as unknown as Json) };
  if (!atLeast(revision, '2025-06-18')) {
    delete out.title;
    // lastModified joined the annotations in 2025-06-18.
    if (isObject(out.annotations)) {
      const { lastModified: _, ...rest } = out.annotations;
      if (Object.keys(rest).length > 0) out.annotations = rest;
      else delete out.annotations;
    }
  }
  if (Array.isArray(out.arguments)) {
    out.arguments = (out.arguments as Json[]).map((a) => describedForRevision(a, revision));
  }
  return out;
}

/** The contents of a resource, or undefined when no such resource exists. */
export function readResource(uri: string, era: Era): Json[] | undefined {
  const found = resourcesFor(era).find((r) => r.resource.uri === uri);
  if (found) return [found.contents];
  for (const t of TEMPLATES) {
    const match = t.pattern.exec(uri);
    if (match) {
      const values = Object.fromEntries(t.variables.map((v, i) => [v, decodeURIComponent(match[i + 1] ?? '')]));
      return [t.read(values, uri)];
    }
  }
  return undefined;
}

/* ----------------------------------------------------------------------------------------------------------
 * Prompts
 * ------------------------------------------------------------------------------------------------------- */

export interface PromptSpec {
  prompt: S.Prompt;
  eras?: Era[];
  get(args: Record<string, string>, env: ToolEnv): Promise<Json[]>;
  complete?(argument: string, value: string, context: Record<string, string>): string[];
}

const WORDS = Array.from({ length: 120 }, (_, i) => `value${String(i + 1).padStart(3, '0')}`);

export const PROMPTS: PromptSpec[] = [
  {
    prompt: {
      name: 'test_simple_prompt',
      title: 'Simple Test Prompt',
      description: 'A simple prompt without arguments',
    },
    get: async () => [{ role: 'user', content: text('This is a simple prompt for testing.') }],
  },
  {
    prompt: {
      name: 'test_prompt_with_arguments',
      title: 'Prompt With Arguments',
      description: 'A prompt with required arguments',
      arguments: [
        { name: 'arg1', description: 'First test argument', required: true },
        { name: 'arg2', description: 'Second test argument', required: true },
      ],
    },
    get: async (args) => [
      { role: 'user', content: text(`Prompt with arguments: arg1='${args.arg1}', arg2='${args.arg2}'`) },
    ],
    complete: (argument, value) =>
      argument === 'arg1' || argument === 'arg2' ? WORDS.filter((w) => w.startsWith(value)) : [],
  },
  {
    prompt: {
      name: 'test_prompt_with_embedded_resource',
      title: 'Prompt With Embedded Resource',
      description: 'A prompt that includes an embedded resource',
      arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
    },
    get: async (args) => [
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: { uri: args.resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' },
        },
      },
      { role: 'user', content: text('Please process the embedded resource above.') },
    ],
  },
  {
    prompt: {
      name: 'test_prompt_with_image',
      title: 'Prompt With Image',
      description: 'A prompt that includes image content',
    },
    get: async () => [
      { role: 'user', content: { type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' } },
      { role: 'user', content: text('Please analyze the image above.') },
    ],
  },
  {
    prompt: { name: 'test_input_required_result_prompt', description: 'MRTR: a prompt that first elicits its context' },
    eras: ['stateless'],
    get: async (_args, env) => {
      const a = await env.ask({
        user_context: form('What context should the prompt use?', { context: { type: 'string' } }, ['context']),
      });
      return [{ role: 'user', content: text(`Prompt with context: ${contentField(a.user_context, 'context')}`) }];
    },
  },
];

export function promptsFor(era: Era): PromptSpec[] {
  return PROMPTS.filter((p) => !p.eras || p.eras.includes(era));
}

/** The arguments missing from a prompts/get request. */
export function missingPromptArguments(prompt: S.Prompt, args: Json): string[] {
  return (prompt.arguments ?? []).filter((a) => a.required && typeof args[a.name] !== 'string').map((a) => a.name);
}

/* ----------------------------------------------------------------------------------------------------------
 * Pagination and completion
 * ------------------------------------------------------------------------------------------------------- */

export const PAGE_SIZE = { tools: 10, resources: 2, resourceTemplates: 1, prompts: 2 } as const;

/** One page of `items` starting at `cursor`; cursors are opaque base64url offsets. */
export function page<T>(items: T[], cursor: unknown, size: number): { items: T[]; nextCursor?: string } {
  let start = 0;
  if (cursor !== undefined) {
    const decoded = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
    const match = /^offset:(\d+)$/.exec(decoded);
    if (!match || Number(match[1]) > items.length) throw new ProtocolError(ERR.invalidParams, 'Invalid cursor');
    start = Number(match[1]);
  }
  const end = start + size;
  const result: { items: T[]; nextCursor?: string } = { items: items.slice(start, end) };
  if (end < items.length) result.nextCursor = Buffer.from(`offset:${end}`, 'utf8').toString('base64url');
  return result;
}

/** completion/complete: at most 100 values, with the total and whether more exist. */
export function complete(params: Json, era: Era, fault: string | undefined): Json {
  const ref = isObject(params.ref) ? params.ref : {};
  const argument = isObject(params.argument) ? params.argument : {};
  const name = typeof argument.name === 'string' ? argument.name : '';
  const value = typeof argument.value === 'string' ? argument.value : '';
  const contextArgs = isObject(params.context) && isObject(params.context.arguments) ? params.context.arguments : {};
  const context = Object.fromEntries(
    Object.entries(contextArgs).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  let all: string[];
  if (ref.type === 'ref/prompt') {
    const prompt = promptsFor(era).find((p) => p.prompt.name === ref.name);
    if (!prompt) throw new ProtocolError(ERR.invalidParams, `Unknown prompt: ${String(ref.name)}`);
    all = prompt.complete?.(name, value, context) ?? [];
  } else if (ref.type === 'ref/resource') {
    const template = TEMPLATES.find((t) => t.template.uriTemplate === ref.uri);
    const resource = resourcesFor(era).find((r) => r.resource.uri === ref.uri);
    if (!template && !resource) throw new ProtocolError(ERR.invalidParams, `Unknown resource: ${String(ref.uri)}`);
    all = template?.complete(name, value, context) ?? [];
  } else {
    throw new ProtocolError(ERR.invalidParams, 'Unknown completion reference type');
  }
  const limit = fault === 'completion-too-many' ? 150 : 100;
  const padded = fault === 'completion-too-many' ? [...all, ...WORDS, ...WORDS].slice(0, limit) : all;
  const values = padded.slice(0, limit);
  return { completion: { values, total: Math.max(all.length, values.length), hasMore: all.length > values.length } };
}
