/**
 * TypeScript `number` must reach the JSON Schemas as `number` wherever it appears, including inside unions
 * and index signatures, while the fields the source marks as integers (`@TJS-type integer`) keep rejecting
 * fractions. Checked through the validators the conformance CLI uses, against the committed schemas.
 */
import { describe, expect, it } from 'vitest';
import { formatErrors, hasDefinition, revisionIds, validate } from './index.ts';

const revisions = revisionIds();
const withElicitation = revisions.filter((revision) => hasDefinition(revision, 'ElicitResult'));
const stateless = revisions.filter((revision) => hasDefinition(revision, 'JSONValue'));

function accepts(revision: string, definition: string, value: unknown): string[] {
  return formatErrors(validate(revision, definition, value).errors);
}

/** A result of the revision: the stateless era adds `resultType`. */
function result(revision: string, body: Record<string, unknown>): Record<string, unknown> {
  return stateless.includes(revision) ? { resultType: 'complete', ...body } : body;
}

function rejects(revision: string, definition: string, value: unknown): boolean {
  return !validate(revision, definition, value).valid;
}

describe('numbers in unions and index signatures', () => {
  it('has revisions with elicitation and with JSONValue to test', () => {
    expect(withElicitation).toEqual(expect.arrayContaining(['2025-06-18', '2025-11-25', '2026-07-28', 'draft']));
    expect(stateless).toEqual(expect.arrayContaining(['2026-07-28', 'draft']));
  });

  it.each(withElicitation)('%s: an elicitation answer may be a fractional number', (revision) => {
    const answer = (content: unknown) => result(revision, { action: 'accept', content });
    expect(accepts(revision, 'ElicitResult', answer({ rating: 3.5 }))).toEqual([]);
    expect(accepts(revision, 'ElicitResult', answer({ rating: -0.25, count: 2 }))).toEqual([]);
    expect(rejects(revision, 'ElicitResult', answer({ rating: { nested: 1 } }))).toBe(true);
  });

  it.each(stateless)('%s: a JSONValue may be a fractional number', (revision) => {
    expect(accepts(revision, 'JSONValue', 0.5)).toEqual([]);
    expect(accepts(revision, 'JSONObject', { temperature: 0.7, nested: [1.25, { x: -3.5 }] })).toEqual([]);
  });
});

describe('fields marked as integers', () => {
  it.each(revisions)('%s: request ids and progress tokens are strings or integers', (revision) => {
    expect(accepts(revision, 'RequestId', 7)).toEqual([]);
    expect(accepts(revision, 'ProgressToken', 7)).toEqual([]);
    expect(rejects(revision, 'RequestId', 1.5)).toBe(true);
    expect(rejects(revision, 'ProgressToken', 1.5)).toBe(true);
  });

  it.each(revisions)('%s: counts, sizes and error codes reject 1.5', (revision) => {
    const resource = { uri: 'file:///a.txt', name: 'a.txt' };
    expect(accepts(revision, 'Resource', { ...resource, size: 2 })).toEqual([]);
    expect(rejects(revision, 'Resource', { ...resource, size: 1.5 })).toBe(true);
    const completion = (total: number) => result(revision, { completion: { values: ['a'], total } });
    expect(accepts(revision, 'CompleteResult', completion(3))).toEqual([]);
    expect(rejects(revision, 'CompleteResult', completion(1.5))).toBe(true);
    const definition = hasDefinition(revision, 'JSONRPCErrorResponse') ? 'JSONRPCErrorResponse' : 'JSONRPCError';
    const error = { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'no such method' } };
    expect(accepts(revision, definition, error)).toEqual([]);
    expect(rejects(revision, definition, { ...error, error: { ...error.error, code: -32601.5 } })).toBe(true);
  });

  it.each(revisions.filter((revision) => hasDefinition(revision, 'StringSchema')))(
    '%s: string length bounds reject 1.5',
    (revision) => {
      expect(accepts(revision, 'StringSchema', { type: 'string', minLength: 1 })).toEqual([]);
      expect(rejects(revision, 'StringSchema', { type: 'string', minLength: 1.5 })).toBe(true);
    },
  );

  it.each(revisions.filter((revision) => hasDefinition(revision, 'Task')))(
    '%s: a task ttl is an integer or null',
    (revision) => {
      const task = { taskId: 't', status: 'working', createdAt: '2025-01-01T00:00:00Z' };
      const lastUpdatedAt = { lastUpdatedAt: '2025-01-01T00:00:00Z' };
      expect(accepts(revision, 'Task', { ...task, ...lastUpdatedAt, ttl: null })).toEqual([]);
      expect(accepts(revision, 'Task', { ...task, ...lastUpdatedAt, ttl: 60000 })).toEqual([]);
      expect(rejects(revision, 'Task', { ...task, ...lastUpdatedAt, ttl: 1.5 })).toBe(true);
    },
  );
});
