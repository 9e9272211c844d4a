import { describe, expect, it } from 'vitest';
import { isIso8601DateTime } from './resources.ts';

describe('isIso8601DateTime', () => {
  it('accepts extended and basic date-times with a zone', () => {
    for (const value of [
      '2025-01-12T15:00:58Z',
      '2025-01-12T15:00:58.123Z',
      '2025-01-12T15:00Z',
      '2025-01-12T15:00:58+02:00',
      '2025-01-12T15:00:58-0530',
      '2024-02-29T00:00:00Z',
      '20250112T150058Z',
      '20250112T150058+0100',
    ])
      expect(isIso8601DateTime(value), value).toBe(true);
  });

  it('refuses other date formats, missing zones and days that do not exist', () => {
    for (const value of [
      'Sun, 12 Jan 2025 15:00:58 GMT',
      '2025-01-12',
      '2025-01-12T15:00:58',
      '2025-01-12 15:00:58Z',
      '2025-02-30T00:00:00Z',
      '2025-13-01T00:00:00Z',
      '2025-01-12T15:61:00Z',
      '1736694058',
      1736694058,
    ])
      expect(isIso8601DateTime(value), String(value)).toBe(false);
  });
});
