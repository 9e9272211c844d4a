/**
 * The one registry of protocol revisions, read from `schema/revisions.json`.
 * Every tool asks this module which revisions exist; none keeps its own list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';

export const SCHEMA_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = dirname(SCHEMA_DIR);
export const REGISTRY_FILE = join(SCHEMA_DIR, 'revisions.json');

export type RevisionStatus = 'final' | 'draft';
export type SchemaDialect = 'draft-07' | '2020-12';
/** `stateful`: initialize handshake. `stateless`: per-request `_meta` and `server/discover`. */
export type WireEra = 'stateful' | 'stateless';
export type Transport = 'stdio' | 'http+sse' | 'streamable-http';

/** One accepted correction to a final revision, with the file hashes it brings. */
export interface ErrataEntry {
  date: string;
  summary: string;
  /** Repository-relative path to `sha256-<hex>`, for each file the erratum changed. */
  files: Record<string, string>;
}

export interface Revision {
  id: string;
  status: RevisionStatus;
  dialect: SchemaDialect;
  era: WireEra;
  transports: Transport[];
  /** Final revisions only: repository-relative path to `sha256-<hex>` at the time of freezing. */
  frozen?: Record<string, string>;
  errata?: ErrataEntry[];
}

export interface Registry {
  /** Base URI of the generated schemas' `$id`: `<idBase><revision>/schema.json`. */
  idBase: string;
  revisions: Revision[];
}

const STATUSES: readonly string[] = ['final', 'draft'];
const DIALECTS: readonly string[] = ['draft-07', '2020-12'];
const ERAS: readonly string[] = ['stateful', 'stateless'];
const TRANSPORTS: readonly string[] = ['stdio', 'http+sse', 'streamable-http'];
const REVISION_ID = /^(\d{4}-\d{2}-\d{2}|draft)$/;

function fail(reason: string): never {
  throw new UserError(reason, REGISTRY_FILE);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkHashMap(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be an object of file path to sha256 hash`);
  for (const [file, hash] of Object.entries(value)) {
    if (typeof hash !== 'string' || !/^sha256-[0-9a-f]{64}$/.test(hash)) {
      fail(`${where}["${file}"] must be "sha256-" followed by 64 hex digits`);
    }
  }
}

/** Validates the parsed registry and returns it typed; every problem names the entry. */
export function parseRegistry(data: unknown): Registry {
  if (!isObject(data)) fail('the registry must be a JSON object');
  if (typeof data.idBase !== 'string' || !data.idBase.endsWith('/')) {
    fail('"idBase" must be a URI ending in "/"');
  }
  if (!Array.isArray(data.revisions) || data.revisions.length === 0) {
    fail('"revisions" must be a non-empty array');
  }
  const seen = new Set<string>();
  let previousDated = '';
  data.revisions.forEach((entry: unknown, index: number) => {
    const where = `revisions[${index}]`;
    if (!isObject(entry)) fail(`${where} must be an object`);
    const { id, status, dialect, era, transports } = entry;
    if (typeof id !== 'string' || !REVISION_ID.test(id)) {
      fail(`${where}.id must be a YYYY-MM-DD date or "draft"`);
    }
    if (seen.has(id)) fail(`${where}.id "${id}" is listed twice`);
    seen.add(id);
    if (id !== 'draft') {
      if (id <= previousDated) fail(`${where}.id "${id}" is out of order: list revisions oldest first`);
      previousDated = id;
    }
    if (typeof status !== 'string' || !STATUSES.includes(status)) {
      fail(`${where}.status must be one of ${STATUSES.join(', ')}`);
    }
    if ((id === 'draft') !== (status === 'draft')) {
      fail(`${where}: only the revision "draft" has status "draft"`);
    }
    if (typeof dialect !== 'string' || !DIALECTS.includes(dialect)) {
      fail(`${where}.dialect must be one of ${DIALECTS.join(', ')}`);
    }
    if (typeof era !== 'string' || !ERAS.includes(era)) fail(`${where}.era must be one of ${ERAS.join(', ')}`);
    if (
      !Array.isArray(transports) ||
      transports.length === 0 ||
      !transports.every((t) => typeof t === 'string' && TRANSPORTS.includes(t))
    ) {
      fail(`${where}.transports must be a non-empty array of ${TRANSPORTS.join(', ')}`);
    }
    if (entry.frozen !== undefined) checkHashMap(entry.frozen, `${where}.frozen`);
    if (status === 'draft' && entry.frozen !== undefined) fail(`${where}: a draft revision cannot be frozen`);
    if (entry.errata !== undefined) {
      if (!Array.isArray(entry.errata)) fail(`${where}.errata must be an array`);
      entry.errata.forEach((erratum: unknown, n: number) => {
        const at = `${where}.errata[${n}]`;
        if (!isObject(erratum)) fail(`${at} must be an object`);
        if (typeof erratum.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(erratum.date)) {
          fail(`${at}.date must be YYYY-MM-DD`);
        }
        if (typeof erratum.summary !== 'string' || erratum.summary.trim() === '') {
          fail(`${at}.summary must say what the erratum corrects`);
        }
        checkHashMap(erratum.files, `${at}.files`);
      });
    }
  });
  return data as unknown as Registry;
}

export function loadRegistry(file: string = REGISTRY_FILE): Registry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the registry (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`not valid JSON: ${(error as Error).message}`, file);
  }
  return parseRegistry(data);
}

let cached: Registry | undefined;

/** The registry of this checkout, read once. */
export function registry(): Registry {
  cached ??= loadRegistry();
  return cached;
}

/** Every revision id, oldest first, `draft` last. */
export function revisionIds(reg: Registry = registry()): string[] {
  return reg.revisions.map((r) => r.id);
}

/** The newest final revision: what `latest` means everywhere. */
export function latestRevision(reg: Registry = registry()): Revision {
  const finals = reg.revisions.filter((r) => r.status === 'final');
  const newest = finals[finals.length - 1];
  if (!newest) throw new UserError('the registry has no final revision', REGISTRY_FILE);
  return newest;
}

/** Looks a revision up by id or by the alias `latest`; an unknown id is a user error naming the known ones. */
export function getRevision(id: string, reg: Registry = registry()): Revision {
  if (id === 'latest') return latestRevision(reg);
  const found = reg.revisions.find((r) => r.id === id);
  if (!found) {
    // Exit 2: an unknown id is a usage error wherever it comes from a command line.
    throw new UserError(
      `unknown revision "${id}"; known revisions: ${revisionIds(reg).join(', ')}, latest`,
      undefined,
      {
        exitCode: 2,
      },
    );
  }
  return found;
}

/** The revision before `id` in the registry, if any. */
export function previousRevision(id: string, reg: Registry = registry()): Revision | undefined {
  const index = reg.revisions.findIndex((r) => r.id === id);
  return index > 0 ? reg.revisions[index - 1] : undefined;
}

export function revisionDir(id: string): string {
  return join(SCHEMA_DIR, id);
}

export function schemaSourceFile(id: string): string {
  return join(revisionDir(id), 'schema.ts');
}

export function schemaJsonFile(id: string): string {
  return join(revisionDir(id), 'schema.json');
}

export function schemaId(id: string, reg: Registry = registry()): string {
  return `${reg.idBase}${id}/schema.json`;
}
