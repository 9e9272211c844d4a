/** `npm run generate`: regenerates every derived file from the sources, all or nothing. */
import { existsSync, readFileSync } from 'node:fs';
import { runMain } from './lib/cli.ts';
import { writeFileAtomic } from './lib/json.ts';
import { displayPath, produceOutputs } from './lib/outputs.ts';

await runMain(() => {
  if (process.argv.length > 2) {
    console.error('usage: npm run generate   (takes no arguments; it regenerates every revision)');
    return 2;
  }
  const started = performance.now();
  // Everything is produced before anything is written, so a failure leaves the last good files in place.
  const { files } = produceOutputs();
  let updated = 0;
  for (const { file, content, summary } of files) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const state = current === undefined ? 'created' : current === content ? 'unchanged' : 'updated';
    if (state !== 'unchanged') {
      writeFileAtomic(file, content);
      updated++;
    }
    console.log(`${state.padEnd(9)} ${displayPath(file).padEnd(32)} ${summary}`);
  }
  console.log(`generated ${files.length} files (${updated} written) in ${Math.round(performance.now() - started)} ms`);
  return 0;
});
