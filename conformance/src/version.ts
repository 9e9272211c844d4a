/** The name and version of this package, read from its package.json (versioned by changesets). */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const TOOL = { name: manifest.name, version: manifest.version } as const;
