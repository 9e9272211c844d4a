import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { requirementsOf } from './model/requirements.ts';

const catalogue = buildCatalogue();
const checks = catalogue.scenarios.flatMap((s) => s.checks.map((c) => ({ scenario: s.id, ...c })));

describe('the catalogue of server checks', () => {
  it('has unique scenario ids and one meaning per check id', () => {
    const scenarioIds = catalogue.scenarios.map((s) => s.id);
    expect(new Set(scenarioIds).size).toBe(scenarioIds.length);
    const byId = new Map<string, string>();
    for (const check of checks) {
      const meaning = `${check.level} ${check.title}`;
      expect(byId.get(check.id) ?? meaning, `check ${check.id} is declared twice with different meanings`).toBe(
        meaning,
      );
      byId.set(check.id, meaning);
    }
    expect(catalogue.checkCount).toBe(byId.size);
  });

  it('uses stable id shapes', () => {
    for (const scenario of catalogue.scenarios) expect(scenario.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const check of checks) expect(check.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('cites only requirement IDs that exist in a revision the check applies to', () => {
    const problems: string[] = [];
    for (const check of checks) {
      const catalogued = check.revisions.filter((r) => requirementsOf(r).size > 0);
      for (const id of check.requirements) {
        if (!catalogued.some((r) => requirementsOf(r).has(id)))
          problems.push(`${check.scenario}/${check.id}: unknown requirement ${id} (in ${catalogued.join(', ')})`);
      }
      for (const revision of catalogued) {
        if (!check.requirements.some((id) => requirementsOf(revision).has(id)))
          problems.push(`${check.scenario}/${check.id}: cites no requirement of ${revision}`);
      }
      if (check.revisions.length === 0) problems.push(`${check.scenario}/${check.id}: applies to no revision`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every scenario at least one check of its own besides the wire check', () => {
    for (const scenario of catalogue.scenarios) expect(scenario.checks.length).toBeGreaterThan(1);
  });
});
