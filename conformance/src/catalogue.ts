/**
 * The catalogue: every scenario and check with its level, requirements and revisions, built from the
 * declarations without running anything. `mcp-conformance list --json` prints it, the site renders it,
 * and `conformance/catalogue.json` (generated, checked for drift) is what proposals are checked against.
 */
import { registry, type Revision } from '../../schema/registry.ts';
import { appliesTo, type ServerScenario } from './model/scenario.ts';
import type { Level } from './model/result.ts';
import { SERVER_SCENARIOS } from './scenarios/index.ts';
import { BUILT_IN_CHECKS } from './scenarios/wire.ts';
import { TOOL } from './runner/run.ts';

export const CATALOGUE_FORMAT = 'mcp-conformance/catalogue';

export interface CatalogueCheck {
  id: string;
  title: string;
  level: Level;
  requirements: string[];
  revisions: string[];
  transports: Array<'stdio' | 'http'>;
}

export interface CatalogueScenario {
  id: string;
  kind: 'server';
  title: string;
  area: string;
  depth: 'any' | 'fixture';
  description: string;
  revisions: string[];
  checks: CatalogueCheck[];
}

/** One distinct check, with every scenario that declares it. */
export interface CatalogueCheckEntry extends CatalogueCheck {
  scenarios: string[];
}

export interface Catalogue {
  format: typeof CATALOGUE_FORMAT;
  formatVersion: 1;
  tool: { name: string; version: string };
  /** Distinct check ids across every scenario. */
  checkCount: number;
  scenarios: CatalogueScenario[];
  /** Every distinct check once, in first-declared order, with the union of its revisions and transports. */
  checks: CatalogueCheckEntry[];
}

const TRANSPORTS = ['stdio', 'http'] as const;

function revisionsFor(filter: ServerScenario['revisions'], revisions: readonly Revision[]): string[] {
  return revisions.filter((r) => TRANSPORTS.some((t) => appliesTo(filter, r, t))).map((r) => r.id);
}

export function buildCatalogue(scenarios: readonly ServerScenario[] = SERVER_SCENARIOS): Catalogue {
  const revisions = registry().revisions;
  const ids = new Set<string>();
  const entries = scenarios.map((scenario): CatalogueScenario => {
    const scenarioRevisions = revisionsFor(scenario.revisions, revisions);
    const checks = [...scenario.checks, ...BUILT_IN_CHECKS]
      .map((declaration): CatalogueCheck => {
        ids.add(declaration.id);
        const applicable = revisions.filter((r) => scenarioRevisions.includes(r.id));
        return {
          id: declaration.id,
          title: declaration.title,
          level: declaration.level,
          requirements: [...declaration.requirements],
          revisions: revisionsFor(declaration.revisions, applicable),
          transports: TRANSPORTS.filter((t) =>
            applicable.some((r) => appliesTo(scenario.revisions, r, t) && appliesTo(declaration.revisions, r, t)),
          ),
        };
      })
      .filter((check) => check.revisions.length > 0);
    return {
      id: scenario.id,
      kind: 'server',
      title: scenario.title,
      area: scenario.area,
      depth: scenario.depth,
      description: scenario.description,
      revisions: scenarioRevisions,
      checks,
    };
  });
  const checks = new Map<string, CatalogueCheckEntry>();
  for (const scenario of entries) {
    for (const check of scenario.checks) {
      const seen = checks.get(check.id);
      if (!seen) {
        checks.set(check.id, {
          ...check,
          revisions: [...check.revisions],
          transports: [...check.transports],
          scenarios: [scenario.id],
        });
        continue;
      }
      seen.scenarios.push(scenario.id);
      seen.revisions = revisions
        .map((r) => r.id)
        .filter((id) => seen.revisions.includes(id) || check.revisions.includes(id));
      seen.transports = TRANSPORTS.filter((t) => seen.transports.includes(t) || check.transports.includes(t));
    }
  }
  return {
    format: CATALOGUE_FORMAT,
    formatVersion: 1,
    tool: { ...TOOL },
    checkCount: ids.size,
    scenarios: entries,
    checks: [...checks.values()],
  };
}
