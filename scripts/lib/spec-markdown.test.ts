import { describe, expect, it } from 'vitest';
import { parsePage } from './spec-markdown.ts';

const page = (body: string, front = 'title: Lifecycle\nsubject: server') =>
  parsePage('/spec/x/page.md', 'page', `---\n${front}\n---\n\n${body}\n`);
const problems = (body: string, front?: string) => page(body, front).problems.map((p) => p.format('/'));

describe('requirement markers', () => {
  it('extracts id, level, subject, sentence, anchor and section', () => {
    const { requirements, problems: found } = page(
      '## Initialization\n\nSome context. :req[lifecycle.init.first]{for=client} The first request MUST be `initialize`, e.g. sent at once. Then more.',
    );
    expect(found).toEqual([]);
    expect(requirements).toEqual([
      {
        id: 'lifecycle.init.first',
        level: 'MUST',
        subject: 'client',
        text: 'The first request MUST be `initialize`, e.g. sent at once.',
        page: 'page',
        anchor: 'req-lifecycle.init.first',
        section: 'Initialization',
        line: 8,
      },
    ]);
  });

  it('maps every BCP 14 keyword to its level, longest match first', () => {
    const levels = [
      'MUST',
      'REQUIRED',
      'SHALL',
      'MUST NOT',
      'SHALL NOT',
      'SHOULD',
      'RECOMMENDED',
      'SHOULD NOT',
      'NOT RECOMMENDED',
      'MAY',
      'OPTIONAL',
    ].map((keyword, i) => page(`:req[a.k${i}] It is ${keyword} to act.`).requirements[0]?.level);
    expect(levels).toEqual([
      'MUST',
      'MUST',
      'MUST',
      'MUST NOT',
      'MUST NOT',
      'SHOULD',
      'SHOULD',
      'SHOULD NOT',
      'SHOULD NOT',
      'MAY',
      'MAY',
    ]);
  });

  it('reads a two-word keyword broken across lines', () => {
    expect(page(':req[a.b] Servers MUST\nNOT act.').requirements[0]?.level).toBe('MUST NOT');
  });

  it('takes the subject from the page, then "both"', () => {
    expect(page(':req[a.b] It MAY act.').requirements[0]?.subject).toBe('server');
    expect(page(':req[a.b] It MAY act.', 'title: T').requirements[0]?.subject).toBe('both');
  });

  it('works in list items and table cells, and ignores keywords in code', () => {
    const { requirements, problems: found } = page(
      '- :req[a.list] Items SHOULD work.\n- `MUST` in code is fine.\n\n| a | b |\n| - | - |\n| x | :req[a.cell] Cells MAY hold one. |',
    );
    expect(found).toEqual([]);
    expect(requirements.map((r) => [r.id, r.level])).toEqual([
      ['a.list', 'SHOULD'],
      ['a.cell', 'MAY'],
    ]);
  });

  it('reports a keyword without a marker, with its line', () => {
    expect(problems('Fine.\n\nLine two.\nClients MUST act.')).toEqual([
      'spec/x/page.md:9: BCP 14 keyword "MUST" without a requirement marker: put :req[<id>] at the start of its sentence',
    ]);
  });

  it('reports a second normative sentence after the marked one', () => {
    expect(problems(':req[a.b] Clients MUST act. Servers SHOULD too.')).toHaveLength(1);
  });

  it('reports a marker that marks no keyword', () => {
    expect(problems(':req[a.b] Nothing normative here.')).toEqual([
      'spec/x/page.md:6: requirement a.b marks no sentence with a BCP 14 keyword (MUST, SHOULD, MAY, ...)',
    ]);
  });

  it('reports malformed IDs, bad subjects and unknown attributes', () => {
    expect(problems(':req[Not.An.Id] It MUST act.')[0]).toContain('malformed requirement ID "Not.An.Id"');
    expect(problems(':req[single] It MUST act.')[0]).toContain('malformed requirement ID "single"');
    expect(problems(':req[a.b]{for=everyone} It MUST act.')[0]).toContain('the subject must be one of');
    expect(problems(':req[a.b]{level=MAY} It MUST act.')[0]).toContain(':req has no attribute "level"');
  });

  it('reports unknown directives', () => {
    expect(problems('See :oops[x].')).toEqual([
      'spec/x/page.md:6: unknown directive ":oops" (known: :req, :type, :deprecated); write a literal colon as \\:',
    ]);
    expect(problems('::block[x]')[0]).toContain('unknown directive "::block"');
  });

  it('collects :type references', () => {
    expect(page('See :type[CallToolRequest].').typeRefs).toEqual([{ name: 'CallToolRequest', line: 6 }]);
  });
});

describe('deprecation markers', () => {
  const ok = 'since=2026-07-28 migration="use tool arguments instead"';

  it('reads feature, since, migration, removal, schema features, anchor and line', () => {
    const { deprecations, problems: found } = page(
      `Intro.\n\n| Feature |\n| - |\n| :deprecated[[Roots](roots.md) \`roots\`]{${ok} removal=2027-07-28 schema="ListRootsRequest Root"} |\n\n` +
        `The :deprecated[HTTP+SSE transport]{#old-sse since=draft migration='use "Streamable HTTP" instead'} goes.`,
    );
    expect(found).toEqual([]);
    expect(deprecations).toEqual([
      {
        feature: 'Roots roots',
        since: '2026-07-28',
        migration: 'use tool arguments instead',
        removal: '2027-07-28',
        schema: ['ListRootsRequest', 'Root'],
        page: 'page',
        anchor: 'deprecated-roots-roots',
        line: 10,
      },
      {
        feature: 'HTTP+SSE transport',
        since: 'draft',
        migration: 'use "Streamable HTTP" instead',
        schema: [],
        page: 'page',
        anchor: 'old-sse',
        line: 12,
      },
    ]);
  });

  it('keeps the label in the sentence, so a marker can open a requirement paragraph', () => {
    const { requirements } = page(`:req[a.b] The :deprecated[Roots]{${ok}} feature MUST NOT be adopted.`);
    expect(requirements[0]?.text).toBe('The Roots feature MUST NOT be adopted.');
  });

  it('reports each malformed marker with file and line', () => {
    expect(problems(`Text.\n\n:deprecated[]{${ok}} here.`)).toEqual([
      "spec/x/page.md:8: :deprecated[] names no feature: put the feature's name in the brackets",
    ]);
    expect(problems(':deprecated[Roots]{migration="use X instead"}')).toEqual([
      'spec/x/page.md:6: :deprecated[Roots] has no "since": name the revision that deprecated it',
    ]);
    expect(problems(':deprecated[Roots]{since=July migration="use X instead"}')).toEqual([
      'spec/x/page.md:6: :deprecated[Roots]{since=July}: "since" must be a revision id (YYYY-MM-DD or draft)',
    ]);
    expect(problems(':deprecated[Roots]{since=2026-02-30 migration="use X instead"}')[0]).toContain(
      '"since" must be a revision id',
    );
    expect(problems(':deprecated[Roots]{since=2026-07-28}')).toEqual([
      'spec/x/page.md:6: :deprecated[Roots] has no "migration": say what to use instead',
    ]);
    expect(problems(`:deprecated[Roots]{${ok} until=2030-01-01}`)).toEqual([
      'spec/x/page.md:6: :deprecated has no attribute "until" (known: id, since, migration, removal, schema)',
    ]);
    expect(problems(`:deprecated[Roots]{${ok} removal=soon}`)).toEqual([
      'spec/x/page.md:6: :deprecated[Roots]{removal=soon}: "removal" must be a date YYYY-MM-DD',
    ]);
    expect(page(':deprecated[Roots]{since=2026-07-28}').deprecations).toEqual([]);
  });

  it('reports two markers with the same anchor on one page', () => {
    expect(problems(`:deprecated[Roots]{${ok}} and :deprecated[roots]{${ok}}.`)).toEqual([
      'spec/x/page.md:6: :deprecated[roots] repeats the anchor #deprecated-roots of line 6: give one of them {#another-id}',
    ]);
  });
});

describe('front matter', () => {
  it('must exist and have a title', () => {
    expect(parsePage('/spec/x/p.md', 'p', '# No front matter\n').problems[0]?.format('/')).toBe(
      'spec/x/p.md:1: missing front matter: start the page with a --- block that has a title',
    );
    expect(problems('Text.', 'order: 1')).toEqual([
      'spec/x/page.md:1: front matter: "title" must be a non-empty string',
    ]);
  });

  it('reports broken YAML with its line and unknown keys', () => {
    expect(problems('Text.', 'title: [unclosed')[0]).toMatch(/^spec\/x\/page\.md:\d+: broken front matter: /);
    expect(problems('Text.', 'title: T\ncolour: red')).toEqual([
      'spec/x/page.md:1: front matter: unknown key "colour" (allowed: title, order, subject, description)',
    ]);
    expect(problems('Text.', 'title: T\nsubject: robots')[0]).toContain('"subject" must be one of');
  });
});
