import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../schema/registry.ts';
import type { Catalogue } from './catalogue.ts';
import { loadUntestable, parseUntestable, serverCoverage } from './coverage.ts';
import { requirementsOf } from './model/requirements.ts';

/** The revisions whose server MUST coverage the suite promises (at least 80%). */
const PROMISED = ['2025-11-25', '2026-07-28'];
const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'conformance', 'catalogue.json'), 'utf8')) as Catalogue;
const untestable = loadUntestable();

describe('server MUST coverage', () => {
  it.each(PROMISED)('%s: at least 80% of the server MUSTs have a check', (revision) => {
    const coverage = serverCoverage(catalogue, revision);
    expect(coverage.covered / coverage.total).toBeGreaterThanOrEqual(0.8);
  });

  it.each(PROMISED)('%s: every uncovered server MUST is listed in UNTESTABLE.md with a reason', (revision) => {
    const missing = serverCoverage(catalogue, revision)
      .uncoveredMusts.filter((r) => !untestable.get(r.id))
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('UNTESTABLE.md lists only requirements that exist and that no check covers', () => {
    const stale: string[] = [];
    for (const id of untestable.keys()) {
      const where = PROMISED.filter((revision) => requirementsOf(revision).has(id));
      if (where.length === 0) stale.push(`${id}: no such requirement in ${PROMISED.join(' or ')}`);
      for (const revision of where) {
        const checks = serverCoverage(catalogue, revision).checksByRequirement.get(id) ?? [];
        if (checks.length > 0) stale.push(`${id}: covered in ${revision} by ${checks.join(', ')}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('reads list items with a backticked id, joining continuation lines', () => {
    const reasons = parseUntestable('# Title\n\n- `a.b` — first line\n  second line\n* `c.d`: other\n\ntext\n');
    expect([...reasons]).toEqual([
      ['a.b', 'first line second line'],
      ['c.d', 'other'],
    ]);
  });
});
