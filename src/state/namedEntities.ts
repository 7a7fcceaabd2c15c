/**
 * Which entities a piece of text names
 * ====================================
 *
 * The article pane's "Add relation from selection" offers as ends only the
 * entities the selected text names: a label or an alias written there as a
 * whole word, in any case. The edit itself checks again (model/review), so
 * this only keeps the choice to what can succeed.
 */

import type { Entity } from '../model/index.ts';

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** Every place `name` is written in `text` as a whole word, case-insensitively. */
export function nameOccurrences(text: string, name: string): number[] {
  const needle = name.trim().toLowerCase();
  if (needle === '') return [];
  const haystack = text.toLowerCase();
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    // A name that starts or ends with a letter must not run on into a longer word ("Iran" in "Iranian").
    const before = isWordChar(text[i - 1]) && isWordChar(needle[0]);
    const after = isWordChar(text[i + needle.length]) && isWordChar(needle[needle.length - 1]);
    if (!before && !after) found.push(i);
  }
  return found;
}

export const namesAsWord = (text: string, name: string): boolean => nameOccurrences(text, name).length > 0;

/**
 * The entities whose label or an alias `text` names, in the order the text
 * first names them (the likely source first). A name written only inside a
 * longer name of another entity does not count: "Latin America" names Latin
 * America, not the United States by its alias "America".
 */
export function entitiesNamedIn(text: string, entities: Iterable<Entity>): Entity[] {
  const spans: Array<{ entity: Entity; start: number; end: number }> = [];
  for (const entity of entities) {
    for (const name of [entity.label, ...entity.aliases]) {
      const length = name.trim().length;
      for (const start of nameOccurrences(text, name)) spans.push({ entity, start, end: start + length });
    }
  }
  const inside = (a: { entity: Entity; start: number; end: number }) =>
    spans.some((b) => b.entity !== a.entity && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start);
  const first = new Map<Entity, number>();
  for (const span of spans) {
    if (inside(span)) continue;
    first.set(span.entity, Math.min(first.get(span.entity) ?? Infinity, span.start));
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([entity]) => entity);
}
