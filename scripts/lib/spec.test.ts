import { describe, expect, it } from 'vitest';
import { checkIdStability, pagePath, specDir, type RevisionProse } from './spec.ts';
import type { Requirement } from './spec-markdown.ts';

const requirement = (id: string, level: Requirement['level'], subject: Requirement['subject']): Requirement => ({
  id,
  level,
  subject,
  text: `It ${level} act.`,
  page: 'basic',
  anchor: `req-${id}`,
  section: 'Basic',
  line: 7,
});

const prose = (revision: string, requirements: Requirement[]): RevisionProse => ({
  revision,
  pages: [{ file: `/spec/${revision}/basic/index.md`, page: 'basic' } as RevisionProse['pages'][number]],
  requirements,
  problems: [],
});

describe('checkIdStability', () => {
  it('accepts an ID carried over unchanged, and any change inside drafts', () => {
    const problems = checkIdStability(
      [
        prose('2025-01-01', [requirement('a.b', 'MUST', 'server')]),
        prose('draft', [requirement('a.b', 'MUST', 'server')]),
      ],
      new Set(['2025-01-01']),
    );
    expect(problems).toEqual([]);
  });

  it('rejects an ID of a final revision reused with another level or subject, naming file and line', () => {
    const problems = checkIdStability(
      [
        prose('2025-01-01', [requirement('a.level', 'MUST', 'server'), requirement('a.subject', 'MAY', 'client')]),
        prose('draft', [requirement('a.level', 'SHOULD', 'server'), requirement('a.subject', 'MAY', 'server')]),
      ],
      new Set(['2025-01-01']),
    );
    expect(problems.map((p) => p.format('/'))).toEqual([
      'spec/draft/basic/index.md:7: requirement a.level changes meaning: MUST for server in final revision 2025-01-01, SHOULD for server here; give it a new ID',
      'spec/draft/basic/index.md:7: requirement a.subject changes meaning: MAY for client in final revision 2025-01-01, MAY for server here; give it a new ID',
    ]);
  });

  it('does not hold a draft to the meaning an ID had in another draft', () => {
    expect(
      checkIdStability(
        [
          prose('draft', [requirement('a.b', 'MUST', 'server')]),
          prose('draft2', [requirement('a.b', 'MAY', 'client')]),
        ],
        new Set(),
      ),
    ).toEqual([]);
  });
});

describe('pagePath', () => {
  it('maps files to page paths, folder indexes to their folder', () => {
    expect(pagePath('draft', `${specDir('draft')}/index.md`)).toBe('');
    expect(pagePath('draft', `${specDir('draft')}/basic/index.md`)).toBe('basic');
    expect(pagePath('draft', `${specDir('draft')}/basic/lifecycle.md`)).toBe('basic/lifecycle');
  });
});
