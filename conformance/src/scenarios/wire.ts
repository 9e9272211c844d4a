import { check } from '../model/scenario.ts';

/**
 * Added by the runner to every scenario: each message the server sent during the scenario is valid
 * JSON-RPC and valid against the schema of the revision in use.
 */
export const WIRE_CHECK = check(
  'wire.server-messages-valid',
  'MUST',
  'Every message the server sends is valid JSON-RPC and valid for the revision schema',
  ['base.messages.json-rpc'],
);
