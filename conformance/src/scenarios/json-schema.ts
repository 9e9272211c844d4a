/** Compiling and applying the JSON Schemas a server publishes (tool input and output schemas). */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { cachedValidator, formatErrors, type Revision } from '../../../schema/index.ts';
import { sampleObject } from '../client/sample-values.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const META_SCHEMA = {
  draft07: 'http://json-schema.org/draft-07/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};
const SETTINGS = { strict: false, allErrors: true, validateFormats: true, allowUnionTypes: true } as const;

function engine(draft07: boolean, source: boolean): Ajv {
  const settings = { ...SETTINGS, validateSchema: false, ...(source ? { code: { source: true } } : {}) };
  const ajv = draft07 ? new Ajv(settings) : (new Ajv2020(settings) as unknown as Ajv);
  addFormats(ajv);
  return ajv;
}

// Compiling a meta-schema costs more than most published schemas: its checker is compiled once and cached on disk.
const checkers = new Map<boolean, ValidateFunction>();

function metaChecker(draft07: boolean): ValidateFunction {
  let checker = checkers.get(draft07);
  if (!checker) {
    const id = draft07 ? META_SCHEMA.draft07 : META_SCHEMA['2020-12'];
    checker = cachedValidator(['published-meta-schema', id, SETTINGS], (source) => {
      const ajv = engine(draft07, source);
      const validate = ajv.getSchema(id);
      if (!validate) throw new Error(`ajv has no meta-schema ${id}`);
      return { ajv, validate };
    });
    checkers.set(draft07, checker);
  }
  return checker;
}

// One compiling engine per dialect; a schema whose nested ids clash with an earlier one gets an engine of its own.
const compilers = new Map<string, Ajv>();

function compileOnce(draft07: boolean, schema: Record<string, unknown>): ValidateFunction {
  // The schemas a server publishes rarely change between runs: compiled ones are cached on disk like the others.
  return cachedValidator(['published-schema', draft07, SETTINGS, schema], (source) => {
    const key = `${String(draft07)} ${String(source)}`;
    let compiler = compilers.get(key);
    if (!compiler) compilers.set(key, (compiler = engine(draft07, source)));
    try {
      return { ajv: compiler, validate: compiler.compile(schema) };
    } catch {
      const own = engine(draft07, source);
      return { ajv: own, validate: own.compile(schema) };
    }
  });
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
  const draft07 = declared ? declared.startsWith(META_SCHEMA.draft07) : revision.dialect === 'draft-07';
  const key = `${draft07 ? 'draft-07' : '2020-12'} ${JSON.stringify(copy)}`;
  let result = published.get(key);
  if (!result) {
    const checker = metaChecker(draft07);
    if (!checker(copy))
      result = { ok: false, error: `schema is invalid: ${formatErrors(checker.errors ?? []).join('; ')}` };
    else {
      try {
        result = { ok: true, validate: compileOnce(draft07, copy) };
      } catch (error) {
        result = { ok: false, error: (error as Error).message };
      }
    }
    published.set(key, result);
  }
  return result;
}

/** Tool arguments that satisfy a simple input schema: its required properties, from defaults, options or types. */
export function sampleArguments(schema: unknown): Record<string, unknown> {
  return sampleObject(schema, 'required');
}
