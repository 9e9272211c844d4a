// The GitHub Action (../action.yml): turns the action's inputs into an `mcp-conformance server` command line,
// runs it, then publishes the result the GitHub way: the Markdown report in the step summary, failed checks
// as annotations, and the verdict as step outputs. Exits with the CLI's own exit code.
// Plain JavaScript with no dependencies, so that it runs on any runner before anything is installed.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACTION_PACKAGE = fileURLToPath(new URL('../package.json', import.meta.url));

/** A workflow command's data with the characters GitHub gives meaning to escaped. */
const escapeData = (text) => String(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

const input = (name) => (process.env[`INPUT_${name.toUpperCase().replaceAll('-', '_')}`] ?? '').trim();
const lines = (name) =>
  input(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
function flag(name, fallback = false) {
  const value = input(name).toLowerCase();
  if (value === '') return fallback;
  if (value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError(`input ${name} must be true or false, not "${input(name)}"`);
}

class UsageError extends Error {}

/** The CLI's arguments for the inputs, where its reports go, and what to publish afterwards. */
export function commandLine() {
  const annotations = input('annotations') || '50';
  if (!/^\d+$/.test(annotations))
    throw new UsageError(`input annotations must be a whole number, not "${annotations}"`);
  const outputDir = resolve(input('output-dir') || 'mcp-conformance-results');
  const reporters = new Set(
    (input('reporter') || 'console')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  );
  // The outputs and annotations come from the JSON report, the step summary from the Markdown one.
  reporters.add('json').add('markdown');
  const args = ['server'];
  for (const name of [
    'url',
    'stdio',
    'revision',
    'scenario',
    'suite',
    'expected-failures',
    'jobs',
    'timeout',
    'site-url',
  ])
    if (input(name)) args.push(`--${name}`, input(name));
  if (flag('strict')) args.push('--strict');
  if (flag('call-tools')) args.push('--call-tools');
  for (const header of lines('headers')) args.push('--header', header);
  for (const variable of lines('env')) args.push('--env', variable);
  args.push('--reporter', [...reporters].join(','), '--output-dir', outputDir, ...lines('args'));
  return { args, outputDir, summary: flag('summary', true), annotations: Number(annotations) };
}

/** What runs the CLI: `MCP_CONFORMANCE_BIN` (a script run by this Node), else the npm package through npx. */
function command(args) {
  if (process.env.MCP_CONFORMANCE_BIN) return [process.execPath, [process.env.MCP_CONFORMANCE_BIN, ...args]];
  const version = input('version') || JSON.parse(readFileSync(ACTION_PACKAGE, 'utf8')).version;
  return ['npx', ['--yes', `mcp-conformance@${version}`, ...args]];
}

function run(file, args) {
  return new Promise((resolveCode) => {
    const child = spawn(file, args, { stdio: 'inherit' });
    child.once('error', (error) => {
      console.log(`::error title=mcp-conformance::${escapeData(`could not start ${file}: ${error.message}`)}`);
      resolveCode(2);
    });
    child.once('close', (code, signal) => resolveCode(code ?? (signal ? 2 : 0)));
  });
}

function setOutputs(outputs) {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
}

/** One annotation per failed, errored or (when strict) warned check that no baseline excused, up to `limit`. */
function annotate(result, limit) {
  const strict = result.options?.strict === true;
  const found = [];
  for (const scenario of result.scenarios ?? []) {
    for (const check of scenario.checks ?? []) {
      if (check.expected) continue;
      if (check.status !== 'fail' && check.status !== 'error' && check.status !== 'warn') continue;
      const level = check.status === 'warn' && !strict ? 'warning' : 'error';
      const title = `${scenario.id} (${scenario.revision}, ${scenario.transport}): ${check.id}`;
      const body = `${check.level} ${check.title}${check.message ? `\n${check.message}` : ''}${
        check.requirements?.length ? `\nRequirements: ${check.requirements.join(', ')}` : ''
      }`;
      found.push(`::${level} title=${escapeProperty(title)}::${escapeData(body)}`);
    }
  }
  for (const line of found.slice(0, limit)) console.log(line);
  if (found.length > limit && limit > 0)
    console.log(`::notice title=mcp-conformance::${found.length - limit} more findings are in the reports`);
}

async function main() {
  let line;
  try {
    line = commandLine();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.log(`::error title=mcp-conformance::${escapeData(error.message)}`);
    setOutputs({ verdict: 'error', 'exit-code': 2 });
    return 2;
  }
  const [file, args] = command(line.args);
  const code = await run(file, args);
  const jsonFile = resolve(line.outputDir, 'mcp-conformance.json');
  const markdownFile = resolve(line.outputDir, 'summary.md');
  // A run that stopped before its reports (exit 2) leaves older ones behind only if the directory was reused.
  const fresh = code !== 2 && existsSync(jsonFile);
  let outputs = { verdict: code === 0 ? 'conforms' : code === 1 ? 'nonconformant' : 'error', 'exit-code': code };
  if (fresh) {
    const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const checks = result.summary.checks;
    outputs = {
      ...outputs,
      verdict: result.summary.verdict,
      passed: checks.pass,
      failed: checks.fail + checks.error + (result.options?.strict ? checks.warn : 0),
    };
    annotate(result, line.annotations);
    if (line.summary && process.env.GITHUB_STEP_SUMMARY && existsSync(markdownFile))
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${readFileSync(markdownFile, 'utf8')}\n`);
  } else if (code !== 0) {
    console.log(
      `::error title=mcp-conformance::${escapeData(`mcp-conformance stopped with exit code ${code}; see the log above`)}`,
    );
  }
  setOutputs({ ...outputs, 'report-dir': line.outputDir });
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
