/** `npm start`: the main job on a fresh clone. Regenerates everything, checks it, and says what it produced. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const steps = [
  { title: 'generate', script: 'generate.ts' },
  { title: 'check', script: 'check.ts' },
  { title: 'site', script: 'site.ts' },
  { title: 'conformance:reference', script: 'conformance-reference.ts' },
];

for (const step of steps) {
  console.log(`\n== npm run ${step.title}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(step.script, import.meta.url))],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(`\nnpm start stopped: ${step.title} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log(
  '\nProduced schema/<revision>/schema.json, CHANGES.md and spec/<revision>/requirements.json for every revision.',
);
console.log('The site is in site/dist. Serve it with: npm run site:serve  (then open http://127.0.0.1:4173/)');
console.log('Compare two revisions with: npm run schema:diff -- 2025-11-25 2026-07-28');
console.log(
  'Conformance reports of the reference server are in conformance-results/stdio, conformance-results/http and conformance-results/http-auth.',
);
