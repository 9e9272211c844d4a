/**
 * Scenario and check declarations. A scenario declares its checks before it runs, so the catalogue,
 * `mcp-conformance list` and the coverage matrix are built without running anything.
 */
import type { Revision } from '../../../schema/registry.ts';
import type { Area, Level } from './result.ts';
import type { ServerContext } from '../runner/context.ts';

export interface CheckDeclaration {
  /** Stable, globally unique, kebab-case with dots: `tools-list.result-valid`. */
  id: string;
  title: string;
  level: Level;
  /**
   * Requirement IDs this check verifies. An ID must exist in the requirements of at least one
   * revision the check applies to; revisions without a requirements catalogue cite none.
   */
  requirements: string[];
  /** Narrows the scenario's revisions for this check. */
  revisions?: RevisionFilter;
}

/** Which revisions something applies to. Every condition given must hold. */
export interface RevisionFilter {
  era?: 'stateful' | 'stateless';
  /** First revision (by date order) it applies to, inclusive. `draft` sorts last. */
  from?: string;
  /** Last revision it applies to, inclusive. */
  until?: string;
  /** Transports the check or scenario needs. */
  transports?: Array<'stdio' | 'http'>;
}

export interface ServerScenario {
  /** Stable, kebab-case: `tools-list`. Used by `--scenario` and by baselines. */
  id: string;
  title: string;
  area: Area;
  depth: 'any' | 'fixture';
  /** One paragraph: what the scenario does to the server. */
  description: string;
  revisions?: RevisionFilter;
  checks: CheckDeclaration[];
  /** It waits on the server's timing (tools that take their time, settle windows): started early, like fixtures. */
  waits?: boolean;
  run(context: ServerContext): Promise<void>;
}

/** Revision ids compare by date; `draft` comes after every dated revision. */
export function compareRevisions(a: string, b: string): number {
  const key = (id: string): string => (id === 'draft' ? '9999-99-99' : id);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export function appliesTo(
  filter: RevisionFilter | undefined,
  revision: Pick<Revision, 'id' | 'era'>,
  transport?: 'stdio' | 'http',
): boolean {
  if (!filter) return true;
  if (filter.era && filter.era !== revision.era) return false;
  if (filter.from && compareRevisions(revision.id, filter.from) < 0) return false;
  if (filter.until && compareRevisions(revision.id, filter.until) > 0) return false;
  if (transport && filter.transports && !filter.transports.includes(transport)) return false;
  return true;
}

/** Declares a check; a helper so scenario files read as tables. */
export function check(
  id: string,
  level: Level,
  title: string,
  requirements: string[],
  revisions?: RevisionFilter,
): CheckDeclaration {
  const declaration: CheckDeclaration = { id, title, level, requirements };
  if (revisions) declaration.revisions = revisions;
  return declaration;
}
