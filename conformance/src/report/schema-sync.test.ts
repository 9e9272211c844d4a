/**
 * `result.schema.json` is written by hand; this test keeps it in step with the types in
 * `model/result.ts` by generating a schema from them and comparing the shapes (properties, which are
 * required, extra properties, enums and constants, primitive types with integer counted as number). The
 * generator loses the value type of `Record<string, T>`, so string-keyed maps only compare as maps.
 */
import { fileURLToPath } from 'node:url';
import * as TJS from 'typescript-json-schema';
import { describe, expect, it } from 'vitest';
import { resultSchema } from './json.ts';

type Node = Record<string, unknown>;

function normalize(root: Node, node: unknown, seen: string[] = []): unknown {
  let n = node as Node;
  while (typeof n.$ref === 'string') {
    const ref = n.$ref;
    if (seen.includes(ref)) return { recursive: ref };
    seen = [...seen, ref];
    const [, bucket, name] = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref) ?? [];
    n = (root[bucket!] as Record<string, Node>)[name!]!;
  }
  if ('const' in n) return { const: n.const };
  if (Array.isArray(n.enum)) return { enum: [...(n.enum as unknown[])].map(String).sort() };
  const type = n.type === 'integer' ? 'number' : n.type;
  if (type === 'array') return { array: normalize(root, n.items, seen) };
  if (type === 'object') {
    const properties = (n.properties ?? {}) as Record<string, unknown>;
    // The generator drops the value type of `Record<string, T>`; maps compare as maps only.
    if (Object.keys(properties).length === 0) return { map: true };
    const required = new Set((n.required ?? []) as string[]);
    return {
      properties: Object.fromEntries(
        Object.keys(properties)
          .sort()
          .map((key) => [key, { required: required.has(key), shape: normalize(root, properties[key], seen) }]),
      ),
      additional:
        n.additionalProperties === undefined || n.additionalProperties === true
          ? 'any'
          : n.additionalProperties === false
            ? false
            : normalize(root, n.additionalProperties, seen),
    };
  }
  return { type };
}

describe('result.schema.json against model/result.ts', () => {
  it('describes the same shapes as the RunResult type', () => {
    const file = fileURLToPath(new URL('../model/result.ts', import.meta.url));
    const program = TJS.getProgramFromFiles([file], { strict: true, skipLibCheck: true, noEmit: true, types: [] });
    const generator = TJS.buildGenerator(program, {
      required: true,
      ref: true,
      aliasRef: true,
      topRef: false,
      noExtraProps: true,
      ignoreErrors: true,
      strictNullChecks: true,
    });
    const generated = generator!.getSchemaForSymbol('RunResult') as unknown as Node;
    const hand = resultSchema as Node;
    expect(normalize(hand, hand)).toEqual(normalize(generated, generated));
  });
});
