/**
 * Count limits before parsing (issue #11, hardening round 2)
 * ==========================================================
 *
 * `{"entities":[{},{},…]}` with 33 million items once took 41 s and 3.1 GB
 * to parse before the count could refuse it. The loader now counts the items
 * of the top-level lists in one cheap pass over the text and refuses before
 * `JSON.parse` builds anything: the same `limit-exceeded` problem, early.
 */

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIZES, syntheticDataset } from '../../../src/model/syntheticDataset.ts';
import { checkDatasetJson, DatasetError, DEFAULT_LIMITS, formatCount, utf8ByteLength, type LoadResult, type Problem } from '../../../src/model/index.ts';
import { read as readGraphologyJson } from '../../../src/graph/formats/graphologyJson.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function emptyItems(count: number): string {
  return count === 0 ? '' : `${'{},'.repeat(count - 1)}{}`;
}

function datasetText(lists: { documents?: number; entities?: number; relations?: number }): string {
  return `{"version":1,"documents":[${emptyItems(lists.documents ?? 0)}],"entities":[${emptyItems(lists.entities ?? 0)}],"relations":[${emptyItems(lists.relations ?? 0)}]}`;
}

function problemsOf(result: LoadResult): Problem[] {
  return result.ok ? [] : result.problems;
}

describe('top-level lists past their limit are refused before JSON.parse', () => {
  it.each([
    ['documents', 'maxDocuments'],
    ['entities', 'maxEntities'],
    ['relations', 'maxRelations'],
  ] as const)('%s past a lowered %s: the limit-exceeded problem, and JSON.parse never runs', (list, limit) => {
    const parse = vi.spyOn(JSON, 'parse');
    const result = checkDatasetJson(datasetText({ [list]: 11 }), { limits: { [limit]: 10 } });
    expect(parse).not.toHaveBeenCalled();
    expect(result.ok === false && result.stage).toBe('parse');
    const [problem] = problemsOf(result);
    expect(problem).toMatchObject({ code: 'limit-exceeded', path: list });
    expect(problem!.message).toContain(`at most 10 ${list} per dataset (the limit ${limit})`);
    expect(problem!.line).toBe(1);
  });

  it('a list exactly at the limit is parsed and judged as usual', () => {
    const result = checkDatasetJson(datasetText({ entities: 10 }), { limits: { maxEntities: 10 } });
    expect(problemsOf(result).map((p) => p.code)).not.toContain('limit-exceeded');
    expect(problemsOf(result).length).toBeGreaterThan(0);
  });

  it('only the top-level lists count: a long list inside an attribute or a document is not an entity list', () => {
    const text = `{"version":1,"documents":[{"id":"d","title":"${'x'.repeat(50)}","text":"[{},{},{},{},{},{},{},{},{},{},{},{}]"}],"entities":[],"relations":[],"title":"entities"}`;
    expect(problemsOf(checkDatasetJson(text, { limits: { maxEntities: 3, maxDocuments: 1 } }))).toEqual([]);
  });

  it(`at the real default limit: ${formatCount(150_000)} empty entities are refused by count, not parsed`, () => {
    const parse = vi.spyOn(JSON, 'parse');
    const result = checkDatasetJson(datasetText({ entities: 150_000 }));
    expect(parse).not.toHaveBeenCalled();
    expect(problemsOf(result).map((p) => [p.code, p.path])).toEqual([['limit-exceeded', 'entities']]);
    expect(problemsOf(result)[0]!.message).toContain(`at most ${formatCount(DEFAULT_LIMITS.maxEntities)} entities`);
  });

  it('graphology JSON: nodes and edges past the entity and relation limits are refused the same way', () => {
    const nodes = Array.from({ length: DEFAULT_LIMITS.maxEntities + 1 }, (_, k) => `{"key":"${k}"}`).join(',');
    const parse = vi.spyOn(JSON, 'parse');
    let error: unknown;
    try {
      readGraphologyJson(`{"nodes":[${nodes}],"edges":[]}`, 'big.json');
    } catch (caught) {
      error = caught;
    }
    expect(parse).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).problems.map((p) => [p.code, p.path])).toEqual([['limit-exceeded', 'nodes']]);
    expect((error as DatasetError).message).toContain('maxEntities');
  });

  it('refusing an oversized input costs a small fraction of loading a valid one of the same size', () => {
    const valid = JSON.stringify(syntheticDataset(SIZES[1]!), null, 2);
    const oversized = datasetText({ entities: Math.floor((valid.length - 60) / 3) });
    expect(Math.abs(oversized.length - valid.length) / valid.length).toBeLessThan(0.01);
    const median = (text: string): number => {
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const start = performance.now();
        checkDatasetJson(text);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    // Warm both paths up (the first runs are interpreted), checking what each returns.
    for (let k = 0; k < 2; k++) {
      expect(problemsOf(checkDatasetJson(valid))).toEqual([]);
      expect(problemsOf(checkDatasetJson(oversized))[0]!.code).toBe('limit-exceeded');
    }
    const ratio = median(oversized) / median(valid);
    expect(ratio).toBeLessThan(0.5);
  });

  it('the byte count behind maxFileBytes (ASCII runs skipped natively) agrees with Node on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const text = `${a}{"x":${JSON.stringify(b)}}${a}`;
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
      { numRuns: 2_000 },
    );
  });
});
