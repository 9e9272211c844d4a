/**
 * The HTML reporter: one self-contained page (inline CSS and script, no external requests; a
 * Content-Security-Policy with the hashes of both enforces it). Everything is in the markup: without
 * script the page shows every scenario and check (scenarios that did not pass start open) and hides
 * only the filter controls, which need script to work. With script, checks filter by status, area and
 * text.
 */
import { createHash } from 'node:crypto';
import { CHECK_STATUSES } from '../model/result.ts';
import type { CheckResult, CheckStatus, Evidence, RunResult, ScenarioResult } from '../model/result.ts';
import {
  VERDICT_MEANING,
  arrow,
  countChecks,
  countsByArea,
  requirementHref,
  scenarioLabel,
  visibleText,
} from './common.ts';

/** Text or a double-quoted attribute value: every markup character escaped. */
export function escapeHtml(text: string): string {
  return visibleText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--code:#f6f8fa;
--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--skip:#59636e;--error:#8250df}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--code:#151b23;
--pass:#3fb950;--fail:#f85149;--warn:#d29922;--skip:#9198a1;--error:#ab7df8}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:1rem 1.5rem;font:14px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
pre{background:var(--code);padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all;margin:.25rem 0}
a{color:inherit}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.badge{display:inline-block;min-width:3.4em;padding:0 .4em;border-radius:1em;border:1px solid currentColor;font-size:12px;font-weight:600;text-align:center;white-space:nowrap}
.s-pass{color:var(--pass)}.s-fail,.v-nonconformant{color:var(--fail)}.s-warn{color:var(--warn)}.s-skip{color:var(--skip)}.s-error,.v-error{color:var(--error)}.v-conforms{color:var(--pass)}
.verdict{font-size:1.1rem;font-weight:700}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600}td.num,th.num{text-align:right}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem;border:1px solid var(--line);border-radius:6px;position:sticky;top:0;background:var(--bg);z-index:1}
.filters fieldset{border:0;padding:0;margin:0;display:flex;gap:.5rem}
details.scenario{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:0 .5rem}
details.scenario>summary{cursor:pointer;padding:.4rem 0;display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}
.muted{color:var(--muted)}.note{font-style:italic;color:var(--muted)}
.harness-error{color:var(--error);font-weight:600}
.evidence-item{border-left:3px solid var(--line);padding-left:.5rem;margin:.4rem 0}
.evidence-item ul{margin:.2rem 0;padding-left:1.2rem;color:var(--fail)}
[hidden]{display:none!important}
`;

const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var scenarios = Array.prototype.slice.call(document.querySelectorAll('details.scenario'));
  var total = document.querySelectorAll('tr.check').length;
  var shownOut = document.getElementById('shown');
  function apply() {
    var statuses = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=status]'), function (box) {
      statuses[box.value] = box.checked;
    });
    var area = form.elements.area.value;
    var query = form.elements.q.value.trim().toLowerCase();
    var shown = 0;
    scenarios.forEach(function (scenario) {
      var inArea = !area || scenario.getAttribute('data-area') === area;
      var own = scenario.getAttribute('data-search');
      var rows = scenario.querySelectorAll('tr.check');
      var any = false;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = inArea && statuses[row.getAttribute('data-status')] &&
          (!query || own.indexOf(query) !== -1 || row.getAttribute('data-search').indexOf(query) !== -1);
        row.hidden = !ok;
        if (ok) { any = true; shown += 1; }
      });
      if (rows.length === 0) {
        any = inArea && statuses[scenario.getAttribute('data-status')] && (!query || own.indexOf(query) !== -1);
      }
      scenario.hidden = !any;
      if (any && query) scenario.open = true;
    });
    shownOut.textContent = shown + ' of ' + total + ' checks shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's Content-Security-Policy: nothing may load; only this page's own style and script run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const badge = (status: CheckStatus, label: string = status): string =>
  `<span class="badge s-${status}">${e(label)}</span>`;

/** Element ids: letters, digits, `.`, `_` and `-`, unique within the page. */
function idMaker(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = `c-${text.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

function requirementLinks(run: RunResult, revision: string, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const href = requirementHref(run, revision, id);
      const text = run.requirements[revision]?.[id]?.text;
      const title = text ? ` title="${e(text)}"` : '';
      return href
        ? `<a href="${e(href)}"${title} rel="noreferrer"><code>${e(id)}</code></a>`
        : `<code${title}>${e(id)}</code>`;
    })
    .join('<br>');
}

function evidenceHtml(evidence: Evidence): string {
  const head = [`#${evidence.seq}`, arrow(evidence.direction), `${evidence.at} ms`];
  if (evidence.http?.method !== undefined) head.push(`HTTP ${evidence.http.method}`);
  if (evidence.http?.status !== undefined) head.push(`status ${evidence.http.status}`);
  if (evidence.truncated) head.push('truncated');
  const parts = [`<div class="evidence-item"><div class="muted">${e(head.join(' · '))}</div>`];
  if (evidence.errors?.length) parts.push(`<ul>${evidence.errors.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`);
  const headers = Object.entries(evidence.http?.headers ?? {});
  if (headers.length > 0) parts.push(`<pre>${e(headers.map(([k, v]) => `${k}: ${v}`).join('\n'))}</pre>`);
  parts.push(`<pre>${e(evidence.raw)}</pre></div>`);
  return parts.join('');
}

function checkRow(run: RunResult, scenario: ScenarioResult, check: CheckResult, id: string): string {
  const markers: string[] = [];
  if (check.expected) markers.push('expected');
  if (check.status === 'warn' && run.options.strict) markers.push('strict');
  if (!check.reached) markers.push('not reached');
  const search = [check.id, check.title, check.message ?? '', check.level, ...check.requirements, ...markers]
    .join(' ')
    .toLowerCase();
  const evidence =
    check.evidence.length === 0
      ? '<span class="muted">none</span>'
      : `<details><summary>${check.evidence.length} message${check.evidence.length === 1 ? '' : 's'}</summary>${check.evidence.map(evidenceHtml).join('')}</details>`;
  return [
    `<tr class="check" id="${e(id)}" data-status="${check.status}" data-search="${e(search)}">`,
    `<td>${badge(check.status)}${markers.map((m) => `<br><span class="note">${e(m)}</span>`).join('')}</td>`,
    `<td>${e(check.level)}</td>`,
    `<td><code>${e(check.id)}</code><br>${e(check.title)}</td>`,
    `<td>${requirementLinks(run, scenario.revision, check.requirements)}</td>`,
    `<td>${e(check.message ?? '')}</td>`,
    `<td>${evidence}</td>`,
    '</tr>',
  ].join('');
}

function countsText(checks: readonly CheckResult[]): string {
  const counts = countChecks(checks);
  return CHECK_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

function scenarioHtml(run: RunResult, scenario: ScenarioResult, ids: readonly string[]): string {
  const open = scenario.status === 'pass' || scenario.status === 'skip' ? '' : ' open';
  const search = [scenario.id, scenario.title, scenario.revision, scenario.transport, scenario.error ?? '']
    .join(' ')
    .toLowerCase();
  const parts = [
    `<details class="scenario" data-area="${e(scenario.area)}" data-status="${scenario.status}" data-search="${e(search)}"${open}>`,
    `<summary>${badge(scenario.status)} <code>${e(scenario.id)}</code> ${e(scenario.title)} ` +
      `<span class="muted">[${e(scenario.revision)}, ${e(scenario.transport)}] · ${e(scenario.area)} · ` +
      `${e(countsText(scenario.checks) || 'no checks')} · ${(scenario.durationMs / 1000).toFixed(2)} s</span></summary>`,
  ];
  if (scenario.error !== undefined) {
    parts.push(`<p class="harness-error">The scenario could not complete: ${e(scenario.error)}</p>`);
  }
  if (scenario.checks.length > 0) {
    parts.push(
      '<table><thead><tr><th>Status</th><th>Level</th><th>Check</th><th>Requirements</th><th>Message</th><th>Evidence</th></tr></thead><tbody>',
      ...scenario.checks.map((check, i) => checkRow(run, scenario, check, ids[i]!)),
      '</tbody></table>',
    );
  }
  if (scenario.stderr) {
    parts.push(`<details><summary>Server stderr</summary><pre>${e(scenario.stderr)}</pre></details>`);
  }
  parts.push('</details>');
  return parts.join('\n');
}

function header(run: RunResult): string {
  const { summary } = run;
  const target = run.target.command ?? run.target.url ?? '';
  const options = [
    run.options.strict ? 'strict (warnings fail)' : 'not strict',
    run.options.callTools ? 'calls tools' : 'does not call tools',
    `${run.options.jobs} job(s)`,
    `timeout ${run.options.timeoutMs} ms`,
  ];
  const meta: [string, string][] = [
    ['Target', `${e(run.target.kind)} over ${e(run.target.transport)}${target ? `: <code>${e(target)}</code>` : ''}`],
    ['Revisions', run.revisions.map((r) => `<code>${e(r)}</code>`).join(', ') || 'none'],
    ['Started', `${e(run.startedAt)}, took ${(run.durationMs / 1000).toFixed(1)} s`],
    ['Options', e(options.join(', '))],
    ['Tool', e(`${run.tool.name} ${run.tool.version}`)],
  ];
  const unsupported = Object.entries(run.unsupportedRevisions ?? {});
  if (unsupported.length > 0) {
    meta.push(['Not run', unsupported.map(([r, why]) => `<code>${e(r)}</code>: ${e(why)}`).join('<br>')]);
  }
  if (run.options.baseline !== undefined) meta.push(['Baseline', `<code>${e(run.options.baseline)}</code>`]);
  const counts = CHECK_STATUSES.map((s) => `<li>${badge(s, `${summary.checks[s]} ${s}`)}</li>`);
  if (summary.expectedFailures > 0) counts.push(`<li>${summary.expectedFailures} expected failure(s)</li>`);
  if (summary.unreached > 0) counts.push(`<li>${summary.unreached} unreached</li>`);
  return [
    '<header>',
    '<h1>MCP conformance report</h1>',
    `<p class="verdict v-${summary.verdict}">Verdict: ${e(summary.verdict)} <span class="muted">(${e(VERDICT_MEANING[summary.verdict])})</span></p>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `<ul class="counts" aria-label="Checks by status">${counts.join('')}</ul>`,
    '</header>',
  ].join('\n');
}

function areaTable(run: RunResult): string {
  const rows = countsByArea(run).map(
    ([area, counts]) =>
      `<tr><td>${e(area)}</td>${CHECK_STATUSES.map((s) => `<td class="num">${counts[s]}</td>`).join('')}</tr>`,
  );
  if (rows.length === 0) return '';
  return [
    '<h2>By area</h2>',
    `<table class="areas"><thead><tr><th>Area</th>${CHECK_STATUSES.map((s) => `<th class="num">${s}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

function filters(run: RunResult): string {
  const areas = countsByArea(run).map(([area]) => area);
  return [
    '<form id="filters" class="filters" hidden>',
    `<fieldset><legend class="muted">Status</legend>${CHECK_STATUSES.map(
      (s) => `<label><input type="checkbox" name="status" value="${s}" checked> ${badge(s)}</label>`,
    ).join('')}</fieldset>`,
    `<label>Area <select name="area"><option value="">all</option>${areas.map((a) => `<option value="${e(a)}">${e(a)}</option>`).join('')}</select></label>`,
    '<label>Search <input type="search" name="q" placeholder="check, requirement, message"></label>',
    '<output id="shown" class="muted"></output>',
    '</form>',
  ].join('\n');
}

function lists(run: RunResult, ids: readonly (readonly string[])[]): string {
  const parts: string[] = [];
  const stale = run.summary.staleBaselineEntries;
  if (stale.length > 0) {
    parts.push(
      '<h2>Stale baseline entries</h2>',
      `<p>These entries${run.options.baseline ? ` in <code>${e(run.options.baseline)}</code>` : ''} name failures that did not happen; remove them (a stale entry fails the run).</p>`,
      `<ul class="stale">${stale.map((entry) => `<li><code>${e(entry)}</code></li>`).join('')}</ul>`,
    );
  }
  const unreached = run.scenarios.flatMap((scenario, si) =>
    scenario.checks.flatMap((check, ci) => (check.reached ? [] : [{ scenario, check, id: ids[si]![ci]! }])),
  );
  if (unreached.length > 0) {
    parts.push(
      '<h2>Unreached checks</h2>',
      '<p>The scenario ended before deciding these checks.</p>',
      `<ul class="unreached">${unreached
        .map(
          ({ scenario, check, id }) =>
            `<li><a href="#${e(id)}"><code>${e(scenarioLabel(scenario))}</code> <code>${e(check.id)}</code></a> ${e(check.title)}</li>`,
        )
        .join('')}</ul>`,
    );
  }
  return parts.join('\n');
}

/** The run as one self-contained HTML page. */
export function renderHtml(run: RunResult): string {
  const makeId = idMaker();
  const ids = run.scenarios.map((scenario) =>
    scenario.checks.map((check) => makeId(`${scenario.id}-${scenario.revision}-${scenario.transport}-${check.id}`)),
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>MCP conformance: ${e(run.summary.verdict)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    header(run),
    '<main>',
    areaTable(run),
    lists(run, ids),
    '<h2>Scenarios</h2>',
    filters(run),
    run.scenarios.length === 0 ? '<p class="muted">No scenario ran.</p>' : '',
    ...run.scenarios.map((scenario, i) => scenarioHtml(run, scenario, ids[i]!)),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
