/**
 * What the schema of a revision says about methods, read from its generated `schema.json`:
 * method → request or notification definition, request → result definition, and the JSON-RPC
 * envelope definitions. Nothing here lists methods or revisions; everything is read from the schema.
 */
import { definitionsOf, getRevision, loadSchema } from '../../../schema/index.ts';

export interface MethodDefinition {
  method: string;
  /** The definition name, e.g. `ListToolsRequest`. */
  definition: string;
  kind: 'request' | 'notification';
  /**
   * Whether the definition describes the whole JSON-RPC message (`jsonrpc`, `id`, ...), as in
   * 2025-11-25 and later, or only `{ method, params }`, as in older revisions.
   */
  envelope: boolean;
  /** Requests only: the definition of the result that answers it (`XRequest` → `XResult`), if any. */
  result?: string;
}

/** The generic JSON-RPC definitions of a revision, found by shape, whatever they are called. */
export interface EnvelopeDefinitions {
  request?: string;
  notification?: string;
  resultResponse?: string;
  errorResponse?: string;
  /** The union of every message (`JSONRPCMessage`), used to tell whether the revision allows batches. */
  message?: string;
  /** The base result every result extends (`Result`), for requests without a specific result. */
  result?: string;
}

export interface MethodMap {
  revision: string;
  requests: Map<string, MethodDefinition>;
  notifications: Map<string, MethodDefinition>;
  envelopes: EnvelopeDefinitions;
}

interface Shape {
  properties?: Record<string, { const?: unknown; $ref?: string }>;
  required?: string[];
  anyOf?: unknown[];
}

function shapeOf(value: unknown): Shape {
  return typeof value === 'object' && value !== null ? (value as Shape) : {};
}

function has(shape: Shape, property: string): boolean {
  return shape.properties !== undefined && Object.hasOwn(shape.properties, property);
}

function requires(shape: Shape, property: string): boolean {
  return shape.required?.includes(property) ?? false;
}

/** Among several definitions with one method, the one whose name the method spells (`CancelledNotification`). */
function preferred(method: string, a: string, b: string): string {
  const letters = method.replace(/[^a-z]/gi, '').toLowerCase();
  const score = (name: string): number =>
    letters.includes(name.replace(/(Request|Notification)$/, '').toLowerCase()) ? 1 : 0;
  const diff = score(b) - score(a);
  if (diff !== 0) return diff > 0 ? b : a;
  return a < b ? a : b;
}

const cache = new Map<string, MethodMap>();

/** The method map of a revision (`latest` accepted), built once from its schema and cached. */
export function methodMap(revisionId: string): MethodMap {
  const revision = getRevision(revisionId).id;
  const cached = cache.get(revision);
  if (cached) return cached;

  const defs = definitionsOf(loadSchema(revision));
  const names = Object.keys(defs).sort();
  const requests = new Map<string, MethodDefinition>();
  const notifications = new Map<string, MethodDefinition>();
  const envelopes: EnvelopeDefinitions = {};
  const first = (key: keyof EnvelopeDefinitions, name: string): void => {
    // Prefer the JSON-RPC-named definition when several have the shape.
    const current = envelopes[key];
    if (current === undefined || (!current.startsWith('JSONRPC') && name.startsWith('JSONRPC'))) envelopes[key] = name;
  };

  for (const name of names) {
    const shape = shapeOf(defs[name]);
    const method = shape.properties?.method?.const;
    if (typeof method === 'string') {
      const envelope = has(shape, 'jsonrpc');
      const kind = envelope
        ? has(shape, 'id')
          ? 'request'
          : 'notification'
        : name.endsWith('Request')
          ? 'request'
          : name.endsWith('Notification')
            ? 'notification'
            : undefined;
      if (!kind) continue;
      const target = kind === 'request' ? requests : notifications;
      const existing = target.get(method);
      if (existing && preferred(method, existing.definition, name) === existing.definition) continue;
      const entry: MethodDefinition = { method, definition: name, kind, envelope };
      if (kind === 'request') {
        const result = name.replace(/Request$/, 'Result');
        if (result !== name && Object.hasOwn(defs, result)) entry.result = result;
      }
      target.set(method, entry);
      continue;
    }
    if (has(shape, 'jsonrpc')) {
      if (has(shape, 'method') && has(shape, 'id') && requires(shape, 'id')) first('request', name);
      else if (has(shape, 'method') && !has(shape, 'id')) first('notification', name);
      else if (has(shape, 'result') && requires(shape, 'result')) first('resultResponse', name);
      else if (has(shape, 'error') && requires(shape, 'error')) first('errorResponse', name);
    }
  }
  if (envelopes.request) {
    const requestRef = envelopes.request;
    const message = names.find((name) =>
      (shapeOf(defs[name]).anyOf ?? []).some((member) => shapeOf(member) && endsWithRef(member, requestRef)),
    );
    if (message) envelopes.message = message;
  }
  const resultRef = envelopes.resultResponse && shapeOf(defs[envelopes.resultResponse]).properties?.result?.$ref;
  if (typeof resultRef === 'string') {
    const base = resultRef.slice(resultRef.lastIndexOf('/') + 1);
    if (Object.hasOwn(defs, base)) envelopes.result = base;
  }
  for (const entry of requests.values()) if (!entry.result && envelopes.result) entry.result = envelopes.result;

  const map: MethodMap = { revision, requests, notifications, envelopes };
  cache.set(revision, map);
  return map;
}

function endsWithRef(member: unknown, name: string): boolean {
  const ref = (member as { $ref?: unknown }).$ref;
  return typeof ref === 'string' && ref.endsWith(`/${name}`);
}
