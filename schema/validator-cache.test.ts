import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'mcp-spec-validators-'));
const previous = process.env.MCP_SPEC_VALIDATOR_CACHE;

/** A fresh copy of the schema module, with empty in-memory caches. */
async function fresh(): Promise<typeof import('./index.ts')> {
  vi.resetModules();
  return import('./index.ts');
}

const INVALID = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 7 } };

beforeEach(() => {
  process.env.MCP_SPEC_VALIDATOR_CACHE = dir;
});

afterAll(() => {
  if (previous === undefined) delete process.env.MCP_SPEC_VALIDATOR_CACHE;
  else process.env.MCP_SPEC_VALIDATOR_CACHE = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('the validator cache', () => {
  it('stores compiled validators and gives the same results when it loads them', async () => {
    rmSync(dir, { recursive: true, force: true });
    const compiled = (await fresh()).validate('2025-11-25', 'CallToolRequest', INVALID);
    expect(compiled.valid).toBe(false);
    const files = readdirSync(dir);
    // The validators of every definition that stop at the first error, one that explains every error.
    expect(files.filter((f) => f.endsWith('.cjs'))).toHaveLength(2);
    const loaded = (await fresh()).validate('2025-11-25', 'CallToolRequest', INVALID);
    expect(loaded).toEqual(compiled);
    expect(readdirSync(dir)).toEqual(files);
  });

  it('compiles afresh over a broken cache file and replaces it', async () => {
    rmSync(dir, { recursive: true, force: true });
    const expected = (await fresh()).validate('2024-11-05', 'ListToolsResult', { tools: 'none' });
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), 'this is not JavaScript {');
    const again = (await fresh()).validate('2024-11-05', 'ListToolsResult', { tools: 'none' });
    expect(again).toEqual(expected);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8')).not.toContain('not JavaScript');
    const replaced = (await fresh()).validate('2024-11-05', 'ListToolsResult', { tools: 'none' });
    expect(replaced).toEqual(expected);
  });

  it('deletes the least recently written files once it holds more than its limit', async () => {
    const { pruneValidatorCache } = await fresh();
    const crowded = mkdtempSync(join(tmpdir(), 'mcp-spec-validators-prune-'));
    try {
      for (let i = 0; i < 10; i++) {
        const file = join(crowded, `${i}.cjs`);
        writeFileSync(file, 'module.exports = () => true;');
        utimesSync(file, 1_000 + i, 1_000 + i);
        writeFileSync(`${file}.v8`, 'code cache');
      }
      writeFileSync(join(crowded, 'unrelated.txt'), 'kept');
      expect(pruneValidatorCache(crowded, 10)).toBe(0);
      expect(pruneValidatorCache(crowded, 8, 6)).toBe(4);
      expect(readdirSync(crowded).sort()).toEqual([
        ...['4', '5', '6', '7', '8', '9'].flatMap((n) => [`${n}.cjs`, `${n}.cjs.v8`]),
        'unrelated.txt',
      ]);
      expect(pruneValidatorCache(join(crowded, 'missing'), 1)).toBe(0);
    } finally {
      rmSync(crowded, { recursive: true, force: true });
    }
  });

  it('keeps the first-error validators of a revision in one file', async () => {
    rmSync(dir, { recursive: true, force: true });
    const schema = await fresh();
    expect(schema.validate('2025-06-18', 'PingRequest', { jsonrpc: '2.0', id: 1, method: 'ping' }).valid).toBe(true);
    expect(schema.validate('2025-06-18', 'ListToolsResult', { tools: [] }).valid).toBe(true);
    expect(schema.validate('2025-06-18', 'ListToolsResult', { tools: 'none' }).valid).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.cjs'))).toHaveLength(2);
    const loaded = await fresh();
    expect(loaded.getValidator('2025-06-18', 'ListToolsResult')({ tools: [] })).toBe(true);
    expect(loaded.getValidator('2025-06-18', 'PingRequest')({ method: 7 })).toBe(false);
  });

  it('writes a V8 code cache at exit, and a code cache that does not fit the code only costs time', async () => {
    rmSync(dir, { recursive: true, force: true });
    const script = `import { validate } from ${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))};
      if (!validate('2024-11-05', 'ListToolsResult', { tools: [] }).valid) process.exit(1);`;
    const run = (): void => {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, MCP_SPEC_VALIDATOR_CACHE: dir },
      });
    };
    // The first run compiles and stores the validators, the second loads them and keeps V8's work.
    run();
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toEqual([]);
    run();
    const caches = readdirSync(dir).filter((f) => f.endsWith('.cjs.v8'));
    expect(caches).toHaveLength(1);
    writeFileSync(join(dir, caches[0]!), 'not a code cache');
    run();
    expect(readFileSync(join(dir, caches[0]!), 'utf8')).not.toBe('not a code cache');
    const schema = await fresh();
    expect(schema.validate('2024-11-05', 'ListToolsResult', { tools: 'none' }).valid).toBe(false);
    expect(schema.validate('2024-11-05', 'ListToolsResult', { tools: [] }).valid).toBe(true);
  });

  /** Validates one valid and one invalid message in a child process, killed if it does not finish. */
  function validateInChild(env: Record<string, string | undefined>): { status: number | null; stderr: string } {
    const script = `import { validate } from ${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))};
      const ok = validate('2025-11-25', 'ListToolsResult', { tools: [] }).valid;
      const bad = validate('2025-11-25', 'ListToolsResult', { tools: 'none' }).valid;
      if (!ok || bad) process.exit(1);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 45_000,
    });
    return { status: child.status, stderr: child.stderr };
  }

  // Node 20's recursive mkdir never returns there; a cache that cannot be created is simply not used.
  describe.runIf(existsSync('/proc/self'))('under /proc', () => {
    it('is skipped, without hanging, when MCP_SPEC_VALIDATOR_CACHE points there', () => {
      const env = { MCP_SPEC_VALIDATOR_CACHE: '/proc/self/mcp-spec-nonexistent/validators' };
      expect(validateInChild(env)).toEqual({ status: 0, stderr: '' });
    });

    it('is skipped, without hanging, when XDG_CACHE_HOME points there', () => {
      const env = { MCP_SPEC_VALIDATOR_CACHE: undefined, XDG_CACHE_HOME: '/proc/self/mcp-spec-nonexistent' };
      expect(validateInChild(env)).toEqual({ status: 0, stderr: '' });
    });
  });

  it('is skipped when a file is in the way', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mcp-spec-validators-file-')), 'cache');
    try {
      writeFileSync(file, 'not a directory');
      expect(validateInChild({ MCP_SPEC_VALIDATOR_CACHE: file })).toEqual({ status: 0, stderr: '' });
      expect(validateInChild({ MCP_SPEC_VALIDATOR_CACHE: join(file, 'validators') })).toEqual({
        status: 0,
        stderr: '',
      });
      expect(readFileSync(file, 'utf8')).toBe('not a directory');
    } finally {
      rmSync(join(file, '..'), { recursive: true, force: true });
    }
  });

  it('can be turned off', async () => {
    process.env.MCP_SPEC_VALIDATOR_CACHE = 'off';
    const schema = await fresh();
    expect(schema.validatorCacheDir()).toBeUndefined();
    expect(schema.validate('2025-06-18', 'PingRequest', { method: 'ping' }).valid).toBe(true);
  });
});
