/**
 * Faults for server SHOULD / SHOULD NOT requirements of the HTTP transport, tasks and multi round-trip
 * requests. Spread into `FAULT_CATALOGUE` (faults.ts). Faults whose name the server's code reads are marked
 * "switch"; the others are pure data.
 */
import { randomUUID } from 'node:crypto';
import type { Fault } from './faults.ts';

/** Session ids from a counter behind a fixed prefix: long enough, but one guesses the next. */
function counterIds(): () => string {
  let issued = 0;
  return () => `reference-session-${String((issued += 1)).padStart(8, '0')}`;
}

/** Random-looking session ids, but only two of them, handed out in turn: the third session shares the first's id. */
function twoIds(): () => string {
  const pool = [randomUUID(), randomUUID()];
  let issued = 0;
  return () => pool[(issued += 1) % pool.length]!;
}

export const SHOULD_B_FAULTS: Fault[] = [
  {
    name: 'task-get-sse',
    description: 'tasks/get is answered on an SSE stream although the client polls',
    breaks: ['tasks.get-json'],
    http: { options: { streamAnswer: (method) => method === 'tasks/get' } },
  },
  {
    name: 'session-id-repeated',
    description: 'session ids come from a pool of two, so sessions share ids',
    breaks: ['http.session-id-unique'],
    http: { options: { sessionIdGenerator: twoIds() } },
  },
  {
    name: 'session-id-counter',
    description: 'session ids are a counter behind a fixed prefix',
    breaks: ['http.session-id-unguessable'],
    http: { options: { sessionIdGenerator: counterIds() } },
  },
  {
    // switch
    name: 'input-responses-unvalidated',
    description:
      'inputResponses escapes the schema check: answers that are not result objects are ignored and asked for again',
    breaks: ['fixture.mrtr-malformed-responses'],
  },
  {
    // switch
    name: 'input-responses-unparsed',
    description: 'answers in inputResponses are used without checking they are the kind of result asked for',
    breaks: ['fixture.mrtr-unparsable-responses'],
  },
  {
    // switch
    name: 'request-state-unbound',
    description: 'a verified requestState is accepted with any request, not only the one it was issued for',
    breaks: ['fixture.mrtr-state-other-request'],
  },
  {
    // switch
    name: 'request-state-per-connection',
    description: 'a requestState is bound to the TCP connection it was issued on: a retry on another one is refused',
    breaks: ['fixture.mrtr-retry-new-connection'],
  },
];
