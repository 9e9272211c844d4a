/**
 * Reading the normative prose: `spec/<revision>/**\/*.md` with YAML front matter and three text directives,
 * `:req[<id>]{for=<subject>}` (a requirement marker, placed at the start of a normative sentence),
 * `:type[<Definition>]` (a link into the schema reference) and
 * `:deprecated[<feature>]{since=<revision> migration="<what to use instead>" removal=<date> schema="<names>"}`
 * (a deprecation marker, collected into the deprecated-features registry).
 */
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from '../../schema/errors.ts';

export const SUBJECTS = ['client', 'server', 'both', 'authorization-server'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const LEVELS = ['MUST', 'MUST NOT', 'SHOULD', 'SHOULD NOT', 'MAY'] as const;
export type Level = (typeof LEVELS)[number];

/** Dotted lowercase segments, at least two: `transport.http.session.unknown-id-404`. */
export const REQUIREMENT_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** BCP 14 keywords, longest first so `MUST NOT` wins over `MUST`. */
const KEYWORD =
  /\b(MUST\s+NOT|SHALL\s+NOT|SHOULD\s+NOT|NOT\s+RECOMMENDED|MUST|SHALL|SHOULD|REQUIRED|RECOMMENDED|MAY|OPTIONAL)\b/g;
const LEVEL_OF: Record<string, Level> = {
  MUST: 'MUST',
  REQUIRED: 'MUST',
  SHALL: 'MUST',
  'MUST NOT': 'MUST NOT',
  'SHALL NOT': 'MUST NOT',
  SHOULD: 'SHOULD',
  RECOMMENDED: 'SHOULD',
  'SHOULD NOT': 'SHOULD NOT',
  'NOT RECOMMENDED': 'SHOULD NOT',
  MAY: 'MAY',
  OPTIONAL: 'MAY',
};

export interface FrontMatter {
  title: string;
  /** Position among its siblings in the navigation; lower first. */
  order?: number;
  /** Default subject of the page's requirements. */
  subject?: Subject;
  description?: string;
}

export interface Requirement {
  id: string;
  level: Level;
  subject: Subject;
  /** The normative sentence, as plain text. */
  text: string;
  /** Page path inside the revision, without `.md` (`basic/lifecycle`). */
  page: string;
  anchor: string;
  /** Title of the nearest heading above the requirement. */
  section: string;
  line: number;
}

/** A `:deprecated[...]` marker: one deprecated feature as the prose declares it. */
export interface ProseDeprecation {
  /** The label as plain text: the feature's name. */
  feature: string;
  /** Revision that deprecated the feature: a date `YYYY-MM-DD` or `draft` (checked against the registry later). */
  since: string;
  /** What to use instead. */
  migration: string;
  /** Earliest removal date, `YYYY-MM-DD`, when announced. */
  removal?: string;
  /** Schema features (`Type` or `Type.field`) this feature covers, from `schema="A B.c"`. */
  schema: string[];
  /** Page path inside the revision, without `.md`. */
  page: string;
  /** Element id of the marker on the page: `{#id}`, or `deprecated-<slug of the feature>`. */
  anchor: string;
  line: number;
}

export const DEPRECATION_ATTRIBUTES = ['id', 'since', 'migration', 'removal', 'schema'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Anchor of a deprecation marker without an explicit `{#id}`: `deprecated-` and the feature name as a slug. */
export function deprecationAnchor(feature: string): string {
  const slug = feature
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `deprecated-${slug || 'feature'}`;
}

/**
 * Reads a `:deprecated` directive's label and attributes; problems go to `problems` with the marker's line.
 * Returns undefined when the marker is too broken to enter the registry.
 */
export function readDeprecationMarker(
  label: string,
  attributes: Record<string, string | null | undefined>,
  where: { file: string; page: string; line: number },
  problems: UserError[],
): ProseDeprecation | undefined {
  const { file, page, line } = where;
  const problem = (message: string) => problems.push(new UserError(message, file, { line }));
  const before = problems.length;
  const feature = label.replace(/\s+/g, ' ').trim();
  if (!feature) problem(":deprecated[] names no feature: put the feature's name in the brackets");
  for (const key of Object.keys(attributes)) {
    if (key === 'class') problem(':deprecated takes no class (.name) shorthand');
    else if (!(DEPRECATION_ATTRIBUTES as readonly string[]).includes(key)) {
      problem(`:deprecated has no attribute "${key}" (known: ${DEPRECATION_ATTRIBUTES.join(', ')})`);
    }
  }
  const value = (key: string) => (attributes[key] ?? '').replace(/\s+/g, ' ').trim();
  const since = value('since');
  if (!since) problem(`:deprecated[${feature}] has no "since": name the revision that deprecated it`);
  else if (since !== 'draft' && !isDate(since)) {
    problem(`:deprecated[${feature}]{since=${since}}: "since" must be a revision id (YYYY-MM-DD or draft)`);
  }
  const migration = value('migration');
  if (!migration) problem(`:deprecated[${feature}] has no "migration": say what to use instead`);
  const removal = attributes.removal === undefined ? undefined : value('removal');
  if (removal !== undefined && !isDate(removal)) {
    problem(`:deprecated[${feature}]{removal=${removal}}: "removal" must be a date YYYY-MM-DD`);
  }
  const id = attributes.id === undefined ? undefined : value('id');
  if (id !== undefined && !/^[a-z][a-z0-9-]*$/.test(id)) {
    problem(`:deprecated[${feature}]{#${id}}: the id must be lowercase letters, digits and hyphens`);
  }
  if (problems.length > before) return undefined;
  return {
    feature,
    since,
    migration,
    ...(removal !== undefined ? { removal } : {}),
    schema: value('schema').split(' ').filter(Boolean),
    page,
    anchor: id ?? deprecationAnchor(feature),
    line,
  };
}

export interface ParsedPage {
  file: string;
  page: string;
  frontMatter: FrontMatter;
  tree: Root;
  requirements: Requirement[];
  /** Every `:type[...]` reference, for checking against the schema. */
  typeRefs: { name: string; line: number }[];
  /** Every `:deprecated[...]` marker that is well formed. */
  deprecations: ProseDeprecation[];
  problems: UserError[];
}

export function requirementAnchor(id: string): string {
  return `req-${id}`;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

function readFrontMatter(tree: Root, file: string, problems: UserError[]): FrontMatter {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    problems.push(
      new UserError('missing front matter: start the page with a --- block that has a title', file, { line: 1 }),
    );
    return { title: '' };
  }
  let data: unknown;
  try {
    data = parseYaml(first.value);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 1;
    problems.push(new UserError(`broken front matter: ${(error as Error).message.split('\n')[0]}`, file, { line }));
    return { title: '' };
  }
  const line = first.position?.start.line ?? 1;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push(new UserError('broken front matter: expected key: value pairs', file, { line }));
    return { title: '' };
  }
  const record = data as Record<string, unknown>;
  const allowed = new Set(['title', 'order', 'subject', 'description']);
  for (const key of Object.keys(record)) {
    if (!allowed.has(key)) {
      problems.push(
        new UserError(`front matter: unknown key "${key}" (allowed: ${[...allowed].join(', ')})`, file, { line }),
      );
    }
  }
  if (typeof record.title !== 'string' || record.title.trim() === '') {
    problems.push(new UserError('front matter: "title" must be a non-empty string', file, { line }));
  }
  if (record.order !== undefined && typeof record.order !== 'number') {
    problems.push(new UserError('front matter: "order" must be a number', file, { line }));
  }
  if (record.subject !== undefined && !SUBJECTS.includes(record.subject as Subject)) {
    problems.push(new UserError(`front matter: "subject" must be one of ${SUBJECTS.join(', ')}`, file, { line }));
  }
  if (record.description !== undefined && typeof record.description !== 'string') {
    problems.push(new UserError('front matter: "description" must be a string', file, { line }));
  }
  return {
    title: typeof record.title === 'string' ? record.title : '',
    order: typeof record.order === 'number' ? record.order : undefined,
    subject: SUBJECTS.includes(record.subject as Subject) ? (record.subject as Subject) : undefined,
    description: typeof record.description === 'string' ? record.description : undefined,
  };
}

/** Plain text of a block, with inline code masked out of the keyword scan, and where each marker sits. */
interface Flattened {
  text: string;
  /** True where the character may hold a keyword (not inside inline code). */
  scannable: boolean[];
  /** Source line of each character. */
  lines: number[];
  markers: { offset: number; id: string; subject?: string; line: number }[];
}

interface Collected {
  file: string;
  page: string;
  problems: UserError[];
  typeRefs: ParsedPage['typeRefs'];
  deprecations: ProseDeprecation[];
}

function flatten(block: Parent, collected: Collected): Flattened {
  const { file, problems, typeRefs } = collected;
  const out: Flattened = { text: '', scannable: [], lines: [], markers: [] };
  const append = (value: string, line: number, scannable: boolean): void => {
    for (const char of value) {
      out.text += char;
      out.scannable.push(scannable);
      out.lines.push(line);
      if (char === '\n') line++;
    }
  };
  const walk = (node: Nodes): void => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'text':
        append(node.value, line, true);
        return;
      case 'inlineCode':
        append(`\`${node.value}\``, line, false);
        return;
      case 'break':
        append('\n', line, true);
        return;
      case 'textDirective': {
        const label = toString(node).trim();
        if (node.name === 'req') {
          if (!REQUIREMENT_ID.test(label)) {
            problems.push(
              new UserError(
                `malformed requirement ID "${label}": use lowercase dotted segments such as lifecycle.initialize.first-request`,
                file,
                { line },
              ),
            );
            return;
          }
          const attributes = node.attributes ?? {};
          for (const key of Object.keys(attributes)) {
            if (key !== 'for')
              problems.push(new UserError(`:req has no attribute "${key}" (only "for")`, file, { line }));
          }
          const subject = attributes.for ?? undefined;
          if (subject !== undefined && !SUBJECTS.includes(subject as Subject)) {
            problems.push(
              new UserError(`:req{for=${subject}}: the subject must be one of ${SUBJECTS.join(', ')}`, file, { line }),
            );
          }
          out.markers.push({ offset: out.text.length, id: label, subject: subject ?? undefined, line });
          return;
        }
        if (node.name === 'type') {
          typeRefs.push({ name: label, line });
          append(label, line, false);
          return;
        }
        if (node.name === 'deprecated') {
          const marker = readDeprecationMarker(
            label,
            node.attributes ?? {},
            { file, page: collected.page, line },
            problems,
          );
          if (marker) collected.deprecations.push(marker);
          for (const child of node.children as Nodes[]) walk(child);
          return;
        }
        problems.push(
          new UserError(
            `unknown directive ":${node.name}" (known: :req, :type, :deprecated); write a literal colon as \\:`,
            file,
            { line },
          ),
        );
        return;
      }
      case 'leafDirective':
      case 'containerDirective':
        problems.push(
          new UserError(
            `unknown directive "::${node.name}" (only the text directives :req, :type and :deprecated exist)`,
            file,
            {
              line,
            },
          ),
        );
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
    }
  };
  for (const child of block.children as Nodes[]) walk(child);
  return out;
}

/** End of the sentence that contains `from`: the first `.`, `!` or `?` followed by white space or the end. */
function sentenceEnd(text: string, from: number, limit: number): number {
  const pattern = /[.!?](?=\s|$)/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < limit; match = pattern.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 3), match.index + 1).toLowerCase();
    if (/(e\.g\.|i\.e\.|vs\.)$/.test(before)) continue;
    return match.index + 1;
  }
  return limit;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Parses one page and extracts its requirements; problems are collected, not thrown. */
export function parsePage(file: string, page: string, text: string): ParsedPage {
  const problems: UserError[] = [];
  const typeRefs: ParsedPage['typeRefs'] = [];
  const deprecations: ProseDeprecation[] = [];
  const collected: Collected = { file, page, problems, typeRefs, deprecations };
  const tree = parseMarkdown(text);
  const frontMatter = readFrontMatter(tree, file, problems);
  const requirements: Requirement[] = [];
  let section = frontMatter.title;

  const visitBlock = (block: Parent): void => {
    const flat = flatten(block, collected);
    if (block.type === 'heading') {
      section = toString(block as Heading).trim();
    }
    const scanKeywords = (): { index: number; keyword: string }[] => {
      const found: { index: number; keyword: string }[] = [];
      for (const match of flat.text.matchAll(KEYWORD)) {
        if (flat.scannable[match.index]) found.push({ index: match.index, keyword: match[1]!.replace(/\s+/g, ' ') });
      }
      return found;
    };
    const keywords = scanKeywords();
    const covered: [number, number][] = [];
    flat.markers.forEach((marker, i) => {
      const limit = flat.markers[i + 1]?.offset ?? flat.text.length;
      const keyword = keywords.find((k) => k.index >= marker.offset && k.index < limit);
      if (!keyword) {
        problems.push(
          new UserError(
            `requirement ${marker.id} marks no sentence with a BCP 14 keyword (MUST, SHOULD, MAY, ...)`,
            file,
            {
              line: marker.line,
            },
          ),
        );
        return;
      }
      const end = sentenceEnd(flat.text, keyword.index, limit);
      covered.push([marker.offset, end]);
      requirements.push({
        id: marker.id,
        level: LEVEL_OF[keyword.keyword]!,
        subject: (marker.subject as Subject | undefined) ?? frontMatter.subject ?? 'both',
        text: flat.text.slice(marker.offset, end).replace(/\s+/g, ' ').trim(),
        page,
        anchor: requirementAnchor(marker.id),
        section,
        line: marker.line,
      });
    });
    for (const keyword of keywords) {
      if (!covered.some(([start, end]) => keyword.index >= start && keyword.index < end)) {
        problems.push(
          new UserError(
            `BCP 14 keyword "${keyword.keyword}" without a requirement marker: put :req[<id>] at the start of its sentence`,
            file,
            { line: flat.lines[keyword.index] },
          ),
        );
      }
    }
  };

  const visit = (node: Root | RootContent): void => {
    if (BLOCKS.has(node.type)) {
      visitBlock(node as Parent);
      return;
    }
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      problems.push(
        new UserError(
          `unknown directive "::${node.name}" (only the text directives :req, :type and :deprecated exist)`,
          file,
          {
            line: node.position?.start.line,
          },
        ),
      );
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(tree);
  const anchors = new Map<string, number>();
  for (const marker of deprecations) {
    const earlier = anchors.get(marker.anchor);
    if (earlier !== undefined) {
      problems.push(
        new UserError(
          `:deprecated[${marker.feature}] repeats the anchor #${marker.anchor} of line ${earlier}: give one of them {#another-id}`,
          file,
          { line: marker.line },
        ),
      );
    } else anchors.set(marker.anchor, marker.line);
  }
  return { file, page, frontMatter, tree, requirements, typeRefs, deprecations, problems };
}
