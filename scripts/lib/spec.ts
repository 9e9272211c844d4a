/** The prose of one revision: every page under `spec/<revision>/`, parsed, with its requirements. */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT } from '../../schema/registry.ts';
import { compareCodePoints, listFiles, readText } from './json.ts';
import { parsePage, type ParsedPage, type Requirement } from './spec-markdown.ts';

export const SPEC_DIR = join(REPO_ROOT, 'spec');

export function specDir(revision: string): string {
  return join(SPEC_DIR, revision);
}

export function requirementsFile(revision: string): string {
  return join(specDir(revision), 'requirements.json');
}

/** The pages of a prose folder: every `.md` file but READMEs, as absolute paths. */
function listMarkdown(dir: string): string[] {
  return listFiles(dir)
    .filter((file) => file.endsWith('.md') && !file.endsWith('README.md'))
    .map((file) => join(dir, file));
}

export interface RevisionProse {
  revision: string;
  pages: ParsedPage[];
  requirements: Requirement[];
  problems: UserError[];
}

/** Page path inside the revision: `basic/lifecycle` for `basic/lifecycle.md`, `basic` for `basic/index.md`. */
export function pagePath(revision: string, file: string): string {
  const path = relative(specDir(revision), file).split(sep).join('/').replace(/\.md$/, '');
  return path === 'index' ? '' : path.replace(/\/index$/, '');
}

/** Parses every page of a revision's prose. A revision without prose has no pages and no problems. */
export function loadProse(revision: string): RevisionProse {
  const dir = specDir(revision);
  const prose: RevisionProse = { revision, pages: [], requirements: [], problems: [] };
  if (!existsSync(dir)) return prose;
  for (const file of listMarkdown(dir)) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      if (error instanceof UserError) prose.problems.push(error);
      else throw error;
      continue;
    }
    const page = parsePage(file, pagePath(revision, file), text);
    prose.pages.push(page);
    prose.problems.push(...page.problems);
  }
  const firstSeen = new Map<string, Requirement & { file: string }>();
  for (const page of prose.pages) {
    for (const requirement of page.requirements) {
      const earlier = firstSeen.get(requirement.id);
      if (earlier) {
        prose.problems.push(
          new UserError(
            `duplicate requirement ID ${requirement.id}: already used at ${relative(REPO_ROOT, earlier.file)}:${earlier.line}`,
            page.file,
            { line: requirement.line },
          ),
        );
        continue;
      }
      firstSeen.set(requirement.id, { ...requirement, file: page.file });
      prose.requirements.push(requirement);
    }
  }
  return prose;
}

/** The committed form of requirements.json: stable order, no line numbers (they churn with every edit). */
export function requirementsDocument(prose: RevisionProse): {
  revision: string;
  count: number;
  requirements: Omit<Requirement, 'line'>[];
} {
  const requirements = prose.requirements
    .map(({ line: _line, ...rest }) => rest)
    .sort((a, b) => compareCodePoints(a.id, b.id));
  return { revision: prose.revision, count: requirements.length, requirements };
}

/**
 * An ID keeps its meaning: where a later revision reuses an ID of a final revision, level and subject must
 * match. A requirement whose level or subject changes needs a new ID.
 */
export function checkIdStability(proses: RevisionProse[], finalRevisions: Set<string>): UserError[] {
  const problems: UserError[] = [];
  const seen = new Map<string, { revision: string; level: string; subject: string }>();
  for (const prose of proses) {
    const files = new Map(prose.pages.map((page) => [page.page, page.file]));
    for (const requirement of prose.requirements) {
      const earlier = seen.get(requirement.id);
      if (earlier && (earlier.level !== requirement.level || earlier.subject !== requirement.subject)) {
        problems.push(
          new UserError(
            `requirement ${requirement.id} changes meaning: ${earlier.level} for ${earlier.subject} in final revision ` +
              `${earlier.revision}, ${requirement.level} for ${requirement.subject} here; give it a new ID`,
            files.get(requirement.page),
            { line: requirement.line },
          ),
        );
      }
      if (finalRevisions.has(prose.revision) && !earlier) {
        seen.set(requirement.id, { revision: prose.revision, level: requirement.level, subject: requirement.subject });
      }
    }
  }
  return problems;
}
