/**
 * Structural diff of two generated JSON Schemas, with each change classified for senders and receivers.
 *
 * A change is breaking for senders when a message valid under the old schema can be invalid under the
 * new one (the new schema is narrower). It is breaking for receivers when the new schema accepts
 * messages the old one rejected, which a receiver written for the old revision may not understand.
 */
import { compareCodePoints, isPlainObject } from './json.ts';

export type Impact = 'breaking' | 'compatible';

export type ChangeKind =
  | 'definition-added'
  | 'definition-removed'
  | 'field-added'
  | 'field-removed'
  | 'field-now-required'
  | 'field-now-optional'
  | 'type-changed'
  | 'enum-changed'
  | 'const-changed'
  | 'ref-changed'
  | 'variant-added'
  | 'variant-removed'
  | 'constraint-changed'
  | 'additional-properties-changed'
  | 'structure-changed';

export interface SchemaChange {
  kind: ChangeKind;
  definition: string;
  /** Dotted path inside the definition (`params.name`, `content[]`); empty for the definition itself. */
  path: string;
  /** What changed, in words. */
  summary: string;
  before?: unknown;
  after?: unknown;
  senders: Impact;
  receivers: Impact;
}

export interface SchemaDiff {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  changed: string[];
  changes: SchemaChange[];
  breaking: { senders: number; receivers: number };
}

type Node = Record<string, unknown>;

/** Keywords that document rather than constrain; a change in them is not a schema change. */
const ANNOTATIONS = new Set(['description', '$comment', 'title', 'examples', 'default', 'deprecated']);
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const OTHER_CONSTRAINTS = ['format', 'pattern', 'multipleOf', 'uniqueItems', 'propertyNames', 'patternProperties'];
const HANDLED = new Set([
  ...ANNOTATIONS,
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...OTHER_CONSTRAINTS,
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'additionalProperties',
]);

function definitionsOf(schema: unknown): Record<string, unknown> {
  if (!isPlainObject(schema)) throw new Error('a schema must be a JSON object');
  const defs = schema.$defs ?? schema.definitions;
  if (!isPlainObject(defs)) throw new Error('the schema has neither $defs nor definitions');
  return defs;
}

/** `#/$defs/X` and `#/definitions/X` name the same thing across dialects. */
function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
  return match ? match[1] : ref;
}

/** A dialect-neutral, annotation-free, key-sorted form, used to compare nodes and union members. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'additionalProperties' && openAsAbsent(value[key]) === undefined) continue;
    if (key === '$ref') out.$ref = refName(value.$ref);
    else if (key === 'type' && Array.isArray(value.type)) out.type = [...(value.type as string[])].sort();
    else if (key === 'required' && Array.isArray(value.required)) out.required = [...value.required].sort();
    else if ((key === 'anyOf' || key === 'oneOf' || key === 'enum') && Array.isArray(value[key])) {
      // Member order carries no meaning in a union or an enum.
      out[key] = (value[key] as unknown[])
        .map(normalize)
        .sort((x, y) => compareCodePoints(JSON.stringify(x), JSON.stringify(y)));
    } else if (key === 'properties' && isPlainObject(value.properties)) {
      const props: Record<string, unknown> = {};
      for (const name of Object.keys(value.properties).sort(compareCodePoints)) {
        props[name] = normalize(value.properties[name]);
      }
      out.properties = props;
    } else out[key] = normalize(value[key]);
  }
  return out;
}

const canonical = (value: unknown): string => JSON.stringify(normalize(value));

/** `true` and `{}` accept anything, exactly as an absent keyword does. */
function openAsAbsent(value: unknown): unknown {
  return value === true || (isPlainObject(value) && Object.keys(normalize(value) as object).length === 0)
    ? undefined
    : value;
}

/** A short human name for a schema node: `Tool`, `array of Tool`, `string | integer`, `"text"`. */
export function describeSchema(node: unknown): string {
  if (!isPlainObject(node)) return JSON.stringify(node);
  const ref = refName(node.$ref);
  if (ref) return ref;
  if ('const' in node) return JSON.stringify(node.const);
  const union = node.anyOf ?? node.oneOf;
  if (Array.isArray(union)) return union.map(describeSchema).join(' | ');
  if (node.type === 'array' && node.items !== undefined) return `array of ${describeSchema(node.items)}`;
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (node.type === 'object' && isPlainObject(node.properties)) {
    return `object {${Object.keys(node.properties).sort(compareCodePoints).join(', ')}}`;
  }
  if (node.type !== undefined) return Array.isArray(node.type) ? node.type.join(' | ') : String(node.type);
  return JSON.stringify(normalize(node));
}

function unionKeyword(node: Node): 'anyOf' | 'oneOf' | undefined {
  return Array.isArray(node.anyOf) ? 'anyOf' : Array.isArray(node.oneOf) ? 'oneOf' : undefined;
}

/**
 * When a plain schema became a union (or the reverse), compares it as a one-member union, so
 * `string` → `string | array` reads as a member added rather than a type removed.
 */
function liftToUnion(before: Node, after: Node): [Node, Node] | undefined {
  const a = unionKeyword(before);
  const b = unionKeyword(after);
  if ((a === undefined) === (b === undefined)) return undefined;
  const keyword = (a ?? b)!;
  const unionSide = a ? before : after;
  const onlyUnion = Object.keys(normalize(unionSide) as object).every((key) => key === keyword);
  if (!onlyUnion) return undefined;
  const wrap = (node: Node): Node => ({ [keyword]: [normalize(node)] });
  return a ? [before, wrap(after)] : [wrap(before), after];
}

function typesOf(node: Node): string[] | undefined {
  if (node.type === undefined) return undefined;
  const list = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
  // integer is a subset of number: treat "number" as covering it when comparing.
  return [...new Set(list)].sort();
}

function accepts(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

class Differ {
  readonly changes: SchemaChange[] = [];
  /** Reference pairs being compared, so recursive types terminate. */
  private readonly following = new Set<string>();

  constructor(
    private readonly definition: string,
    private readonly defsBefore: Record<string, unknown>,
    private readonly defsAfter: Record<string, unknown>,
  ) {}

  /** Replaces a `$ref` by the definition it names, keeping any sibling keywords. */
  private resolve(node: Node, defs: Record<string, unknown>): Node {
    const name = refName(node.$ref);
    const target = name === undefined ? undefined : defs[name];
    if (!isPlainObject(target)) return node;
    const { $ref: _ref, ...siblings } = node;
    return { ...target, ...siblings };
  }

  private add(change: Omit<SchemaChange, 'definition'>): void {
    this.changes.push({ definition: this.definition, ...change });
  }

  compare(before: Node, after: Node, path: string): void {
    if (canonical(before) === canonical(after)) return;
    const refA = refName(before.$ref);
    const refB = refName(after.$ref);
    if (refA !== refB) {
      // Moving an inline shape into a named definition (or renaming one) is only a change if the shape differs.
      const pair = `${refA ?? ''}\u0000${refB ?? ''}`;
      if (this.following.has(pair)) return;
      this.following.add(pair);
      const resolvedBefore = this.resolve(before, this.defsBefore);
      const resolvedAfter = this.resolve(after, this.defsAfter);
      const start = this.changes.length;
      if (canonical(resolvedBefore) !== canonical(resolvedAfter)) this.compare(resolvedBefore, resolvedAfter, path);
      this.following.delete(pair);
      const same = this.changes.length === start;
      this.add({
        kind: 'ref-changed',
        path,
        summary: `${
          refA && refB
            ? `now refers to \`${refB}\` instead of \`${refA}\``
            : refB
              ? `now refers to \`${refB}\``
              : `no longer refers to \`${refA}\``
        }${same ? ' (same shape)' : ''}`,
        before: refA,
        after: refB,
        senders: 'compatible',
        receivers: 'compatible',
      });
      return;
    }
    const lifted = liftToUnion(before, after);
    if (lifted) {
      this.compare(lifted[0], lifted[1], path);
      return;
    }
    const start = this.changes.length;

    this.compareTypes(before, after, path);
    this.compareConst(before, after, path);
    this.compareEnum(before, after, path);
    this.compareProperties(before, after, path);
    this.compareAdditionalProperties(before, after, path);
    this.compareConstraints(before, after, path);
    if (before.items !== undefined || after.items !== undefined) {
      this.compareChild(before.items, after.items, `${path}[]`);
    }
    for (const key of ['anyOf', 'oneOf'] as const) this.compareUnion(before[key], after[key], path, key);
    this.compareAllOf(before.allOf, after.allOf, path);

    const unexplained = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of unexplained) {
      if (HANDLED.has(key) || canonical(before[key]) === canonical(after[key])) unexplained.delete(key);
    }
    if (this.changes.length === start || unexplained.size > 0) {
      this.add({
        kind: 'structure-changed',
        path,
        summary: `schema changed${unexplained.size ? ` (${[...unexplained].sort().join(', ')})` : ''}`,
        before: normalize(before),
        after: normalize(after),
        senders: 'breaking',
        receivers: 'breaking',
      });
    }
  }

  private compareChild(before: unknown, after: unknown, path: string): void {
    if (isPlainObject(before) && isPlainObject(after)) this.compare(before, after, path);
    else if (canonical(before) !== canonical(after)) {
      this.add({
        kind: 'structure-changed',
        path,
        summary: 'schema changed',
        before: normalize(before),
        after: normalize(after),
        senders: 'breaking',
        receivers: 'breaking',
      });
    }
  }

  private compareTypes(before: Node, after: Node, path: string): void {
    const a = typesOf(before);
    const b = typesOf(after);
    if (canonical(a) === canonical(b)) return;
    // A missing `type` accepts every type.
    const narrowed = b !== undefined && (a === undefined || a.some((t) => !accepts(b, t)));
    const widened = a !== undefined && (b === undefined || b.some((t) => !accepts(a, t)));
    this.add({
      kind: 'type-changed',
      path,
      summary: `type ${a ? a.join(' | ') : 'any'} → ${b ? b.join(' | ') : 'any'}`,
      before: a,
      after: b,
      senders: narrowed ? 'breaking' : 'compatible',
      receivers: widened ? 'breaking' : 'compatible',
    });
  }

  private compareConst(before: Node, after: Node, path: string): void {
    const had = 'const' in before;
    const has = 'const' in after;
    if (!had && !has) return;
    if (had && has && canonical(before.const) === canonical(after.const)) return;
    this.add({
      kind: 'const-changed',
      path,
      summary: had && has ? 'constant value changed' : has ? 'now a constant' : 'no longer a constant',
      before: before.const,
      after: after.const,
      senders: has ? 'breaking' : 'compatible',
      receivers: had ? 'breaking' : 'compatible',
    });
  }

  private compareEnum(before: Node, after: Node, path: string): void {
    const a = Array.isArray(before.enum) ? before.enum.map(canonical) : undefined;
    const b = Array.isArray(after.enum) ? after.enum.map(canonical) : undefined;
    if (!a && !b) return;
    const removed = a ? a.filter((v) => !b || !b.includes(v)) : [];
    const added = b ? b.filter((v) => !a || !a.includes(v)) : [];
    if (a && b && removed.length === 0 && added.length === 0) return;
    const parts: string[] = [];
    if (!a) parts.push('now restricted to a set of values');
    else if (!b) parts.push('no longer restricted to a set of values');
    if (a && b && added.length) parts.push(`added ${added.join(', ')}`);
    if (a && b && removed.length) parts.push(`removed ${removed.join(', ')}`);
    this.add({
      kind: 'enum-changed',
      path,
      summary: `allowed values: ${parts.join('; ')}`,
      before: before.enum,
      after: after.enum,
      senders: !a || removed.length > 0 ? (b ? 'breaking' : 'compatible') : 'compatible',
      receivers: !b || added.length > 0 ? (a ? 'breaking' : 'compatible') : 'compatible',
    });
  }

  private compareProperties(before: Node, after: Node, path: string): void {
    const a = isPlainObject(before.properties) ? before.properties : {};
    const b = isPlainObject(after.properties) ? after.properties : {};
    const requiredBefore = new Set(Array.isArray(before.required) ? (before.required as string[]) : []);
    const requiredAfter = new Set(Array.isArray(after.required) ? (after.required as string[]) : []);
    const closedBefore = before.additionalProperties === false;
    const closedAfter = after.additionalProperties === false;
    const names = [...new Set([...Object.keys(a), ...Object.keys(b), ...requiredBefore, ...requiredAfter])].sort(
      compareCodePoints,
    );
    for (const name of names) {
      const at = path ? `${path}.${name}` : name;
      const inA = Object.hasOwn(a, name);
      const inB = Object.hasOwn(b, name);
      const reqA = requiredBefore.has(name);
      const reqB = requiredAfter.has(name);
      if (!inA && inB) {
        this.add({
          kind: 'field-added',
          path: at,
          summary: `${reqB ? 'required' : 'optional'} field added`,
          after: normalize(b[name]),
          // Old senders never send it: fine unless it is required.
          senders: reqB ? 'breaking' : 'compatible',
          // Old receivers meet a field they do not know: fine unless their schema closed the object.
          receivers: closedBefore ? 'breaking' : 'compatible',
        });
        continue;
      }
      if (inA && !inB) {
        this.add({
          kind: 'field-removed',
          path: at,
          summary: `${reqA ? 'required' : 'optional'} field removed`,
          before: normalize(a[name]),
          senders: closedAfter ? 'breaking' : 'compatible',
          receivers: reqA ? 'breaking' : 'compatible',
        });
        continue;
      }
      if (reqA !== reqB) {
        this.add({
          kind: reqB ? 'field-now-required' : 'field-now-optional',
          path: at,
          summary: reqB ? 'optional → required' : 'required → optional',
          senders: reqB ? 'breaking' : 'compatible',
          receivers: reqB ? 'compatible' : 'breaking',
        });
      }
      if (inA && inB) this.compareChild(a[name], b[name], at);
    }
  }

  private compareAdditionalProperties(before: Node, after: Node, path: string): void {
    const a = openAsAbsent(before.additionalProperties);
    const b = openAsAbsent(after.additionalProperties);
    if (canonical(a) === canonical(b)) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      this.compare(a, b, `${path}{*}`);
      return;
    }
    // Restrictiveness: `false` forbids extra fields, a schema constrains them, absent or `true` allows any.
    const rank = (v: unknown): number => (v === false ? 2 : isPlainObject(v) ? 1 : 0);
    const describe = (v: unknown): string => (v === false ? 'forbidden' : isPlainObject(v) ? 'constrained' : 'allowed');
    this.add({
      kind: 'additional-properties-changed',
      path,
      summary: `additional properties: ${describe(a)} → ${describe(b)}`,
      before: a,
      after: b,
      senders: rank(b) > rank(a) ? 'breaking' : 'compatible',
      receivers: rank(a) > rank(b) ? 'breaking' : 'compatible',
    });
  }

  private compareConstraints(before: Node, after: Node, path: string): void {
    const bound = (key: string, tighter: (x: number, y: number) => boolean): void => {
      const a = before[key];
      const b = after[key];
      if (canonical(a) === canonical(b)) return;
      const tightened = a === undefined || (typeof b === 'number' && typeof a === 'number' && tighter(b, a));
      const loosened = b === undefined || (typeof b === 'number' && typeof a === 'number' && tighter(a, b));
      this.add({
        kind: 'constraint-changed',
        path,
        summary: `${key} ${a === undefined ? 'none' : JSON.stringify(a)} → ${b === undefined ? 'none' : JSON.stringify(b)}`,
        before: a,
        after: b,
        senders: tightened ? 'breaking' : 'compatible',
        receivers: loosened ? 'breaking' : 'compatible',
      });
    };
    for (const key of LOWER_BOUNDS) bound(key, (x, y) => x > y);
    for (const key of UPPER_BOUNDS) bound(key, (x, y) => x < y);
    for (const key of OTHER_CONSTRAINTS) {
      const a = before[key];
      const b = after[key];
      if (canonical(a) === canonical(b)) continue;
      this.add({
        kind: 'constraint-changed',
        path,
        summary: `${key} ${a === undefined ? 'none' : JSON.stringify(normalize(a))} → ${b === undefined ? 'none' : JSON.stringify(normalize(b))}`,
        before: a,
        after: b,
        senders: b === undefined ? 'compatible' : 'breaking',
        receivers: a === undefined ? 'compatible' : 'breaking',
      });
    }
  }

  private compareUnion(before: unknown, after: unknown, path: string, keyword: string): void {
    if (before === undefined && after === undefined) return;
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    const label = (member: unknown): string => `\`${describeSchema(member)}\``;
    const keysA = a.map(canonical);
    const keysB = b.map(canonical);
    const removed = a.filter((_, i) => !keysB.includes(keysA[i]!));
    const added = b.filter((_, i) => !keysA.includes(keysB[i]!));
    // A member changed in place (same position, one removed and one added, both inline): recurse instead.
    if (removed.length === 1 && added.length === 1 && a.length === b.length) {
      const [r] = removed;
      const [n] = added;
      if (isPlainObject(r) && isPlainObject(n) && !r.$ref && !n.$ref && a.indexOf(r) === b.indexOf(n)) {
        this.compare(r, n, `${path}<${keyword}[${a.indexOf(r)}]>`);
        return;
      }
    }
    for (const member of added) {
      this.add({
        kind: 'variant-added',
        path,
        summary: `${keyword} member ${label(member)} added`,
        after: normalize(member),
        senders: a.length === 0 ? 'breaking' : 'compatible',
        receivers: a.length === 0 ? 'compatible' : 'breaking',
      });
    }
    for (const member of removed) {
      this.add({
        kind: 'variant-removed',
        path,
        summary: `${keyword} member ${label(member)} removed`,
        before: normalize(member),
        senders: b.length === 0 ? 'compatible' : 'breaking',
        receivers: b.length === 0 ? 'breaking' : 'compatible',
      });
    }
  }

  private compareAllOf(before: unknown, after: unknown, path: string): void {
    if (before === undefined && after === undefined) return;
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    if (a.length === b.length) {
      a.forEach((member, i) => this.compareChild(member, b[i], `${path}<allOf[${i}]>`));
      return;
    }
    this.compareUnion(before, after, path, 'allOf');
  }
}

/** Diffs two generated schemas (either dialect) definition by definition. */
export function diffSchemas(from: string, before: unknown, to: string, after: unknown): SchemaDiff {
  const a = definitionsOf(before);
  const b = definitionsOf(after);
  const added = Object.keys(b)
    .filter((name) => !Object.hasOwn(a, name))
    .sort(compareCodePoints);
  const removed = Object.keys(a)
    .filter((name) => !Object.hasOwn(b, name))
    .sort(compareCodePoints);
  const changes: SchemaChange[] = [];
  for (const name of added) {
    changes.push({
      kind: 'definition-added',
      definition: name,
      path: '',
      summary: 'definition added',
      senders: 'compatible',
      receivers: 'compatible',
    });
  }
  for (const name of removed) {
    changes.push({
      kind: 'definition-removed',
      definition: name,
      path: '',
      summary: 'definition removed',
      senders: 'breaking',
      receivers: 'compatible',
    });
  }
  const changed: string[] = [];
  for (const name of Object.keys(a).sort(compareCodePoints)) {
    if (!Object.hasOwn(b, name)) continue;
    const differ = new Differ(name, a, b);
    const left = a[name];
    const right = b[name];
    if (isPlainObject(left) && isPlainObject(right)) differ.compare(left, right, '');
    if (differ.changes.length > 0) {
      changed.push(name);
      changes.push(...differ.changes);
    }
  }
  return {
    from,
    to,
    added,
    removed,
    changed,
    changes,
    breaking: {
      senders: changes.filter((c) => c.senders === 'breaking').length,
      receivers: changes.filter((c) => c.receivers === 'breaking').length,
    },
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown report of a diff: summary, added and removed definitions, then a table per changed definition. */
export function renderDiffMarkdown(diff: SchemaDiff): string {
  const lines: string[] = [];
  lines.push(`# Schema changes from ${diff.from} to ${diff.to}`, '');
  lines.push(
    `${plural(diff.added.length, 'definition')} added, ${diff.removed.length} removed, ${diff.changed.length} changed. ` +
      `${plural(diff.breaking.senders, 'change')} breaking for senders, ${diff.breaking.receivers} breaking for receivers.`,
    '',
    'A change is breaking for **senders** when a message that was valid may now be rejected, and breaking for ' +
      '**receivers** when messages the old revision rejected are now allowed.',
    '',
  );
  if (diff.added.length) {
    lines.push('## Definitions added', '', ...diff.added.map((name) => `- \`${name}\``), '');
  }
  if (diff.removed.length) {
    lines.push('## Definitions removed', '', ...diff.removed.map((name) => `- \`${name}\``), '');
  }
  if (diff.changed.length) {
    lines.push('## Definitions changed', '');
    for (const name of diff.changed) {
      lines.push(`### \`${name}\``, '', '| Where | Change | Senders | Receivers |', '| --- | --- | --- | --- |');
      for (const change of diff.changes.filter((c) => c.definition === name)) {
        if (change.kind === 'definition-added' || change.kind === 'definition-removed') continue;
        lines.push(
          `| ${change.path ? `\`${cell(change.path)}\`` : '(definition)'} | ${cell(change.summary)} | ${change.senders} | ${change.receivers} |`,
        );
      }
      lines.push('');
    }
  }
  if (diff.changes.length === 0) lines.push('No changes to the schema.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
