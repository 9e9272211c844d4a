import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES } from '../model/result.ts';
import { CONTENT_SECURITY_POLICY, escapeHtml, renderHtml } from './html.ts';
import { checkOf, sampleRun, scenarioOf } from './sample-run.ts';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('renderHtml', () => {
  const run = sampleRun();
  const html = renderHtml(run);

  it('is one self-contained document: no external resources, a CSP matching the inline style and script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/);
    expect(html).not.toMatch(/\ssrc=/);
    expect(count(html, '<script')).toBe(1);
    expect(count(html, '<style')).toBe(1);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src ${hash(script)}`);
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src ${hash(style)}`);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    );
  });

  it('has a header with target, revisions, verdict and counts', () => {
    expect(html).toContain('<title>MCP conformance: nonconformant</title>');
    expect(html).toContain('Verdict: nonconformant');
    expect(html).toContain('<code>node examples/server.mjs --flag &quot;quoted&quot;</code>');
    expect(html).toContain('<code>2025-06-18</code>, <code>2025-11-25</code>');
    for (const status of CHECK_STATUSES)
      expect(html).toContain(`<span class="badge s-${status}">${run.summary.checks[status]} ${status}</span>`);
    expect(html).toContain('2 expected failure(s)');
    expect(html).toContain(
      '<dt>Not run</dt><dd><code>2024-11-05</code>: the server answered initialize with protocolVersion &quot;2025-06-18&quot;</dd>',
    );
  });

  it('renders every scenario as details, every check as a row, failing scenarios open', () => {
    expect(count(html, '<details class="scenario"')).toBe(run.scenarios.length);
    const rows = html.match(/<tr class="check" [^>]*>/g) ?? [];
    expect(rows).toHaveLength(run.scenarios.reduce((n, s) => n + s.checks.length, 0));
    const ids = rows.map((r) => /id="([^"]+)"/.exec(r)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scenario of run.scenarios) {
      for (const check of scenario.checks) {
        expect(html).toContain(`<code>${check.id}</code><br>${escapeHtml(check.title)}`);
        expect(html).toContain(`id="c-${scenario.id}-${scenario.revision}-${scenario.transport}-${check.id}"`);
      }
    }
    const opens = html.match(/<details class="scenario"[^>]*>/g)!;
    const failing = run.scenarios.filter((s) => s.status !== 'pass' && s.status !== 'skip');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(run.scenarios.length);
    expect(opens.filter((d) => d.endsWith(' open>'))).toHaveLength(failing.length);
    const passingOpen = opens.filter((d) => d.endsWith(' open>') && /data-status="(pass|skip)"/.test(d));
    expect(passingOpen).toEqual([]);
    // Without script nothing is hidden but the filter form.
    expect(html.match(/\shidden[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<form id="filters" class="filters" hidden>');
  });

  it('forms requirement links from the template, with the requirement text as title', () => {
    expect(html).toContain(
      '<a href="https://spec.example.org/2025-11-25/basic/transports/#req-transports.http.accept" ' +
        'title="The client MUST include an Accept header." rel="noreferrer"><code>transports.http.accept</code></a>',
    );
    const odd = sampleRun();
    odd.requirements['2025-11-25']!['tools.list.result']!.page = 'server/tools & more';
    odd.requirements['2025-11-25']!['tools.list.result']!.anchor = 'req-"x"<y>';
    checkOf(odd, 'tools-list', 'result-valid', '2025-11-25').requirements.push('not.in.run');
    const out = renderHtml(odd);
    expect(out).toContain('href="https://spec.example.org/2025-11-25/server/tools%20%26%20more/#req-%22x%22%3Cy%3E"');
    expect(out).toContain('<code>not.in.run</code>');
    odd.requirementUrl = 'javascript:alert(document.domain)//{anchor}';
    expect(renderHtml(odd)).not.toContain('javascript:');
  });

  it('shows evidence with direction, seq, HTTP status, headers and schema errors', () => {
    expect(html).toContain('#0 · server → client · 0 ms · HTTP POST · status 200');
    expect(html).toContain('<pre>content-type: application/json</pre>');
    expect(html).toContain('<li>/result/tools/0: must have required property &#39;inputSchema&#39;</li>');
    expect(html).toContain(
      '<pre>{&quot;jsonrpc&quot;:&quot;2.0&quot;,&quot;id&quot;:1,&quot;method&quot;:&quot;tools/list&quot;}</pre>',
    );
    expect(html).toContain('<details><summary>2 messages</summary>');
    expect(html).toContain('<details><summary>Server stderr</summary><pre>listening on stdio\n');
    expect(html).toContain('The scenario could not complete: The server did not answer within 5000 ms');
  });

  it('lists stale baseline entries and links unreached checks to their rows', () => {
    expect(html).toContain('<ul class="stale"><li><code>tools-call-simple:removed-check</code></li></ul>');
    expect(html).toContain(
      '<a href="#c-http-post-accept-2025-11-25-http-session-id-header"><code>http-post-accept [2025-11-25, http]</code> <code>session-id-header</code></a>',
    );
  });

  it('escapes everything taken from the run', () => {
    const hostile = sampleRun();
    const evil = '</pre></details><script>alert("x")</script><img src=x onerror=alert(1)>\u0000\'';
    const check = checkOf(hostile, 'tools-list', 'result-valid');
    check.evidence[1]!.raw = evil;
    check.evidence[1]!.errors = [evil];
    check.evidence[1]!.http = { headers: { [evil]: evil } };
    check.message = evil;
    check.title = evil;
    check.id = evil;
    scenarioOf(hostile, 'tools-list').stderr = evil;
    scenarioOf(hostile, 'tools-list').id = evil;
    hostile.target.command = evil;
    hostile.summary.staleBaselineEntries.push(evil);
    const out = renderHtml(hostile);
    expect(count(out, '<script')).toBe(1);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('\u0000');
    expect(out).toContain(
      '&lt;/pre&gt;&lt;/details&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\\u0000&#39;',
    );
    // Ids stay plain tokens.
    for (const [, id] of out.matchAll(/ id="([^"]*)"/g)) expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
