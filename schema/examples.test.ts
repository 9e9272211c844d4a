/** Every example of every revision, validated with ajv against the definition its folder names. */
import { describe, expect, it } from 'vitest';
import { checkExample, checkExamples, discoverExamples, readExample } from '../scripts/lib/examples.ts';
import { formatErrors, revisionIds, validate } from './index.ts';

const revisions = revisionIds();

describe.each(revisions)('examples of %s', (revision) => {
  const { examples, problems } = discoverExamples(revision);

  it('sits in folders named after definitions of the revision', () => {
    expect(problems.map((p) => p.format())).toEqual([]);
  });

  it.each(
    examples.filter((e) => e.expect === 'valid').map((e) => [e.definition, e.file.split('/examples/')[1], e] as const),
  )('accepts %s %s', (definition, _name, example) => {
    const { errors } = validate(revision, definition, readExample(example));
    expect(formatErrors(errors)).toEqual([]);
  });

  it.each(
    examples
      .filter((e) => e.expect === 'invalid')
      .map((e) => [e.definition, e.file.split('/examples/')[1], e] as const),
  )('rejects %s %s', (_definition, _name, example) => {
    expect(checkExample(example)?.format()).toBeUndefined();
  });
});

describe('the example corpus', () => {
  const report = checkExamples(revisions);

  it('covers every request, notification and result type with a valid example', () => {
    expect(report.problems.map((p) => p.format())).toEqual([]);
  });

  it('has at least 150 distinct invalid examples across the dated revisions', () => {
    const invalid = report.examples.filter((e) => e.expect === 'invalid' && e.revision !== 'draft');
    expect(invalid.length).toBeGreaterThanOrEqual(150);
  });
});
