/**
 * Faults for server SHOULD / SHOULD NOT requirements of the HTTP transport, tasks and multi round-trip
 * requests. Spread into `FAULT_CATALOGUE` (faults.ts). Faults whose name the server's code reads are marked
 * "switch"; the others are pure data.
 */
import type { Fault } from './faults.ts';

export const SHOULD_B_FAULTS: Fault[] = [
  {
    name: 'task-get-sse',
    description: 'tasks/get is answered on an SSE stream although the client polls',
    breaks: ['tasks.get-json'],
    http: { options: { streamAnswer: (method) => method === 'tasks/get' } },
  },
];
