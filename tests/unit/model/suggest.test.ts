/** "Did you mean": the nearest plausible word, or nothing when nothing is close. */

import { describe, expect, it } from 'vitest';
import { ENTITY_TYPE_IDS, RELATION_TYPE_IDS } from '../../../src/model/index.ts';
import { editDistance, nearestWord } from '../../../src/model/suggest.ts';

describe('nearestWord', () => {
  it('finds prefixes, case and separator variants, typos and swaps', () => {
    expect(nearestWord('allied', RELATION_TYPE_IDS)).toBe('allied-with');
    expect(nearestWord('ALLIED_WITH', RELATION_TYPE_IDS)).toBe('allied-with');
    expect(nearestWord('seeksTiesWith', RELATION_TYPE_IDS)).toBe('seeks-ties-with');
    expect(nearestWord('sanctionned', RELATION_TYPE_IDS)).toBe('sanctioned');
    expect(nearestWord('organization', ENTITY_TYPE_IDS)).toBe('organisation');
    expect(nearestWord('lable', ['id', 'label', 'type'])).toBe('label');
  });

  it('suggests nothing for unrelated words or ambiguous prefixes', () => {
    expect(nearestWord('banana', RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('', RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('x'.repeat(500), RELATION_TYPE_IDS)).toBeUndefined();
    expect(nearestWord('se', RELATION_TYPE_IDS)).toBeUndefined();
  });

  it('editDistance counts an adjacent swap as one edit', () => {
    expect(editDistance('label', 'lable')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});
