/**
 * The deprecated-features registry, generated from two sources: `@deprecated` tags in every revision's schema
 * and `:deprecated[...]` markers in every revision's prose. Both follow the same rules: a migration path, a
 * `since` that is a known revision, and removal no sooner than twelve months after the deprecating revision.
 * A feature declared both ways (a marker naming the schema features it covers in `schema="..."`, or a marker
 * whose name is a schema feature) is one entry that links to every source.
 */
import { relative } from 'node:path';
import ts from 'typescript';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT, registry, schemaSourceFile, type Revision } from '../../schema/registry.ts';
import { readText } from './json.ts';
import { loadProse } from './spec.ts';
import type { ProseDeprecation } from './spec-markdown.ts';

/** Where a deprecation is declared. */
export type DeprecationSource =
  | { kind: 'schema'; revision: string; /** `Type` or `Type.field`. */ feature: string; file: string; line: number }
  | {
      kind: 'prose';
      revision: string;
      /** Page path inside the revision. */ page: string;
      anchor: string;
      file: string;
      line: number;
    };

export interface Deprecation {
  /** `Type` or `Type.field` for a schema-only entry; the marker's name for one declared in the prose. */
  feature: string;
  /** The revision that deprecated it: the first schema that tags it, or the marker's `since` (the earlier). */
  since: string;
  /** The migration path: the marker's `migration`, else the tag text. */
  migration: string;
  /** Announced earliest removal date (prose markers only). */
  removal?: string;
  /** The first dated revision after `since` whose schema no longer has the feature, if any. */
  removedIn?: string;
  /** Every declaration, prose first, in revision order. */
  sources: DeprecationSource[];
  /** The first source's file and line. */
  file: string;
  line: number;
}

/** One revision's schema as far as deprecations go: its tags by feature, and every feature name it has. */
export interface SchemaScan {
  revision: string;
  file: string;
  tags: Map<string, { text: string; line: number }>;
  features: Set<string>;
}

/** One revision's prose markers, each with the file it sits in. */
export interface ProseMarkers {
  revision: string;
  markers: (ProseDeprecation & { file: string })[];
}

/** Every `@deprecated` tag of a schema source, keyed by feature, plus every feature name the schema has. */
export function scanSchema(revision: string, file: string, text: string): SchemaScan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
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
  return { revision, file, tags, features };
}

const MIGRATION =
  /\b(use|instead|replace[ds]?|migrate|switch to|in favou?r of|superseded|leave (?:it|the field) out|omit)\b/i;

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Merges schema tags and prose markers into one registry and checks the rules on both. `revisions` lists every
 * revision id in registry order (chronological, `draft` last); `schemas` and `prose` follow that order.
 */
export function mergeDeprecations(
  revisions: string[],
  schemas: SchemaScan[],
  prose: ProseMarkers[],
): { deprecations: Deprecation[]; problems: UserError[] } {
  const problems: UserError[] = [];
  const order = (revision: string) => revisions.indexOf(revision);

  // Schema tags: the first revision that tags a feature deprecated it.
  const fromSchema = new Map<string, Deprecation>();
  for (const { revision, file, tags } of schemas) {
    for (const [feature, tag] of tags) {
      // Every revision's tag needs its migration path, not only the first.
      if (!MIGRATION.test(tag.text)) {
        problems.push(
          new UserError(`@deprecated on ${feature} names no migration path: say what to use instead`, file, {
            line: tag.line,
          }),
        );
      }
      if (fromSchema.has(feature)) continue;
      fromSchema.set(feature, {
        feature,
        since: revision,
        migration: tag.text,
        sources: [{ kind: 'schema', revision, feature, file, line: tag.line }],
        file,
        line: tag.line,
      });
    }
  }
  for (const deprecation of fromSchema.values()) {
    const start = schemas.findIndex((s) => s.revision === deprecation.since);
    const gone = schemas.slice(start + 1).find((s) => s.revision !== 'draft' && !s.features.has(deprecation.feature));
    if (!gone) continue;
    deprecation.removedIn = gone.revision;
    if (deprecation.since !== 'draft' && monthsBetween(deprecation.since, gone.revision) < 12) {
      problems.push(
        new UserError(
          `${deprecation.feature} was deprecated in ${deprecation.since} and removed in ${gone.revision}, ` +
            'less than 12 months later: keep it until at least twelve months have passed',
          gone.file,
        ),
      );
    }
  }

  // Prose markers: one entry per feature name; every marker of it must agree on `since` and `removal`.
  const fromProse = new Map<string, Deprecation & { covers: Set<string> }>();
  /** Schema feature → the prose feature that covers it, for reporting a second claim. */
  const claimed = new Map<string, string>();
  for (const { revision, markers } of prose) {
    const tagged = schemas.find((s) => s.revision === revision);
    for (const marker of markers) {
      const at = (message: string) => problems.push(new UserError(message, marker.file, { line: marker.line }));
      const name = `:deprecated[${marker.feature}]`;
      if (order(marker.since) < 0) {
        at(`${name}{since=${marker.since}}: no such revision (known: ${revisions.join(', ')})`);
      } else if (order(marker.since) > order(revision)) {
        at(`${name}{since=${marker.since}}: revision ${revision} cannot describe a deprecation from a later revision`);
      }
      if (!MIGRATION.test(marker.migration)) {
        at(`${name} names no migration path: say what to use instead in "migration"`);
      }
      if (
        marker.removal !== undefined &&
        marker.since !== 'draft' &&
        monthsBetween(marker.since, marker.removal) < 12
      ) {
        at(
          `${name}{removal=${marker.removal}}: less than 12 months after ${marker.since}; ` +
            'a deprecated feature stays for at least twelve months',
        );
      }
      const source: DeprecationSource = {
        kind: 'prose',
        revision,
        page: marker.page,
        anchor: marker.anchor,
        file: marker.file,
        line: marker.line,
      };
      const earlier = fromProse.get(marker.feature);
      if (earlier) {
        const first = earlier.sources[0]!;
        const there = `${relative(REPO_ROOT, first.file)}:${first.line}`;
        if (earlier.since !== marker.since) {
          at(`${name}{since=${marker.since}} disagrees with since=${earlier.since} at ${there}`);
        }
        if (marker.removal !== undefined && earlier.removal !== undefined && marker.removal !== earlier.removal) {
          at(`${name}{removal=${marker.removal}} disagrees with removal=${earlier.removal} at ${there}`);
        }
        earlier.removal ??= marker.removal;
        earlier.sources.push(source);
      }
      const entry =
        earlier ??
        (() => {
          const created = {
            feature: marker.feature,
            since: marker.since,
            migration: marker.migration,
            ...(marker.removal !== undefined ? { removal: marker.removal } : {}),
            sources: [source],
            file: marker.file,
            line: marker.line,
            covers: new Set<string>(),
          };
          fromProse.set(marker.feature, created);
          return created;
        })();
      const covers = [...marker.schema, ...(fromSchema.has(marker.feature) ? [marker.feature] : [])];
      for (const feature of covers) {
        if (marker.schema.includes(feature) && !tagged?.tags.has(feature)) {
          at(`${name}{schema}: ${feature} is not marked @deprecated in schema/${revision}/schema.ts`);
          continue;
        }
        const owner = claimed.get(feature);
        if (owner !== undefined && owner !== marker.feature) {
          at(`${name}{schema}: ${feature} is already covered by :deprecated[${owner}]`);
          continue;
        }
        claimed.set(feature, marker.feature);
        entry.covers.add(feature);
      }
    }
  }

  // A feature declared both ways: one entry, linking the prose and every schema declaration it covers.
  for (const entry of fromProse.values()) {
    for (const feature of entry.covers) {
      const tagged = fromSchema.get(feature);
      if (!tagged) continue;
      fromSchema.delete(feature);
      entry.sources.push(...tagged.sources);
      const marker = entry.sources[0]!;
      if (order(tagged.since) >= 0 && order(tagged.since) < order(entry.since)) {
        problems.push(
          new UserError(
            `:deprecated[${entry.feature}]{since=${entry.since}}: the schema marks ${feature} deprecated since ` +
              `${tagged.since}, earlier`,
            marker.file,
            { line: marker.line },
          ),
        );
        entry.since = tagged.since;
      }
      if (
        tagged.removedIn !== undefined &&
        (entry.removedIn === undefined || order(tagged.removedIn) < order(entry.removedIn))
      ) {
        entry.removedIn = tagged.removedIn;
      }
    }
    if (entry.removal !== undefined && entry.removedIn !== undefined && entry.removedIn < entry.removal) {
      problems.push(
        new UserError(
          `${entry.feature} is removed in ${entry.removedIn}, before its announced removal date ${entry.removal}`,
          entry.file,
          { line: entry.line },
        ),
      );
    }
  }

  const deprecations: Deprecation[] = [
    ...[...fromProse.values()].map(({ covers: _covers, ...entry }) => entry),
    ...fromSchema.values(),
  ];
  return { deprecations: deprecations.sort((a, b) => a.feature.localeCompare(b.feature, 'en')), problems };
}

/** The registry across all revisions, and the problems with it. `prose` defaults to every revision's pages. */
export function deprecationRegistry(
  revisions: Revision[] = registry().revisions,
  prose?: ProseMarkers[],
): {
  deprecations: Deprecation[];
  problems: UserError[];
} {
  const schemas = revisions.map((revision) => {
    const file = schemaSourceFile(revision.id);
    return scanSchema(revision.id, file, readText(file));
  });
  const markers =
    prose ??
    revisions.map(({ id }) => ({
      revision: id,
      markers: loadProse(id).pages.flatMap((page) => page.deprecations.map((d) => ({ ...d, file: page.file }))),
    }));
  return mergeDeprecations(
    revisions.map((r) => r.id),
    schemas,
    markers,
  );
}
