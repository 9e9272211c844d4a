import { check } from '../model/scenario.ts';

/**
 * Added by the runner to every scenario: each message the server sent during the scenario is valid
 * JSON-RPC and valid against the schema of the revision in use.
 */
export const WIRE_CHECK = check(
  'wire.server-messages-valid',
  'MUST',
  'Every message the server sends is valid JSON-RPC and valid for the revision schema',
  // The schema is what enforces the error and id rules cited here.
  [
    'base.messages.json-rpc',
    'base.error.has-code',
    'base.error.code-integer',
    'base.error.has-message',
    'base.request.id-not-null',
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
