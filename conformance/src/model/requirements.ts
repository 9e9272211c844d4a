/**
 * The requirement catalogues the checks cite: `spec/<revision>/requirements.json`, generated from the
 * prose. These are data files; the conformance package reads them but imports no code from `spec/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../schema/registry.ts';

export interface Requirement {
  id: string;
  level: string;
  subject: string;
  text: string;
  page: string;
  anchor: string;
  section?: string;
}

const cache = new Map<string, Map<string, Requirement>>();

/** The requirements of one revision by id; empty for a revision without a catalogue. */
export function requirementsOf(revision: string): Map<string, Requirement> {
  let found = cache.get(revision);
  if (!found) {
    found = new Map();
    try {
      const document = JSON.parse(readFileSync(join(REPO_ROOT, 'spec', revision, 'requirements.json'), 'utf8')) as {
        requirements?: Requirement[];
      };
      for (const requirement of document.requirements ?? []) found.set(requirement.id, requirement);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    cache.set(revision, found);
  }
  return found;
}
