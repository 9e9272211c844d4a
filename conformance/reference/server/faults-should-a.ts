/**
 * Faults for the server SHOULD / SHOULD NOT checks of tool names and schemas, resource annotations, completion
 * errors, server/discover identity and sampling context. Spread into `FAULT_CATALOGUE` (faults.ts). Faults whose
 * name the server's code reads are marked "switch"; the others are pure data.
 */
import type { Fault } from './faults.ts';

export const SHOULD_A_FAULTS: Fault[] = [
  {
    // switch (features.ts, findTool)
    name: 'tool-names-case-insensitive',
    description: 'tools/call finds tools by case-insensitive name, so TEST_SIMPLE_TEXT runs test_simple_text',
    breaks: ['fixture.tool-name-case-sensitive'],
  },
];
