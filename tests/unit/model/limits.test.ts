/**
 * Limits: the defaults the README quotes, and that overrides apply (tests use
 * lowered limits instead of allocating gigabytes).
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, formatCount, LIMIT_DESCRIPTIONS, resolveLimits, validateDataset } from '../../../src/model/index.ts';
import { smallDataset } from '../../fixtures/bad/generate.ts';

describe('limits', () => {
  it('defaults are the numbers the README states', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 100_000_000,
      maxDocumentLength: 2_000_000,
      maxDocuments: 10_000,
      maxEntities: 100_000,
      maxRelations: 500_000,
      maxProblems: 1_000,
      maxNestingDepth: 64,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect(Object.keys(LIMIT_DESCRIPTIONS).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
  });

  it('overrides replace defaults; nonsense overrides are ignored rather than disabling a check', () => {
    expect(resolveLimits({ maxEntities: 5 }).maxEntities).toBe(5);
    expect(resolveLimits({ maxEntities: 0 }).maxEntities).toBe(100_000);
    expect(resolveLimits({ maxEntities: Number.NaN }).maxEntities).toBe(100_000);
    expect(resolveLimits().maxRelations).toBe(500_000);
  });

  it('a dataset exactly at a limit passes; one over it is refused', () => {
    const d = smallDataset();
    expect(validateDataset(d, { limits: { maxEntities: d.entities.length, maxRelations: d.relations.length, maxDocuments: 1 } }).ok).toBe(true);
    const over = validateDataset(d, { limits: { maxDocuments: 0.5 } });
    expect(over.ok === false && over.problems[0]).toMatchObject({ code: 'limit-exceeded', path: 'documents' });
    expect(over.ok === false && over.problems[0]!.message).toContain('documents per dataset (the limit maxDocuments)');
  });

  it('a document over maxDocumentLength is refused by name, and its spans are not checked further', () => {
    const d = smallDataset();
    const length = d.documents[0]!.text.length;
    const result = validateDataset(d, { limits: { maxDocumentLength: length - 1 } });
    expect(result.ok === false && result.problems.map((p) => [p.code, p.path])).toEqual([['limit-exceeded', 'documents[0].text']]);
    expect(result.ok === false && result.problems[0]!.message).toContain(`${formatCount(length)} where newsgraph handles at most ${formatCount(length - 1)}`);
  });
});
