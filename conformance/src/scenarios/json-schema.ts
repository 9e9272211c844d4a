/** Compiling and applying the JSON Schemas a server publishes (tool input and output schemas). */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Revision } from '../../../schema/registry.ts';
import { sampleObject } from '../client/sample-values.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema';

function engine(draft07: boolean, validateSchema: boolean): Ajv {
  const settings = { strict: false, allErrors: true, validateFormats: true, allowUnionTypes: true, validateSchema };
  const ajv = draft07 ? new Ajv(settings) : (new Ajv2020(settings) as unknown as Ajv);
  addFormats(ajv);
  return ajv;
}

// Compiling a meta-schema costs more than most published schemas: one checker per dialect serves them all.
const checkers = new Map<boolean, Ajv>();

// One compiling engine per dialect; a schema whose nested ids clash with an earlier one gets an engine of its own.
const compilers = new Map<boolean, Ajv>();

function compileOnce(draft07: boolean, schema: Record<string, unknown>): ValidateFunction {
  let compiler = compilers.get(draft07);
  if (!compiler) compilers.set(draft07, (compiler = engine(draft07, false)));
  try {
    return compiler.compile(schema);
  } catch {
    return engine(draft07, false).compile(schema);
  }
}

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; error: string };

// Scenarios of every revision see the same published schemas: each is compiled once.
const published = new Map<string, Compiled>();

/** Compiles a schema the server published; the error says why it is not a valid schema. */
export function compilePublished(revision: Revision, schema: unknown): Compiled {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return { ok: false, error: `the schema is ${schema === null ? 'null' : typeof schema}, not an object` };
  const copy = { ...(schema as Record<string, unknown>) };
  delete copy.$id;
  const declared = typeof copy.$schema === 'string' ? copy.$schema : undefined;
  // From 2025-11-25 a schema without $schema is 2020-12; before, tools used draft-07 in practice.
  const draft07 = declared ? declared.startsWith(DRAFT_07) : revision.dialect === 'draft-07';
  const key = `${draft07 ? 'draft-07' : '2020-12'} ${JSON.stringify(copy)}`;
  let result = published.get(key);
  if (!result) {
    try {
      let checker = checkers.get(draft07);
      if (!checker) checkers.set(draft07, (checker = engine(draft07, true)));
      checker.validateSchema(copy, true);
      result = { ok: true, validate: compileOnce(draft07, copy) };
    } catch (error) {
      result = { ok: false, error: (error as Error).message };
    }
    published.set(key, result);
  }
  return result;
}

/** Tool arguments that satisfy a simple input schema: its required properties, from defaults, options or types. */
export function sampleArguments(schema: unknown): Record<string, unknown> {
  return sampleObject(schema, 'required');
}
