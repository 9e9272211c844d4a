import { describe, expect, it } from 'vitest';
import { revisionIds, getRevision, schemaId } from '../../schema/registry.ts';
import { DIALECT_URI, generateSchemas, toDraft202012, typeIntegerLiterals } from './generate-schema.ts';

describe('toDraft202012', () => {
  it('moves definitions to $defs and rewrites every reference, without touching look-alike strings', () => {
    const converted = toDraft202012({
      $schema: DIALECT_URI['draft-07'],
      definitions: {
        A: { type: 'object', properties: { b: { $ref: '#/definitions/B' }, note: { const: '#/definitions/B' } } },
        B: { anyOf: [{ $ref: '#/definitions/A' }, { type: 'array', items: { $ref: '#/definitions/B' } }] },
        definitions: { type: 'string' },
      },
    });
    expect(converted).toEqual({
      $schema: DIALECT_URI['2020-12'],
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' }, note: { const: '#/definitions/B' } } },
        B: { anyOf: [{ $ref: '#/$defs/A' }, { type: 'array', items: { $ref: '#/$defs/B' } }] },
        $defs: { type: 'string' },
      },
    });
  });
});

describe('typeIntegerLiterals', () => {
  it('types whole-number constants and enums as integer, and leaves every other number alone', () => {
    expect(
      typeIntegerLiterals({
        properties: {
          code: { type: 'number', const: -32700 },
          half: { type: 'number', const: 0.5 },
          levels: { type: 'number', enum: [1, 2, 3] },
          mixed: { type: 'number', enum: [1, 2.5] },
          plain: { type: 'number' },
          union: { type: ['string', 'number'] },
        },
      }),
    ).toEqual({
      properties: {
        code: { type: 'integer', const: -32700 },
        half: { type: 'number', const: 0.5 },
        levels: { type: 'integer', enum: [1, 2, 3] },
        mixed: { type: 'number', enum: [1, 2.5] },
        plain: { type: 'number' },
        union: { type: ['string', 'number'] },
      },
    });
  });
});

describe('generateSchemas', () => {
  const ids = revisionIds();
  const first = generateSchemas(ids);

  it('is deterministic: a second run gives byte-identical output', () => {
    const second = generateSchemas(ids);
    expect(second.map((s) => s.text)).toEqual(first.map((s) => s.text));
  });

  it('gives each revision its $id, its revision in the title and the dialect the registry names', () => {
    for (const { revision, schema } of first) {
      expect(schema.$id).toBe(schemaId(revision.id));
      expect(schema.title).toContain(revision.id);
      expect(schema.$schema).toBe(DIALECT_URI[getRevision(revision.id).dialect]);
      const defsKey = revision.dialect === '2020-12' ? '$defs' : 'definitions';
      expect(Object.keys(schema)).toEqual(['$schema', '$id', 'title', '$comment', defsKey]);
      const text = JSON.stringify(schema);
      expect(text.includes('#/definitions/')).toBe(revision.dialect === 'draft-07');
    }
  });

  it('types number as number, in unions too, and only the fields marked @TJS-type integer as integer', () => {
    const latest = first.find((s) => s.revision.id === getRevision('latest').id)!;
    interface Node {
      type?: string | string[];
      properties: Record<string, Node>;
      additionalProperties: Node;
      anyOf: Node[];
    }
    const defs = latest.schema.$defs as Record<string, Node>;
    expect(defs.Annotations!.properties.priority!.type).toBe('number');
    expect(defs.ModelPreferences!.properties.costPriority!.type).toBe('number');
    expect(defs.ProgressNotificationParams!.properties.progress!.type).toBe('number');
    expect(defs.ElicitResult!.properties.content!.additionalProperties.anyOf[1]!.type).toEqual([
      'string',
      'number',
      'boolean',
    ]);
    expect(defs.RequestId!.type).toEqual(['string', 'integer']);
    expect(defs.Resource!.properties.size!.type).toBe('integer');
    expect(defs.ParseError!.properties.code).toMatchObject({ type: 'integer', const: -32700 });
  });
});
