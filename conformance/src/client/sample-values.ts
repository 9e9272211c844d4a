/**
 * Values the harness makes up to satisfy a schema a server published: tool arguments (required
 * properties only) and elicitation answers (every property of a flat form).
 */
import type { JsonObject } from './session.ts';

const FORMATTED: Record<string, string> = {
  email: 'conformance@example.com',
  uri: 'https://example.com/',
  date: '2026-01-01',
  'date-time': '2026-01-01T00:00:00Z',
};

/** A value for one property: its default, const or first option, else one of its type. */
export function sampleValue(property: JsonObject): unknown {
  if (property.default !== undefined) return property.default;
  if (property.const !== undefined) return property.const;
  if (Array.isArray(property.enum) && property.enum.length > 0) return property.enum[0];
  if (Array.isArray(property.oneOf) && property.oneOf.length > 0) return (property.oneOf[0] as JsonObject).const;
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof property.minimum === 'number' ? property.minimum : 1;
    case 'boolean':
      return true;
    case 'array': {
      const items = property.items as JsonObject | undefined;
      const options = (items?.enum ?? (items?.anyOf as JsonObject[] | undefined)?.map((o) => o.const)) as
        unknown[] | undefined;
      return options?.length ? [options[0]] : [];
    }
    case 'object':
      return sampleObject(property, 'required');
    case 'null':
      return null;
    default:
      return (typeof property.format === 'string' && FORMATTED[property.format]) || 'conformance';
  }
}

/** An object for an object schema, with its required properties or all of them. */
export function sampleObject(schema: unknown, which: 'required' | 'all'): JsonObject {
  const s = (schema ?? {}) as { properties?: Record<string, JsonObject>; required?: string[] };
  const names = which === 'all' ? Object.keys(s.properties ?? {}) : (s.required ?? []);
  return Object.fromEntries(names.map((name) => [name, sampleValue(s.properties?.[name] ?? {})]));
}
