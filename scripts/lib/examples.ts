/**
 * Example messages: `schema/<revision>/examples/<Definition>/*.json` must validate against the named
 * definition, and `.../<Definition>/invalid/*.json` must be rejected by it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../schema/errors.ts';
import { definitionNames, formatErrors, revisionDir, validate } from '../../schema/index.ts';
import { compareCodePoints, readText } from './json.ts';

export interface Example {
  revision: string;
  definition: string;
  file: string;
  /** Whether the schema must accept (`valid`) or reject (`invalid`) the example. */
  expect: 'valid' | 'invalid';
}

export function examplesDir(revision: string): string {
  return join(revisionDir(revision), 'examples');
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort(compareCodePoints);
  } catch (error) {
    throw new UserError(`cannot list folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, dir);
  }
}

/** Message definitions: the ones every revision must show with at least one valid example. */
export function isMessageDefinition(name: string): boolean {
  return /(Request|Notification|Result)$/.test(name);
}

/**
 * Lists a revision's examples. Folders named after a definition the revision lacks are reported as
 * problems rather than skipped, so a typo cannot hide an example from the check.
 */
export function discoverExamples(revision: string): { examples: Example[]; problems: UserError[] } {
  const root = examplesDir(revision);
  const examples: Example[] = [];
  const problems: UserError[] = [];
  if (!existsSync(root)) return { examples, problems };
  const known = new Set(definitionNames(revision));
  for (const definition of listDir(root)) {
    const folder = join(root, definition);
    if (!statSync(folder).isDirectory()) {
      problems.push(new UserError('expected a folder named after a schema definition', folder));
      continue;
    }
    if (!known.has(definition)) {
      problems.push(
        new UserError(
          `examples folder names "${definition}", which is not a definition of revision ${revision}`,
          folder,
        ),
      );
      continue;
    }
    for (const entry of listDir(folder)) {
      const path = join(folder, entry);
      if (entry === 'invalid' && statSync(path).isDirectory()) {
        for (const bad of listDir(path)) {
          if (bad.endsWith('.json')) examples.push({ revision, definition, file: join(path, bad), expect: 'invalid' });
        }
      } else if (entry.endsWith('.json')) {
        examples.push({ revision, definition, file: path, expect: 'valid' });
      }
    }
  }
  return { examples, problems };
}

/** Parses an example, or explains why it is not JSON. */
export function readExample(example: Example): unknown {
  const text = readText(example.file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`example is not valid JSON: ${(error as Error).message}`, example.file);
  }
}

/** Validates one example; returns a problem when the schema's verdict is not the expected one. */
export function checkExample(example: Example): UserError | undefined {
  let value: unknown;
  try {
    value = readExample(example);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  const { valid, errors } = validate(example.revision, example.definition, value);
  if (example.expect === 'valid' && !valid) {
    const reasons = formatErrors(errors).slice(0, 3);
    return new UserError(`valid example rejected by ${example.definition}: ${reasons.join('; ')}`, example.file);
  }
  if (example.expect === 'invalid' && valid) {
    return new UserError(
      `invalid example accepted by ${example.definition}: it must break a constraint of the schema`,
      example.file,
    );
  }
  return undefined;
}

export interface ExampleReport {
  examples: Example[];
  problems: UserError[];
}

/** Checks every example of the given revisions, and that each message definition has a valid example. */
export function checkExamples(revisions: string[]): ExampleReport {
  const all: Example[] = [];
  const problems: UserError[] = [];
  for (const revision of revisions) {
    const found = discoverExamples(revision);
    all.push(...found.examples);
    problems.push(...found.problems);
    for (const example of found.examples) {
      const problem = checkExample(example);
      if (problem) problems.push(problem);
    }
    const covered = new Set(found.examples.filter((e) => e.expect === 'valid').map((e) => e.definition));
    for (const name of definitionNames(revision)) {
      if (isMessageDefinition(name) && !covered.has(name)) {
        problems.push(
          new UserError(`${name} has no valid example: add one as examples/${name}/<name>.json`, examplesDir(revision)),
        );
      }
    }
  }
  return { examples: all, problems };
}
