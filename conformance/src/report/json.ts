/**
 * The JSON reporter: the `RunResult` document as published (`conformance/result.schema.json`), pretty and
 * stable: object keys follow the schema's property order, map keys (headers, requirement IDs) are sorted.
 */
import type { RunResult } from '../model/result.ts';
import resultSchemaJson from '../../result.schema.json' with { type: 'json' };

interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

/** The JSON Schema (draft 2020-12) of a `RunResult` document. */
export const resultSchema: Readonly<Record<string, unknown>> = resultSchemaJson;

const defs = (resultSchemaJson as { $defs: Record<string, SchemaNode> }).$defs;

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref !== undefined && hops < 10; hops++) {
    current = defs[current.$ref.replace('#/$defs/', '')];
  }
  return current;
}

/** A copy of `value` whose object keys are in schema order (unknown keys after, sorted). */
function ordered(value: unknown, node: SchemaNode | undefined): unknown {
  const schema = resolve(node);
  if (Array.isArray(value)) return value.map((item) => ordered(item, schema?.items));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const known = Object.keys(schema?.properties ?? {});
  const rest = Object.keys(record)
    .filter((key) => !known.includes(key))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) {
    if (!(key in record) || record[key] === undefined) continue;
    const child =
      schema?.properties?.[key] ??
      (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    out[key] = ordered(record[key], child);
  }
  return out;
}

/** The run as the published JSON document: two-space indentation, a trailing newline. */
export function renderJson(run: RunResult): string {
  return `${JSON.stringify(ordered(run, resultSchemaJson as SchemaNode), null, 2)}\n`;
}
