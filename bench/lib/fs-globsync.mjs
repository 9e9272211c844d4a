// node:fs plus globSync, which Node 22 added; the official conformance CLI imports it at load time.
import fastGlob from 'fast-glob';

export * from 'node:fs';
export { default } from 'node:fs';

export function globSync(pattern, options = {}) {
  return fastGlob.sync(pattern, { cwd: options.cwd ?? process.cwd(), dot: true });
}
