import { describe, expect, it } from 'vitest';
import { summarize } from '../model/result.ts';
import type { CheckResult } from '../model/result.ts';
import { MAX_MARKDOWN_BYTES, cell, renderMarkdown } from './markdown.ts';
import { checkOf, sampleRun, scenarioOf } from './sample-run.ts';

/** Table rows and how many cells each has (a `|` inside a cell would add one). */
const tableRows = (md: string): number[] =>
  md
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.split('|').length - 2);

const section = (md: string, heading: string): string => {
  const start = md.indexOf(`### ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = md.indexOf('\n### ', start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};

describe('renderMarkdown', () => {
  it('starts with the verdict and its exit code', () => {
    const md = renderMarkdown(sampleRun());
    expect(md.split('\n')[0]).toBe('## ❌ MCP conformance: nonconformant');
    expect(md).toContain('**Verdict:** nonconformant (exit 1: an unexcused failure or a stale baseline entry)');
    expect(md).toContain('<code>2025-06-18</code>, <code>2025-11-25</code>');
    expect(md).toContain(
      '**Not run:** the server does not speak <code>2024-11-05</code> (the server answered initialize with protocolVersion &quot;2025-06-18&quot;).',
    );
    expect(md.endsWith('\n')).toBe(true);
  });

  it('counts checks per area, in catalogue order, with totals', () => {
    const md = renderMarkdown(sampleRun());
    expect(md).toContain('| lifecycle | 2 | 0 | 2 | 0 | 0 |');
    expect(md).toContain('| jsonrpc | 2 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| tools | 2 | 4 | 0 | 2 | 0 |');
    expect(md).toContain('| streamable-http | 2 | 0 | 0 | 2 | 2 |');
    expect(md.indexOf('| lifecycle |')).toBeLessThan(md.indexOf('| tools |'));
    expect(md).toContain('| **total** | **8** | **4** | **2** | **4** | **2** |');
    expect(md).toContain('2 failure(s) excused by the baseline; 4 check(s) not reached.');
  });

  it('lists failing, erroring and warning checks with linked requirement IDs', () => {
    const md = renderMarkdown(sampleRun());
    const table = section(md, 'Failures, warnings and errors');
    const rows = table.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + 8); // header, rule, 4 fail + 2 error + 2 warn
    expect(rows[2]).toContain('❌ fail');
    expect(rows[2]).toContain('<code>tools-list \\[2025-06-18 stdio\\]</code>');
    expect(rows[2]).toContain(
      '<a href="https://spec.example.org/2025-06-18/server/tools/#req-tools.list.result">tools.list.result</a>',
    );
    expect(rows[2]).toContain("#4 ← <code>/result/tools/0: must have required property 'inputSchema'</code>");
    expect(table).toContain('❌ fail (expected)');
    expect(table).toContain('⚠️ warn');
    expect(table).toContain('#0 → <code>{"jsonrpc":"2.0","id":2,"method":"ping"}</code>'.replace(/"/g, '&quot;'));
    expect(new Set(tableRows(table))).toEqual(new Set([7]));
  });

  it('links only requirement IDs the run has details for, and only to http(s) URLs', () => {
    const run = sampleRun();
    checkOf(run, 'tools-list', 'result-valid').requirements = ['no.such.requirement'];
    run.requirementUrl = 'javascript:alert(1)//{anchor}';
    const md = renderMarkdown(run);
    expect(md).toContain('<code>no.such.requirement</code>');
    expect(md).not.toContain('javascript:');
    expect(md).not.toContain('<a href');
  });

  it('lists unreached checks, scenarios that could not complete and stale baseline entries', () => {
    const md = renderMarkdown(sampleRun());
    expect(section(md, 'Unreached checks')).toContain(
      '- <code>http-post-accept \\[2025-11-25 http\\]</code> <code>session-id-header</code>: Mcp-Session-Id is visible ASCII',
    );
    expect(section(md, 'Scenarios that could not complete')).toContain('The server did not answer within 5000 ms');
    expect(section(md, 'Stale baseline entries')).toContain('- <code>tools-call-simple:removed-check</code>');
    expect(section(md, 'Stale baseline entries')).toContain('<code>conformance-baseline.yml</code>');
  });

  it('escapes pipes, newlines and markup in cells, keeping every row the same width', () => {
    const run = sampleRun();
    const check = checkOf(run, 'tools-list', 'result-valid');
    check.message = 'a | b\nc\r\nd <script>alert(1)</script> *em* [x](http://evil) `tick` \\|';
    check.title = 'pipe | title';
    check.evidence[1]!.errors = ['err | with <b>pipe</b>\nnewline'];
    const md = renderMarkdown(run);
    expect(new Set(tableRows(section(md, 'Failures, warnings and errors')))).toEqual(new Set([7]));
    expect(md).toContain('a &#124; b<br>c<br>d &lt;script&gt;alert(1)&lt;/script&gt; \\*em\\* \\[x\\](http://evil)');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(cell('x\\|y')).toBe('x\\\\&#124;y');
  });

  it('stays under the summary limit on a huge run, saying what it left out', () => {
    const run = sampleRun();
    const big = 'ä'.repeat(5000);
    const many: CheckResult[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `check-${i}`,
      title: big,
      level: 'MUST',
      requirements: ['tools.list.result'],
      status: 'fail',
      message: big,
      reached: true,
      evidence: [{ seq: i, direction: 'server-to-client', at: i, raw: big, truncated: true, errors: [big] }],
    }));
    scenarioOf(run, 'tools-list').checks.push(...many);
    run.summary = summarize(run.scenarios, { strict: false, staleBaselineEntries: ['a', 'b'] });
    const md = renderMarkdown(run);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(MAX_MARKDOWN_BYTES);
    expect(md).toMatch(/_\d+ more row\(s\) left out to stay under GitHub's 1 MiB summary limit/);
    expect(md).toContain('… \\[4700 more characters\\]');
    // The sections after the table survive the cut.
    expect(section(md, 'Stale baseline entries')).toContain('<code>b</code>');
  });

  it('says so plainly when everything conforms', () => {
    const run = sampleRun();
    run.scenarios = run.scenarios.filter((s) => s.checks.every((c) => c.status === 'pass' && c.reached));
    run.summary = summarize(run.scenarios, { strict: false });
    const md = renderMarkdown(run);
    expect(md.split('\n')[0]).toBe('## ✅ MCP conformance: conforms');
    expect(md).not.toContain('### ');
  });
});
