/**
 * The deprecated-features registry, generated from `@deprecated` tags in every revision's schema: when a
 * feature was deprecated, what replaces it, and when (if ever) it was removed. Removal may come no sooner
 * than twelve months after the revision that deprecated the feature.
 */
import ts from 'typescript';
import { UserError } from '../../schema/errors.ts';
import { registry, schemaSourceFile, type Revision } from '../../schema/registry.ts';
import { readText } from './json.ts';

export interface Deprecation {
  /** `Type` or `Type.field`. */
  feature: string;
  /** The first revision whose schema marks it deprecated. */
  since: string;
  /** The tag text: the migration path. */
  migration: string;
  /** The first dated revision after `since` that no longer has the feature, if any. */
  removedIn?: string;
  file: string;
  line: number;
}

/** Every `@deprecated` tag of a schema, keyed by feature, plus every feature name the schema has. */
function scan(revision: string): { tags: Map<string, { text: string; line: number }>; features: Set<string> } {
  const file = schemaSourceFile(revision);
  const source = ts.createSourceFile(file, readText(file), ts.ScriptTarget.Latest, true);
  const tags = new Map<string, { text: string; line: number }>();
  const features = new Set<string>();
  const record = (name: string, node: ts.Node) => {
    features.add(name);
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'deprecated');
    if (tag && tag.parent.parent === node) {
      tags.set(name, {
        text: (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/\s+/g, ' ').trim(),
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      });
    }
  };
  const members = (owner: string, node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      if (ts.isPropertySignature(child)) {
        const name = `${owner}.${child.name.getText(source).replace(/^["']|["']$/g, '')}`;
        record(name, child);
        members(name, child);
      } else {
        members(owner, child);
      }
    });
  };
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      record(statement.name.text, statement);
      members(statement.name.text, statement);
    }
  }
  return { tags, features };
}

const MIGRATION =
  /\b(use|instead|replace[ds]?|migrate|switch to|in favou?r of|superseded|leave (?:it|the field) out|omit)\b/i;

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The registry across all revisions, and the problems with it. */
export function deprecationRegistry(revisions: Revision[] = registry().revisions): {
  deprecations: Deprecation[];
  problems: UserError[];
} {
  const scans = revisions.map((revision) => ({ revision, ...scan(revision.id) }));
  const deprecations = new Map<string, Deprecation>();
  const problems: UserError[] = [];
  for (const { revision, tags } of scans) {
    for (const [feature, tag] of tags) {
      // Every revision's tag needs its migration path, not only the first.
      if (!MIGRATION.test(tag.text)) {
        problems.push(
          new UserError(
            `@deprecated on ${feature} names no migration path: say what to use instead`,
            schemaSourceFile(revision.id),
            {
              line: tag.line,
            },
          ),
        );
      }
      if (deprecations.has(feature)) continue;
      deprecations.set(feature, {
        feature,
        since: revision.id,
        migration: tag.text,
        file: schemaSourceFile(revision.id),
        line: tag.line,
      });
    }
  }
  for (const deprecation of deprecations.values()) {
    const start = scans.findIndex((s) => s.revision.id === deprecation.since);
    const gone = scans.slice(start + 1).find((s) => s.revision.id !== 'draft' && !s.features.has(deprecation.feature));
    if (!gone) continue;
    deprecation.removedIn = gone.revision.id;
    if (deprecation.since !== 'draft' && monthsBetween(deprecation.since, gone.revision.id) < 12) {
      problems.push(
        new UserError(
          `${deprecation.feature} was deprecated in ${deprecation.since} and removed in ${gone.revision.id}, ` +
            'less than 12 months later: keep it until at least twelve months have passed',
          schemaSourceFile(gone.revision.id),
        ),
      );
    }
  }
  return { deprecations: [...deprecations.values()].sort((a, b) => (a.feature < b.feature ? -1 : 1)), problems };
}
