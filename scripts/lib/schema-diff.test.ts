import { describe, expect, it } from 'vitest';
import { diffSchemas, renderDiffMarkdown, type SchemaChange } from './schema-diff.ts';

/** A 2020-12 schema with the given definitions. */
const modern = (defs: Record<string, unknown>) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: defs,
});
/** A draft-07 schema with the given definitions. */
const legacy = (defs: Record<string, unknown>) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: defs,
});

const object = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

function only(before: unknown, after: unknown): SchemaChange {
  const diff = diffSchemas('a', modern({ T: before }), 'b', modern({ T: after }));
  expect(diff.changes).toHaveLength(1);
  return diff.changes[0]!;
}

describe('diffSchemas', () => {
  it('reports nothing for identical schemas, even across dialects and with different descriptions', () => {
    const before = legacy({
      T: object({ a: { type: 'string', description: 'old' } }, ['a']),
      U: { $ref: '#/definitions/T' },
    });
    const after = modern({ T: object({ a: { type: 'string', description: 'new' } }, ['a']), U: { $ref: '#/$defs/T' } });
    const diff = diffSchemas('a', before, 'b', after);
    expect(diff.changes).toEqual([]);
    expect(renderDiffMarkdown(diff)).toContain('No changes to the schema.');
  });

  it('ignores the order of union members and enum values', () => {
    const before = modern({ A: {}, B: {}, T: { anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }], enum: [1, 2] } });
    const after = modern({ A: {}, B: {}, T: { anyOf: [{ $ref: '#/$defs/B' }, { $ref: '#/$defs/A' }], enum: [2, 1] } });
    expect(diffSchemas('a', before, 'b', after).changes).toEqual([]);
  });

  it('classifies definitions added and removed', () => {
    const diff = diffSchemas('a', modern({ Old: { type: 'string' } }), 'b', modern({ New: { type: 'string' } }));
    expect(diff.added).toEqual(['New']);
    expect(diff.removed).toEqual(['Old']);
    expect(diff.changes.find((c) => c.kind === 'definition-added')).toMatchObject({
      senders: 'compatible',
      receivers: 'compatible',
    });
    expect(diff.changes.find((c) => c.kind === 'definition-removed')).toMatchObject({
      senders: 'breaking',
      receivers: 'compatible',
    });
  });

  it('adding an optional field is compatible both ways on an open object', () => {
    expect(only(object({}), object({ x: { type: 'string' } }))).toMatchObject({
      kind: 'field-added',
      path: 'x',
      senders: 'compatible',
      receivers: 'compatible',
    });
  });

  it('adding a required field breaks senders', () => {
    expect(only(object({}), object({ x: { type: 'string' } }, ['x']))).toMatchObject({
      kind: 'field-added',
      senders: 'breaking',
      receivers: 'compatible',
    });
  });

  it('adding a field to a closed object breaks receivers', () => {
    const closed = { additionalProperties: false };
    expect(only(object({}, [], closed), object({ x: { type: 'string' } }, [], closed))).toMatchObject({
      kind: 'field-added',
      receivers: 'breaking',
    });
  });

  it('removing a required field breaks receivers; removing an optional one does not', () => {
    expect(only(object({ x: { type: 'string' } }, ['x']), object({}))).toMatchObject({
      kind: 'field-removed',
      senders: 'compatible',
      receivers: 'breaking',
    });
    expect(only(object({ x: { type: 'string' } }), object({}))).toMatchObject({
      kind: 'field-removed',
      senders: 'compatible',
      receivers: 'compatible',
    });
  });

  it('optional to required breaks senders, required to optional breaks receivers', () => {
    expect(only(object({ x: { type: 'string' } }), object({ x: { type: 'string' } }, ['x']))).toMatchObject({
      kind: 'field-now-required',
      senders: 'breaking',
      receivers: 'compatible',
    });
    expect(only(object({ x: { type: 'string' } }, ['x']), object({ x: { type: 'string' } }))).toMatchObject({
      kind: 'field-now-optional',
      senders: 'compatible',
      receivers: 'breaking',
    });
  });

  it('classifies type narrowing and widening, treating integer as a kind of number', () => {
    expect(only({ type: ['string', 'integer'] }, { type: 'string' })).toMatchObject({
      kind: 'type-changed',
      senders: 'breaking',
      receivers: 'compatible',
    });
    expect(only({ type: 'integer' }, { type: 'number' })).toMatchObject({
      kind: 'type-changed',
      senders: 'compatible',
      receivers: 'breaking',
    });
    expect(only({ type: 'string' }, { type: 'boolean' })).toMatchObject({ senders: 'breaking', receivers: 'breaking' });
  });

  it('classifies enum values added and removed', () => {
    expect(only({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] })).toMatchObject({
      kind: 'enum-changed',
      senders: 'compatible',
      receivers: 'breaking',
    });
    expect(only({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] })).toMatchObject({
      kind: 'enum-changed',
      senders: 'breaking',
      receivers: 'compatible',
    });
  });

  it('a changed constant breaks both sides', () => {
    const change = only({ type: 'string', const: 'tools/list' }, { type: 'string', const: 'tools/enumerate' });
    expect(change).toMatchObject({ kind: 'const-changed', senders: 'breaking', receivers: 'breaking' });
    expect(change.before).toBe('tools/list');
    expect(change.after).toBe('tools/enumerate');
  });

  it('finds changes in nested objects and array items, with a dotted path', () => {
    const before = object({ params: object({ items: { type: 'array', items: object({ n: { type: 'integer' } }) } }) });
    const after = object({ params: object({ items: { type: 'array', items: object({ n: { type: 'string' } }) } }) });
    expect(only(before, after)).toMatchObject({ kind: 'type-changed', path: 'params.items[].n' });
  });

  it('classifies union members added and removed', () => {
    const before = { anyOf: [{ $ref: '#/$defs/A' }] };
    const after = { anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }] };
    const diff = diffSchemas('a', modern({ A: {}, B: {}, T: before }), 'b', modern({ A: {}, B: {}, T: after }));
    expect(diff.changes).toEqual([
      expect.objectContaining({ kind: 'variant-added', senders: 'compatible', receivers: 'breaking' }),
    ]);
    const back = diffSchemas('b', modern({ A: {}, B: {}, T: after }), 'a', modern({ A: {}, B: {}, T: before }));
    expect(back.changes).toEqual([
      expect.objectContaining({ kind: 'variant-removed', senders: 'breaking', receivers: 'compatible' }),
    ]);
  });

  it('reads a plain schema becoming a union as a member added', () => {
    const change = only(
      { type: ['string', 'integer'] },
      { anyOf: [{ type: ['integer', 'string'] }, { type: 'array', items: { type: 'string' } }] },
    );
    expect(change).toMatchObject({ kind: 'variant-added', senders: 'compatible', receivers: 'breaking' });
    expect(change.summary).toBe('anyOf member `array of string` added');
  });

  it('moving an inline shape into a named definition is compatible when the shape is the same', () => {
    const shape = object({ name: { type: 'string' } }, ['name']);
    const diff = diffSchemas(
      'a',
      modern({ T: object({ params: shape }) }),
      'b',
      modern({ P: shape, T: object({ params: { $ref: '#/$defs/P' } }) }),
    );
    const refChange = diff.changes.find((c) => c.kind === 'ref-changed');
    expect(refChange).toMatchObject({
      definition: 'T',
      path: 'params',
      senders: 'compatible',
      receivers: 'compatible',
    });
    expect(refChange?.summary).toContain('same shape');
    expect(diff.changes.filter((c) => c.definition === 'T')).toHaveLength(1);
  });

  it('reports the differences behind a reference that now points at a different shape', () => {
    const diff = diffSchemas(
      'a',
      modern({ T: object({ params: object({ name: { type: 'string' } }) }) }),
      'b',
      modern({ P: object({ name: { type: 'integer' } }), T: object({ params: { $ref: '#/$defs/P' } }) }),
    );
    expect(diff.changes.filter((c) => c.definition === 'T').map((c) => c.kind)).toEqual([
      'type-changed',
      'ref-changed',
    ]);
  });

  it('classifies numeric bounds tightened and loosened', () => {
    expect(only({ type: 'number', maximum: 1 }, { type: 'number', maximum: 0.5 })).toMatchObject({
      kind: 'constraint-changed',
      senders: 'breaking',
      receivers: 'compatible',
    });
    expect(only({ type: 'number', minimum: 0 }, { type: 'number' })).toMatchObject({
      kind: 'constraint-changed',
      senders: 'compatible',
      receivers: 'breaking',
    });
    expect(only({ type: 'array' }, { type: 'array', maxItems: 100 })).toMatchObject({ senders: 'breaking' });
  });

  it('classifies a new format as narrowing', () => {
    expect(only({ type: 'string' }, { type: 'string', format: 'uri' })).toMatchObject({
      kind: 'constraint-changed',
      senders: 'breaking',
      receivers: 'compatible',
    });
  });

  it('classifies closing and opening an object', () => {
    expect(only(object({}), object({}, [], { additionalProperties: false }))).toMatchObject({
      kind: 'additional-properties-changed',
      senders: 'breaking',
      receivers: 'compatible',
    });
    expect(
      only(object({}, [], { additionalProperties: false }), object({}, [], { additionalProperties: {} })),
    ).toMatchObject({
      kind: 'additional-properties-changed',
      senders: 'compatible',
      receivers: 'breaking',
    });
  });

  it('treats additionalProperties true, {} and absent as the same', () => {
    const diff = diffSchemas(
      'a',
      modern({ T: object({}, [], { additionalProperties: {} }) }),
      'b',
      modern({ T: object({}) }),
    );
    expect(diff.changes).toEqual([]);
  });

  it('falls back to a conservative structural change for keywords it does not model', () => {
    expect(only({ type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object' })).toMatchObject({
      kind: 'structure-changed',
      senders: 'breaking',
      receivers: 'breaking',
    });
  });

  it('terminates on recursive definitions', () => {
    const tree = (leaf: string) =>
      object({ value: { type: leaf }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } });
    const diff = diffSchemas(
      'a',
      modern({ Node: tree('string'), T: { $ref: '#/$defs/Node' } }),
      'b',
      modern({ Node2: tree('integer'), T: { $ref: '#/$defs/Node2' } }),
    );
    expect(diff.changes.some((c) => c.definition === 'T' && c.kind === 'ref-changed')).toBe(true);
  });

  it('renders a Markdown report with a table per changed definition', () => {
    const diff = diffSchemas(
      '2025-06-18',
      modern({ T: object({}) }),
      '2025-11-25',
      modern({ T: object({ x: { type: 'string' } }, ['x']) }),
    );
    const markdown = renderDiffMarkdown(diff);
    expect(markdown).toContain('# Schema changes from 2025-06-18 to 2025-11-25');
    expect(markdown).toContain('### `T`');
    expect(markdown).toContain('| `x` | required field added | breaking | compatible |');
    expect(diff.breaking).toEqual({ senders: 1, receivers: 0 });
  });
});
