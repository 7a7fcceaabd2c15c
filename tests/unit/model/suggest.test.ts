/** "Did you mean": the nearest plausible word, or nothing when nothing is close. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS } from '../../../src/model/index.ts';
import { editDistance, nearestWord } from '../../../src/model/suggest.ts';

describe('nearestWord', () => {
  it('finds prefixes, case and separator variants, typos and swaps', () => {
    expect(nearestWord('allied', BUILT_IN_RELATION_TYPE_IDS)).toBe('allied-with');
    expect(nearestWord('ALLIED_WITH', BUILT_IN_RELATION_TYPE_IDS)).toBe('allied-with');
    expect(nearestWord('seeksTiesWith', BUILT_IN_RELATION_TYPE_IDS)).toBe('seeks-ties-with');
    expect(nearestWord('sanctionned', BUILT_IN_RELATION_TYPE_IDS)).toBe('sanctioned');
    expect(nearestWord('organization', BUILT_IN_ENTITY_TYPE_IDS)).toBe('organisation');
    expect(nearestWord('lable', ['id', 'label', 'type'])).toBe('label');
  });

  it('suggests nothing for unrelated words or ambiguous prefixes', () => {
    expect(nearestWord('banana', BUILT_IN_RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('', BUILT_IN_RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('x'.repeat(500), BUILT_IN_RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('se', BUILT_IN_RELATION_TYPE_IDS)).toBeUndefined();
  });

  it('editDistance equals a plain reference implementation, with or without an early-exit bound', () => {
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 80 });
    fc.assert(
      fc.property(word, word, fc.nat({ max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('editDistance counts an adjacent swap as one edit', () => {
    expect(editDistance('label', 'lable')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
