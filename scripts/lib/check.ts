/** The checks behind `npm run check`, as a function that returns every problem found. */
import { existsSync, readFileSync } from 'node:fs';
import { UserError, UserErrors } from '../../schema/errors.ts';
import { REGISTRY_FILE, loadRegistry, revisionIds, schemaJsonFile } from '../../schema/registry.ts';
import { checkExamples } from './examples.ts';
import { checkFrozen } from './freeze.ts';
import { produceOutputs } from './outputs.ts';
import { checkIdStability } from './spec.ts';
import { runProposalChecks } from './proposals.ts';
import { deprecationRegistry } from './deprecations.ts';
import { checkChangesets } from './changesets.ts';
import { baseCommit } from './proposals.ts';

export interface CheckReport {
  problems: UserError[];
  /** What passed, one line per area, for the console. */
  passed: string[];
}

export function runChecks(): CheckReport {
  const problems: UserError[] = [];
  const passed: string[] = [];
  const registry = loadRegistry();
  const ids = revisionIds(registry);

  const frozen = checkFrozen(registry, REGISTRY_FILE);
  problems.push(...frozen);
  if (frozen.length === 0) passed.push('final revisions unchanged since frozen (or covered by errata)');

  let generatedOk = false;
  try {
    const { files, prose } = produceOutputs(ids);
    const finals = new Set(registry.revisions.filter((r) => r.status === 'final').map((r) => r.id));
    const unstable = checkIdStability(prose, finals);
    problems.push(...unstable);
    const withProse = prose.filter((p) => p.pages.length > 0);
    if (unstable.length === 0 && withProse.length > 0) {
      passed.push(
        `requirement markers valid: ${withProse.map((p) => `${p.revision} ${p.requirements.length}`).join(', ')}`,
      );
    }
    const stale = files.filter(({ file, content }) => !existsSync(file) || readFileSync(file, 'utf8') !== content);
    for (const { file } of stale) {
      problems.push(
        new UserError(
          existsSync(file)
            ? 'generated file is stale: its source changed since it was generated; run `npm run generate`'
            : 'generated file is missing; run `npm run generate`',
          file,
        ),
      );
    }
    if (stale.length === 0) passed.push(`${files.length} generated files up to date`);
    generatedOk = true;
  } catch (error) {
    if (error instanceof UserErrors) problems.push(...error.errors);
    else if (error instanceof UserError) problems.push(error);
    else throw error;
  }

  if (generatedOk || ids.every((id) => existsSync(schemaJsonFile(id)))) {
    const report = checkExamples(ids);
    problems.push(...report.problems);
    if (report.problems.length === 0) {
      const invalid = report.examples.filter((e) => e.expect === 'invalid').length;
      passed.push(`${report.examples.length - invalid} valid and ${invalid} invalid examples behave as expected`);
    }
  }
  const deprecated = deprecationRegistry(registry.revisions);
  problems.push(...deprecated.problems);
  if (deprecated.problems.length === 0) {
    passed.push(`${deprecated.deprecations.length} deprecations name a migration path; none removed within 12 months`);
  }
  problems.push(...checkChangesets(baseCommit()));
  const proposals = runProposalChecks();
  problems.push(...proposals.problems);
  passed.push(...proposals.passed);
  return { problems, passed };
}
