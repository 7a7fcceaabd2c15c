/** The pure helpers behind "Edit entity" and "Add relation from selection" (state/namedEntities, selectionOffsets, entityEditPreview). */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson, type Entity } from '../../src/model/index.ts';
import { articleParagraphs } from '../../src/state/articleView.ts';
import { buildDatasetIndex } from '../../src/state/datasetIndex.ts';
import { createdIdOf, mergePreview, splitPreview } from '../../src/state/entityEditPreview.ts';
import { entitiesNamedIn, namesAsWord } from '../../src/state/namedEntities.ts';
import { documentOffset, runStarts, selectedSpan, stepOffset } from '../../src/state/selectionOffsets.ts';

const seed = parseDatasetJson(readFileSync(new URL('../../data/seed-dataset.json', import.meta.url), 'utf8'));
const text = seed.documents[0]!.text;
const entity = (id: string): Entity => {
  const found = seed.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} in the seed`);
  return found;
};

describe('entities named in a selection', () => {
  it('matches a label or an alias as a whole word, in any case', () => {
    expect(namesAsWord('said ZELENSKY on Monday', 'Zelensky')).toBe(true);
    expect(namesAsWord('Iranian officials', 'Iran')).toBe(false);
    expect(namesAsWord('the Iran deal', 'Iran')).toBe(true);
    expect(namesAsWord('a Russia-Ukraine war', 'Ukraine')).toBe(true);
    expect(namesAsWord('Putinism', 'Putin')).toBe(false);
    expect(namesAsWord('anything', '  ')).toBe(false);
  });

  it('finds every entity the sentence names, and only those', () => {
    const sentence = 'Russia has become a pariah on the world stage since Putin decided to invade Ukraine last year';
    // In the order the text names them (Putin by its alias), whatever the dataset's order.
    expect(entitiesNamedIn(sentence, seed.entities).map((e) => e.id)).toEqual(['russia', 'vladimir-putin', 'ukraine']);
    expect(entitiesNamedIn('Kyiv and the Kremlin', seed.entities).map((e) => e.id)).toEqual(['ukraine', 'russia']);
    // "America" (an alias of the United States) written only inside "Latin America" does not name the United States.
    expect(entitiesNamedIn('relations with Latin America', seed.entities).map((e) => e.id)).toEqual(['latin-america']);
    expect(entitiesNamedIn('America and Latin America', seed.entities).map((e) => e.id)).toEqual(['united-states', 'latin-america']);
    expect(entitiesNamedIn('the weather was fine', seed.entities)).toEqual([]);
  });
});

describe('selection to document offsets', () => {
  it('runs start where the previous one ends', () => {
    expect(runStarts(10, ['ab', '', 'cde', 'f'])).toEqual([10, 12, 12, 15]);
  });

  it('every run of the rendered article starts at its text in the document', () => {
    for (const paragraph of articleParagraphs(buildDatasetIndex(seed), seed.documents[0]!.id)) {
      for (const sentence of paragraph.sentences) {
        const starts = runStarts(sentence.start, sentence.segments.map((s) => s.text));
        sentence.segments.forEach((segment, i) => expect(text.slice(starts[i], starts[i]! + segment.text.length)).toBe(segment.text));
      }
    }
  });

  it('orders a backward selection, clamps into the run and trims white space', () => {
    const at = text.indexOf('Putin decided');
    const a = { runStart: at, offset: 5, runLength: 5 };
    const b = { runStart: at - 6, offset: 0, runLength: 6 };
    expect(selectedSpan(text, a, b)).toEqual({ start: at - 6, end: at + 5 });
    expect(text.slice(at - 6, at + 5)).toBe('since Putin');
    expect(documentOffset({ runStart: 4, offset: 99, runLength: 3 })).toBe(7);
    const space = text.indexOf(' ');
    expect(selectedSpan(text, { runStart: space, offset: 0, runLength: 1 }, { runStart: space, offset: 1, runLength: 1 })).toBeNull();
    expect(selectedSpan(text, { runStart: space, offset: 0, runLength: 1 }, { runStart: space + 1, offset: 7, runLength: 7 })).toEqual({ start: space + 1, end: space + 8 });
  });
});

describe('keyboard selection steps', () => {
  const line = 'Putin didn’t attend the BRICS summit.';
  it('by character, clamped to the text', () => {
    expect(stepOffset(line, 5, true, false)).toBe(6);
    expect(stepOffset(line, 0, false, false)).toBe(0);
    expect(stepOffset(line, line.length, true, false)).toBe(line.length);
  });
  it('by word: to the end of the next word forward, the start of the previous word back; an apostrophe inside a word joins it', () => {
    expect(stepOffset(line, 5, true, true)).toBe('Putin didn’t'.length);
    expect(stepOffset(line, 'Putin didn’t'.length, true, true)).toBe('Putin didn’t attend'.length);
    expect(stepOffset(line, 'Putin didn’t attend the BRICS summit'.length, true, true)).toBe(line.length);
    expect(stepOffset(line, 'Putin didn’t attend'.length, false, true)).toBe('Putin didn’t '.length);
    expect(stepOffset(line, 'Putin d'.length, false, true)).toBe('Putin '.length);
  });
});

describe('what an entity edit would do', () => {
  it('a merge joins the other entity’s names, mentions and relations', () => {
    const from = entity('maria-zakharova');
    const relations = seed.relations.filter((r) => r.source === from.id || r.target === from.id).length;
    expect(relations).toBeGreaterThan(0);
    expect(mergePreview(seed, from)).toEqual({ aliases: 1 + from.aliases.length, mentions: from.mentions.length, relations });
  });

  it('a split says what would move, or why it cannot be done, and changes nothing', () => {
    const zelensky = entity('volodymyr-zelensky');
    const before = JSON.stringify(seed);
    const preview = splitPreview(seed, zelensky.id, ['Zelenskyy']);
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.label).toBe('Zelenskyy');
    expect(splitPreview(seed, zelensky.id, [zelensky.label, ...zelensky.aliases])).toMatchObject({ ok: false });
    expect(splitPreview(seed, zelensky.id, [])).toMatchObject({ ok: false });
    expect(JSON.stringify(seed)).toBe(before);
  });

  it('the id a new relation would get, or null when the edit is refused', () => {
    const start = text.indexOf('Russia has become a pariah');
    const end = text.indexOf('last year', start);
    const edit = { kind: 'add-relation' as const, type: 'sanctioned', source: 'russia', target: 'ukraine', evidence: { document: 'seed', start, end } };
    const id = createdIdOf(seed, edit, 'relation');
    expect(id).not.toBeNull();
    expect(seed.relations.some((r) => r.id === id)).toBe(false);
    expect(createdIdOf(seed, { ...edit, target: 'sergei-lavrov' }, 'relation')).toBeNull();
  });
});
