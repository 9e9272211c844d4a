import { describe, expect, it } from 'vitest';
import { definitionsOf, hasDefinition, loadSchema, revisionIds } from '../../../schema/index.ts';
import { methodMap } from './methods.ts';

describe('methodMap', () => {
  it.each(revisionIds())('maps every method-carrying definition of %s', (revision) => {
    const map = methodMap(revision);
    const defs = definitionsOf(loadSchema(revision));
    const withMethod = Object.keys(defs).filter(
      (name) =>
        typeof (defs[name] as { properties?: { method?: { const?: unknown } } }).properties?.method?.const === 'string',
    );
    const mapped = new Set([...map.requests.values(), ...map.notifications.values()].map((d) => d.definition));
    // Every method is mapped; a definition is left out only when another one has the same method.
    for (const name of withMethod) {
      const method = (defs[name] as { properties: { method: { const: string } } }).properties.method.const;
      expect(map.requests.has(method) || map.notifications.has(method), `${name} (${method})`).toBe(true);
    }
    expect(mapped.size).toBeGreaterThan(0);
    for (const key of ['request', 'notification', 'resultResponse', 'errorResponse', 'result'] as const) {
      const name = map.envelopes[key];
      expect(name, key).toBeDefined();
      expect(hasDefinition(revision, name!)).toBe(true);
    }
    for (const entry of map.requests.values()) expect(entry.result, entry.definition).toBeDefined();
  });

  it('knows which definitions carry the JSON-RPC envelope', () => {
    expect(methodMap('2024-11-05').requests.get('tools/list')).toMatchObject({
      definition: 'ListToolsRequest',
      envelope: false,
      result: 'ListToolsResult',
    });
    expect(methodMap('2025-11-25').requests.get('tools/list')).toMatchObject({
      definition: 'ListToolsRequest',
      envelope: true,
      result: 'ListToolsResult',
    });
    expect(methodMap('2025-11-25').notifications.get('notifications/initialized')?.definition).toBe(
      'InitializedNotification',
    );
  });

  it('prefers the definition the method names when two share it', () => {
    for (const revision of revisionIds()) {
      const cancelled = methodMap(revision).notifications.get('notifications/cancelled');
      if (cancelled) expect(cancelled.definition).toBe('CancelledNotification');
    }
  });
});
