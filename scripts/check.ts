/** `npm run check`: fails, naming each file, when anything derived is stale or any rule is broken. */
import { runMain } from './lib/cli.ts';
import { runChecks } from './lib/check.ts';

await runMain(() => {
  const { problems, passed } = runChecks();
  for (const line of passed) console.log(`ok     ${line}`);
  for (const problem of problems) console.error(`error: ${problem.format()}`);
  if (problems.length > 0) {
    console.error(`check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log('check passed');
  return 0;
});
