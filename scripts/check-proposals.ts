/** `npm run check:proposals`: front matter, sections, numbers, status transitions and cross-references. */
import { runMain } from './lib/cli.ts';
import { runProposalChecks } from './lib/proposals.ts';

await runMain(() => {
  const { problems, passed } = runProposalChecks();
  for (const line of passed) console.log(`ok     ${line}`);
  for (const problem of problems) console.error(`error: ${problem.format()}`);
  return problems.length > 0 ? 1 : 0;
});
