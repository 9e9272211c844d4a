import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { summarize } from '../model/result.ts';
import type { RunResult } from '../model/result.ts';
import { MAX_CASE_OUTPUT, renderJunit, xmlAttr, xmlText } from './junit.ts';
import { checkOf, sampleRun, scenarioOf } from './sample-run.ts';

const XSD = readFileSync(new URL('./junit.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

const suites = (xml: string): string[] => [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string): string | undefined => new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1];

describe('renderJunit', () => {
  it('validates against junit.xsd', async () => {
    for (const run of [sampleRun(), sampleRun({ strict: true })]) expect(await validate(renderJunit(run))).toEqual([]);
  });

  it('has a schema that rejects what CI servers would not read', async () => {
    const xml = renderJunit(sampleRun());
    expect(await validate(xml.replace(' classname="tools-list"', ''))).not.toEqual([]);
    expect(await validate(xml.replace('skipped="1"', 'skipped="many"'))).not.toEqual([]);
    expect(await validate(xml.replace('</system-out>', '</system-out><failure/>'))).not.toEqual([]);
    expect(await validate(xml.replace('listening on stdio', 'listening \u0000 on stdio'))).not.toEqual([]);
  });

  it('writes one suite per scenario run and one case per check, with consistent counts', () => {
    const run = sampleRun();
    const xml = renderJunit(run);
    const found = suites(xml);
    // 8 scenario runs plus the stale-baseline suite.
    expect(found).toHaveLength(run.scenarios.length + 1);
    expect(attr(found[0]!, 'name')).toBe('lifecycle-initialize [2025-06-18, stdio]');
    expect(xml).toContain(
      '<testsuite name="tools-list [2025-11-25, stdio]" tests="3" failures="1" errors="0" skipped="1"',
    );
    expect(xml).toContain('classname="tools-list"');
    expect(xml).toContain('name="result-valid: tools/list result matches the schema"');
    // The HTTP scenario: one harness error on a check plus one for the scenario itself.
    expect(xml).toContain('name="http-post-accept [2025-11-25, http]" tests="4" failures="0" errors="2" skipped="1"');
    const top = /<testsuites [^>]*>/.exec(xml)![0];
    const sum = (name: string) => found.reduce((n, s) => n + Number(attr(s, name)), 0);
    for (const name of ['tests', 'failures', 'errors', 'skipped']) expect(Number(attr(top, name))).toBe(sum(name));
    expect(attr(top, 'timestamp')).toBe('2026-01-15T10:20:30.123Z');
    expect(attr(top, 'time')).toBe('10.517');
  });

  it('maps statuses: expected failures are skipped, warnings fail only under strict, stale entries fail', () => {
    const lenient = renderJunit(sampleRun());
    expect(lenient).toMatch(/<skipped message="expected failure \(baseline\): fail: content\[0\]\.type/);
    expect(lenient).not.toMatch(/<failure message="serverInfo.version/);
    expect(lenient).toContain('WARN (SHOULD not met): serverInfo.version is an empty string');
    expect(lenient).toMatch(/<failure message="The result does not match ListToolsResult" type="MUST">/);
    expect(lenient).toMatch(/<skipped message="The server returned a single page"\/>/);
    expect(lenient).toMatch(/<error message="The server did not answer within 5000 ms" type="harness-error">/);
    expect(lenient).toContain('<testcase name="tools-call-simple:removed-check" classname="expected-failures"');
    const strict = renderJunit(sampleRun({ strict: true }));
    expect(strict).toMatch(/<failure message="serverInfo.version is an empty string" type="SHOULD">/);
  });

  it('puts evidence, with HTTP details and schema errors, in system-out and stderr in system-err', () => {
    const xml = renderJunit(sampleRun());
    expect(xml).toContain('#4 server → client at 12 ms');
    expect(xml).toContain("error: /result/tools/0: must have required property 'inputSchema'");
    expect(xml).toContain('#0 server → client at 0 ms HTTP POST status 200\n  content-type: application/json');
    expect(xml).toContain('<system-err>listening on stdio\nwarning: deprecated option --foo\n</system-err>');
    expect(xml).toContain('{"jsonrpc":"2.0","id":1,"method":"tools/list"}');
  });

  it('stays valid with hostile content: markup, CDATA ends, control characters, lone surrogates, huge evidence', async () => {
    const run = sampleRun();
    const hostile =
      'a]]>b <tag attr="x">&amp; & \u0000nul \u0001\u0008\u000B\u000C\u001F\u007F \uFFFE\uFFFF \uD800 lone\r\nCRLF\ttab';
    const check = checkOf(run, 'tools-list', 'result-valid');
    check.id = `id-${hostile}`;
    check.title = hostile;
    check.message = hostile;
    check.requirements = [hostile];
    check.evidence[1]!.raw = hostile + 'x'.repeat(200_000);
    check.evidence[1]!.errors = [hostile];
    check.evidence[1]!.http = { method: hostile, headers: { [hostile]: hostile } };
    scenarioOf(run, 'tools-list').stderr = hostile;
    scenarioOf(run, 'tools-list').id = hostile;
    scenarioOf(run, 'http-post-accept').error = hostile;
    run.summary = summarize(run.scenarios, { strict: false, staleBaselineEntries: [hostile] });
    run.tool.name = hostile;
    const xml = renderJunit(run);
    expect(await validate(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
    const forbidden = [...xml].filter((c) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r');
    expect(forbidden).toEqual([]);
    expect(xml).toContain('\\u0000nul \\u0001\\u0008\\u000B\\u000C\\u001F\\u007F \\uFFFE\\uFFFF \\uD800 lone');
    expect(xml).toContain('a]]&gt;b &lt;tag attr="x"&gt;&amp;amp; &amp; ');
    expect(xml).toContain('lone&#13;&#10;CRLF&#9;tab"'); // in an attribute
    expect(xml).toContain('lone&#13;\nCRLF\ttab'); // in text
    const out = /<system-out>([^<]*more characters\])<\/system-out>/.exec(xml);
    expect(out).not.toBeNull();
    expect(out![1]!.length).toBeLessThan(MAX_CASE_OUTPUT * 1.2);
  });

  it('renders an empty run as an empty but valid document', async () => {
    const run: RunResult = { ...sampleRun(), scenarios: [] };
    run.summary = summarize([], { strict: false });
    const xml = renderJunit(run);
    expect(xml).toMatch(/<testsuites [^>]*tests="0"[^>]*\/>\n$/);
    expect(await validate(xml)).toEqual([]);
  });
});

describe('xml escaping', () => {
  it('escapes text and attributes', () => {
    expect(xmlText('<a> & "b"')).toBe('&lt;a&gt; &amp; "b"');
    expect(xmlAttr('<a> & "b"\n')).toBe('&lt;a&gt; &amp; &quot;b&quot;&#10;');
    expect(xmlText('\u0000')).toBe('\\u0000');
    expect(xmlText('😀')).toBe('😀');
  });
});
