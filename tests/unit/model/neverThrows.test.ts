/**
 * The validator never throws, whatever it is given: arbitrary JSON values,
 * the seed dataset with fields deleted or replaced at random, and arbitrary
 * or truncated text for the loader. Every answer is a well-formed problem
 * list (known code, string path, message and fix) that formats without error.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDatasetJson, formatProblem, PROBLEM_CODES, validateDataset, type Problem } from '../../../src/model/index.ts';

const seedText = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const seed: unknown = JSON.parse(seedText);
const CODES = new Set(Object.keys(PROBLEM_CODES));
/** Hundreds of generated cases per property: a generous guard against a hang, not a speed goal (those live in bench/). */
const TIMEOUT = 60_000;

function expectWellFormed(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    // 'unreadable-value' is the guard for non-JSON inputs (throwing getters); JSON must never reach it.
    expect(problem.code).not.toBe('unreadable-value');
    expect(CODES.has(problem.code), problem.code).toBe(true);
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.fix.length).toBeGreaterThan(0);
    expect(typeof formatProblem(problem)).toBe('string');
  }
}

/** Every path to a value inside `root`, as key lists. */
function allPaths(root: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(root, []);
  return paths;
}

const seedPaths = allPaths(seed).filter((path) => path.length > 0);

type Mutation =
  | { path: Array<string | number>; action: 'delete' }
  | { path: Array<string | number>; action: 'replace'; value: unknown }
  | { path: Array<string | number>; action: 'shift'; delta: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...seedPaths).map((path) => ({ path, action: 'delete' as const })),
  fc.tuple(fc.constantFrom(...seedPaths), fc.jsonValue({ maxDepth: 2 })).map(([path, value]) => ({ path, action: 'replace' as const, value })),
  // Plausible mistakes, not just noise: off-by-a-few offsets, near-miss strings.
  fc
    .tuple(fc.constantFrom(...seedPaths.filter((p) => p.at(-1) === 'start' || p.at(-1) === 'end')), fc.constantFrom(-3, -2, -1, 1, 2, 3, 10_000))
    .map(([path, delta]) => ({ path, action: 'shift' as const, delta })),
);

function mutate(root: unknown, change: Mutation): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = change.path.slice(0, -1).reduce<any>((node, key) => node[key], copy); // paths come from the seed itself
  const key = change.path.at(-1)!;
  if (change.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (change.action === 'shift') {
    if (typeof parent[key] === 'number') parent[key] += change.delta;
  } else parent[key] = change.value;
  return copy;
}

describe('validateDataset never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateDataset(value);
        expect(result.ok).toBe(false);
        if (!result.ok) expectWellFormed(result.problems);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('on objects that look a little like datasets', () => {
    const datasetish = fc.record(
      {
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        documents: fc.array(fc.record({ id: fc.string(), title: fc.string(), text: fc.string() }, { requiredKeys: [] })),
        entities: fc.array(fc.dictionary(fc.constantFrom('id', 'label', 'type', 'aliases', 'mentions', 'lable'), fc.jsonValue({ maxDepth: 2 }))),
        relations: fc.array(fc.dictionary(fc.constantFrom('id', 'type', 'source', 'target', 'evidence', 'attributedTo'), fc.jsonValue({ maxDepth: 2 }))),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(datasetish, (value) => {
        const result = validateDataset(value);
        if (!result.ok) expectWellFormed(result.problems);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('on the seed dataset with random fields deleted or replaced', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (changes) => {
        const value = changes.reduce<unknown>((root, change) => {
          try {
            return mutate(root, change);
          } catch {
            return root; // an earlier change removed this path's parent
          }
        }, seed);
        const result = validateDataset(value);
        if (!result.ok) expectWellFormed(result.problems);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('on deeply nested input', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const result = validateDataset({ version: 1, documents: [], entities: [{ id: 'x', label: 'x', type: 'person', aliases: [], mentions: [], attributes: { a: deep } }], relations: [] });
    expect(result.ok === false && result.problems.map((p) => [p.code, p.path])).toEqual([['wrong-type', 'entities[0].attributes.a']]);
  });

  it('on non-JSON values (a getter that throws): reports, does not throw', () => {
    const hostile = { version: 1, documents: [], relations: [], get entities(): never { throw new Error('boom'); } };
    const result = validateDataset(hostile);
    expect(result.ok === false && result.problems[0]!.code).toBe('unreadable-value');
  });
});

describe('checkDatasetJson never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = checkDatasetJson(text);
        if (!result.ok) expectWellFormed(result.problems);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('on the seed file truncated anywhere, reporting a position inside the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seedText.length - 2 }), (end) => {
        const text = seedText.slice(0, end);
        const result = checkDatasetJson(text);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expectWellFormed(result.problems);
        const [problem] = result.problems;
        if (problem!.code === 'invalid-json') {
          expect(problem!.line).toBeGreaterThanOrEqual(1);
          expect(problem!.line).toBeLessThanOrEqual(text.split('\n').length);
        }
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
