/**
 * The static site: every revision's prose, schema reference, schema changes and requirements index, plus
 * home, search, proposals, llms.txt and llms-full.txt. Built into a fresh folder that replaces the output
 * folder only when the whole build succeeded, so a failed build never leaves half a site.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import MiniSearch from 'minisearch';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { visit } from 'unist-util-visit';
import { UserError, UserErrors } from '../../../schema/errors.ts';
import { hasDefinition, loadSchema } from '../../../schema/index.ts';
import {
  REPO_ROOT,
  latestRevision,
  previousRevision,
  registry,
  schemaId,
  schemaJsonFile,
  type Revision,
} from '../../../schema/registry.ts';
import { compareCodePoints, readText } from '../json.ts';
import { typeDocs } from '../schema-docs.ts';
import { diffSchemas, renderDiffMarkdown } from '../schema-diff.ts';
import { loadProse, specDir } from '../spec.ts';
import type { ParsedPage, Requirement } from '../spec-markdown.ts';
import { deprecationsPage, requirementsIndex, schemaReferenceMarkdown, typeSlug } from './generated-pages.ts';
import { loadProposals, type Proposal } from '../proposals.ts';
import { deprecationRegistry } from '../deprecations.ts';
import { proposalPage, proposalUrl, proposalsIndex } from './proposal-pages.ts';
import {
  CATALOGUE_FILE,
  CONFORMANCE_SCRIPT,
  CONFORMANCE_URL,
  COVERAGE_URL,
  RESULT_SCHEMA_URL,
  catalogueIndex,
  conformanceNav,
  checkHref,
  checksCiting,
  coveragePage,
  internalLinks,
  loadCatalogue,
  loadUntestable,
  type ConformanceInput,
  type SiteCatalogue,
} from './conformance-pages.ts';
import { renderLayout, type NavItem, type RevisionLink } from './layout.ts';
import { renderMarkdown, resolveMdPath, type OutgoingLink } from './render-markdown.ts';

export const SITE_TITLE = 'MCP Specification';
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'site', 'dist');
const ASSETS_DIR = join(REPO_ROOT, 'site', 'assets');

/** Where the site publishes a revision's JSON Schema: the path of its `$id`, so that the `$id` resolves. */
export function schemaJsonPath(revision: string): string {
  return new URL(schemaId(revision)).pathname;
}

interface SitePage {
  url: string;
  title: string;
  description?: string;
  eyebrow?: string;
  revision?: Revision;
  content: HastRoot;
  /** Page path inside its revision, for the version switcher. */
  revisionPath?: string;
  scripts?: string[];
  /** Markdown source (prose pages), for llms-full.txt. */
  markdown?: string;
  /** Sidebar navigation of the page's revision. */
  nav?: NavItem[];
  navLabel?: string;
}

export interface BuildResult {
  outDir: string;
  pages: number;
  requirements: Record<string, number>;
  millis: number;
}

const revisionUrl = (revision: string, page: string) => `/${revision}/${page ? `${page}/` : ''}`;

/** Parents before children, so folders take their index page's title. */
function comparePages(a: ParsedPage, b: ParsedPage): number {
  return compareCodePoints(a.page, b.page);
}

interface NavNode extends NavItem {
  key: string;
  order: number;
  children: NavNode[];
}

/** The navigation tree of a revision, numbered depth-first; returns the number of each page path. */
function buildNav(revision: string, pages: ParsedPage[]): { nav: NavNode[]; numbers: Map<string, string> } {
  const root: NavNode = { key: '', title: 'Overview', order: 0, children: [] };
  const byKey = new Map<string, NavNode>([['', root]]);
  const ensure = (key: string): NavNode => {
    let node = byKey.get(key);
    if (!node) {
      const name = key.split('/').pop()!;
      node = { key, title: name.charAt(0).toUpperCase() + name.slice(1), order: 1000, children: [] };
      byKey.set(key, node);
      ensure(key.split('/').slice(0, -1).join('/')).children.push(node);
    }
    return node;
  };
  for (const page of [...pages].sort(comparePages)) {
    const node = ensure(page.page);
    node.title = page.frontMatter.title;
    node.order = page.frontMatter.order ?? 100;
    node.url = revisionUrl(revision, page.page);
  }
  const numbers = new Map<string, string>();
  const sortAndNumber = (nodes: NavNode[], prefix: string): void => {
    nodes.sort((a, b) => a.order - b.order || compareCodePoints(a.title, b.title));
    nodes.forEach((node, i) => {
      node.number = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      numbers.set(node.key, node.number);
      sortAndNumber(node.children, node.number);
    });
  };
  sortAndNumber(root.children, '');
  const top: NavNode = { ...root, url: root.url ?? revisionUrl(revision, ''), children: [] };
  return { nav: [top, ...root.children], numbers };
}

/** Every id and every outgoing internal link of a page, for the link check. */
function collectIds(tree: HastRoot): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (node.properties.id !== undefined) ids.add(String(node.properties.id));
  });
  return ids;
}

function checkLinks(pages: SitePage[], links: OutgoingLink[], extraFiles: Set<string>): UserError[] {
  const idsByUrl = new Map(pages.map((page) => [page.url, collectIds(page.content)]));
  const problems: UserError[] = [];
  for (const link of links) {
    const [path = '', anchor] = link.href.split('#');
    if (extraFiles.has(path)) continue;
    const target = path === '' ? undefined : path.endsWith('/') ? path : `${path}/`;
    const ids = target === undefined ? undefined : idsByUrl.get(target);
    if (target !== undefined && !ids) {
      problems.push(
        new UserError(
          `broken link: no page at ${link.href.startsWith('/missing-page/') ? link.href.slice('/missing-page/'.length) : path}`,
          link.file,
          { line: link.line },
        ),
      );
      continue;
    }
    if (anchor && ids && !ids.has(decodeURIComponent(anchor))) {
      problems.push(new UserError(`broken link: ${path} has no anchor #${anchor}`, link.file, { line: link.line }));
    }
  }
  return problems;
}

/** Same-page anchors are checked against the page they sit on; this tags them with it. */
function scopeLinks(page: string, links: OutgoingLink[]): OutgoingLink[] {
  return links.map((link) => (link.href.startsWith('#') ? { ...link, href: `${page}${link.href}` } : link));
}

function buildRevision(
  revision: Revision,
  problems: UserError[],
  proposals: Proposal[],
  catalogue?: SiteCatalogue,
): { pages: SitePage[]; links: OutgoingLink[]; requirements: Requirement[] } {
  const prose = loadProse(revision.id);
  problems.push(...prose.problems);
  const pages: SitePage[] = [];
  const links: OutgoingLink[] = [];
  const pagePaths = new Set(prose.pages.map((p) => p.page));
  const { nav, numbers } = buildNav(revision.id, prose.pages);
  const typeHref = (name: string) => `/${revision.id}/schema/#${typeSlug(name)}`;
  const status = revision.status === 'draft' ? 'draft' : revision.id === latestRevision().id ? 'latest' : 'final';
  const eyebrow = `Revision ${revision.id} (${status})`;

  for (const page of prose.pages) {
    const isIndex = page.file.endsWith('/index.md');
    for (const ref of page.typeRefs) {
      if (!hasDefinition(revision.id, ref.name)) {
        problems.push(
          new UserError(`:type[${ref.name}]: revision ${revision.id} has no such type`, page.file, { line: ref.line }),
        );
      }
    }
    const pageLinks: OutgoingLink[] = [];
    const source = readText(page.file);
    const url = revisionUrl(revision.id, page.page);
    const content = renderMarkdown(source, {
      file: page.file,
      resolvePage: (target) => {
        const resolved = resolveMdPath(page.page, isIndex, target);
        return pagePaths.has(resolved) ? revisionUrl(revision.id, resolved) : undefined;
      },
      typeHref,
      links: pageLinks,
      sectionNumber: page.page === '' ? undefined : numbers.get(page.page),
    });
    links.push(...scopeLinks(url, pageLinks));
    pages.push({
      url,
      title: page.frontMatter.title,
      description: page.frontMatter.description,
      eyebrow,
      revision,
      content,
      revisionPath: page.page,
      markdown: source,
    });
  }

  if (!pagePaths.has('')) {
    pages.push({
      url: revisionUrl(revision.id, ''),
      title: `Revision ${revision.id}`,
      eyebrow,
      revision,
      revisionPath: '',
      content: h(null, [h('p', `The schema reference and changes of revision ${revision.id}.`)]) as HastRoot,
    });
  }

  const generated: {
    path: string;
    title: string;
    markdown?: string;
    sourceLines?: number[];
    content?: HastRoot;
    file: string;
    scripts?: string[];
  }[] = [];
  const docs = typeDocs(revision.id);
  const seeHref = (target: string): string | undefined => {
    const match = /^\/specification\/([^/]+)\/(.*?)(?:#(.*))?$/.exec(target);
    if (!match || match[1] !== revision.id) return undefined;
    const page = match[2]!.replace(/\/?index$/, '');
    return `${revisionUrl(revision.id, page)}${match[3] ? `#${match[3]}` : ''}`;
  };
  const reference = schemaReferenceMarkdown({ revision: revision.id, schema: loadSchema(revision.id), docs, seeHref });
  generated.push({
    path: 'schema',
    title: 'Schema reference',
    file: join(REPO_ROOT, 'schema', revision.id, 'schema.ts'),
    markdown: reference.markdown,
    sourceLines: reference.sourceLines,
  });
  const previous = previousRevision(revision.id);
  generated.push({
    path: 'schema-changes',
    title: 'Schema changes',
    file: join(REPO_ROOT, 'schema', revision.id, 'CHANGES.md'),
    markdown: previous
      ? renderDiffMarkdown(diffSchemas(previous.id, loadSchema(previous.id), revision.id, loadSchema(revision.id)))
          .split('\n')
          .slice(1)
          .join('\n')
      : `Revision ${revision.id} is the first revision in this repository; there is no earlier schema to compare.`,
  });
  generated.push({
    path: 'requirements',
    title: 'Requirements',
    file: specDir(revision.id),
    content: requirementsIndex(
      prose.requirements,
      (page) => revisionUrl(revision.id, page),
      (id) =>
        proposals
          .filter((p) => p.meta.revision === revision.id && (p.meta.requirements ?? []).includes(id))
          .map((p) => ({ label: String(p.number).padStart(4, '0'), url: proposalUrl(p) })),
      (id) => checksCiting(catalogue, revision.id, id).map((check) => ({ label: check, url: checkHref(check) })),
    ),
    scripts: ['/assets/requirements.js'],
  });
  const generatedNav: NavItem = {
    title: 'Reference',
    children: [
      ...generated.map((g) => ({ title: g.title, url: revisionUrl(revision.id, g.path), children: [] })),
      ...(prose.requirements.length
        ? [{ title: 'Conformance coverage', url: `${COVERAGE_URL}#coverage-${revision.id}`, children: [] }]
        : []),
    ],
  };
  for (const g of generated) {
    const url = revisionUrl(revision.id, g.path);
    const pageLinks: OutgoingLink[] = [];
    const content =
      g.content ??
      renderMarkdown(g.markdown ?? '', {
        file: g.file,
        resolvePage: () => undefined,
        typeHref,
        links: pageLinks,
        mapLine: g.sourceLines ? (line) => g.sourceLines![line - 1] ?? 1 : undefined,
        rewriteUrl: (url) => (url.startsWith('/specification/') ? seeHref(url) : undefined),
      });
    links.push(...scopeLinks(url, pageLinks));
    if (g.content) links.push(...internalLinks(url, g.content, g.file));
    pages.push({ url, title: g.title, eyebrow, revision, content, revisionPath: g.path, scripts: g.scripts });
  }
  for (const page of pages) page.nav = [...nav, generatedNav];
  return { pages, links, requirements: prose.requirements };
}

function searchDocuments(pages: SitePage[]): { id: number; url: string; title: string; page: string; text: string }[] {
  const documents: { id: number; url: string; title: string; page: string; text: string }[] = [];
  for (const page of pages) {
    if (!page.revision) continue;
    // One document per section, so a hit lands on the heading it belongs to.
    let current = { url: page.url, title: page.title, text: '' };
    const flush = () => {
      if (current.text.trim()) {
        documents.push({
          id: documents.length,
          url: current.url,
          title: current.title,
          page: `${page.title} · ${page.revision!.id}`,
          text: current.text.replace(/\s+/g, ' ').trim(),
        });
      }
    };
    for (const node of page.content.children) {
      if (node.type === 'element' && /^h[2-4]$/.test(node.tagName)) {
        flush();
        const id = String(node.properties.id ?? '');
        current = { url: `${page.url}#${id}`, title: hastToString(node).replace(/#$/, '').trim(), text: '' };
      } else {
        current.text += ` ${hastToString(node)}`;
      }
    }
    flush();
  }
  return documents;
}

function llmsTexts(pages: SitePage[], revisions: Revision[]): { short: string; full: string } {
  const latest = latestRevision();
  const prose = pages.filter((p) => p.revision?.id === latest.id && p.markdown !== undefined);
  const line = (p: SitePage) => `- [${p.title}](${p.url})${p.description ? `: ${p.description}` : ''}`;
  const short = [
    '# MCP Specification',
    '',
    `> The Model Context Protocol specification, every revision, with a stable ID on every requirement. The latest revision is ${latest.id}.`,
    '',
    'Each normative sentence carries a requirement ID (such as `lifecycle.initialize.first-request`); requirement pages and the requirements index link to them.',
    '',
    `## Revision ${latest.id}`,
    '',
    ...prose.map(line),
    `- [Schema reference](/${latest.id}/schema/): every type, with fields and an example`,
    `- [Requirements](/${latest.id}/requirements/): every requirement with its ID, level and subject`,
    `- [JSON Schema](${schemaJsonPath(latest.id)})`,
    '',
    '## Other revisions',
    '',
    ...revisions.filter((r) => r.id !== latest.id).map((r) => `- [Revision ${r.id}](/${r.id}/): ${r.status}`),
    '',
    '## Optional',
    '',
    `- [llms-full.txt](/llms-full.txt): the full prose of revision ${latest.id} in one file`,
    '',
  ].join('\n');
  const stripFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const full = [
    `# MCP Specification, revision ${latest.id}`,
    '',
    '> Requirement markers appear as :req[id]; each id is stable across revisions.',
    '',
    ...prose.map((p) => `# ${p.title}\n\nSource: ${p.url}\n\n${stripFrontMatter(p.markdown!).trim()}\n`),
  ].join('\n');
  return { short, full };
}

function revisionLinksFor(page: SitePage, revisions: Revision[], urls: Set<string>): RevisionLink[] | undefined {
  if (!page.revision) return undefined;
  const latest = latestRevision();
  return revisions.map((revision) => {
    const same = revisionUrl(revision.id, page.revisionPath ?? '');
    return {
      id: revision.id,
      label: `${revision.id}${revision.id === latest.id ? ' (latest)' : revision.status === 'draft' ? ' (draft)' : ''}`,
      url: urls.has(same) ? same : revisionUrl(revision.id, ''),
      current: revision.id === page.revision!.id,
    };
  });
}

function redirectPage(target: string): string {
  const safe = target.replace(/"/g, '&quot;');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Redirecting to ${safe}</title><meta http-equiv="refresh" content="0; url=${safe}"><link rel="canonical" href="${safe}"><script>location.replace(${JSON.stringify(target)} + location.hash)</script></head><body><p>This is the latest revision: <a href="${safe}">${safe}</a>.</p></body></html>\n`;
}

/** Builds the whole site. Throws `UserErrors` (file:line each) and leaves `outDir` untouched on any problem. */
export function buildSite(outDir: string = DEFAULT_OUT_DIR): BuildResult {
  const started = performance.now();
  const revisions = registry().revisions;
  const problems: UserError[] = [];
  const pages: SitePage[] = [];
  const links: OutgoingLink[] = [];
  const requirementCounts: Record<string, number> = {};
  const loadedProposals = loadProposals();
  problems.push(...loadedProposals.problems);
  const proposals = loadedProposals.proposals;
  const loadedCatalogue = loadCatalogue();
  problems.push(...loadedCatalogue.problems);
  const catalogue = loadedCatalogue.catalogue;
  const requirementUrls = new Map<string, string>();
  const requirementsByRevision: ConformanceInput['revisions'] = [];
  for (const revision of revisions) {
    const built = buildRevision(revision, problems, proposals, catalogue);
    requirementsByRevision.push({ id: revision.id, requirements: built.requirements });
    for (const r of built.requirements)
      requirementUrls.set(`${revision.id} ${r.id}`, `${revisionUrl(revision.id, r.page)}#${r.anchor}`);
    pages.push(...built.pages);
    links.push(...built.links);
    requirementCounts[revision.id] = built.requirements.length;
  }
  const latest = latestRevision();
  pages.push({
    url: '/',
    title: SITE_TITLE,
    description: 'The Model Context Protocol specification, with a stable ID on every requirement.',
    content: h(null, [
      h(
        'p.lead',
        'The Model Context Protocol (MCP) connects AI applications with the tools, data and prompts they use. This site holds every revision of its specification, built from the repository alone.',
      ),
      h('p', [h('a.button', { href: revisionUrl(latest.id, '') }, `Read the latest revision (${latest.id})`)]),
      h('h2#revisions', 'Revisions'),
      h('table', { tabIndex: 0 }, [
        h('thead', h('tr', [h('th', 'Revision'), h('th', 'Status'), h('th', 'Requirements'), h('th', 'Reference')])),
        h(
          'tbody',
          [...revisions]
            .reverse()
            .map((r) =>
              h('tr', [
                h('td', h('a', { href: revisionUrl(r.id, '') }, r.id)),
                h('td', r.id === latest.id ? 'latest' : r.status),
                h('td', h('a', { href: revisionUrl(r.id, 'requirements') }, String(requirementCounts[r.id] ?? 0))),
                h('td', [
                  h('a', { href: revisionUrl(r.id, 'schema') }, 'schema'),
                  ' · ',
                  h('a', { href: revisionUrl(r.id, 'schema-changes') }, 'changes'),
                ]),
              ]),
            ),
        ),
      ]),
      h('h2#more', 'More'),
      h('ul', [
        h('li', h('a', { href: '/proposals/' }, 'Proposals')),
        h('li', [
          h('a', { href: CONFORMANCE_URL }, 'Conformance checks'),
          ' and their ',
          h('a', { href: COVERAGE_URL }, 'requirement coverage'),
        ]),
        h('li', h('a', { href: '/deprecations/' }, 'Deprecated features')),
        h('li', h('a', { href: '/search/' }, 'Search')),
        h('li', [
          h('a', { href: '/llms.txt' }, 'llms.txt'),
          ' and ',
          h('a', { href: '/llms-full.txt' }, 'llms-full.txt'),
        ]),
      ]),
    ]) as HastRoot,
  });
  const deprecations = deprecationRegistry(revisions);
  problems.push(...deprecations.problems);
  const deprecationsContent = deprecationsPage(deprecations.deprecations);
  pages.push({
    url: '/deprecations/',
    title: 'Deprecated features',
    description: 'Every deprecated protocol feature, its replacement, and the earliest revision that may remove it.',
    content: deprecationsContent,
  });
  links.push(...internalLinks('/deprecations/', deprecationsContent, join(REPO_ROOT, 'scripts/lib/deprecations.ts')));
  pages.push({
    url: '/proposals/',
    title: 'Proposals',
    description: 'Change proposals to the protocol, with their status and the requirements they add or change.',
    content: proposalsIndex(proposals),
    scripts: ['/assets/requirements.js'],
  });
  for (const proposal of proposals) {
    const url = proposalUrl(proposal);
    const pageLinks: OutgoingLink[] = [];
    pages.push({
      url,
      title: proposal.meta.title,
      eyebrow: `Proposal ${String(proposal.number).padStart(4, '0')} · ${proposal.meta.status}`,
      content: proposalPage({
        proposal,
        all: proposals,
        requirementHref: (revision, id) => requirementUrls.get(`${revision} ${id}`),
        checkHref: (id) => (catalogue?.checks.some((check) => check.id === id) ? checkHref(id) : undefined),
        links: pageLinks,
      }),
    });
    links.push(...scopeLinks(url, pageLinks));
  }
  const prosePages = new Map(
    pages
      .filter((page) => page.revision && page.revisionPath !== undefined)
      .map((page) => [`${page.revision!.id} ${page.revisionPath}`, { url: page.url, title: page.title }]),
  );
  const conformance: ConformanceInput = {
    catalogue,
    revisions: requirementsByRevision,
    requirementHref: (revision, requirement) => `${revisionUrl(revision, requirement.page)}#${requirement.anchor}`,
    pageLink: (revision, page) => prosePages.get(`${revision} ${page}`),
    untestable: loadUntestable(),
  };
  for (const page of [
    {
      url: CONFORMANCE_URL,
      title: 'Conformance checks',
      description: 'Every scenario and check of the conformance suite, with the requirements each check verifies.',
      content: catalogueIndex(conformance),
    },
    {
      url: COVERAGE_URL,
      title: 'Requirement coverage',
      description: 'Which server requirements of each revision the conformance checks verify.',
      content: coveragePage(conformance),
    },
  ]) {
    pages.push({
      ...page,
      eyebrow: 'Conformance',
      scripts: [CONFORMANCE_SCRIPT],
      nav: conformanceNav(conformance),
      navLabel: 'Conformance pages',
    });
    links.push(...internalLinks(page.url, page.content, CATALOGUE_FILE));
  }
  pages.push({
    url: '/search/',
    title: 'Search',
    scripts: ['/assets/minisearch.js', '/assets/search.js'],
    content: h(null, [
      h('form.search-page', { action: '/search/', method: 'get', role: 'search' }, [
        h('label', { htmlFor: 'search-query' }, 'Search every revision '),
        h('input#search-query', { type: 'search', name: 'q' }),
        h('button', { type: 'submit' }, 'Search'),
      ]),
      h('div#search-results', { ariaLive: 'polite' }, [
        h('p', 'Type a word, a method name such as tools/call, or a requirement ID.'),
      ]),
    ]) as HastRoot,
  });

  const extraFiles = new Set([
    '/llms.txt',
    '/llms-full.txt',
    '/search-index.json',
    RESULT_SCHEMA_URL,
    ...revisions.map((r) => schemaJsonPath(r.id)),
  ]);
  problems.push(...checkLinks(pages, links, extraFiles));
  if (problems.length > 0) throw new UserErrors(problems);

  // Everything rendered and checked: now write into a fresh folder, then swap it in.
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const urls = new Set(pages.map((p) => p.url));
  const write = (path: string, content: string) => {
    const file = join(staging, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  try {
    for (const page of pages) {
      const html = renderLayout({
        title: page.title,
        eyebrow: page.eyebrow,
        url: page.url,
        description: page.description,
        revisionLinks: revisionLinksFor(page, revisions, urls),
        nav: page.nav,
        navLabel: page.navLabel,
        content: page.content,
        scripts: page.scripts,
        siteTitle: SITE_TITLE,
      });
      write(`${page.url}index.html`, html);
    }
    for (const page of pages.filter((p) => p.revision?.id === latest.id)) {
      write(`/latest/${page.revisionPath ? `${page.revisionPath}/` : ''}index.html`, redirectPage(page.url));
    }
    for (const revision of revisions) write(schemaJsonPath(revision.id), readText(schemaJsonFile(revision.id)));
    write(RESULT_SCHEMA_URL, readText(join(REPO_ROOT, 'conformance', 'result.schema.json')));
    const documents = searchDocuments(pages);
    const search = new MiniSearch({ fields: ['title', 'text'], storeFields: ['url', 'title', 'page'] });
    search.addAll(documents);
    write('/search-index.json', JSON.stringify(search));
    const llms = llmsTexts(pages, revisions);
    write('/llms.txt', llms.short);
    write('/llms-full.txt', llms.full);
    cpSync(ASSETS_DIR, join(staging, 'assets'), { recursive: true });
    cpSync(
      join(REPO_ROOT, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js'),
      join(staging, 'assets', 'minisearch.js'),
    );
    const previous = `${outDir}.previous-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, pages: pages.length, requirements: requirementCounts, millis: performance.now() - started };
}
