/**
 * Feature handlers shared by both eras: listing, calling tools, reading resources, getting prompts. The era
 * handlers wrap them with their own envelope (resultType, caching hints) and plumbing (`ToolEnv`).
 */
import { ERR, ProtocolError, atLeast, isObject, type Json } from './common.ts';
import {
  MissingCapabilityError,
  PAGE_SIZE,
  TEMPLATES,
  argumentProblems,
  describedForRevision,
  missingPromptArguments,
  page,
  promptsFor,
  readResource,
  resourcesFor,
  toolForRevision,
  toolsFor,
  type Era,
  type ToolEnv,
  type ToolSpec,
} from './fixture.ts';

/** Thrown by a stateless `ask` when inputs are missing: the call ends with an input-required result. */
export class InputRequiredSignal extends Error {
  constructor(
    readonly inputRequests: Record<string, Json>,
    readonly answers: Record<string, Json>,
  ) {
    super('input required');
    this.name = 'InputRequiredSignal';
  }
}

export interface FeatureScope {
  revision: string;
  era: Era;
  fault: string | undefined;
}

function cursorOf(params: Json): unknown {
  return params.cursor;
}

export function listTools(scope: FeatureScope, params: Json): Json {
  const tools = toolsFor(scope.revision, scope.era).map((t) => toolForRevision(t.definition, scope.revision));
  const cursor = scope.fault === 'tools-list-no-pagination' ? undefined : cursorOf(params);
  const p = page(tools, cursor, PAGE_SIZE.tools);
  return p.nextCursor ? { tools: p.items, nextCursor: p.nextCursor } : { tools: p.items };
}

export function listResources(scope: FeatureScope, params: Json): Json {
  const all = resourcesFor(scope.era).map((r) => describedForRevision(r.resource, scope.revision));
  const p = page(all, cursorOf(params), PAGE_SIZE.resources);
  return p.nextCursor ? { resources: p.items, nextCursor: p.nextCursor } : { resources: p.items };
}

export function listTemplates(scope: FeatureScope, params: Json): Json {
  const all = TEMPLATES.map((t) => describedForRevision(t.template, scope.revision));
  const p = page(all, cursorOf(params), PAGE_SIZE.resourceTemplates);
  return p.nextCursor ? { resourceTemplates: p.items, nextCursor: p.nextCursor } : { resourceTemplates: p.items };
}

export function listPrompts(scope: FeatureScope, params: Json): Json {
  const all = promptsFor(scope.era).map((p) => describedForRevision(p.prompt, scope.revision));
  const p = page(all, cursorOf(params), PAGE_SIZE.prompts);
  return p.nextCursor ? { prompts: p.items, nextCursor: p.nextCursor } : { prompts: p.items };
}

/** resources/read; a missing resource is -32002 before 2026-07-28 and -32602 from then on, with the uri in data. */
export function readResourceResult(scope: FeatureScope, params: Json): Json {
  const uri = String(params.uri);
  const contents = readResource(uri, scope.era);
  if (contents) return { contents };
  if (scope.fault === 'resource-not-found-empty') return { contents: [] };
  let code: number = scope.era === 'stateless' ? ERR.invalidParams : ERR.resourceNotFound;
  if (scope.fault === 'resource-error-code-wrong') {
    code = code === ERR.invalidParams ? ERR.resourceNotFound : ERR.invalidParams;
  }
  throw new ProtocolError(code, `Resource not found: ${uri}`, { uri });
}

export function findTool(scope: FeatureScope, name: unknown): ToolSpec {
  // The fault tool-names-case-insensitive compares names the way a case-folding lookup would.
  const same =
    scope.fault === 'tool-names-case-insensitive'
      ? (listed: string) => typeof name === 'string' && listed.toLowerCase() === name.toLowerCase()
      : (listed: string) => listed === name;
  const tool = toolsFor(scope.revision, scope.era).find((t) => same(t.definition.name));
  if (!tool) {
    throw new ProtocolError(ERR.invalidParams, `Unknown tool: ${String(name)}`);
  }
  return tool;
}

/**
 * tools/call. Tool failures become `isError` results; an unknown tool or (before 2025-11-25) invalid
 * arguments become -32602. `MissingCapabilityError` and `InputRequiredSignal` propagate to the era handler.
 */
export async function callTool(scope: FeatureScope, params: Json, env: ToolEnv): Promise<Json> {
  const tool = findTool(scope, params.name);
  const args = isObject(params.arguments) ? params.arguments : {};
  const problems = argumentProblems(tool.definition, args);
  if (problems.length > 0) {
    const message = `Invalid arguments for ${tool.definition.name}: ${problems.join('; ')}`;
    if (!atLeast(scope.revision, '2025-11-25')) throw new ProtocolError(ERR.invalidParams, message);
    return { content: [{ type: 'text', text: message }], isError: true };
  }
  try {
    return await tool.run(args, env);
  } catch (error) {
    if (error instanceof ProtocolError || error instanceof InputRequiredSignal) throw error;
    if (error instanceof MissingCapabilityError && scope.era === 'stateless') throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (scope.fault === 'tool-error-as-protocol-error' && tool.definition.name === 'test_error_handling') {
      throw new ProtocolError(ERR.internal, message);
    }
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}

export async function getPrompt(scope: FeatureScope, params: Json, env: ToolEnv): Promise<Json> {
  const prompt = promptsFor(scope.era).find((p) => p.prompt.name === params.name);
  if (!prompt) throw new ProtocolError(ERR.invalidParams, `Unknown prompt: ${String(params.name)}`);
  const args = isObject(params.arguments) ? params.arguments : {};
  const missing = missingPromptArguments(prompt.prompt, args);
  if (missing.length > 0 && scope.fault !== 'prompt-missing-arg-accepted') {
    throw new ProtocolError(ERR.invalidParams, `Missing required arguments: ${missing.join(', ')}`);
  }
  const strings = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)]));
  for (const name of missing) strings[name] = '';
  const messages = await prompt.get(strings, env);
  const result: Json = { messages };
  if (prompt.prompt.description) result.description = prompt.prompt.description;
  return result;
}
