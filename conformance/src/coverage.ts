/**
 * Requirement coverage: which server requirements of a revision some check verifies. Built from the
 * catalogue alone, without running anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../schema/registry.ts';
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

/** Where the uncovered server MUSTs are listed, each with the reason no check can verify it. */
export const UNTESTABLE_FILE = join(REPO_ROOT, 'conformance', 'UNTESTABLE.md');

/**
 * `conformance/UNTESTABLE.md`: a Markdown list whose items start with a requirement id in backticks followed by
 * the reason (continuation lines are joined). Returns id → reason.
 */
export function parseUntestable(markdown: string): Map<string, string> {
  const reasons = new Map<string, string>();
  let current: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const item = /^\s{0,3}[-*+]\s+`([^`]+)`\s*(.*)$/.exec(line);
    if (item) {
      current = item[1]!.trim();
      reasons.set(current, item[2]!.replace(/^[:—–-]+\s*/, '').trim());
    } else if (current && /^\s+\S/.test(line)) {
      reasons.set(current, `${reasons.get(current)!} ${line.trim()}`.trim());
    } else {
      current = undefined;
    }
  }
  return reasons;
}

export function loadUntestable(file: string = UNTESTABLE_FILE): Map<string, string> {
  return existsSync(file) ? parseUntestable(readFileSync(file, 'utf8')) : new Map();
}
