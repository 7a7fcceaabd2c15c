import { describe, expect, it } from 'vitest';
import { knownEntityType } from '../../../src/extract/knownEntityType.ts';

describe('what newsgraph already knows a name to be (the gazetteer, exact names only)', () => {
  it.each([
    ['Russia', 'country'],
    ['russia', 'country'],
    ['RUSSIA', 'country'],
    ['Russian Federation', 'country'],
    ['  Russia ', 'country'],
    ['Putin', 'person'],
    ['Vladimir Putin', 'person'],
    ['Vladimir  Vladimirovich Putin', 'person'],
    ['Zelenskyy', 'person'],
    ['Biden', 'person'],
    ['ICC', 'organisation'],
    ['International Criminal Court', 'organisation'],
    ['UN', 'organisation'],
    ['Africa', 'place'],
    ['western nations', 'group'],
    ['UN General Assembly', 'event'],
  ])('%s → %s', (label, type) => {
    expect(knownEntityType(label)).toBe(type);
  });

  it.each([
    ['Javert', 'not in the gazetteer'],
    ['Russi', 'never a near spelling'],
    ['Russians', 'a demonym names people, not the state'],
    ['Moscow', 'a metonym: a city in most graphs'],
    ['Jordan', 'marked ambiguous (also a given name)'],
    ['Un', 'an acronym matches only in capitals'],
    ['icc', 'an acronym matches only in capitals'],
    ['', 'empty'],
  ])('%s → undefined (%s)', (label) => {
    expect(knownEntityType(label)).toBeUndefined();
  });
});
