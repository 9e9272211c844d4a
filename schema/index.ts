/**
 * The schema module every other part imports: the revision registry, the generated JSON Schemas,
 * and one compiled ajv validator per revision and definition, compiled on first use and cached, in
 * memory and as standalone code on disk (see `validatorCacheDir`).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UserError } from './errors.ts';
import { getRevision, revisionDir, schemaJsonFile, type Revision } from './registry.ts';
import { cacheDirectoryReady, makeDirectory, userCacheDir } from './user-cache.mjs';
import { join } from 'node:path';
import vm from 'node:vm';

export * from './registry.ts';
export { UserError, UserErrors } from './errors.ts';

/** A generated `schema.json`: `$defs` for 2020-12 revisions, `definitions` for draft-07 ones. */
export interface SchemaDocument {
  $schema: string;
  $id: string;
  title: string;
  $defs?: Record<string, unknown>;
  definitions?: Record<string, unknown>;
}

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

// ajv-formats ships CommonJS; under NodeNext its default export sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const standaloneCode = ((standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ??
  standaloneCodeModule) as unknown as (ajv: Ajv, refs: ValidateFunction | Record<string, string>) => string;

/** The definitions object of a schema, whichever dialect it uses. */
export function definitionsOf(schema: SchemaDocument): Record<string, unknown> {
  const defs = schema.$defs ?? schema.definitions;
  if (!defs) throw new Error(`schema ${schema.$id} has neither $defs nor definitions`);
  return defs;
}

/** The JSON pointer prefix under which a schema keeps its definitions. */
export function definitionsPointer(schema: SchemaDocument): '#/$defs/' | '#/definitions/' {
  return schema.$defs ? '#/$defs/' : '#/definitions/';
}

const schemas = new Map<string, SchemaDocument>();
/** A digest of each loaded schema's text, for the validator cache key. */
const schemaDigests = new Map<string, string>();

/** The generated JSON Schema of a revision (`latest` is accepted), read once and cached. */
export function loadSchema(revisionId: string): SchemaDocument {
  const revision = getRevision(revisionId);
  let schema = schemas.get(revision.id);
  if (!schema) {
    const file = schemaJsonFile(revision.id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UserError('generated schema missing: run `npm run generate`', file);
    }
    try {
      schema = JSON.parse(text) as SchemaDocument;
    } catch (error) {
      throw new UserError(`not valid JSON (${(error as Error).message}): run \`npm run generate\``, file);
    }
    schemas.set(revision.id, schema);
    schemaDigests.set(revision.id, createHash('sha256').update(text).digest('hex'));
  }
  return schema;
}

/** The names of every definition in a revision, sorted. */
export function definitionNames(revisionId: string): string[] {
  return Object.keys(definitionsOf(loadSchema(revisionId))).sort();
}

export function hasDefinition(revisionId: string, definition: string): boolean {
  return Object.hasOwn(definitionsOf(loadSchema(revisionId)), definition);
}

const SETTINGS = { strict: true, strictTypes: false, allowUnionTypes: true, validateFormats: true } as const;

/** A fresh ajv instance configured for the dialect of a revision, with its schema added. */
export function createAjv(
  revision: Revision,
  schema: SchemaDocument,
  options: { allErrors?: boolean; source?: boolean } = {},
): Ajv {
  const settings = {
    ...SETTINGS,
    allErrors: options.allErrors ?? false,
    ...(options.source ? { code: { source: true } } : {}),
  };
  const ajv = revision.dialect === '2020-12' ? new Ajv2020(settings) : new Ajv(settings);
  addFormats(ajv);
  ajv.addSchema(schema as object, schema.$id);
  return ajv;
}

type Mode = 'first-error' | 'all-errors';
const ajvs = new Map<string, Ajv>();
const validators = new Map<string, ValidateFunction>();

function ajvFor(revision: Revision, mode: Mode, source: boolean): Ajv {
  const key = `${revision.id}\u0000${mode}\u0000${String(source)}`;
  let ajv = ajvs.get(key);
  if (!ajv) {
    ajv = createAjv(revision, loadSchema(revision.id), { allErrors: mode === 'all-errors', source });
    ajvs.set(key, ajv);
  }
  return ajv;
}

function compiled(revisionId: string, definition: string, mode: Mode): ValidateFunction {
  const revision = getRevision(revisionId);
  const key = `${revision.id}\u0000${definition}\u0000${mode}`;
  let validator = validators.get(key);
  if (!validator) {
    const schema = loadSchema(revision.id);
    if (!hasDefinition(revision.id, definition)) {
      throw new UserError(`revision ${revision.id} has no definition named "${definition}"`);
    }
    const bundle = mode === 'first-error' ? revisionBundle(revision) : undefined;
    validator =
      (bundle && Object.hasOwn(bundle, definition) ? bundle[definition] : undefined) ??
      cachedValidator([revision.dialect, mode, SETTINGS, schemaDigests.get(revision.id), definition], (source) => {
        const ajv = ajvFor(revision, mode, source);
        const found = ajv.getSchema(definitionRef(schema, definition));
        if (!found) throw new Error(`ajv could not compile ${definition} of ${revision.id}`);
        return { ajv, validate: found };
      });
    validators.set(key, validator);
  }
  return validator;
}

function definitionRef(schema: SchemaDocument, definition: string): string {
  return `${schema.$id}${definitionsPointer(schema)}${definition}`;
}

const bundles = new Map<string, Record<string, ValidateFunction> | undefined>();

/**
 * The first-error validators of every definition of a revision, kept in the cache as one module: one file to read
 * and evaluate instead of one per definition, and the definitions they share compiled once. Undefined without a
 * cache directory (each definition is then compiled when first used).
 */
function revisionBundle(revision: Revision): Record<string, ValidateFunction> | undefined {
  if (bundles.has(revision.id)) return bundles.get(revision.id);
  const schema = loadSchema(revision.id);
  const file = cacheFile([
    revision.dialect,
    'first-error',
    SETTINGS,
    schemaDigests.get(revision.id),
    'every definition',
  ]);
  let bundle: Record<string, ValidateFunction> | undefined;
  if (file) {
    const loaded = loadCached(file);
    if (isValidatorRecord(loaded)) bundle = loaded;
    else {
      const ajv = ajvFor(revision, 'first-error', true);
      const refs: Record<string, string> = {};
      bundle = {};
      for (const definition of definitionNames(revision.id)) {
        refs[definition] = definitionRef(schema, definition);
        const found = ajv.getSchema(refs[definition]);
        if (found) bundle[definition] = found;
      }
      store(file, () => standaloneCode(ajv, refs));
    }
  }
  bundles.set(revision.id, bundle);
  return bundle;
}

function isValidatorRecord(value: unknown): value is Record<string, ValidateFunction> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'function');
}

/**
 * Where compiled validators are kept between runs, since compiling costs far more than loading:
 * `MCP_SPEC_VALIDATOR_CACHE` (a directory, or `off`), else `validators` in the user's cache directory.
 */
export function validatorCacheDir(): string | undefined {
  const setting = process.env.MCP_SPEC_VALIDATOR_CACHE;
  if (setting === 'off') return undefined;
  return setting || userCacheDir('validators');
}

const requireHere = createRequire(import.meta.url);
let toolVersions: string | undefined;

/**
 * The cache file of a validator: named by everything its code depends on (ajv's versions and `inputs`). Undefined
 * without a cache, or when its directory cannot be created (a file in the way, a path under /proc): validators
 * are then compiled on every run, and nothing is stored.
 */
function cacheFile(inputs: unknown): string | undefined {
  const dir = validatorCacheDir();
  if (!dir || !cacheDirectoryReady(dir)) return undefined;
  toolVersions ??= ['ajv', 'ajv-formats']
    .map((name) => `${name}@${(requireHere(`${name}/package.json`) as { version: string }).version}`)
    .join(' ');
  const digest = createHash('sha256')
    .update(JSON.stringify([2, toolVersions, inputs]))
    .digest('hex');
  return join(dir, `${digest.slice(0, 40)}.cjs`);
}

/**
 * A compiled validator, loaded from the cache when `inputs` (JSON: everything the code depends on besides ajv's
 * versions) were compiled before, else built and stored. `build` gets whether the ajv instance it compiles with
 * must keep its source (`code.source`), which storing needs.
 */
export function cachedValidator(
  inputs: unknown,
  build: (source: boolean) => { ajv: Ajv; validate: ValidateFunction },
): ValidateFunction {
  const file = cacheFile(inputs);
  const loaded = file ? loadCached(file) : undefined;
  if (typeof loaded === 'function') return loaded as ValidateFunction;
  const { ajv, validate } = build(file !== undefined);
  if (file) store(file, () => standaloneCode(ajv, validate));
  return validate;
}

/** The V8 code cache kept next to a cached module. */
const codeCacheFile = (file: string): string => `${file}.v8`;

/** Scripts loaded without a usable code cache; theirs is written at exit, to cover every function the run used. */
const uncached = new Map<string, vm.Script>();

function writeCodeCaches(): void {
  for (const [file, script] of uncached) {
    try {
      writeAtomically(codeCacheFile(file), script.createCachedData());
    } catch {
      // Only costs time next run.
    }
  }
  uncached.clear();
}

/**
 * The exports of a cached module, or undefined when it is missing or does not run. V8 compiles the code lazily,
 * function by function as messages reach it; its code cache spares later runs most of that work.
 */
function loadCached(file: string): unknown {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(file));
  } catch {
    cachedData = undefined;
  }
  try {
    const script = new vm.Script(`(function (module, exports, require) {${code}\n})`, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    if (!cachedData || script.cachedDataRejected) {
      if (uncached.size === 0) process.once('exit', writeCodeCaches);
      uncached.set(file, script);
    }
    const module: { exports: unknown } = { exports: {} };
    (script.runInThisContext() as (module: unknown, exports: unknown, require: NodeJS.Require) => void)(
      module,
      module.exports,
      requireHere,
    );
    return module.exports;
  } catch {
    // Unreadable code is compiled afresh and replaced below.
  }
  return undefined;
}

/** Files the validator cache holds at most: each schema change adds new ones, and old ones are never read again. */
const CACHE_LIMIT = 4000;
let pruned = false;

/**
 * When a validator cache directory holds more than `limit` files, deletes the least recently written ones until
 * `keep` remain; returns how many it deleted. A deleted validator that is still wanted is compiled again.
 */
export function pruneValidatorCache(dir: string, limit: number, keep = Math.floor(limit * 0.75)): number {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.cjs'));
  } catch {
    return 0;
  }
  if (names.length <= limit) return 0;
  const aged = names
    .map((name) => {
      try {
        return { name, written: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, written: 0 };
      }
    })
    .sort((a, b) => a.written - b.written);
  const doomed = aged.slice(0, aged.length - keep);
  for (const { name } of doomed) {
    rmSync(join(dir, name), { force: true });
    rmSync(codeCacheFile(join(dir, name)), { force: true });
  }
  return doomed.length;
}

/** Writes through a temporary file and a rename, so a reader never sees part of a file. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    makeDirectory(join(file, '..'));
    writeFileSync(temp, contents);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Writes the standalone code of validators; a cache that cannot be written only costs time. */
function store(file: string, generate: () => string): void {
  if (!pruned) {
    // Once per process, and only when the cache grows: pruning frees a quarter of the limit, so it stays rare.
    pruned = true;
    pruneValidatorCache(join(file, '..'), CACHE_LIMIT);
  }
  try {
    const code = generate();
    // V8 checks little more than the length of the source a code cache was made from: never keep a stale one.
    uncached.delete(file);
    rmSync(codeCacheFile(file), { force: true });
    writeAtomically(file, code);
  } catch {
    // Compiled again next run.
  }
}

/**
 * The compiled validator of one definition in one revision, compiled on first use and then cached.
 * It stops at the first error, which keeps the common case (a valid message) fast; use `validate`
 * to get every error of an invalid message.
 */
export function getValidator(revisionId: string, definition: string): ValidateFunction {
  return compiled(revisionId, definition, 'first-error');
}

/**
 * Validates a value against a named definition. A valid value costs one fast validation; an invalid
 * one is validated again by an all-errors validator so the result explains every problem.
 */
export function validate(revisionId: string, definition: string, value: unknown): ValidationResult {
  if (getValidator(revisionId, definition)(value)) return { valid: true, errors: [] };
  const explain = compiled(revisionId, definition, 'all-errors');
  explain(value);
  return { valid: false, errors: [...(explain.errors ?? [])] };
}

/** One readable line per ajv error, e.g. `/params/name: must be string`. */
export function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const detail =
      error.keyword === 'const'
        ? ` ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`
        : error.keyword === 'enum'
          ? `: ${JSON.stringify((error.params as { allowedValues: unknown }).allowedValues)}`
          : '';
    return `${where}: ${error.message ?? error.keyword}${detail}`;
  });
}

const wireVersions = new Map<string, string>();

/**
 * The protocol version string a revision puts on the wire: its `LATEST_PROTOCOL_VERSION` constant. It
 * equals the revision id for dated revisions; the draft carries the version it will be released as.
 */
export function wireVersion(revisionId: string): string {
  const id = getRevision(revisionId).id;
  let version = wireVersions.get(id);
  if (version === undefined) {
    const source = readFileSync(join(revisionDir(id), 'schema.ts'), 'utf8');
    version = /export const LATEST_PROTOCOL_VERSION = "([^"]+)"/.exec(source)?.[1] ?? id;
    wireVersions.set(id, version);
  }
  return version;
}
