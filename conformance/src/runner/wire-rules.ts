/**
 * The runner's judges for the checks it adds to every scenario (`BUILT_IN_CHECKS` of `scenarios/wire.ts`):
 * schema validity, no server requests in the stateless era, and the rules the schema cannot express (`_meta`
 * key names, notification and request ids, retired and reserved error codes, result types). Each looks at every
 * message the server sent during the scenario.
 */
import { definitionsOf, loadSchema } from '../../../schema/index.ts';
import { idKey, isObject } from '../protocol/jsonrpc.ts';
import { methodMap } from '../protocol/methods.ts';
import type { WireEntry } from '../protocol/recorder.ts';
import {
  ERROR_CODES_CHECK,
  META_KEYS_CHECK,
  NOTIFICATION_ID_CHECK,
  RESULT_TYPES_CHECK,
  SERVER_REQUEST_IDS_CHECK,
  STATELESS_NO_REQUESTS_CHECK,
  TRACE_CONTEXT_CHECK,
  WIRE_CHECK,
} from '../scenarios/wire.ts';
import { toEvidence, type ServerContext } from './context.ts';

type Json = Record<string, unknown>;

/** A message found on the wire, batches unpacked, with the entry that carried it. */
interface Sent {
  entry: WireEntry;
  message: Json;
}

function serverMessages(recorder: { entries(): readonly WireEntry[] }): Sent[] {
  const found: Sent[] = [];
  for (const entry of recorder.entries()) {
    if (entry.direction !== 'server-to-client') continue;
    const items = Array.isArray(entry.message) ? (entry.message as unknown[]) : [entry.message];
    for (const item of items) if (isObject(item)) found.push({ entry, message: item });
  }
  return found;
}

/** One broken rule: the requirement it breaks and what was wrong. */
interface Finding {
  requirement: string;
  what: string;
  entry: WireEntry;
}

function decide(ctx: ServerContext, id: string, findings: Finding[], judged: number, nothing: string): void {
  if (!ctx.has(id)) return;
  const handle = ctx.check(id);
  if (findings.length > 0) {
    const shown = [...new Set(findings.map((f) => `${f.what} (${f.requirement})`))].slice(0, 3);
    const entries = [...new Set(findings.map((f) => f.entry))].slice(0, 5);
    handle.fail(`${findings.length} violation(s): ${shown.join('; ')}`, ...entries.map(toEvidence));
  } else if (judged > 0) handle.pass(`${judged} judged, none broke the rule`);
  else handle.skip(nothing);
}

const LABEL_CHARS = /^[A-Za-z0-9-]+$/;

/** What is wrong with a `_meta` key, by requirement. */
export function metaKeyProblems(key: string): Array<{ requirement: string; what: string }> {
  const problems: Array<{ requirement: string; what: string }> = [];
  const slash = key.lastIndexOf('/');
  const name = key.slice(slash + 1);
  if (slash >= 0) {
    const labels = key.slice(0, slash).split('.');
    for (const label of labels) {
      if (label === '' || !LABEL_CHARS.test(label))
        problems.push({
          requirement: 'base.meta.prefix-labels',
          what: `prefix of ${JSON.stringify(key)} is not dot-joined labels`,
        });
      else {
        if (!/^[A-Za-z]/.test(label))
          problems.push({
            requirement: 'base.meta.label-start',
            what: `label ${JSON.stringify(label)} does not begin with a letter`,
          });
        if (!/[A-Za-z0-9]$/.test(label))
          problems.push({
            requirement: 'base.meta.label-end',
            what: `label ${JSON.stringify(label)} does not end with a letter or digit`,
          });
      }
    }
  }
  if (name !== '') {
    if (!/^[A-Za-z0-9]/.test(name))
      problems.push({
        requirement: 'base.meta.name-start',
        what: `name of ${JSON.stringify(key)} does not begin with an ASCII letter or digit`,
      });
    if (!/[A-Za-z0-9]$/.test(name))
      problems.push({
        requirement: 'base.meta.name-end',
        what: `name of ${JSON.stringify(key)} does not end with an ASCII letter or digit`,
      });
  }
  return problems;
}

// W3C Trace Context: version-traceid-parentid-flags, lower-case hex, version ff and all-zero ids invalid.
const TRACEPARENT = /^(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-.*)?$/;
const TRACESTATE_MEMBER =
  /^([a-z0-9][_0-9a-z\-*/]{0,255}|[a-z0-9][_0-9a-z\-*/]{0,240}@[a-z][_0-9a-z\-*/]{0,13})=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
// W3C Baggage: key=value members; keys are RFC 7230 tokens, values baggage-octets or percent escapes.
const BAGGAGE_MEMBER =
  /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=[ \t]*([\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]|%[0-9A-Fa-f]{2})*[ \t]*(;[^,]*)?$/;

/** Whether a trace context value has its W3C format; undefined for keys that are not trace context. */
export function traceValueProblem(key: string, value: unknown): string | undefined {
  if (key !== 'traceparent' && key !== 'tracestate' && key !== 'baggage') return undefined;
  if (typeof value !== 'string') return `${key} is not a string`;
  const members = value.split(',').map((m) => m.trim());
  if (key === 'traceparent') return TRACEPARENT.test(value) ? undefined : `traceparent ${JSON.stringify(value)}`;
  if (key === 'tracestate')
    return members.length <= 32 && members.every((m) => m === '' || TRACESTATE_MEMBER.test(m))
      ? undefined
      : `tracestate ${JSON.stringify(value)}`;
  return members.every((m) => BAGGAGE_MEMBER.test(m)) ? undefined : `baggage ${JSON.stringify(value)}`;
}

/** Members whose content is free-form data or a JSON Schema, where a `_meta` key is not MCP metadata. */
const OPAQUE = new Set(['inputSchema', 'outputSchema', 'requestedSchema', 'structuredContent', 'arguments', 'data']);

function judgeMetaKeys(ctx: ServerContext, messages: Sent[]): void {
  const traceRules = ctx.has(TRACE_CONTEXT_CHECK.id);
  const findings: Finding[] = [];
  const traceFindings: Finding[] = [];
  let judged = 0;
  let traced = 0;
  const walk = (value: unknown, entry: WireEntry): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, entry);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (OPAQUE.has(key)) continue;
      if (key === '_meta' && isObject(inner)) {
        for (const [metaKey, metaValue] of Object.entries(inner)) {
          judged += 1;
          for (const problem of metaKeyProblems(metaKey)) findings.push({ ...problem, entry });
          if (traceRules && ['traceparent', 'tracestate', 'baggage'].includes(metaKey)) traced += 1;
          const trace = traceRules ? traceValueProblem(metaKey, metaValue) : undefined;
          if (trace !== undefined)
            traceFindings.push({
              requirement: metaKey === 'baggage' ? 'base.meta.baggage-format' : 'base.meta.trace-context-format',
              what: `${trace} does not follow the W3C format`,
              entry,
            });
        }
      } else walk(inner, entry);
    }
  };
  for (const { entry, message } of messages) walk(message, entry);
  decide(ctx, META_KEYS_CHECK.id, findings, judged, 'the server sent no `_meta` key in this scenario');
  decide(ctx, TRACE_CONTEXT_CHECK.id, traceFindings, traced, 'the server sent no trace context in this scenario');
}

function judgeIds(ctx: ServerContext, perRecorder: Sent[][]): void {
  const methods = methodMap(ctx.revision.id);
  const notificationFindings: Finding[] = [];
  const requestFindings: Finding[] = [];
  let notifications = 0;
  let requests = 0;
  for (const messages of perRecorder) {
    const used = new Map<string, WireEntry>();
    for (const { entry, message } of messages) {
      if (typeof message.method !== 'string') continue;
      const method = message.method;
      const hasId = Object.hasOwn(message, 'id');
      const isNotification = methods.notifications.has(method) || method.startsWith('notifications/');
      if (isNotification) {
        notifications += 1;
        if (hasId)
          notificationFindings.push({
            requirement: 'base.notification.no-id',
            what: `${method} carries id ${JSON.stringify(message.id)}`,
            entry,
          });
        continue;
      }
      if (!methods.requests.has(method) && !hasId) continue;
      requests += 1;
      const id = message.id;
      if (typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id))) {
        const earlier = used.get(idKey(id));
        if (earlier)
          requestFindings.push({
            requirement: 'base.request.id-unique-in-session',
            what: `${method} reuses id ${JSON.stringify(id)} of the request in message #${earlier.seq}`,
            entry,
          });
        else used.set(idKey(id), entry);
      } else
        requestFindings.push({
          requirement: 'base.request.id-present',
          what: hasId ? `${method} has id ${JSON.stringify(id)}, not a string or an integer` : `${method} has no id`,
          entry,
        });
    }
  }
  decide(
    ctx,
    NOTIFICATION_ID_CHECK.id,
    notificationFindings,
    notifications,
    'the server sent no notification in this scenario',
  );
  decide(ctx, SERVER_REQUEST_IDS_CHECK.id, requestFindings, requests, 'the server sent no request in this scenario');
}

const definedCodes = new Map<string, Set<number>>();

/** Error codes the revision's schema fixes (`code` members with a `const`). */
function codesDefinedBy(revision: string): Set<number> {
  let codes = definedCodes.get(revision);
  if (!codes) {
    const found = new Set<number>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (isObject(value)) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'code' && isObject(inner) && typeof inner.const === 'number') found.add(inner.const);
          else walk(inner);
        }
      }
    };
    walk(definitionsOf(loadSchema(revision)));
    codes = found;
    definedCodes.set(revision, codes);
  }
  return codes;
}

function judgeErrorCodes(ctx: ServerContext, messages: Sent[]): void {
  if (!ctx.has(ERROR_CODES_CHECK.id)) return;
  const defined = codesDefinedBy(ctx.revision.id);
  const findings: Finding[] = [];
  let judged = 0;
  for (const { entry, message } of messages) {
    if (!isObject(message.error) || typeof message.error.code !== 'number') continue;
    judged += 1;
    const code = message.error.code;
    if (code === -32002)
      findings.push({ requirement: 'base.error-codes.no-32002', what: 'error code -32002 was retired', entry });
    else if (code === -32042)
      findings.push({ requirement: 'base.error-codes.no-32042', what: 'error code -32042 was retired', entry });
    else if (code >= -32099 && code <= -32020 && !defined.has(code))
      findings.push({
        requirement: 'base.error-codes.reserved-undefined',
        what: `error code ${code} is reserved and undefined in ${ctx.revision.id}`,
        entry,
      });
  }
  decide(ctx, ERROR_CODES_CHECK.id, findings, judged, 'the server sent no error in this scenario');
}

/** The values the core protocol defines (basic/index.md, "Result types"). */
const CORE_RESULT_TYPES = new Set(['complete', 'input_required']);

function judgeResultTypes(ctx: ServerContext, messages: Sent[]): void {
  if (!ctx.has(RESULT_TYPES_CHECK.id)) return;
  // An advertised extension may define further values, which the suite cannot know.
  const extensions = messages.some(({ entry, message }) => {
    const result = message.result;
    return (
      entry.method === 'server/discover' &&
      isObject(result) &&
      isObject(result.capabilities) &&
      isObject(result.capabilities.extensions) &&
      Object.keys(result.capabilities.extensions).length > 0
    );
  });
  const findings: Finding[] = [];
  let judged = 0;
  for (const { entry, message } of messages) {
    if (!isObject(message.result) || typeof message.result.resultType !== 'string') continue;
    judged += 1;
    const value = message.result.resultType;
    if (!CORE_RESULT_TYPES.has(value) && !extensions)
      findings.push({
        requirement: 'base.result-type.supported-set',
        what: `resultType ${JSON.stringify(value)} is no core value and the server advertises no extension`,
        entry,
      });
  }
  decide(ctx, RESULT_TYPES_CHECK.id, findings, judged, 'the server sent no result with a resultType in this scenario');
}

/** Every server-to-client message of the scenario must be valid for the revision. */
function judgeValidity(context: ServerContext): void {
  const handle = context.check(WIRE_CHECK.id);
  const invalid = context.recorders.flatMap((r) => r.invalid('server-to-client'));
  const total = context.recorders.reduce(
    (n, r) => n + r.entries().filter((e) => e.direction === 'server-to-client').length,
    0,
  );
  if (invalid.length > 0) {
    const first = invalid[0]!;
    handle.fail(
      `${invalid.length} of ${total} server message(s) invalid for ${context.revision.id}: ${first.violation}: ${first.errors[0] ?? ''}`,
      ...invalid.slice(0, 5).map(toEvidence),
    );
  } else if (total > 0) handle.pass(`${total} server message(s), all valid`);
  else handle.skip('the server sent nothing in this scenario');
}

/** Stateless era: any request from the server fails the check, with the requests as evidence. */
function judgeNoServerRequests(context: ServerContext): void {
  if (!context.has(STATELESS_NO_REQUESTS_CHECK.id)) return;
  const requests = context.recorders.flatMap((r) =>
    r.entries().filter((e) => e.direction === 'server-to-client' && e.kind === 'request'),
  );
  const handle = context.check(STATELESS_NO_REQUESTS_CHECK.id);
  if (requests.length === 0) handle.pass();
  else
    handle.fail(
      `the server sent ${requests.length} request(s): ${requests.map((e) => e.method).join(', ')}`,
      ...requests.slice(0, 5).map(toEvidence),
    );
}

/** Decides every built-in check the scenario carries, once its connections are closed. */
export function decideBuiltInChecks(ctx: ServerContext): void {
  judgeValidity(ctx);
  judgeNoServerRequests(ctx);
  const perRecorder = ctx.recorders.map(serverMessages);
  const all = perRecorder.flat();
  judgeMetaKeys(ctx, all);
  judgeIds(ctx, perRecorder);
  judgeErrorCodes(ctx, all);
  judgeResultTypes(ctx, all);
}
