/**
 * Pages generated from data rather than written: the schema reference, the requirements index and the
 * deprecated-features registry.
 */
import type { Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { definitionsOf, type SchemaDocument } from '../../../schema/index.ts';
import type { Deprecation, DeprecationSource } from '../deprecations.ts';
import { discoverExamples } from '../examples.ts';
import { compareCodePoints, isPlainObject, readText } from '../json.ts';
import type { TypeDoc } from '../schema-docs.ts';
import { LEVELS, SUBJECTS, type Requirement } from '../spec-markdown.ts';

/** Heading slug of a type name in the reference, matching what rehype-slug produces for `### Name`. */
export function typeSlug(name: string): string {
  return name.toLowerCase();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** TSDoc `{@link X}` and `{@link X | label}` become links to the type's entry, or code when X is no type. */
function linkify(description: string, defs: Record<string, unknown>): string {
  return description.replace(
    /\{@link\s+([A-Za-z0-9_.]+)(?:\s*\|\s*([^}]+))?\}/g,
    (_, target: string, label?: string) => {
      const name = target.split('.')[0]!;
      const text = label ? label.trim() : `\`${target}\``;
      return Object.hasOwn(defs, name) ? `[${text}](#${typeSlug(name)})` : text;
    },
  );
}

function typeExpression(node: unknown, defs: Record<string, unknown>): string {
  if (!isPlainObject(node)) return '`any`';
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').pop()!;
    return name in defs ? `[\`${name}\`](#${typeSlug(name)})` : `\`${name}\``;
  }
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (Array.isArray(node.enum)) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  const union = node.anyOf ?? node.oneOf;
  if (Array.isArray(union)) return union.map((member) => typeExpression(member, defs)).join(' \\| ');
  if (Array.isArray(node.allOf)) return node.allOf.map((member) => typeExpression(member, defs)).join(' & ');
  if (node.type === 'array') return `${typeExpression(node.items, defs)}[]`;
  if (node.type === 'object' && isPlainObject(node.properties)) return '`object` (below)';
  if (node.type === 'object' && isPlainObject(node.additionalProperties)) {
    return `map of ${typeExpression(node.additionalProperties, defs)}`;
  }
  if (node.type !== undefined) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const format = typeof node.format === 'string' ? ` (${node.format})` : '';
    return `${types.map((t) => `\`${String(t)}\``).join(' \\| ')}${format}`;
  }
  return '`any`';
}

function fieldRows(node: Record<string, unknown>, defs: Record<string, unknown>, prefix: string): string[] {
  if (!isPlainObject(node.properties)) return [];
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const rows: string[] = [];
  for (const name of Object.keys(node.properties).sort(compareCodePoints)) {
    const property = node.properties[name] as Record<string, unknown>;
    const bounds = [
      typeof property.minimum === 'number' ? `≥ ${property.minimum}` : '',
      typeof property.maximum === 'number' ? `≤ ${property.maximum}` : '',
      typeof property.maxItems === 'number' ? `at most ${property.maxItems} items` : '',
    ].filter(Boolean);
    const description = typeof property.description === 'string' ? linkify(property.description, defs) : '';
    rows.push(
      `| \`${prefix}${name}\` | ${typeExpression(property, defs)}${bounds.length ? ` (${bounds.join(', ')})` : ''} | ${required.has(name) ? 'yes' : 'no'} | ${cell(description)} |`,
    );
    if (property.type === 'object' && isPlainObject(property.properties)) {
      rows.push(...fieldRows(property, defs, `${prefix}${name}.`));
    }
  }
  return rows;
}

export interface ReferenceInput {
  revision: string;
  schema: SchemaDocument;
  docs: Map<string, TypeDoc>;
  /** Turns an `@see /specification/<rev>/<page>#anchor` target into a site URL, if it is one. */
  seeHref: (target: string) => string | undefined;
}

/**
 * The schema reference of a revision as Markdown: every definition, grouped by category, with an example.
 * `sourceLines[i]` is the `schema.ts` line that line i+1 of the Markdown came from, for link-check messages.
 */
export function schemaReferenceMarkdown({ revision, schema, docs, seeHref }: ReferenceInput): {
  markdown: string;
  sourceLines: number[];
} {
  const defs = definitionsOf(schema);
  const examples = new Map<string, string>();
  for (const example of discoverExamples(revision).examples) {
    if (example.expect === 'valid' && !examples.has(example.definition)) examples.set(example.definition, example.file);
  }
  const byCategory = new Map<string, string[]>();
  for (const name of Object.keys(defs).sort(compareCodePoints)) {
    const category = docs.get(name)?.category ?? 'Other';
    byCategory.set(category, [...(byCategory.get(category) ?? []), name]);
  }
  const categories = [...byCategory.keys()].sort(compareCodePoints);
  const marks: { from: number; line: number }[] = [];
  const out: string[] = [
    `Every type of revision ${revision}, generated from \`schema/${revision}/schema.ts\`. ` +
      `The JSON Schema is [schema.json](${new URL(schema.$id).pathname}); ${Object.keys(defs).length} definitions.`,
    '',
    ...categories.map(
      (category) =>
        `- **${category}**: ${byCategory
          .get(category)!
          .map((n) => `[${n}](#${typeSlug(n)})`)
          .join(', ')}`,
    ),
    '',
  ];
  for (const category of categories) {
    out.push(`## ${category}`, '');
    for (const name of byCategory.get(category)!) {
      const node = defs[name] as Record<string, unknown>;
      const doc = docs.get(name);
      marks.push({ from: out.length, line: doc?.line ?? 1 });
      out.push(`### ${name}`, '');
      if (doc?.deprecated) out.push(`**Deprecated.** ${linkify(doc.deprecated, defs)}`, '');
      if (typeof node.description === 'string') out.push(linkify(node.description, defs), '');
      if (!isPlainObject(node.properties)) out.push(`Type: ${typeExpression(node, defs)}`, '');
      const rows = fieldRows(node, defs, '');
      if (rows.length) out.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows, '');
      if (Array.isArray(node.allOf)) out.push(`Combines: ${typeExpression(node, defs)}`, '');
      const see = (doc?.see ?? []).map((target) => ({ target, href: seeHref(target) })).filter((s) => s.href);
      if (see.length)
        out.push(`See: ${see.map((s) => `[${s.target.replace(/^\/specification\//, '')}](${s.href})`).join(', ')}`, '');
      const example = examples.get(name);
      if (example) {
        out.push(
          `Example (\`${example.split('/examples/')[1]}\`):`,
          '',
          '```json',
          readText(example).trimEnd(),
          '```',
          '',
        );
      }
    }
  }
  const sourceLines: number[] = [];
  let mark = 0;
  out.forEach((entry, index) => {
    while (mark + 1 < marks.length && marks[mark + 1]!.from <= index) mark++;
    const line = marks[mark] && marks[mark]!.from <= index ? marks[mark]!.line : 1;
    for (let i = entry.split('\n').length; i > 0; i--) sourceLines.push(line);
  });
  return { markdown: out.join('\n'), sourceLines };
}

/** A labelled select that filters the rows of a filterable table by one data attribute (assets/requirements.js). */
export function filterSelect(id: string, label: string, key: string, options: { value: string; label: string }[]) {
  return h('p', [
    h('label', { htmlFor: id }, `${label} `),
    h(`select#${id}`, { dataFilter: key }, [
      h('option', { value: '' }, 'all'),
      ...options.map((option) => h('option', { value: option.value }, option.label)),
    ]),
  ]);
}

/** The requirements index: one row per requirement, filterable by level and subject. */
export function requirementsIndex(
  requirements: Requirement[],
  pageUrl: (page: string) => string,
  proposalsCiting: (id: string) => { label: string; url: string }[] = () => [],
  checksCiting: (id: string) => { label: string; url: string }[] = () => [],
): HastRoot {
  const sorted = [...requirements].sort((a, b) => compareCodePoints(a.id, b.id));
  const counts = (key: 'level' | 'subject', value: string) => sorted.filter((r) => r[key] === value).length;
  const select = (id: string, label: string, values: readonly string[], key: 'level' | 'subject') =>
    filterSelect(
      id,
      label,
      key,
      values.map((value) => ({ value, label: `${value} (${counts(key, value)})` })),
    );
  return h(null, [
    h('p', `${sorted.length} requirements. Each ID links to the sentence it names; IDs never change meaning.`),
    h('form.filters', { ariaLabel: 'Filter requirements' }, [
      select('filter-level', 'Level', LEVELS, 'level'),
      select('filter-subject', 'Subject', SUBJECTS, 'subject'),
      h('p.filter-count', { ariaLive: 'polite' }, ''),
    ]),
    h('table.requirements', { tabIndex: 0 }, [
      h(
        'thead',
        h('tr', [
          h('th', 'ID'),
          h('th', 'Level'),
          h('th', 'Subject'),
          h('th', 'Requirement'),
          h('th', 'Proposals'),
          h('th', 'Conformance checks'),
        ]),
      ),
      h(
        'tbody',
        sorted.map((r) =>
          h('tr', { dataLevel: r.level, dataSubject: r.subject }, [
            h('td', h('a', { href: `${pageUrl(r.page)}#${r.anchor}` }, h('code', r.id))),
            h('td', r.level),
            h('td', r.subject),
            h('td', r.text),
            h(
              'td',
              proposalsCiting(r.id).flatMap((p, i) => [...(i ? [', '] : []), h('a', { href: p.url }, p.label)]),
            ),
            h(
              'td.checks',
              checksCiting(r.id).flatMap((c, i) => [...(i ? [', '] : []), h('a', { href: c.url }, h('code', c.label))]),
            ),
          ]),
        ),
      ),
    ]),
  ]) as HastRoot;
}

/** Where a registry source lives on the site. */
export function deprecationSourceHref(source: DeprecationSource): string {
  return source.kind === 'prose'
    ? `/${source.revision}/${source.page ? `${source.page}/` : ''}#${source.anchor}`
    : `/${source.revision}/schema/#${typeSlug(source.feature.split('.')[0]!)}`;
}

function earliestRemoval(d: Deprecation): string {
  if (d.removal) return d.removal;
  return d.since === 'draft' ? 'twelve months after release' : `${Number(d.since.slice(0, 4)) + 1}${d.since.slice(4)}`;
}

/**
 * The deprecated-features registry: one row per feature, its name linking to its first declaration, and a
 * list of every declaration, prose markers (page and anchor) and schema tags (definition or field).
 */
export function deprecationsPage(deprecations: Deprecation[]): HastRoot {
  const sourceLink = (source: DeprecationSource) =>
    h(
      'a',
      { href: deprecationSourceHref(source) },
      source.kind === 'prose'
        ? `${source.revision}/${source.page || 'index'}#${source.anchor}`
        : [h('code', source.feature), ` (${source.revision} schema)`],
    );
  return h(null, [
    h('p', [
      'Generated from the ',
      h('code', '@deprecated'),
      " tags of every revision's schema and the ",
      h('code', ':deprecated[…]'),
      ' markers of its prose; a feature declared both ways is one row listing every declaration. ' +
        'A deprecated feature stays for at least twelve months after the revision that deprecated it.',
    ]),
    h('table.deprecations', { tabIndex: 0 }, [
      h(
        'thead',
        h('tr', [
          h('th', 'Feature'),
          h('th', 'Deprecated in'),
          h('th', 'Migration'),
          h('th', 'Earliest removal'),
          h('th', 'Removed in'),
          h('th', 'Declared in'),
        ]),
      ),
      h(
        'tbody',
        deprecations.map((d) => {
          const prose = d.sources.filter((s) => s.kind === 'prose');
          const schema = d.sources.filter((s) => s.kind === 'schema');
          return h('tr', [
            h(
              'td',
              h(
                'a',
                { href: deprecationSourceHref(d.sources[0]!) },
                d.sources[0]!.kind === 'schema' ? h('code', d.feature) : d.feature,
              ),
            ),
            h('td', d.since),
            h('td', d.migration),
            h('td', earliestRemoval(d)),
            h('td', d.removedIn ?? 'not removed'),
            h('td', [
              ...(prose.length
                ? [h('p', ['Prose: ', ...prose.flatMap((s, i) => [...(i ? [', '] : []), sourceLink(s)])])]
                : []),
              ...(schema.length
                ? [h('p', ['Schema: ', ...schema.flatMap((s, i) => [...(i ? [', '] : []), sourceLink(s)])])]
                : []),
            ]),
          ]);
        }),
      ),
    ]),
  ]) as HastRoot;
}
