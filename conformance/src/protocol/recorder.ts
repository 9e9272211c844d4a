/**
 * The observed wire: every message of one connection, in order, parsed, classified and validated
 * against the schema of the connection's revision.
 */
import type { ErrorObject } from 'ajv';
import { formatErrors, getRevision, hasDefinition, validate } from '../../../schema/index.ts';
import { classify, idKey, parseLine, type Classification, type JsonRpcId, type MessageKind } from './jsonrpc.ts';
import { methodMap, type MethodMap } from './methods.ts';

export type Direction = 'client-to-server' | 'server-to-client';

/** What is wrong with an invalid entry: not a JSON line, not JSON-RPC, or not what the schema allows. */
export type Violation = 'framing' | 'jsonrpc' | 'schema';

/** Entries kept per connection; past it (a flooding peer) messages are still analysed but only counted. */
export const MAX_ENTRIES = 20_000;
/** Answered requests remembered per direction for recognising replays. */
const MAX_ANSWERED = 1_000;

/** Raw text kept per entry, in bytes. Longer lines are truncated and flagged. */
export const MAX_RAW_BYTES = 64 * 1024;

export interface WireEntry {
  /** 1-based position on the connection, both directions counted together. */
  seq: number;
  /** Milliseconds since the recorder was created. */
  at: number;
  direction: Direction;
  raw: string;
  truncated: boolean;
  /** The parsed JSON value, when the line was JSON. */
  message?: unknown;
  kind: MessageKind;
  method?: string;
  id?: JsonRpcId | null;
  /** The definition the message was validated against, e.g. `ListToolsRequest` or `ListToolsResult`. */
  definition?: string;
  /** Responses: the `seq` of the request this response answers. */
  answers?: number;
  valid: boolean;
  violation?: Violation;
  /** One readable line per problem, e.g. `/result/tools: must be array`. */
  errors: string[];
}

interface Outstanding {
  seq: number;
  method: string;
  result?: string;
  /** The request asked for task augmentation (2025-11-25): it may be answered with CreateTaskResult. */
  task?: boolean;
}

/** Results that can stand in for a request's own result definition, when the revision defines them. */
const INPUT_REQUIRED = 'InputRequiredResult';
const CREATE_TASK = 'CreateTaskResult';

function other(direction: Direction): Direction {
  return direction === 'client-to-server' ? 'server-to-client' : 'client-to-server';
}

function prefixed(errors: ErrorObject[], prefix: string): ErrorObject[] {
  return errors.map((error) => ({ ...error, instancePath: `${prefix}${error.instancePath}` }));
}

interface Analysis {
  kind: MessageKind;
  method?: string;
  id?: JsonRpcId | null;
  definition?: string;
  answers?: number;
  violation?: Violation;
  errors: string[];
  /** State changes to apply when the entry is committed. */
  commit: Array<() => void>;
}

export class Recorder {
  readonly revision: string;
  private readonly methods: MethodMap;
  private readonly started = Date.now();
  private readonly log: WireEntry[] = [];
  /** Messages analysed but not kept because the connection passed `MAX_ENTRIES`. */
  dropped = 0;
  private readonly outstanding: Record<Direction, Map<string, Outstanding>> = {
    'client-to-server': new Map(),
    'server-to-client': new Map(),
  };

  /** Answered requests by id, per direction of the request, kept so a replayed response can be recognised. */
  private readonly answered: Record<Direction, Map<string, Outstanding>> = {
    'client-to-server': new Map(),
    'server-to-client': new Map(),
  };
  /** Set while recording a message a resumed stream replays: it may answer a request answered before. */
  private replaying = false;

  private previewed?: {
    direction: Direction;
    raw: string;
    logged: number;
    analysis: Analysis;
    extra: { message?: unknown };
  };

  /** `revision` is a registry id or `latest`; an unknown id throws the registry's usage error. */
  constructor(revision: string) {
    this.revision = getRevision(revision).id;
    this.methods = methodMap(this.revision);
  }

  /**
   * Records one line as it crossed the wire (without its newline) and returns its entry. `replayed` marks a
   * message re-sent on a resumed stream (SSE `Last-Event-ID`): a response to a request already answered is
   * then a redelivery, not a stray answer.
   */
  record(direction: Direction, raw: string, options: { replayed?: boolean } = {}): WireEntry {
    if (!options.replayed) return this.add(direction, raw, true);
    this.previewed = undefined;
    this.replaying = true;
    try {
      return this.add(direction, raw, true);
    } finally {
      this.replaying = false;
    }
  }

  /** What `record` would make of a line, without recording it or changing the connection's state. */
  preview(direction: Direction, raw: string): WireEntry {
    return this.add(direction, raw, false);
  }

  /** Records a framing problem that has no complete line to show, such as a line over the size limit. */
  recordViolation(direction: Direction, raw: string, reason: string): WireEntry {
    const entry = this.entry(direction, raw, { kind: 'invalid', violation: 'framing', errors: [reason], commit: [] });
    if (this.log.length < MAX_ENTRIES) this.log.push(entry);
    else this.dropped += 1;
    return entry;
  }

  entries(): readonly WireEntry[] {
    return this.log;
  }

  /** Invalid entries, optionally only those sent in one direction. */
  invalid(direction?: Direction): WireEntry[] {
    return this.log.filter((e) => !e.valid && (direction === undefined || e.direction === direction));
  }

  /** Requests sent in `direction` that have not been answered yet. */
  pending(direction: Direction): Array<{ seq: number; method: string }> {
    return [...this.outstanding[direction].values()].map(({ seq, method }) => ({ seq, method }));
  }

  private add(direction: Direction, raw: string, commit: boolean): WireEntry {
    const logged = this.log.length + this.dropped;
    const last = this.previewed;
    this.previewed = undefined;
    let analysis: Analysis;
    let extra: { message?: unknown };
    // A line sent right after its preview: nothing recorded in between, so the same analysis holds.
    if (commit && last && last.raw === raw && last.direction === direction && last.logged === logged) {
      ({ analysis, extra } = last);
    } else {
      const parsed = parseLine(raw);
      if (!parsed.ok) {
        analysis = { kind: 'invalid', violation: 'framing', errors: [parsed.error], commit: [] };
        extra = {};
      } else {
        analysis = this.analyse(direction, parsed.value, classify(parsed.value), commit);
        extra = { message: parsed.value };
      }
    }
    const entry = this.entry(direction, raw, analysis, extra);
    if (!commit) this.previewed = { direction, raw, logged, analysis, extra };
    if (commit) {
      for (const apply of analysis.commit) apply();
      if (this.log.length < MAX_ENTRIES) this.log.push(entry);
      else this.dropped += 1;
    }
    return entry;
  }

  private entry(direction: Direction, raw: string, analysis: Analysis, extra: { message?: unknown } = {}): WireEntry {
    const bytes = Buffer.byteLength(raw);
    const truncated = bytes > MAX_RAW_BYTES;
    const entry: WireEntry = {
      seq: this.log.length + this.dropped + 1,
      at: Date.now() - this.started,
      direction,
      raw: truncated ? Buffer.from(raw).subarray(0, MAX_RAW_BYTES).toString('utf8') : raw,
      truncated,
      ...extra,
      kind: analysis.kind,
      valid: analysis.errors.length === 0,
      errors: analysis.errors,
    };
    if (analysis.method !== undefined) entry.method = analysis.method;
    if (analysis.id !== undefined) entry.id = analysis.id;
    if (analysis.definition !== undefined) entry.definition = analysis.definition;
    if (analysis.answers !== undefined) entry.answers = analysis.answers;
    if (analysis.violation !== undefined) entry.violation = analysis.violation;
    return entry;
  }

  private analyse(direction: Direction, message: unknown, c: Classification, commit: boolean): Analysis {
    if (c.kind === 'invalid') {
      const analysis: Analysis = { kind: 'invalid', violation: 'jsonrpc', errors: [c.reason], commit: [] };
      // An invalid request whose id is readable is still answered with that id: expect the answer.
      const body = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
      const id = body.id;
      if ((typeof id === 'string' || typeof id === 'number') && 'method' in body) {
        const open = this.outstanding[direction];
        const key = idKey(id);
        if (!open.has(key))
          analysis.commit.push(() =>
            open.set(key, { seq: this.log.length + this.dropped + 1, method: String(body.method) }),
          );
      }
      return analysis;
    }
    if (c.kind === 'batch') return this.analyseBatch(direction, message as unknown[], c.items, commit);

    const errors: ErrorObject[] = [];
    const notes: string[] = [];
    const result: Analysis = { kind: c.kind, errors: [], commit: [] };
    const check = (definition: string | undefined, value: unknown, prefix = ''): void => {
      if (!definition) return;
      const outcome = validate(this.revision, definition, value);
      if (!outcome.valid) errors.push(...prefixed(outcome.errors, prefix));
    };
    const { envelopes } = this.methods;
    const body = message as Record<string, unknown>;

    if (c.kind === 'request' || c.kind === 'notification') {
      result.method = c.method;
      const known = (c.kind === 'request' ? this.methods.requests : this.methods.notifications).get(c.method);
      if (c.kind === 'request') result.id = c.id;
      if (!known) {
        result.definition = c.kind === 'request' ? envelopes.request : envelopes.notification;
        check(result.definition, message);
        notes.push(`(root): revision ${this.revision} defines no ${c.kind} with method ${JSON.stringify(c.method)}`);
      } else if (known.envelope) {
        result.definition = known.definition;
        check(known.definition, message);
      } else {
        result.definition = known.definition;
        check(c.kind === 'request' ? envelopes.request : envelopes.notification, message);
        const inner: Record<string, unknown> = { method: body.method };
        if (Object.hasOwn(body, 'params')) inner.params = body.params;
        check(known.definition, inner);
      }
      if (c.kind === 'request') {
        const key = idKey(c.id);
        const open = this.outstanding[direction];
        const clash = open.get(key);
        if (clash) {
          notes.push(
            `/id: ${JSON.stringify(c.id)} is already used by request #${clash.seq}, which is still unanswered`,
          );
        } else {
          const pending: Outstanding = { seq: 0, method: c.method };
          if (known?.result) pending.result = known.result;
          const params = body.params as Record<string, unknown> | undefined;
          if (params && typeof params.task === 'object' && params.task !== null) pending.task = true;
          result.commit.push(() => open.set(key, { ...pending, seq: this.log.length + this.dropped + 1 }));
        }
      }
    } else {
      result.id = c.id;
      const open = this.outstanding[other(direction)];
      const key = c.id === null ? undefined : idKey(c.id);
      const done = this.answered[other(direction)];
      const replayed = this.replaying && key !== undefined && !open.has(key) ? done.get(key) : undefined;
      const request = key === undefined ? undefined : (open.get(key) ?? replayed);
      if (request && !replayed) {
        result.answers = request.seq;
        result.method = request.method;
        result.commit.push(() => {
          open.delete(key!);
          done.set(key!, request);
          // Only recent answers can be replayed; keep the memory bounded.
          if (done.size > MAX_ANSWERED) done.delete(done.keys().next().value!);
        });
      } else if (replayed) {
        result.answers = replayed.seq;
        result.method = replayed.method;
      }
      if (c.kind === 'result-response') {
        check(envelopes.resultResponse, message);
        const inner = body.result as Record<string, unknown> | undefined;
        let definition = request?.result;
        if (definition && inner?.resultType === 'input_required' && hasDefinition(this.revision, INPUT_REQUIRED))
          definition = INPUT_REQUIRED;
        // A receiver that did not declare tasks for the request type answers it the ordinary way, without `task`.
        else if (definition && request?.task && inner?.task !== undefined && hasDefinition(this.revision, CREATE_TASK))
          definition = CREATE_TASK;
        result.definition = definition ?? envelopes.resultResponse;
        if (definition) check(definition, body.result, '/result');
        if (!request) notes.push(`/id: answers no outstanding request (id ${JSON.stringify(c.id)})`);
      } else {
        result.definition = envelopes.errorResponse;
        if (c.id === null) {
          // JSON-RPC requires `"id": null` when the request's id could not be read; no MCP schema can
          // express it (the id is a string or an integer, or absent from 2025-11-25), so the rest of
          // the response is validated as if the id were absent, or else a placeholder.
          const { id: _unreadable, ...rest } = body;
          void _unreadable;
          const absent = envelopes.errorResponse ? validate(this.revision, envelopes.errorResponse, rest).valid : true;
          if (!absent) check(envelopes.errorResponse, { ...rest, id: 0 });
        } else check(envelopes.errorResponse, message);
        if (!request && c.id !== null) notes.push(`/id: answers no outstanding request (id ${JSON.stringify(c.id)})`);
      }
    }
    result.errors = [...formatErrors(errors), ...notes];
    if (result.errors.length > 0) result.violation = 'schema';
    return result;
  }

  private analyseBatch(direction: Direction, items: unknown[], kinds: Classification[], commit: boolean): Analysis {
    const result: Analysis = { kind: 'batch', errors: [], commit: [] };
    const unionDefinition = this.methods.envelopes.message;
    if (unionDefinition && !validate(this.revision, unionDefinition, items).valid) {
      result.errors.push(`(root): revision ${this.revision} does not allow JSON-RPC batches`);
    }
    items.forEach((item, index) => {
      const kind = kinds[index]!;
      if (kind.kind === 'batch') {
        result.errors.push(`/${index}: a batch must not contain a batch`);
        return;
      }
      const inner = this.analyse(direction, item, kind, commit);
      result.errors.push(...inner.errors.map((e) => `/${index}${e.startsWith('(root)') ? e.slice(6) : e}`));
      result.commit.push(...inner.commit);
    });
    if (result.errors.length > 0) result.violation = kinds.some((k) => k.kind === 'invalid') ? 'jsonrpc' : 'schema';
    return result;
  }
}
