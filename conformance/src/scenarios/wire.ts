import { check, type CheckDeclaration } from '../model/scenario.ts';

/**
 * Added by the runner to every scenario: each message the server sent during the scenario is valid
 * JSON-RPC and valid against the schema of the revision in use.
 */
export const WIRE_CHECK = check(
  'wire.server-messages-valid',
  'MUST',
  'Every message the server sends is valid JSON-RPC and valid for the revision schema',
  // The schema is what enforces the error and id rules cited here; the transports flag bytes that are not UTF-8.
  [
    'base.messages.json-rpc',
    'base.error.has-code',
    'base.error.code-integer',
    'base.error.has-message',
    'base.request.id-not-null',
    'transport.message.utf8',
  ],
);

/**
 * Added by the runner to every scenario of the stateless era, where a server never sends requests of its
 * own (multi round-trip results replace them).
 */
export const STATELESS_NO_REQUESTS_CHECK = check(
  'wire.stateless-no-server-requests',
  'MUST NOT',
  'The server sends no JSON-RPC request of its own in the stateless era',
  ['mrtr.server.no-initiated-requests', 'transport.stdio.server-no-requests', 'transport.http.sse.no-server-requests'],
  { era: 'stateless' },
);

/** Rules beyond the schema, judged by the runner over every server message of every scenario (wire-rules.ts). */
export const META_KEYS_CHECK = check(
  'wire.meta-key-names',
  'MUST',
  'Every `_meta` key the server sends has a well-formed prefix and name',
  [
    'base.meta.prefix-labels',
    'base.meta.label-start',
    'base.meta.label-end',
    'base.meta.name-start',
    'base.meta.name-end',
  ],
  { from: '2025-11-25' },
);

export const TRACE_CONTEXT_CHECK = check(
  'wire.trace-context-values',
  'MUST',
  'The `traceparent`, `tracestate` and `baggage` values the server sends in `_meta` follow the W3C formats',
  ['base.meta.trace-context-format', 'base.meta.baggage-format'],
  { era: 'stateless' },
);

export const NOTIFICATION_ID_CHECK = check(
  'wire.notifications-without-id',
  'MUST NOT',
  'No notification the server sends carries an `id`',
  ['base.notification.no-id'],
);

export const SERVER_REQUEST_IDS_CHECK = check(
  'wire.server-request-ids',
  'MUST',
  'Every request the server sends has a string or integer `id` it never used before in the session',
  ['base.request.id-present', 'base.request.id-unique-in-session'],
  { era: 'stateful' },
);

export const ERROR_CODES_CHECK = check(
  'wire.error-codes',
  'MUST NOT',
  'The server sends no retired error code (-32002, -32042) and no code of the reserved range the revision leaves undefined',
  ['base.error-codes.no-32002', 'base.error-codes.no-32042', 'base.error-codes.reserved-undefined'],
  { era: 'stateless' },
);

export const RESULT_TYPES_CHECK = check(
  'wire.result-types',
  'MUST',
  'Every `resultType` the server sends is a core value, unless it advertises extensions that may define more',
  ['base.result-type.supported-set'],
  { era: 'stateless' },
);

/** Every check the runner adds to each scenario (each keeps its own revision filter). */
export const BUILT_IN_CHECKS: readonly CheckDeclaration[] = [
  WIRE_CHECK,
  STATELESS_NO_REQUESTS_CHECK,
  META_KEYS_CHECK,
  TRACE_CONTEXT_CHECK,
  NOTIFICATION_ID_CHECK,
  SERVER_REQUEST_IDS_CHECK,
  ERROR_CODES_CHECK,
  RESULT_TYPES_CHECK,
];
