import { describe, expect, it } from 'vitest';
import { findAnnotations, unreachable } from './header-annotations.ts';

const reasons = (schema: unknown): Array<string | undefined> =>
  findAnnotations(schema).map((a) => unreachable(a.keywords));

describe('x-mcp-header paths', () => {
  it('accepts chains of properties, including properties named like keywords', () => {
    const schema = {
      type: 'object',
      properties: {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        items: { type: 'object', properties: { oneOf: { type: 'string', 'x-mcp-header': 'Nested' } } },
      },
    };
    expect(reasons(schema)).toEqual([undefined, undefined]);
  });

  it('names the array, composition and $defs keywords on the way', () => {
    const schema = {
      type: 'object',
      properties: {
        list: { type: 'array', items: { type: 'object', properties: { a: { 'x-mcp-header': 'A' } } } },
        choice: { anyOf: [{ type: 'string', 'x-mcp-header': 'B' }] },
        ref: { $ref: '#/$defs/c' },
      },
      $defs: { c: { type: 'string', 'x-mcp-header': 'C' } },
    };
    expect(reasons(schema)).toEqual([
      'the chain runs through the array keyword "items"',
      'the chain runs through the composition keyword "anyOf"',
      'it sits under "$defs", reachable only through $ref',
    ]);
  });

  it('ignores x-mcp-header keys inside data keywords and as property names', () => {
    const schema = {
      type: 'object',
      default: { 'x-mcp-header': 'NotAnAnnotation' },
      properties: { 'x-mcp-header': { type: 'string' } },
    };
    expect(findAnnotations(schema)).toEqual([]);
  });

  it('flags an annotation on the root', () => {
    expect(reasons({ type: 'string', 'x-mcp-header': 'Root' })).toEqual([
      'it sits on the schema root, not on a property',
    ]);
  });
});
