/**
 * Requirement coverage: which server requirements of a revision some check verifies. Built from the
 * catalogue alone, without running anything.
 */
import type { Catalogue } from './catalogue.ts';
import { requirementsOf, type Requirement } from './model/requirements.ts';

export interface Coverage {
  revision: string;
  /** Server-subject MUST and MUST NOT requirements of the revision. */
  total: number;
  covered: number;
  /** Requirement id → the checks that cite it, for every server requirement (all levels). */
  checksByRequirement: Map<string, string[]>;
  uncoveredMusts: Requirement[];
}

const MUST = new Set(['MUST', 'MUST NOT']);

export function serverCoverage(catalogue: Catalogue, revision: string): Coverage {
  const requirements = [...requirementsOf(revision).values()].filter((r) => r.subject === 'server');
  const checksByRequirement = new Map<string, string[]>(requirements.map((r) => [r.id, []]));
  for (const check of catalogue.checks) {
    if (!check.revisions.includes(revision)) continue;
    for (const id of check.requirements) checksByRequirement.get(id)?.push(check.id);
  }
  const musts = requirements.filter((r) => MUST.has(r.level));
  const uncoveredMusts = musts.filter((r) => (checksByRequirement.get(r.id) ?? []).length === 0);
  return {
    revision,
    total: musts.length,
    covered: musts.length - uncoveredMusts.length,
    checksByRequirement,
    uncoveredMusts,
  };
}
