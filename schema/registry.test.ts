import { describe, expect, it } from 'vitest';
import { UserError } from './errors.ts';
import { getRevision, latestRevision, parseRegistry, previousRevision, registry, revisionIds } from './registry.ts';

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  status: id === 'draft' ? 'draft' : 'final',
  dialect: '2020-12',
  era: 'stateless',
  transports: ['stdio'],
  ...extra,
});

function rejection(data: unknown): string {
  try {
    parseRegistry(data);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).format();
  }
  throw new Error('expected the registry to be rejected');
}

describe('the revision registry', () => {
  it('lists revisions oldest first with draft last, and knows every field', () => {
    const ids = revisionIds();
    expect(ids.at(-1)).toBe('draft');
    expect([...ids.slice(0, -1)].sort()).toEqual(ids.slice(0, -1));
    for (const revision of registry().revisions) {
      expect(['draft-07', '2020-12']).toContain(revision.dialect);
      expect(['stateful', 'stateless']).toContain(revision.era);
      expect(revision.transports.length).toBeGreaterThan(0);
      if (revision.status === 'final') expect(revision.frozen).toBeDefined();
    }
  });

  it('resolves latest to the newest final revision', () => {
    const latest = latestRevision();
    expect(latest.status).toBe('final');
    expect(getRevision('latest')).toBe(latest);
    expect(previousRevision(revisionIds()[0]!)).toBeUndefined();
  });

  it('names the known revisions when asked for an unknown one', () => {
    expect(() => getRevision('2099-01-01')).toThrow(/unknown revision "2099-01-01"; known revisions: .*draft, latest/);
  });

  it('rejects malformed registries with a reason naming the entry', () => {
    expect(rejection([])).toMatch(/revisions\.json: the registry must be a JSON object/);
    expect(rejection({ idBase: 'x', revisions: [] })).toMatch(/idBase/);
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01'), entry('2025-01-01')] })).toMatch(/listed twice/);
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-02-01'), entry('2025-01-01')] })).toMatch(/out of order/);
    expect(rejection({ idBase: 'x/', revisions: [entry('soon')] })).toMatch(/revisions\[0\]\.id must be/);
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { dialect: 'draft-04' })] })).toMatch(/dialect/);
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { era: 'other' })] })).toMatch(/era/);
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { transports: ['carrier-pigeon'] })] })).toMatch(
      /transports/,
    );
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { status: 'draft' })] })).toMatch(
      /only the revision "draft"/,
    );
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { frozen: { 'a.ts': 'md5-1' } })] })).toMatch(
      /sha256/,
    );
    expect(rejection({ idBase: 'x/', revisions: [entry('2025-01-01', { errata: [{ date: 'today' }] })] })).toMatch(
      /errata\[0\]\.date/,
    );
  });
});
