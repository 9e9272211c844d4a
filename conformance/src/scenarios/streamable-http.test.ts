import { describe, expect, it } from 'vitest';
import { guessableIdProblems } from './streamable-http.ts';

describe('guessableIdProblems', () => {
  it('accepts random UUIDs and tokens sharing a fixed header', () => {
    expect(guessableIdProblems([crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()])).toEqual([]);
    const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
    expect(guessableIdProblems([`eyJhbGciOiJIUzI1NiJ9.${random()}`, `eyJhbGciOiJIUzI1NiJ9.${random()}`])).toEqual([]);
  });

  it('flags short ids, digits only and counters behind a prefix', () => {
    expect(guessableIdProblems(['1', '2', '3'])).toHaveLength(3);
    expect(guessableIdProblems(['17189000001234567', '17189000001234999'])).toHaveLength(2);
    expect(guessableIdProblems(['session-0000000001', 'session-0000000002', 'session-0000000003'])).toEqual([
      expect.stringContaining('differ in only 1 character(s)'),
    ]);
  });

  it('leaves duplicates to the uniqueness check', () => {
    const id = crypto.randomUUID();
    expect(guessableIdProblems([id, id, crypto.randomUUID()])).toEqual([]);
  });
});
