/** Shared entry-point wrapper: user errors become one clean line each and a non-zero exit, never a stack trace. */
import { UserError, UserErrors } from '../../schema/errors.ts';

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export class UsageError extends UserError {
  constructor(message: string) {
    super(message, undefined, { exitCode: EXIT_USAGE });
  }
}

/** Runs a command's main function and turns its outcome into an exit code. */
export async function runMain(main: () => Promise<number | void> | number | void): Promise<void> {
  try {
    process.exitCode = (await main()) ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UserErrors) {
      for (const e of error.errors) console.error(`error: ${e.format()}`);
      process.exitCode = Math.max(...error.errors.map((e) => e.exitCode));
    } else if (error instanceof UserError) {
      console.error(`error: ${error.format()}`);
      process.exitCode = error.exitCode;
    } else {
      console.error('internal error (please report it):', error);
      process.exitCode = EXIT_USAGE;
    }
  }
}
