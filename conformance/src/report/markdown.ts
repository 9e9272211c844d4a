/**
 * The Markdown reporter, for `$GITHUB_STEP_SUMMARY`: the verdict, check counts per area, the failing,
 * warning and erroring checks (requirement IDs linked), unreached checks and stale baseline entries.
 * Cells are escaped (markup, `|`, newlines) and the whole text stays under `MAX_MARKDOWN_BYTES`,
 * GitHub's 1 MiB summary limit less a margin: long cells are cut, and rows that do not fit are dropped
 * with a note saying how many.
 */
import { CHECK_STATUSES } from '../model/result.ts';
import type { CheckResult, RunResult, ScenarioResult } from '../model/result.ts';
import {
  VERDICT_MEANING,
  countsByArea,
  notableChecks,
  requirementHref,
  scenarioLabel,
  truncate,
  unreachedChecks,
  visibleText,
} from './common.ts';

/** GitHub rejects a step summary over 1 MiB; this leaves room for other steps' output. */
export const MAX_MARKDOWN_BYTES = 900 * 1024;
const MAX_CELL = 300;
const MAX_EVIDENCE = 160;

const VERDICT_ICON = { conforms: '✅', nonconformant: '❌', error: '⚠️' } as const;
const STATUS_ICON = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', error: '💥' } as const;

/** Escapes HTML-significant characters and `|` as entities (which work inside tables and raw HTML alike). */
const entities = (text: string): string =>
  visibleText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;');

/**
 * Inline text, taken literally: Markdown punctuation backslash-escaped (raw HTML such as `<code>` does not
 * stop Markdown inside it), HTML-significant characters and `|` as entities, newlines as `<br>`.
 */
const inline = (text: string): string =>
  entities(text.replace(/[\\`*_[\]~#!]/g, '\\$&')).replace(/\r\n|\r|\n/g, '<br>');

/** Plain text for a table cell, cut at `max` characters. */
export const cell = (text: string, max = MAX_CELL): string => inline(truncate(text, max).trim());

/** Literal text in a code face. */
export const code = (text: string, max = MAX_CELL): string => `<code>${inline(truncate(text, max))}</code>`;

/** A link; the URL only ever comes from `requirementHref`, which percent-encodes and allows only http(s). */
const link = (text: string, href: string): string => `<a href="${entities(href)}">${inline(text)}</a>`;

function requirementLinks(run: RunResult, revision: string, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const href = requirementHref(run, revision, id);
      return href ? link(id, href) : code(id);
    })
    .join(', ');
}

function evidenceCell(check: CheckResult): string {
  const parts = check.evidence.slice(0, 2).map((e) => {
    const head = [`#${e.seq}`, e.direction === 'client-to-server' ? '→' : '←'];
    if (e.http?.status !== undefined) head.push(`HTTP ${e.http.status}`);
    const detail = e.errors?.[0] ?? e.raw;
    return `${head.join(' ')} ${code(detail, MAX_EVIDENCE)}`;
  });
  if (check.evidence.length > 2) parts.push(`(+${check.evidence.length - 2} more)`);
  return parts.join('<br>');
}

const row = (cells: readonly string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`;

function statusLabel(check: CheckResult, strict: boolean): string {
  const label = `${STATUS_ICON[check.status]} ${check.status}`;
  if (check.expected) return `${label} (expected)`;
  if (check.status === 'warn' && strict) return `${label} (strict)`;
  return label;
}

const where = (scenario: ScenarioResult): string => code(scenarioLabel(scenario, ' '));

/** The run as GitHub-flavoured Markdown. */
export function renderMarkdown(run: RunResult): string {
  const { summary } = run;
  const out: string[] = [];
  let bytes = 0;
  const push = (...lines: string[]): void => {
    for (const l of lines) {
      out.push(l);
      bytes += Buffer.byteLength(l, 'utf8') + 1;
    }
  };
  const target = run.target.command ?? run.target.url ?? '';
  push(
    `## ${VERDICT_ICON[summary.verdict]} MCP conformance: ${summary.verdict}`,
    '',
    `**Verdict:** ${summary.verdict} (${VERDICT_MEANING[summary.verdict]}). ` +
      `**Target:** ${run.target.kind} over ${run.target.transport}${target ? ` ${code(target)}` : ''}. ` +
      `**Revisions:** ${run.revisions.map((r) => code(r)).join(', ') || 'none'}. ` +
      `**Scenarios:** ${summary.scenarios}` +
      (run.options.strict ? ' (strict: warnings fail)' : '') +
      '.',
    '',
  );

  const unsupported = Object.entries(run.unsupportedRevisions ?? {});
  if (unsupported.length > 0) {
    push(
      `**Not run:** the server does not speak ${unsupported.map(([r, why]) => `${code(r)} (${cell(why)})`).join(', ')}.`,
      '',
    );
  }
  const areas = countsByArea(run);
  push(
    row(['Area', ...CHECK_STATUSES.map((s) => `${STATUS_ICON[s]} ${s}`)]),
    row(['---', ...CHECK_STATUSES.map(() => '---:')]),
  );
  for (const [area, counts] of areas) push(row([area, ...CHECK_STATUSES.map((s) => String(counts[s]))]));
  push(row(['**total**', ...CHECK_STATUSES.map((s) => `**${summary.checks[s]}**`)]), '');
  const notes: string[] = [];
  if (summary.expectedFailures > 0) notes.push(`${summary.expectedFailures} failure(s) excused by the baseline`);
  if (summary.unreached > 0) notes.push(`${summary.unreached} check(s) not reached`);
  if (notes.length > 0) push(`${notes.join('; ')}.`, '');

  // The sections after the table need room for their own rows; reserve what they need before the table.
  const tail = tailSections(run);
  const tailBytes = Buffer.byteLength(tail.join('\n'), 'utf8') + 256;

  const notable = notableChecks(run);
  if (notable.length > 0) {
    push(
      '### Failures, warnings and errors',
      '',
      row(['Status', 'Scenario', 'Check', 'Level', 'Requirements', 'Message', 'Evidence']),
      row(['---', '---', '---', '---', '---', '---', '---']),
    );
    let shown = 0;
    for (const { scenario, check } of notable) {
      const line = row([
        statusLabel(check, run.options.strict),
        where(scenario),
        `${code(check.id)} ${cell(check.title)}`,
        check.level,
        requirementLinks(run, scenario.revision, check.requirements),
        cell(check.message ?? ''),
        evidenceCell(check),
      ]);
      if (bytes + Buffer.byteLength(line, 'utf8') + tailBytes > MAX_MARKDOWN_BYTES) break;
      push(line);
      shown += 1;
    }
    push('');
    if (shown < notable.length) {
      push(
        `_${notable.length - shown} more row(s) left out to stay under GitHub's 1 MiB summary limit; ` +
          'the JSON and HTML reports have them all._',
        '',
      );
    }
  }
  push(...tail);
  return `${out.join('\n').trimEnd()}\n`;
}

/** Unreached checks, scenario errors and stale baseline entries, each list capped. */
function tailSections(run: RunResult): string[] {
  const lines: string[] = [];
  const capped = (items: string[], max: number): string[] =>
    items.length <= max ? items : [...items.slice(0, max), `- … and ${items.length - max} more`];

  const errored = run.scenarios.filter((s) => s.error !== undefined);
  if (errored.length > 0) {
    lines.push('### Scenarios that could not complete', '');
    lines.push(
      ...capped(
        errored.map((s) => `- ${where(s)}: ${cell(s.error ?? '')}`),
        200,
      ),
      '',
    );
  }
  const unreached = unreachedChecks(run);
  if (unreached.length > 0) {
    lines.push('### Unreached checks', '', 'The scenario ended before deciding these checks.', '');
    lines.push(
      ...capped(
        unreached.map(({ scenario, check }) => `- ${where(scenario)} ${code(check.id)}: ${cell(check.title)}`),
        500,
      ),
      '',
    );
  }
  const stale = run.summary.staleBaselineEntries;
  if (stale.length > 0) {
    lines.push(
      '### Stale baseline entries',
      '',
      `These entries${run.options.baseline ? ` in ${code(run.options.baseline)}` : ''} name failures that did ` +
        'not happen; remove them (a stale entry fails the run).',
      '',
    );
    lines.push(
      ...capped(
        stale.map((entry) => `- ${code(entry)}`),
        500,
      ),
      '',
    );
  }
  return lines;
}
