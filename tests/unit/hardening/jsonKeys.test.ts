/**
 * Duplicate JSON keys (issue #11, hardening round 2)
 * ==================================================
 *
 * JSON.parse keeps the last of two fields with the same name in one object,
 * silently: `{"label": "Putin", "label": "Lavrov"}` loaded as Lavrov. Both the
 * dataset loader and the graphology JSON reader now report every duplicate
 * with its JSON path, line and column, where the first one is, and the fix;
 * the scan that finds them is linear and stays cheap next to JSON.parse.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZES, syntheticDataset } from '../../../src/model/syntheticDataset.ts';
import { read as readGraphologyJson } from '../../../src/graph/formats/graphologyJson.ts';
import { checkDatasetJson, DatasetError, formatProblem, scanJson, type LoadResult, type Problem } from '../../../src/model/index.ts';

function problemsOf(result: LoadResult): Problem[] {
  return result.ok ? [] : result.problems;
}

const VALID_ENTITY = '"id":"x","label":"X","type":"person","aliases":[],"mentions":[]';

describe('a field named twice in one object is reported, with its path, line and column', () => {
  it('dataset JSON: the second "label", where the first is, and the fix', () => {
    const text = `{"version":1,"documents":[],\n"entities":[{${VALID_ENTITY},\n  "label":"Y"}],"relations":[]}`;
    const problems = problemsOf(checkDatasetJson(text));
    expect(problems.map((p) => [p.code, p.path, p.line, p.column])).toEqual([['duplicate-key', 'entities[0].label', 3, 3]]);
    expect(problems[0]!.message).toContain('line 2, column');
    expect(problems[0]!.fix).toContain('"label"');
    expect(formatProblem(problems[0]!)).toMatch(/^line 3, column 3 \(entities\[0\]\.label\): /);
  });

  it('every duplicate at once, top level and inside attributes, and spelt differently ("\\u0061" is "a")', () => {
    const text = `{"version":1,"documents":[],"entities":[{${VALID_ENTITY},"attributes":{"a":1,"\\u0061":2}}],"relations":[],"relations":[]}`;
    expect(problemsOf(checkDatasetJson(text)).map((p) => [p.code, p.path])).toEqual([
      ['duplicate-key', 'entities[0].attributes.a'],
      ['duplicate-key', 'relations'],
    ]);
  });

  it('the same name in sibling or nested objects, or inside a string, is no duplicate', () => {
    const text = `{"version":1,"title":"\\"version\\":2, \\\\","documents":[],"entities":[{${VALID_ENTITY},"attributes":{"id":"x"}},{${VALID_ENTITY.replace('"x"', '"y"')}}],"relations":[]}`;
    expect(problemsOf(checkDatasetJson(text))).toEqual([]);
  });

  it('graphology JSON: a node with two "key" fields is refused with the path', () => {
    let error: unknown;
    try {
      readGraphologyJson('{"nodes":[{"key":"a",\n"key":"b"}],"edges":[]}', 'graph.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).problems.map((p) => [p.code, p.path, p.line, p.column])).toEqual([['duplicate-key', 'nodes[0].key', 2, 1]]);
  });

  it('no false alarm on any JSON.stringify output (which never repeats a key)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const scan = scanJson(JSON.stringify(value, null, indent), { maxDepth: 1_000 });
        expect(scan).toEqual({ duplicates: [], complete: true });
      }),
      { numRuns: 300 },
    );
  });

  it('the scan costs less than JSON.parse itself on a large dataset', () => {
    const text = JSON.stringify(syntheticDataset(SIZES[1]!), null, 2);
    const median = (run: () => unknown): number => {
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const start = performance.now();
        run();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const scan = median(() => scanJson(text, { maxDepth: 64 }));
    const parse = median(() => JSON.parse(text));
    // Near 1 on an idle machine: the bound only guards against a scan that stops being linear.
    expect(scan / parse).toBeLessThan(3);
  });
});
