/** Site pages for proposals: the filterable index and one page per proposal with its git status history. */
import type { Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Proposal } from '../proposals.ts';
import { statusHistory } from '../proposals.ts';
import { renderMarkdown, type OutgoingLink } from './render-markdown.ts';
import { filterSelect } from './generated-pages.ts';

export const proposalUrl = (proposal: Proposal) => `/proposals/${proposal.name.replace(/\.md$/, '')}/`;

export function proposalsIndex(proposals: Proposal[]): HastRoot {
  const statuses = [...new Set(proposals.map((p) => p.meta.status))].sort();
  const types = [...new Set(proposals.map((p) => p.meta.type))].sort();
  return h(null, [
    h('p', [
      'Changes to the protocol start as proposals sent as pull requests. Every rule of the process is checked by ',
      h('code', 'npm run check:proposals'),
      '.',
    ]),
    h('form.filters', { ariaLabel: 'Filter proposals' }, [
      filterSelect(
        'filter-status',
        'Status',
        'status',
        statuses.map((value) => ({ value, label: value })),
      ),
      filterSelect(
        'filter-type',
        'Type',
        'type',
        types.map((value) => ({ value, label: value })),
      ),
      h('p.filter-count', { ariaLive: 'polite' }, ''),
    ]),
    h('table.filterable', { tabIndex: 0 }, [
      h(
        'thead',
        h('tr', [h('th', 'Number'), h('th', 'Title'), h('th', 'Status'), h('th', 'Type'), h('th', 'Revision')]),
      ),
      h(
        'tbody',
        proposals.map((p) =>
          h('tr', { dataStatus: p.meta.status, dataType: p.meta.type }, [
            h('td', String(p.number).padStart(4, '0')),
            h('td', h('a', { href: proposalUrl(p) }, p.meta.title)),
            h('td', p.meta.status),
            h('td', p.meta.type),
            h('td', p.meta.revision),
          ]),
        ),
      ),
    ]),
  ]) as HastRoot;
}

export interface ProposalPageInput {
  proposal: Proposal;
  all: Proposal[];
  /** Permalink of a requirement in the proposal's target revision, if it exists. */
  requirementHref: (revision: string, id: string) => string | undefined;
  /** Catalogue entry of a conformance check (`/conformance/#check-<id>`), if the catalogue has it. */
  checkHref?: (id: string) => string | undefined;
  links: OutgoingLink[];
}

export function proposalPage({ proposal, all, requirementHref, checkHref, links }: ProposalPageInput): HastRoot {
  const { meta } = proposal;
  const byNumber = new Map(all.map((p) => [p.number, p]));
  const refTo = (number: number) => {
    const other = byNumber.get(number);
    return other
      ? h('a', { href: proposalUrl(other) }, `${String(number).padStart(4, '0')} ${other.meta.title}`)
      : String(number);
  };
  const row = (label: string, value: unknown) => h('tr', [h('th', { scope: 'row' }, label), h('td', value as never)]);
  const history = statusHistory(proposal);
  const body = renderMarkdown(proposal.body, {
    file: proposal.file,
    resolvePage: (target) => {
      const other = all.find((p) => p.name === target.replace(/^\.\//, ''));
      return other ? proposalUrl(other) : undefined;
    },
    typeHref: (name) => `/${meta.revision}/schema/#${name.toLowerCase()}`,
    links,
  });
  return h(null, [
    h('table.proposal-meta', [
      h('tbody', [
        row('Status', meta.status),
        row('Type', meta.type),
        row('Authors', meta.authors.join(', ')),
        row('Sponsor', meta.sponsor ?? 'none yet'),
        row('Created', meta.created),
        row('Updated', meta.updated),
        row('Target revision', h('a', { href: `/${meta.revision}/` }, meta.revision)),
        row('Discussion', h('a', { href: meta.discussion }, meta.discussion)),
        ...(meta.replaces?.length
          ? [
              row(
                'Replaces',
                meta.replaces.flatMap((n, i) => (i ? [', ', refTo(n)] : [refTo(n)])),
              ),
            ]
          : []),
        ...(meta['superseded-by'] != null ? [row('Superseded by', refTo(meta['superseded-by']))] : []),
        row(
          'Requirements',
          meta.requirements?.length
            ? meta.requirements.flatMap((id, i) => {
                const href = requirementHref(meta.revision, id);
                const item = href ? h('a', { href }, h('code', id)) : h('code', id);
                return i ? [', ', item] : [item];
              })
            : 'none named yet',
        ),
        row(
          'Conformance checks',
          meta.checks?.length
            ? meta.checks.flatMap((id, i) => {
                const href = checkHref?.(id);
                if (href) links.push({ href, file: proposal.file, line: proposal.keyLines.get('checks') ?? 1 });
                const item = href ? h('a', { href }, h('code', id)) : h('code', id);
                return i ? [', ', item] : [item];
              })
            : 'none named yet',
        ),
      ]),
    ]),
    h('h2#status-history', 'Status history'),
    history.length
      ? h('table', { tabIndex: 0 }, [
          h('thead', h('tr', [h('th', 'Date'), h('th', 'Status'), h('th', 'Commit')])),
          h(
            'tbody',
            history.map((entry) =>
              h('tr', [h('td', entry.date), h('td', entry.status), h('td', h('code', entry.commit))]),
            ),
          ),
        ])
      : h('p', 'Not committed yet: the history starts with the first commit of this file.'),
    ...(body.children as never[]),
  ]) as HastRoot;
}
