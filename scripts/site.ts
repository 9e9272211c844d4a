/** `npm run site`: builds the static site into site/dist, or fails naming file and line of each problem. */
import { relative } from 'node:path';
import { runMain } from './lib/cli.ts';
import { buildSite } from './lib/site/build.ts';

await runMain(() => {
  const out = process.argv[2];
  const result = buildSite(out);
  const counts = Object.entries(result.requirements)
    .map(([revision, count]) => `${revision}: ${count}`)
    .join(', ');
  console.log(
    `built ${result.pages} pages into ${relative(process.cwd(), result.outDir) || '.'} in ${Math.round(result.millis)} ms`,
  );
  console.log(`requirements: ${counts}`);
  return 0;
});
