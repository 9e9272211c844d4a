import { afterEach, describe, expect, it } from 'vitest';
import type { UserError } from '../../schema/errors.ts';
import { copyRepo, type RepoCopy } from '../../test/fixtures/repo.ts';
import {
  SECTIONS as ALL_SECTIONS,
  checkProposalSet,
  parseProposal,
  transitionProblem,
  type Proposal,
} from './proposals.ts';

const SECTIONS = [...ALL_SECTIONS];

function source(fields: Record<string, string> = {}, sections: string[] = SECTIONS): string {
  const meta: Record<string, string> = {
    number: '7',
    title: 'A useful protocol change',
    status: 'draft',
    type: 'standards-track',
    authors: '\n  - Ada Lovelace (@ada)',
    sponsor: 'null',
    created: '2026-11-01',
    updated: '2026-11-02',
    revision: 'draft',
    requirements: '[]',
    checks: '[]',
    replaces: '[]',
    'superseded-by': 'null',
    discussion: 'https://example.org/pull/7',
    ...fields,
  };
  const front = Object.entries(meta)
    .filter(([, value]) => value !== '<omit>')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${front}\n---\n\n${sections.map((s) => `## ${s}\n\nSome text about ${s.toLowerCase()}.\n`).join('\n')}`;
}

function parse(text: string, name = '0007-useful-change.md'): { proposal?: Proposal; problems: string[] } {
  const problems: UserError[] = [];
  const proposal = parseProposal(`/repo/proposals/${name}`, text, problems);
  return { proposal, problems: problems.map((p) => p.format('/repo')) };
}

describe('parseProposal', () => {
  it('accepts a complete standards-track proposal', () => {
    const { proposal, problems } = parse(source());
    expect(problems).toEqual([]);
    expect(proposal?.meta.status).toBe('draft');
    expect([...proposal!.sections.keys()]).toEqual(SECTIONS);
  });

  it('names the file, the line and the fix for front-matter problems', () => {
    expect(parse(source({ status: 'finished' })).problems).toEqual([
      'proposals/0007-useful-change.md:4: front matter "status" must be equal to one of the allowed values: draft, in-review, accepted, rejected, withdrawn, final, superseded, dormant',
    ]);
    expect(parse(source({ title: '<omit>' })).problems).toEqual([
      'proposals/0007-useful-change.md:2: front matter lacks "title": add it (see proposals/TEMPLATE.md)',
    ]);
    expect(parse(source({ colour: 'blue' })).problems[0]).toContain(':17: front matter has an unknown field "colour"');
    expect(parse(source({ created: 'yesterday' })).problems[0]).toContain(
      'front matter "created" must match format "date"',
    );
    expect(parse(source({ title: '[unclosed' })).problems[0]).toMatch(/:\d+: broken front matter: /);
    expect(parse('no front matter\n').problems[0]).toContain(':1: missing front matter');
  });

  it('checks the number against the file name, and the file name itself', () => {
    expect(parse(source({ number: '8' })).problems).toEqual([
      'proposals/0007-useful-change.md:2: front matter number 8 does not match the file name (0007): make them equal',
    ]);
    expect(parse(source(), 'useful-change.md').problems[0]).toContain('named NNNN-slug.md');
  });

  it('requires the sections of each type, non-empty', () => {
    expect(parse(source({}, SECTIONS.slice(0, 5))).problems).toEqual([
      'proposals/0007-useful-change.md:38: a standards-track proposal needs a "## Security Implications" section (required: Abstract, Motivation, Specification, Rationale, Backward Compatibility, Security Implications, Reference Implementation): add it here',
      'proposals/0007-useful-change.md:38: a standards-track proposal needs a "## Reference Implementation" section (required: Abstract, Motivation, Specification, Rationale, Backward Compatibility, Security Implications, Reference Implementation): add it here',
    ]);
    expect(parse(source({ type: 'informational' }, ['Abstract', 'Motivation'])).problems).toEqual([]);
    const empty = source().replace('Some text about rationale.', '_Why this design?_');
    expect(parse(empty).problems[0]).toMatch(/:\d+: section "Rationale" is empty: write it/);
  });
});

describe('transitionProblem', () => {
  it('allows the documented moves and explains the others', () => {
    expect(transitionProblem(undefined, 'draft')).toBeUndefined();
    expect(transitionProblem('draft', 'in-review')).toBeUndefined();
    expect(transitionProblem('in-review', 'accepted')).toBeUndefined();
    expect(transitionProblem('accepted', 'final')).toBeUndefined();
    expect(transitionProblem('final', 'superseded')).toBeUndefined();
    expect(transitionProblem('final', 'final')).toBeUndefined();
    expect(transitionProblem(undefined, 'accepted')).toBe(
      'a new proposal starts as draft, not accepted: set status: draft',
    );
    expect(transitionProblem('draft', 'final')).toBe(
      'status cannot go from draft to final: from draft a proposal moves to in-review, withdrawn, dormant',
    );
    expect(transitionProblem('rejected', 'draft')).toBe(
      'status cannot go from rejected to draft: rejected is final for a proposal; write a new one instead',
    );
  });
});

describe('checkProposalSet', () => {
  const set = (...texts: [string, string][]) =>
    checkProposalSet(texts.map(([name, text]) => parse(text, name).proposal!)).map((p) => p.format('/repo'));

  it('rejects duplicate numbers and unknown revisions', () => {
    expect(set(['0007-a.md', source()], ['0007-b.md', source()])).toEqual([
      'proposals/0007-b.md:2: number 7 is already used by 0007-a.md: pick a free number',
    ]);
    expect(set(['0007-a.md', source({ revision: '1999-01-01' })])[0]).toContain(
      ':11: revision "1999-01-01" is not in schema/revisions.json',
    );
  });

  it('requires replaces and superseded-by to agree', () => {
    const old = source({ number: '3', status: 'superseded', 'superseded-by': '7' });
    expect(set(['0003-old.md', old], ['0007-new.md', source()])).toEqual([
      'proposals/0003-old.md:15: superseded-by 7, but 0007-new.md does not list 3 in replaces: add it there',
    ]);
    expect(set(['0003-old.md', old], ['0007-new.md', source({ replaces: '[3]' })])).toEqual([]);
    expect(set(['0003-old.md', source({ number: '3', status: 'superseded' })])[0]).toContain(
      'a superseded proposal names its successor in superseded-by',
    );
  });

  it('holds final standards-track proposals to existing requirement IDs and checks', () => {
    const final = source({ status: 'final', requirements: '[no.such-requirement]', checks: '[server.some-check]' });
    const problems = set(['0007-a.md', final]);
    expect(problems).toContain(
      'proposals/0007-a.md:12: requirement no.such-requirement does not exist in spec/draft: fix the ID or add the requirement',
    );
    expect(problems.some((p) => p.includes('check server.some-check is not in `mcp-conformance list --json`'))).toBe(
      true,
    );
  });

  it('accepts a final standards-track proposal whose requirements and checks exist', () => {
    const final = source({ status: 'final', requirements: '[tools.list.respond]', checks: '[tools.list-answered]' });
    expect(set(['0007-a.md', final])).toEqual([]);
  });
});

describe('the proposal commands in a git checkout', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.dispose());

  it('scaffolds, renumbers, and rejects a status jump against the base commit', () => {
    repo = copyRepo();
    repo.commitAll();

    const created = repo.run('scripts/proposal.ts', ['new', 'Streaming', 'tool', 'results']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created proposals/0000-streaming-tool-results.md');
    const renumbered = repo.run('scripts/proposal.ts', ['number', 'proposals/0000-streaming-tool-results.md', '4321']);
    expect(renumbered.stdout).toContain('renumbered to proposals/4321-streaming-tool-results.md');
    expect(repo.read('proposals/4321-streaming-tool-results.md')).toMatch(/^number: 4321$/m);

    const text = repo.read('proposals/0001-requirement-identifiers.md');
    repo.write('proposals/0001-requirement-identifiers.md', text.replace(/^status: .*$/m, 'status: superseded'));
    const result = repo.run('scripts/check-proposals.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /proposals\/0001-requirement-identifiers\.md:\d+: status cannot go from [a-z-]+ to superseded/,
    );
  });
});
