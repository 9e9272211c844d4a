import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestRevision } from '../../schema/registry.ts';
import { useReferenceServers } from '../test/fixtures/reference-servers.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { main } from './cli.ts';
import { TOOL } from './runner/run.ts';
import { SERVER_SCENARIOS } from './scenarios/index.ts';

const BIN = fileURLToPath(new URL('../bin/mcp-conformance.mjs', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<Outcome> {
  const collect = (): PassThrough & { text: () => string } => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
  };
  const stdout = collect();
  const stderr = collect();
  const code = await main(argv, { stdout, stderr, env: {}, cwd: scratch });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs the executable in a child process with extra environment variables. The child is killed if it has not
 * finished within `limit` ms, so a hang fails the test (with a null code) instead of stalling the suite.
 */
async function bin(argv: string[], env: Record<string, string | undefined>, limit = 50_000): Promise<Outcome> {
  const child = spawn(process.execPath, [BIN, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    timeout: limit,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  return { code: code ?? -1, stdout, stderr };
}

/** A cache location under /proc: Node 20's recursive mkdir never returns for one. */
const PROC_CACHE = '/proc/self/mcp-conformance-nonexistent';
const hasProc = existsSync('/proc/self');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mcp-conformance-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('help and version', () => {
  it('prints usage with exit 0 when asked, and with exit 2 when no command is given', async () => {
    const asked = await cli('--help');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('mcp-conformance server (--stdio "COMMAND ARGS" | --url URL)');
    expect(asked.stdout).toContain('Exit codes: 0 conforms, 1 nonconformance, 2 usage or harness error.');
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(asked.stdout);
  });

  it('prints the package version', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(TOOL.version).toBe(manifest.version);
  });
});

describe('list', () => {
  it('prints every scenario and check with its level and requirements', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    const headings = stdout.split('\n').filter((line) => /^\S+ {2}\[/.test(line));
    expect(headings.map((line) => line.split(' ')[0])).toEqual(SERVER_SCENARIOS.map((s) => s.id));
    const catalogue = buildCatalogue();
    expect(stdout).toContain(`${SERVER_SCENARIOS.length} scenarios, ${catalogue.checkCount} distinct checks`);
    expect(stdout).toMatch(/ {2}- lifecycle\.initialize-result {2}MUST {2}.+\n {6}requirements: lifecycle\./);
  });

  it('prints the catalogue as JSON', async () => {
    const { code, stdout } = await cli('list', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(buildCatalogue())));
  });

  it('narrows the list to one revision, latest included, in both formats', async () => {
    const old = JSON.parse((await cli('list', '--json', '--revision', '2024-11-05')).stdout) as Catalogue;
    const ids = old.scenarios.map((s) => s.id);
    expect(ids).toContain('lifecycle-initialize');
    expect(ids).not.toContain('discover');
    expect(old.checkCount).toBe(old.checks.length);
    for (const check of old.checks) expect(check.revisions).toContain('2024-11-05');
    for (const scenario of old.scenarios)
      for (const check of scenario.checks) expect(check.revisions).toContain('2024-11-05');

    const latest = await cli('list', '--revision', 'latest');
    expect(latest.stdout).toBe((await cli('list', '--revision', latestRevision().id)).stdout);
    const text = await cli('list', '--revision', '2024-11-05');
    expect(text.stdout).toContain(`${old.scenarios.length} scenarios, ${old.checkCount} distinct checks`);
  });

  it('refuses an unknown revision instead of listing nothing', async () => {
    const { code, stdout, stderr } = await cli('list', '--revision', '2099-01-01');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/unknown revision "2099-01-01"; known revisions: 2024-11-05, .*latest/);
  });
});

describe('usage errors exit 2 with a pointer to --help', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown command', ['serve'], /unknown command "serve"; use server or list/],
    ['an unknown option', ['server', '--url', 'http://127.0.0.1:9/mcp', '--bogus'], /Unknown option '--bogus'/],
    ['no target', ['server'], /give exactly one of --stdio "command" and --url URL/],
    [
      'two targets',
      ['server', '--url', 'http://127.0.0.1:9/mcp', '--stdio', 'true'],
      /give exactly one of --stdio "command" and --url URL/,
    ],
    ['a stray argument', ['server', '--url', 'http://127.0.0.1:9/mcp', 'extra'], /unexpected argument "extra"/],
    ['a jobs count of zero', ['server', '--url', 'http://127.0.0.1:9/mcp', '--jobs', '0'], /--jobs must be a positive/],
    ['a timeout that is not a number', ['server', '--url', 'http://x/', '--timeout', 'soon'], /--timeout must be/],
    ['a header without a colon', ['server', '--url', 'http://x/', '--header', 'X-Test'], /--header "X-Test" must look/],
    ['an env entry without =', ['server', '--stdio', 'true', '--env', 'FOO'], /--env "FOO" must look like NAME=VALUE/],
    ['an unknown reporter', ['server', '--url', 'http://x/', '--reporter', 'console,xml'], /xml/],
    ['an unknown suite', ['server', '--url', 'http://x/', '--suite', 'everything'], /unknown suite "everything"/],
    ['an unknown scenario', ['server', '--url', 'http://x/', '--scenario', 'tools-lst'], /did you mean "?tools-list/],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('harness error');
  });

  it('names a baseline file that does not exist', async () => {
    const { code, stderr } = await cli('server', '--url', 'http://x/', '--expected-failures', 'missing.yml');
    expect(code).toBe(2);
    expect(stderr).toContain(join(scratch, 'missing.yml'));
  });

  it('refuses an output directory it cannot write to before running anything', async () => {
    writeFileSync(join(scratch, 'in-the-way'), 'x');
    const out = join(scratch, 'in-the-way', 'reports');
    const { code, stdout, stderr } = await cli(
      'server',
      '--url',
      'http://127.0.0.1:9/mcp',
      '--reporter',
      'json',
      '--output-dir',
      out,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`mcp-conformance: cannot write reports to ${out}: ENOTDIR: not a directory, mkdir '${out}'\n`);
  });

  it('reports a server that cannot be reached as a harness error, not as nonconformance', async () => {
    const { code, stderr } = await cli('server', '--url', 'http://127.0.0.1:9/mcp', '--timeout', '2000');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^mcp-conformance: .*127\.0\.0\.1:9/);
  });
});

describe('server runs against the reference server over HTTP', () => {
  const servers = useReferenceServers({ good: undefined, faulty: 'ping-result-not-empty' });
  const selection = ['--scenario', 'lifecycle-initialize', '--revision', '2025-11-25'];

  it('exits 0 for a conforming server and writes the reports it was asked for', async () => {
    const out = join(scratch, 'good');
    const argv = [
      'server',
      '--url',
      servers.good.url,
      ...selection,
      '--reporter',
      'console,json,junit',
      '--output-dir',
      out,
    ];
    const { code, stdout, stderr } = await cli(...argv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('lifecycle-initialize');
    expect(stdout).toContain(`report: ${join(out, 'mcp-conformance.json')}`);
    expect(stdout).toContain(`report: ${join(out, 'junit.xml')}`);
    const result = JSON.parse(readFileSync(join(out, 'mcp-conformance.json'), 'utf8')) as {
      summary: { verdict: string; checks: Record<string, number> };
    };
    expect(result.summary.verdict).toBe('conforms');
    expect(result.summary.checks.pass).toBeGreaterThan(3);
  });

  it.runIf(hasProc)('runs through the executable when the validator cache is under /proc', async () => {
    // Every message is validated, and each validator compiled is offered to the cache: it must go without.
    const env = { MCP_SPEC_VALIDATOR_CACHE: `${PROC_CACHE}/validators` };
    const { code, stdout, stderr } = await bin(['server', '--url', servers.good.url, ...selection], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('lifecycle-initialize');
  });

  it('exits 1 for a nonconforming server, 0 once a baseline excuses the failure, and 1 for a stale entry', async () => {
    const run = (...extra: string[]): Promise<Outcome> =>
      cli(
        'server',
        '--url',
        servers.faulty.url,
        ...selection,
        '--reporter',
        'markdown',
        '--output-dir',
        scratch,
        ...extra,
      );
    const failing = await run();
    expect(failing.code).toBe(1);
    expect(readFileSync(join(scratch, 'summary.md'), 'utf8')).toContain('lifecycle.ping-after-initialized');

    const baseline = join(scratch, 'baseline.yml');
    writeFileSync(baseline, 'server:\n  - lifecycle-initialize:lifecycle.ping-after-initialized\n');
    expect((await run('--expected-failures', baseline)).code).toBe(0);

    writeFileSync(baseline, 'server:\n  - lifecycle-initialize:lifecycle.ping-after-initialized\n  - tools-list\n');
    expect((await run('--expected-failures', baseline)).code).toBe(1);
    expect(
      (
        await cli(
          'server',
          '--url',
          servers.good.url,
          ...selection,
          '--reporter',
          'json',
          '--output-dir',
          scratch,
          '--expected-failures',
          baseline,
        )
      ).code,
    ).toBe(1);
  });
});

describe('the run time limit', () => {
  const limited = useReferenceServers({ server: undefined });

  it('stops the run as a harness error, and blames no check of the server for what it cut off', async () => {
    const out = join(scratch, 'cut');
    const { code } = await cli(
      'server',
      '--url',
      limited.server.url,
      '--run-timeout',
      '300',
      '--reporter',
      'json',
      '--output-dir',
      out,
    );
    expect(code).toBe(2);
    const result = JSON.parse(readFileSync(join(out, 'mcp-conformance.json'), 'utf8')) as {
      summary: { verdict: string };
      scenarios: Array<{
        status: string;
        error?: string;
        checks: Array<{ id: string; status: string; message?: string }>;
      }>;
    };
    expect(result.summary.verdict).toBe('error');
    // The reference server conforms: a failed check here could only come from the harness cutting a scenario short.
    expect(result.scenarios.flatMap((s) => s.checks.filter((c) => c.status === 'fail'))).toEqual([]);
    const cut = result.scenarios.filter((s) => s.error?.includes('--run-timeout'));
    expect(cut.length).toBeGreaterThan(0);
    for (const scenario of cut) expect(scenario.status).toBe('error');
  });
});

describe('the installed command', () => {
  it('stops quietly with exit 0 when its reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [BIN, 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  describe('goes without its caches when their directory cannot be created', () => {
    const catalogue = (): unknown => JSON.parse(JSON.stringify(buildCatalogue()));

    it.runIf(hasProc)('XDG_CACHE_HOME under /proc', async () => {
      const { code, stdout, stderr } = await bin(['list', '--json'], { XDG_CACHE_HOME: PROC_CACHE });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(catalogue());
    });

    it.runIf(hasProc)('MCP_SPEC_VALIDATOR_CACHE under /proc', async () => {
      const env = { MCP_SPEC_VALIDATOR_CACHE: `${PROC_CACHE}/validators` };
      const { code, stdout, stderr } = await bin(['list', '--json'], env);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(catalogue());
    });

    it('a regular file where the cache directory should be', async () => {
      const file = join(scratch, 'cache-file');
      writeFileSync(file, 'not a directory');
      const env = { XDG_CACHE_HOME: file, MCP_SPEC_VALIDATOR_CACHE: undefined };
      const { code, stdout, stderr } = await bin(['list', '--json'], env);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(catalogue());
      expect(readFileSync(file, 'utf8')).toBe('not a directory');
    });
  });

  it('exits with the code main returns', async () => {
    const child = spawn(process.execPath, [BIN, 'server'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('give exactly one of --stdio');
  });
});
