/**
 * Turns each revision's `schema.ts` into its JSON Schema, from one TypeScript program shared by all revisions.
 */
import ts from 'typescript';
import * as TJS from 'typescript-json-schema';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError, UserErrors } from '../../schema/errors.ts';
import { getRevision, schemaId, schemaSourceFile, type Revision } from '../../schema/registry.ts';
import { isPlainObject, readText, sortKeysDeep, stringifyJson } from './json.ts';

export const DIALECT_URI = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
} as const;

/**
 * Generator settings. A TypeScript `number` is a JSON Schema `number` wherever it appears, in unions and
 * index signatures too; a field that must be whole (ids, counts, sizes, error codes) says so in the source
 * with `@TJS-type integer` (or a type list such as `["string", "integer"]` on a union).
 */
const GENERATOR_SETTINGS: TJS.PartialArgs = {
  required: true,
  defaultNumberType: 'number',
  ref: true,
  aliasRef: false,
  topRef: false,
  titles: false,
  noExtraProps: false,
  strictNullChecks: false,
  ignoreErrors: true,
};

const COMPILER_OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2020.d.ts'],
  types: [],
  // Strict, except null checks: with them an optional field's type gains `| undefined`,
  // and the generator would inline the named type instead of emitting a `$ref`.
  strict: true,
  strictNullChecks: false,
  skipLibCheck: true,
  noUnusedLocals: false,
};

export interface GeneratedSchema {
  revision: Revision;
  schema: Record<string, unknown>;
  /** The exact bytes written to `schema.json`. */
  text: string;
}

function formatDiagnostic(diagnostic: ts.Diagnostic): UserError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return new UserError(`TS${diagnostic.code} at column ${character + 1}: ${message}`, diagnostic.file.fileName, {
      line: line + 1,
    });
  }
  return new UserError(`TS${diagnostic.code}: ${message}`);
}

function assertReadableSource(file: string): void {
  if (!existsSync(file)) throw new UserError('schema source not found: every revision needs a schema.ts', file);
  if (!statSync(file).isFile()) throw new UserError('expected a file', file);
  readText(file);
}

/** Rebuilds a JSON value bottom-up: each object, its children already rebuilt, goes through `rebuild`. */
function rebuildObjects(
  value: unknown,
  rebuild: (object: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rebuildObjects(item, rebuild));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = rebuildObjects(child, rebuild);
  return rebuild(out);
}

/** Rewrites a draft-07 schema object into 2020-12: `definitions` become `$defs`, and every `$ref` follows. */
export function toDraft202012(schema: Record<string, unknown>): Record<string, unknown> {
  const converted = rebuildObjects(schema, (object) =>
    Object.fromEntries(
      Object.entries(object).map(([key, child]) => {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/definitions/'))
          return ['$ref', `#/$defs/${child.slice('#/definitions/'.length)}`];
        return key === 'definitions' && isPlainObject(child) ? ['$defs', child] : [key, child];
      }),
    ),
  ) as Record<string, unknown>;
  converted.$schema = DIALECT_URI['2020-12'];
  return converted;
}

/**
 * typescript-json-schema gives a numeric literal type (`code: -32700`) the default number type whatever its
 * value. A literal that is a whole number is an integer, so its schema says `integer`, as it does for an
 * `enum` made only of whole numbers.
 */
export function typeIntegerLiterals(value: unknown): unknown {
  return rebuildObjects(value, (object) => {
    const literals = 'const' in object ? [object.const] : Array.isArray(object.enum) ? object.enum : [];
    const whole = object.type === 'number' && literals.length > 0 && literals.every((v) => Number.isInteger(v));
    return whole ? { ...object, type: 'integer' } : object;
  });
}

/** Fixed top-level layout, then every definition with keys in code-point order. */
function finish(revision: Revision, generated: Record<string, unknown>): Record<string, unknown> {
  const raw = typeIntegerLiterals(generated) as Record<string, unknown>;
  const body = revision.dialect === '2020-12' ? toDraft202012(raw) : raw;
  const defsKey = revision.dialect === '2020-12' ? '$defs' : 'definitions';
  const definitions = body[defsKey];
  if (!isPlainObject(definitions)) throw new Error(`generator returned no ${defsKey} for ${revision.id}`);
  return {
    $schema: DIALECT_URI[revision.dialect],
    $id: schemaId(revision.id),
    title: `Model Context Protocol schema, revision ${revision.id}`,
    $comment: `Generated from schema/${revision.id}/schema.ts by npm run generate. Do not edit by hand.`,
    [defsKey]: sortKeysDeep(definitions),
  };
}

/**
 * Generates the JSON Schema of each given revision. Throws `UserErrors` naming file and line when any
 * `schema.ts` fails to parse or type-check; nothing is generated in that case.
 */
export function generateSchemas(revisionIds: string[]): GeneratedSchema[] {
  const revisions = revisionIds.map((id) => getRevision(id));
  const files = revisions.map((r) => resolve(schemaSourceFile(r.id)));
  files.forEach(assertReadableSource);

  const program = ts.createProgram(files, COMPILER_OPTIONS);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => {
      const source = program.getSourceFile(file);
      return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    }),
  ];
  if (diagnostics.length > 0) throw new UserErrors(diagnostics.map(formatDiagnostic));

  return revisions.map((revision, index) => {
    const file = program.getSourceFile(files[index]!)!.fileName;
    const generator = TJS.buildGenerator(program, GENERATOR_SETTINGS, [file]);
    if (!generator) throw new Error(`typescript-json-schema could not start for ${file}`);
    const symbols = generator.getMainFileSymbols(program, [file]);
    if (symbols.length === 0) throw new UserError('the schema exports no types', file);
    const raw = generator.getSchemaForSymbols(symbols, true, true) as unknown as Record<string, unknown>;
    const schema = finish(revision, raw);
    return { revision, schema, text: stringifyJson(schema) };
  });
}
