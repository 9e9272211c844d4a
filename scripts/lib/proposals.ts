/**
 * Change proposals: `proposals/NNNN-slug.md` with YAML front matter validated by
 * `proposals/proposal.schema.json`, required sections by type, status transitions checked against git,
 * and cross-references between proposals, requirements and conformance checks.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { UserError } from '../../schema/errors.ts';
import { REPO_ROOT, revisionIds } from '../../schema/registry.ts';
import { compareCodePoints, readJsonFile, readText } from './json.ts';
import { parseMarkdown } from './spec-markdown.ts';
import { loadProse } from './spec.ts';

export const PROPOSALS_DIR = join(REPO_ROOT, 'proposals');
export const PROPOSAL_FILE = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const NOT_PROPOSALS = new Set(['README.md', 'TEMPLATE.md']);

export type ProposalStatus =
  'draft' | 'in-review' | 'accepted' | 'rejected' | 'withdrawn' | 'final' | 'superseded' | 'dormant';
export type ProposalType = 'standards-track' | 'extensions-track' | 'process' | 'informational';

export interface ProposalMeta {
  number: number;
  title: string;
  status: ProposalStatus;
  type: ProposalType;
  authors: string[];
  sponsor?: string | null;
  created: string;
  updated: string;
  revision: string;
  requirements?: string[];
  checks?: string[];
  replaces?: number[];
  'superseded-by'?: number | null;
  discussion: string;
}

export interface Proposal {
  file: string;
  name: string;
  number: number;
  slug: string;
  meta: ProposalMeta;
  body: string;
  sections: Map<string, { line: number; text: string }>;
  /** Line of each front-matter key, for messages. */
  keyLines: Map<string, number>;
}

/** Statuses each status may move to; a new proposal starts as draft. */
export const TRANSITIONS: Record<ProposalStatus, ProposalStatus[]> = {
  draft: ['in-review', 'withdrawn', 'dormant'],
  'in-review': ['draft', 'accepted', 'rejected', 'withdrawn', 'dormant'],
  accepted: ['final', 'withdrawn'],
  final: ['superseded'],
  dormant: ['draft'],
  rejected: [],
  withdrawn: [],
  superseded: [],
};

export const SECTIONS = [
  'Abstract',
  'Motivation',
  'Specification',
  'Rationale',
  'Backward Compatibility',
  'Security Implications',
  'Reference Implementation',
] as const;

export const REQUIRED_SECTIONS: Record<ProposalType, readonly string[]> = {
  'standards-track': SECTIONS,
  'extensions-track': SECTIONS,
  process: ['Abstract', 'Motivation', 'Specification', 'Rationale'],
  informational: ['Abstract', 'Motivation'],
};

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

let validator: ReturnType<Ajv2020['compile']> | undefined;
function frontMatterValidator() {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(readJsonFile(join(PROPOSALS_DIR, 'proposal.schema.json')) as object);
  }
  return validator;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Front-matter key → line in the file (the front matter starts on line 2). */
function keyLinesOf(doc: Document, yamlText: string): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range)
      lines.set(String(pair.key.value), lineAt(yamlText, pair.key.range[0]) + 1);
  }
  return lines;
}

/** Parses one proposal; front-matter and section problems go to `problems`. */
export function parseProposal(file: string, text: string, problems: UserError[]): Proposal | undefined {
  const name = file.split('/').pop()!;
  const match = PROPOSAL_FILE.exec(name);
  if (!match) {
    problems.push(
      new UserError('proposal files are named NNNN-slug.md (four digits, lowercase slug): rename it', file),
    );
    return undefined;
  }
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!fm) {
    problems.push(
      new UserError('missing front matter: start with a --- block copied from proposals/TEMPLATE.md', file, {
        line: 1,
      }),
    );
    return undefined;
  }
  const doc = parseDocument(fm[1]!);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    problems.push(
      new UserError(`broken front matter: ${error.message.split('\n')[0]}`, file, {
        line: (error.linePos?.[0]?.line ?? 0) + 1,
      }),
    );
    return undefined;
  }
  const keyLines = keyLinesOf(doc, fm[1]!);
  const data = doc.toJSON() as unknown;
  const validate = frontMatterValidator();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const key =
        error.instancePath.split('/')[1] ?? (error.params as { missingProperty?: string }).missingProperty ?? '';
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      const reason = missing
        ? `front matter lacks "${missing}": add it (see proposals/TEMPLATE.md)`
        : extra
          ? `front matter has an unknown field "${extra}": remove it or fix its spelling`
          : `front matter "${error.instancePath.slice(1).replace(/\//g, '.')}" ${error.message}${
              error.keyword === 'enum'
                ? `: ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`
                : ''
            }`;
      problems.push(new UserError(reason, file, { line: keyLines.get(extra ?? key) ?? 2 }));
    }
    return undefined;
  }
  const meta = data as ProposalMeta;
  const number = Number(match[1]);
  if (meta.number !== number) {
    problems.push(
      new UserError(
        `front matter number ${meta.number} does not match the file name (${match[1]}): make them equal`,
        file,
        {
          line: keyLines.get('number'),
        },
      ),
    );
  }
  const bodyStart = fm[0].length;
  const body = text.slice(bodyStart);
  const bodyLineOffset = lineAt(text, bodyStart) - 1;
  const sections = new Map<string, { line: number; text: string }>();
  const tree = parseMarkdown(body);
  let current: { name: string; line: number; start: number } | undefined;
  const close = (end: number) => {
    if (current) sections.set(current.name, { line: current.line, text: body.slice(current.start, end).trim() });
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      problems.push(
        new UserError('no # heading: the site renders the title from the front matter; start sections at ##', file, {
          line: bodyLineOffset + (node.position?.start.line ?? 1),
        }),
      );
    }
    if (node.type === 'heading' && node.depth === 2) {
      close(node.position!.start.offset!);
      const title = node.children
        .map((child) => ('value' in child ? child.value : ''))
        .join('')
        .trim();
      current = { name: title, line: bodyLineOffset + node.position!.start.line, start: node.position!.end.offset! };
    }
  }
  close(body.length);
  const required = REQUIRED_SECTIONS[meta.type];
  required.forEach((name, index) => {
    const section = sections.get(name);
    if (!section) {
      // Point at where it belongs: the next required section that exists, else the end of the file.
      const next = required
        .slice(index + 1)
        .map((n) => sections.get(n))
        .find(Boolean);
      problems.push(
        new UserError(
          `a ${meta.type} proposal needs a "## ${name}" section (required: ${required.join(', ')}): add it here`,
          file,
          { line: next?.line ?? lineAt(text, text.length) },
        ),
      );
    } else if (section.text === '' || /^_[^_]*_$/.test(section.text)) {
      problems.push(new UserError(`section "${name}" is empty: write it`, file, { line: section.line }));
    }
  });
  const implementation = sections.get('Reference Implementation');
  if (
    meta.type === 'standards-track' &&
    (meta.status === 'accepted' || meta.status === 'final') &&
    implementation &&
    /^(tbd|none|not yet implemented)\.?$/i.test(implementation.text)
  ) {
    problems.push(
      new UserError(`an ${meta.status} standards-track proposal needs a reference implementation: link it`, file, {
        line: implementation.line,
      }),
    );
  }
  return { file, name, number, slug: match[2]!, meta, body, sections, keyLines };
}

/** Every proposal file, parsed. */
export function loadProposals(dir: string = PROPOSALS_DIR): { proposals: Proposal[]; problems: UserError[] } {
  const problems: UserError[] = [];
  const proposals: Proposal[] = [];
  if (!existsSync(dir)) return { proposals, problems };
  for (const name of readdirSync(dir).sort(compareCodePoints)) {
    if (!name.endsWith('.md') || NOT_PROPOSALS.has(name)) continue;
    const file = join(dir, name);
    const proposal = parseProposal(file, readText(file), problems);
    if (proposal) proposals.push(proposal);
  }
  return { proposals, problems };
}

/** The conformance check ids, once the conformance suite lists them; undefined until then. */
export function knownCheckIds(): Set<string> | undefined {
  const catalogue = join(REPO_ROOT, 'conformance', 'catalogue.json');
  if (!existsSync(catalogue)) return undefined;
  const data = readJsonFile(catalogue) as { checks?: { id: string }[] };
  return new Set((data.checks ?? []).map((check) => check.id));
}

/** Rules across proposals: unique numbers, targets that exist, agreeing cross-references, final-proposal evidence. */
export function checkProposalSet(proposals: Proposal[]): UserError[] {
  const problems: UserError[] = [];
  const fail = (proposal: Proposal, message: string, key?: string) =>
    problems.push(new UserError(message, proposal.file, { line: key ? proposal.keyLines.get(key) : undefined }));
  const byNumber = new Map<number, Proposal>();
  const revisions = new Set(revisionIds());
  const requirementsByRevision = new Map<string, Set<string>>();
  const requirementsOf = (revision: string) => {
    let ids = requirementsByRevision.get(revision);
    if (!ids) {
      ids = new Set(loadProse(revision).requirements.map((r) => r.id));
      requirementsByRevision.set(revision, ids);
    }
    return ids;
  };
  for (const proposal of proposals) {
    if (proposal.number === 0) {
      if (proposal.meta.status !== 'draft') {
        fail(proposal, 'only a draft may keep the number 0000: run `npm run proposal:number -- <file> <n>`', 'status');
      }
    } else if (byNumber.has(proposal.number)) {
      fail(
        proposal,
        `number ${proposal.number} is already used by ${byNumber.get(proposal.number)!.name}: pick a free number`,
        'number',
      );
    } else {
      byNumber.set(proposal.number, proposal);
    }
    if (!revisions.has(proposal.meta.revision)) {
      fail(
        proposal,
        `revision "${proposal.meta.revision}" is not in schema/revisions.json: target an existing revision or draft`,
        'revision',
      );
    }
  }
  for (const proposal of proposals) {
    const { meta } = proposal;
    const successor = meta['superseded-by'];
    if (successor != null) {
      const other = byNumber.get(successor);
      if (!other) {
        fail(proposal, `superseded-by names proposal ${successor}, which does not exist`, 'superseded-by');
      } else if (!(other.meta.replaces ?? []).includes(proposal.number)) {
        fail(
          proposal,
          `superseded-by ${successor}, but ${other.name} does not list ${proposal.number} in replaces: add it there`,
          'superseded-by',
        );
      }
      if (meta.status !== 'superseded') {
        fail(proposal, `a proposal with superseded-by has status superseded, not ${meta.status}`, 'status');
      }
    } else if (meta.status === 'superseded') {
      fail(proposal, 'a superseded proposal names its successor in superseded-by', 'superseded-by');
    }
    for (const replaced of meta.replaces ?? []) {
      const other = byNumber.get(replaced);
      if (!other) {
        fail(proposal, `replaces names proposal ${replaced}, which does not exist`, 'replaces');
      } else if (other.meta['superseded-by'] !== proposal.number && meta.status === 'final') {
        fail(
          proposal,
          `replaces ${replaced}, but ${other.name} does not say superseded-by: ${proposal.number}: set it there`,
          'replaces',
        );
      }
    }
    if (meta.status === 'final' && meta.type === 'standards-track') {
      const requirements = meta.requirements ?? [];
      if (requirements.length === 0) {
        fail(proposal, 'a final standards-track proposal lists the requirement IDs it adds or changes', 'requirements');
      }
      const known = requirementsOf(meta.revision);
      for (const id of requirements) {
        if (!known.has(id)) {
          fail(
            proposal,
            `requirement ${id} does not exist in spec/${meta.revision}: fix the ID or add the requirement`,
            'requirements',
          );
        }
      }
      const checks = meta.checks ?? [];
      if (checks.length === 0) {
        fail(proposal, 'a final standards-track proposal lists the conformance checks that verify it', 'checks');
      }
      const catalogue = knownCheckIds();
      for (const id of checks) {
        if (!catalogue) {
          fail(
            proposal,
            `check ${id} cannot be verified: the conformance suite publishes no check catalogue yet`,
            'checks',
          );
        } else if (!catalogue.has(id)) {
          fail(
            proposal,
            `check ${id} is not in \`mcp-conformance list --json\`: fix the id or add the check`,
            'checks',
          );
        }
      }
    }
  }
  return problems;
}

/** Why a status change is refused, or undefined when it is allowed. */
export function transitionProblem(from: ProposalStatus | undefined, to: ProposalStatus): string | undefined {
  if (from === undefined) {
    return to === 'draft' ? undefined : `a new proposal starts as draft, not ${to}: set status: draft`;
  }
  if (from === to || TRANSITIONS[from].includes(to)) return undefined;
  const next = TRANSITIONS[from];
  return `status cannot go from ${from} to ${to}: ${
    next.length
      ? `from ${from} a proposal moves to ${next.join(', ')}`
      : `${from} is final for a proposal; write a new one instead`
  }`;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The commit to compare with: the merge base with `MCP_BASE_REF` (a pull request's base), else HEAD. */
export function baseCommit(): string | undefined {
  const ref = process.env.MCP_BASE_REF;
  const base = ref ? git(['merge-base', 'HEAD', ref]) : git(['rev-parse', '--verify', '-q', 'HEAD']);
  return base?.trim() || undefined;
}

/** Status of each proposal at the base commit, keyed by slug so renumbering a 0000 file is not a new proposal. */
export function baseStatuses(base: string): Map<string, ProposalStatus> {
  const statuses = new Map<string, ProposalStatus>();
  const listing = git(['ls-tree', '--name-only', `${base}:proposals`]);
  for (const name of (listing ?? '').split('\n')) {
    const match = PROPOSAL_FILE.exec(name);
    if (!match) continue;
    const text = git(['show', `${base}:proposals/${name}`]) ?? '';
    const status = /^status:\s*['"]?([a-z-]+)/m.exec(text)?.[1];
    if (status) statuses.set(match[2]!, status as ProposalStatus);
  }
  return statuses;
}

export function checkTransitions(proposals: Proposal[], base: string): UserError[] {
  const before = baseStatuses(base);
  const problems: UserError[] = [];
  for (const proposal of proposals) {
    const problem = transitionProblem(before.get(proposal.slug), proposal.meta.status);
    if (problem) {
      problems.push(
        new UserError(`${problem} (compared with ${base.slice(0, 12)})`, proposal.file, {
          line: proposal.keyLines.get('status'),
        }),
      );
    }
  }
  return problems;
}

/** Status history of a proposal from git: one entry per commit that changed its status, oldest first. */
export function statusHistory(proposal: Proposal): { date: string; status: string; commit: string }[] {
  const log = git(['log', '--follow', '--format=%H %as', '--', `proposals/${proposal.name}`]);
  const history: { date: string; status: string; commit: string }[] = [];
  for (const line of (log ?? '').trim().split('\n').filter(Boolean).reverse()) {
    const [commit, date] = line.split(' ') as [string, string];
    const names = git(['show', '--name-only', '--format=', commit, '--', 'proposals'])?.split('\n') ?? [];
    const path = names.find((name) => name.endsWith(`-${proposal.slug}.md`)) ?? `proposals/${proposal.name}`;
    const text = git(['show', `${commit}:${path}`]) ?? '';
    const status = /^status:\s*['"]?([a-z-]+)/m.exec(text)?.[1];
    if (status && history.at(-1)?.status !== status) history.push({ date, status, commit: commit.slice(0, 12) });
  }
  return history;
}

/** Everything `npm run check:proposals` verifies, with one line per passed area. */
export function runProposalChecks(): { problems: UserError[]; passed: string[] } {
  const { proposals, problems } = loadProposals();
  const passed: string[] = [];
  problems.push(...checkProposalSet(proposals));
  const base = baseCommit();
  if (base) problems.push(...checkTransitions(proposals, base));
  if (problems.length === 0) {
    passed.push(
      `${proposals.length} proposals valid${base ? `; status transitions checked against ${base.slice(0, 12)}` : ' (not a git checkout: transitions not checked)'}`,
    );
  }
  return { problems, passed };
}
