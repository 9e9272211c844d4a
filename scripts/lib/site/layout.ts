/** The page shell every site page shares: header, revision switcher, navigation, content, footer. */
import type { ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

export interface NavItem {
  title: string;
  url?: string;
  number?: string;
  children: NavItem[];
}

export interface RevisionLink {
  id: string;
  label: string;
  url: string;
  current: boolean;
}

export interface LayoutInput {
  title: string;
  /** Shown above the title: the revision and status, or the site section. */
  eyebrow?: string;
  url: string;
  description?: string;
  revisionLinks?: RevisionLink[];
  nav?: NavItem[];
  /** Accessible name of the sidebar navigation. */
  navLabel?: string;
  content: HastRoot;
  /** Extra scripts (site-relative URLs) this page needs. */
  scripts?: string[];
  siteTitle: string;
}

/** The site-wide sections linked from every page's header. */
export const SITE_SECTIONS: { title: string; url: string }[] = [
  { title: 'Specification', url: '/latest/' },
  { title: 'Proposals', url: '/proposals/' },
  { title: 'Conformance', url: '/conformance/' },
  { title: 'Deprecations', url: '/deprecations/' },
];

function navList(items: NavItem[], current: string): ElementContent {
  return h(
    'ul',
    items.map((item) =>
      h('li', [
        item.url
          ? h(
              'a',
              { href: item.url, ...(item.url === current ? { ariaCurrent: 'page' } : {}) },
              item.number ? [h('span.section-number', `${item.number} `), item.title] : [item.title],
            )
          : h('span.nav-group', item.number ? [h('span.section-number', `${item.number} `), item.title] : [item.title]),
        ...(item.children.length ? [navList(item.children, current)] : []),
      ]),
    ),
  );
}

export function renderLayout(input: LayoutInput): string {
  const current = input.revisionLinks?.find((link) => link.current);
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', `${input.title} · ${input.siteTitle}`),
        ...(input.description ? [h('meta', { name: 'description', content: input.description })] : []),
        h('link', { rel: 'stylesheet', href: '/assets/style.css' }),
        h('link', { rel: 'icon', href: '/assets/icon.svg', type: 'image/svg+xml' }),
      ]),
      h('body', [
        h('a.skip-link', { href: '#content' }, 'Skip to content'),
        h('header.site-header', [
          h('a.site-title', { href: '/' }, input.siteTitle),
          h(
            'nav.site-nav',
            { ariaLabel: 'Site' },
            SITE_SECTIONS.flatMap((section, i) => [
              ...(i ? [' · '] : []),
              h(
                'a',
                {
                  href: section.url,
                  ...(input.url.startsWith(section.url)
                    ? { ariaCurrent: input.url === section.url ? 'page' : 'true' }
                    : {}),
                },
                section.title,
              ),
            ]),
          ),
          ...(input.revisionLinks && current
            ? [
                h('details.switcher', [
                  h('summary', [`Revision ${current.label}`]),
                  h(
                    'nav',
                    { ariaLabel: 'Revisions' },
                    h(
                      'ul',
                      input.revisionLinks.map((link) =>
                        h('li', [
                          h(
                            'a',
                            {
                              href: link.url,
                              dataRevision: link.id,
                              ...(link.current ? { ariaCurrent: 'true' } : {}),
                            },
                            link.label,
                          ),
                        ]),
                      ),
                    ),
                  ),
                ]),
              ]
            : []),
          h('form.search-form', { action: '/search/', method: 'get', role: 'search' }, [
            h('label.visually-hidden', { htmlFor: 'site-search' }, 'Search the specification'),
            h('input#site-search', { type: 'search', name: 'q', placeholder: 'Search…' }),
            h('button', { type: 'submit' }, 'Search'),
          ]),
        ]),
        h('div.page', [
          ...(input.nav && input.nav.length
            ? [
                h('nav.sidebar', { ariaLabel: input.navLabel ?? 'Pages of this revision' }, [
                  navList(input.nav, input.url),
                ]),
              ]
            : []),
          h('main#content', { tabIndex: -1 }, [
            ...(input.eyebrow ? [h('p.eyebrow', input.eyebrow)] : []),
            h('h1', input.title),
            ...(input.content.children as ElementContent[]),
          ]),
        ]),
        h('footer.site-footer', [
          h('p', [
            'Built from the repository by ',
            h('code', 'npm run site'),
            '. Requirement IDs are stable: link to them freely.',
          ]),
        ]),
        h('script', { src: '/assets/site.js', defer: true }),
        ...(input.scripts ?? []).map((src) => h('script', { src, defer: true })),
      ]),
    ]),
  ]);
  return toHtml(tree);
}
