/**
 * Markdown to sanitized HTML for the site: the spec prose, schema descriptions and generated pages all go
 * through this one pipeline, so every page gets the same directives, link rewriting and sanitizing.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { deprecationAnchor, requirementAnchor } from '../spec-markdown.ts';

/** A link found in a page, recorded for the link check with where it came from. */
export interface OutgoingLink {
  /** Site URL with optional `#anchor`. */
  href: string;
  file: string;
  line: number;
}

export interface RenderContext {
  /** Source file, for link-check messages. */
  file: string;
  /** Maps a line of the rendered Markdown to the line of the source file (for generated Markdown). */
  mapLine?: (line: number) => number;
  /** Rewrites a site-absolute URL before it is checked (e.g. `/specification/<rev>/...` links in TSDoc). */
  rewriteUrl?: (url: string) => string | undefined;
  /** Turns a `.md` path relative to the current page into a site URL; undefined when it is not a page. */
  resolvePage: (relativeMd: string) => string | undefined;
  /** URL of a schema type in the reference of the current revision. */
  typeHref: (name: string) => string;
  /** Collects every internal link for the link check. */
  links: OutgoingLink[];
  /** Number prefix of the page (`3.2`), for heading numbers; omit for unnumbered pages. */
  sectionNumber?: string;
}

/** Attribute rules for a tag, with any value-restricted `className` rule replaced by an open one. */
function withClassName(tag: string, ...extra: string[]) {
  const rules = (defaultSchema.attributes?.[tag] ?? []).filter(
    (rule) => rule !== 'className' && !(Array.isArray(rule) && rule[0] === 'className'),
  );
  return [...rules, 'className', ...extra];
}

const sanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    a: withClassName('a', 'title', 'id'),
    code: withClassName('code'),
    span: withClassName('span'),
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
  },
};

function sourceLine(context: RenderContext, line: number): number {
  return context.mapLine ? context.mapLine(line) : line;
}

/**
 * `:req[id]` becomes a permalink anchor; `:type[Name]` a link into the schema reference; `:deprecated[Feature]`
 * a span with the marker's id holding a "Deprecated" badge (a permalink whose title says since when, what to
 * use instead and the earliest removal) followed by the label.
 */
function directivesToLinks(context: RenderContext) {
  return (tree: Root) => {
    visit(tree, 'textDirective', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const label = node.children
        .map((child) => ('value' in child ? child.value : ''))
        .join('')
        .trim();
      const line = sourceLine(context, node.position?.start.line ?? 0);
      if (node.name === 'req') {
        const anchor = requirementAnchor(label);
        const marker: Link = {
          type: 'link',
          url: `#${anchor}`,
          title: `Requirement ${label}`,
          children: [{ type: 'text', value: label }],
          data: { hProperties: { id: anchor, className: ['req'] } },
        };
        parent.children.splice(index, 1, marker);
        return;
      }
      if (node.name === 'deprecated') {
        const attributes = node.attributes ?? {};
        const anchor = attributes.id || deprecationAnchor(mdastToString(node).replace(/\s+/g, ' ').trim());
        const title = [
          attributes.since ? `Deprecated since ${attributes.since}.` : 'Deprecated.',
          attributes.migration ? `Migration: ${attributes.migration}.` : '',
          attributes.removal ? `Earliest removal: ${attributes.removal}.` : '',
        ]
          .filter(Boolean)
          .join(' ');
        const badge: Link = {
          type: 'link',
          url: `#${anchor}`,
          title,
          children: [{ type: 'text', value: 'Deprecated' }],
          data: { hProperties: { className: ['deprecated-badge'] } },
        };
        const children: PhrasingContent[] = [badge, { type: 'text', value: ' ' }, ...node.children];
        node.children = children;
        node.attributes = {};
        node.data = { hName: 'span', hProperties: { id: anchor, className: ['deprecated-feature'] } };
        return;
      }
      if (node.name === 'type') {
        const href = context.typeHref(label);
        context.links.push({ href, file: context.file, line });
        const link: Link = { type: 'link', url: href, children: [{ type: 'inlineCode', value: label }] };
        parent.children.splice(index, 1, link);
        return;
      }
      const text: Text = { type: 'text', value: `:${node.name}` };
      parent.children.splice(index, 1, text);
    });
  };
}

/** Rewrites relative `.md` links to site URLs and records every internal link. */
function rewriteLinks(context: RenderContext) {
  return (tree: Root) => {
    visit(tree, 'link', (node) => {
      const line = sourceLine(context, node.position?.start.line ?? 0);
      const url = ((url0) => context.rewriteUrl?.(url0) ?? url0)(node.url);
      node.url = url;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return; // absolute URL (https:, mailto:)
      if (url.startsWith('#')) {
        if (!node.data?.hProperties?.id) context.links.push({ href: url, file: context.file, line });
        return;
      }
      const [path = '', anchor] = url.split('#');
      if (path.endsWith('.md')) {
        const resolved = context.resolvePage(path);
        node.url = `${resolved ?? `/missing-page/${path}`}${anchor ? `#${anchor}` : ''}`;
        context.links.push({ href: node.url, file: context.file, line });
        return;
      }
      context.links.push({ href: url, file: context.file, line });
    });
  };
}

/** Code blocks and tables scroll sideways on narrow screens; keyboard users need to reach them. */
function focusableScrollers() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre' || node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
}

/** Numbers `h2`–`h4` under the page's section number and appends a permalink to every heading. */
function numberAndLinkHeadings(context: RenderContext) {
  return (tree: HastRoot) => {
    const counters = [0, 0, 0];
    visit(tree, 'element', (node: Element) => {
      const depth = ['h2', 'h3', 'h4'].indexOf(node.tagName);
      if (depth < 0) return;
      const id = String(node.properties.id ?? '');
      if (context.sectionNumber !== undefined) {
        counters[depth]!++;
        for (let deeper = depth + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
        const number = [context.sectionNumber, ...counters.slice(0, depth + 1)].filter((n) => n !== '').join('.');
        node.children.unshift({
          type: 'element',
          tagName: 'span',
          properties: { className: ['section-number'] },
          children: [{ type: 'text', value: `${number} ` }],
        });
      }
      if (id) {
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: {
            className: ['permalink'],
            href: `#${id}`,
            ariaLabel: `Permalink to ${hastToString(node).trim()}`,
          },
          children: [{ type: 'text', value: '#' }],
        });
      }
    });
  };
}

/** Renders Markdown (front matter allowed and skipped) to a sanitized HAST tree. */
export function renderMarkdown(source: string, context: RenderContext): HastRoot {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(directivesToLinks, context)
    .use(rewriteLinks, context)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(numberAndLinkHeadings, context)
    .use(focusableScrollers)
    .use(rehypeHighlight, { detect: false, ignoreMissing: true });
  return processor.runSync(processor.parse(source)) as HastRoot;
}

/** Resolves a relative `.md` link from a page file inside a revision folder to the target page path. */
export function resolveMdPath(fromPagePath: string, fromIsIndex: boolean, target: string): string {
  const baseDir = fromIsIndex ? fromPagePath : posix.dirname(fromPagePath);
  const joined = posix.normalize(posix.join(baseDir === '.' ? '' : baseDir, target)).replace(/\.md$/, '');
  const page = joined === 'index' ? '' : joined.replace(/\/index$/, '');
  return page === '.' ? '' : page;
}
