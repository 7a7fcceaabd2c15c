/**
 * Deep nesting (issue #11, hardening round 2)
 * ===========================================
 *
 * JSON.parse reads a value nested 10,000 deep; what walks it afterwards
 * (JSON.stringify, String(), zod, structured clone to and from the import
 * worker) overflowed the stack. Past `maxNestingDepth` levels (limits.ts) a
 * JSON file is now refused before parsing, with the path, line and column of
 * the first value too deep, and the graph reader refuses a too-deep value it
 * is handed directly.
 */

import { describe, expect, it } from 'vitest';
import { read as readGraphologyJson, readValue } from '../../../src/graph/formats/graphologyJson.ts';
import { checkDatasetJson, DatasetError, DEFAULT_LIMITS, formatProblem, validateDataset, type LoadResult, type Problem } from '../../../src/model/index.ts';

const deepObject = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepArray = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

function problemsOf(result: LoadResult): Problem[] {
  return result.ok ? [] : result.problems;
}

function datasetWithAttribute(value: string): string {
  return `{"version":1,"documents":[],"entities":[{"id":"x","label":"X","type":"person","aliases":[],"mentions":[],\n"attributes":{"k":${value}}}],"relations":[]}`;
}

function graphProblems(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error('the graph was read, but it should have been refused');
}

describe('nesting past maxNestingDepth is a clear problem, never a stack overflow', () => {
  it('the limit is stated with the others', () => {
    expect(DEFAULT_LIMITS.maxNestingDepth).toBe(64);
  });

  it.each([
    ['objects', deepObject],
    ['arrays', deepArray],
  ])('a dataset attribute of %s nested 10,000 deep: limit-exceeded with path, line and column', (_, deep) => {
    const result = checkDatasetJson(datasetWithAttribute(deep(10_000)));
    expect(result.ok === false && result.stage).toBe('parse');
    const [problem, ...rest] = problemsOf(result);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'limit-exceeded', line: 2 });
    expect(problem!.path.startsWith('entities[0].attributes.k')).toBe(true);
    expect(problem!.message).toContain('(the limit maxNestingDepth)');
    expect(formatProblem(problem!)).toMatch(/^line 2, column \d+ \(entities\[0\]\.attributes\.k/);
  });

  it.each([
    ['objects', deepObject],
    ['arrays', deepArray],
  ])('a graphology JSON node attribute of %s nested 10,000 deep: refused with its path, not lost or overflowing', (_, deep) => {
    const text = `{"nodes":[{"key":"x","attributes":{"label":"X","type":"person","k":${deep(10_000)}}}],"edges":[]}`;
    const [problem, ...rest] = graphProblems(() => readGraphologyJson(text, 'deep.json'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'limit-exceeded', line: 1 });
    expect(problem!.path.startsWith('nodes[0].attributes.k')).toBe(true);
  });

  it('a too-deep value handed to the graph reader as a value (no text to scan) is refused too', () => {
    const value = { nodes: [{ key: 'x', attributes: { label: 'X', type: 'person', k: JSON.parse(deepArray(10_000)) as unknown } }], edges: [] };
    const [problem] = graphProblems(() => readValue(value, 'deep.json'));
    expect(problem).toMatchObject({ code: 'limit-exceeded' });
    expect(problem!.path).toContain('nodes[0]');
    expect(problem!.message).toContain('maxNestingDepth');
  });

  it('validateDataset given a 10,000-deep attribute value directly reports it and returns', () => {
    const input = JSON.parse(datasetWithAttribute(deepObject(10_000))) as unknown;
    const result = validateDataset(input);
    expect(result.ok === false && result.problems.map((p) => [p.code, p.path])).toEqual([['wrong-type', 'entities[0].attributes.k']]);
    expect(() => structuredClone(result)).not.toThrow();
  });

  it('exactly at a lowered limit is fine; one level more is refused', () => {
    // The dataset's own structure is 3 levels deep here (root, entities, entity), attributes 4, the value from 5.
    expect(problemsOf(checkDatasetJson(datasetWithAttribute(deepArray(4)), { limits: { maxNestingDepth: 8 } })).map((p) => p.code)).toEqual(['wrong-type']);
    expect(problemsOf(checkDatasetJson(datasetWithAttribute(deepArray(5)), { limits: { maxNestingDepth: 8 } })).map((p) => [p.code, p.path])).toEqual([
      ['limit-exceeded', 'entities[0].attributes.k[0][0][0][0]'],
    ]);
  });
});
