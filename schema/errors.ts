import { relative } from 'node:path';

/**
 * A problem with the user's input (a file, an argument) rather than a bug in the tooling.
 * Command-line entry points print it as one line, without a stack trace, and exit non-zero.
 */
export class UserError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly exitCode: number;

  constructor(message: string, file?: string, options: { line?: number; exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.file = file;
    this.line = options.line;
    this.exitCode = options.exitCode ?? 1;
  }

  /** `path[:line]: message`, with the path relative to the working directory. */
  format(cwd: string = process.cwd()): string {
    if (this.file === undefined) return this.message;
    const path = relative(cwd, this.file) || this.file;
    return `${path}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
  }
}

/** Several user errors found in one pass, reported together. */
export class UserErrors extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'UserErrors';
    this.errors = errors;
  }
}
