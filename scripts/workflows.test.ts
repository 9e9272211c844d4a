/** The GitHub workflows parse, are well formed, and only run npm scripts that exist. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../test/fixtures/repo.ts';

const dir = join(REPO_ROOT, '.github', 'workflows');
const scripts = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
}

describe.each(readdirSync(dir).filter((f) => f.endsWith('.yml')))('.github/workflows/%s', (file) => {
  const workflow = parse(readFileSync(join(dir, file), 'utf8')) as {
    name?: string;
    on?: unknown;
    jobs?: Record<string, { 'runs-on'?: string; steps?: Step[] }>;
  };

  it('has a name, a trigger and jobs with steps', () => {
    expect(typeof workflow.name).toBe('string');
    expect(workflow.on).toBeDefined();
    expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0);
    for (const job of Object.values(workflow.jobs ?? {})) {
      expect(typeof job['runs-on']).toBe('string');
      expect(job.steps?.length).toBeGreaterThan(0);
      for (const step of job.steps ?? []) {
        expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
        if (step.uses?.startsWith('./'))
          expect(existsSync(join(REPO_ROOT, step.uses, 'action.yml')), step.uses).toBe(true);
        else if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+$/);
      }
    }
  });

  it('runs only npm scripts that exist', () => {
    const runs = Object.values(workflow.jobs ?? {}).flatMap((job) => (job.steps ?? []).map((step) => step.run ?? ''));
    for (const match of runs.join('\n').matchAll(/npm run ([\w:-]+)/g)) {
      expect(Object.keys(scripts), `npm run ${match[1]}`).toContain(match[1]);
    }
  });
});
