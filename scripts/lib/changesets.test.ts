import { afterEach, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../../test/fixtures/repo.ts';
import { checkChangesets } from './changesets.ts';

describe('checkChangesets', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.dispose());

  it('fails a change to conformance/src without a new changeset, and passes once one is added', () => {
    repo = copyRepo();
    const r = repo;
    r.write('conformance/src/index.ts', 'export const version = 1;\n');
    r.write('.changeset/README.md', 'Changesets live here.\n');
    const base = r.commitAll();

    expect(checkChangesets(base, r.root)).toEqual([]);
    r.write('conformance/src/index.ts', 'export const version = 2;\n');
    expect(checkChangesets(base, r.root).map((p) => p.format(r.root))).toEqual([
      'conformance/src/index.ts: conformance/src changed (1 file) but no changeset was added: run `npx changeset` and describe the change for users',
    ]);
    r.write('.changeset/README.md', 'Editing the README is not a changeset.\n');
    expect(checkChangesets(base, r.root)).toHaveLength(1);
    r.write('.changeset/brave-owls-sing.md', "---\n'mcp-conformance': patch\n---\n\nBump the version.\n");
    expect(checkChangesets(base, r.root)).toEqual([]);
  });

  it('has nothing to compare outside a git checkout', () => {
    expect(checkChangesets(undefined)).toEqual([]);
  });
});
