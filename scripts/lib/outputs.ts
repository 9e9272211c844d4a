/**
 * Everything `npm run generate` derives, computed in memory first: `check` compares it with the
 * committed files, `generate` writes it only once all of it was produced.
 */
import { join, relative } from 'node:path';
import {
  REPO_ROOT,
  previousRevision,
  registry,
  revisionDir,
  revisionIds,
  schemaJsonFile,
} from '../../schema/registry.ts';
import { generateSchemas, type GeneratedSchema } from './generate-schema.ts';
import { diffSchemas, renderDiffMarkdown } from './schema-diff.ts';
import { stringifyJson } from './json.ts';
import { loadProse, requirementsDocument, requirementsFile, type RevisionProse } from './spec.ts';
import { UserErrors } from '../../schema/errors.ts';
import { buildCatalogue } from '../../conformance/src/catalogue.ts';

/** The conformance check catalogue, committed so that proposals and the site can read it. */
export const CATALOGUE_FILE = join(REPO_ROOT, 'conformance', 'catalogue.json');

export interface GeneratedFile {
  /** Absolute path. */
  file: string;
  content: string;
  /** One line for the console: what the file holds. */
  summary: string;
}

export function changesFile(revision: string): string {
  return join(revisionDir(revision), 'CHANGES.md');
}

/** Produces every generated file of every revision in the registry. */
export function produceOutputs(ids: string[] = revisionIds(registry())): {
  files: GeneratedFile[];
  schemas: GeneratedSchema[];
  prose: RevisionProse[];
} {
  const schemas = generateSchemas(ids);
  const prose = ids.map((id) => loadProse(id));
  const proseProblems = prose.flatMap((p) => p.problems);
  if (proseProblems.length > 0) throw new UserErrors(proseProblems);
  const byId = new Map(schemas.map((s) => [s.revision.id, s]));
  const files: GeneratedFile[] = [];
  for (const generated of schemas) {
    const { revision, schema, text } = generated;
    const defs = (schema.$defs ?? schema.definitions) as Record<string, unknown>;
    files.push({
      file: schemaJsonFile(revision.id),
      content: text,
      summary: `${Object.keys(defs).length} definitions, JSON Schema ${revision.dialect}`,
    });
    const previous = previousRevision(revision.id);
    const before = previous && byId.get(previous.id);
    if (previous && before) {
      const diff = diffSchemas(previous.id, before.schema, revision.id, schema);
      files.push({
        file: changesFile(revision.id),
        content: renderDiffMarkdown(diff),
        summary:
          `changes from ${previous.id}: ${diff.added.length} added, ${diff.removed.length} removed, ` +
          `${diff.changed.length} changed`,
      });
    }
  }
  for (const revisionProse of prose) {
    if (revisionProse.pages.length === 0) continue;
    const document = requirementsDocument(revisionProse);
    files.push({
      file: requirementsFile(revisionProse.revision),
      content: stringifyJson(document),
      summary: `${document.count} requirements from ${revisionProse.pages.length} pages`,
    });
  }
  if (ids.length === revisionIds(registry()).length) {
    const catalogue = buildCatalogue();
    files.push({
      file: CATALOGUE_FILE,
      content: stringifyJson(catalogue),
      summary: `${catalogue.scenarios.length} server scenarios, ${catalogue.checkCount} distinct checks`,
    });
  }
  return { files, schemas, prose };
}

export function displayPath(file: string): string {
  return relative(REPO_ROOT, file);
}
