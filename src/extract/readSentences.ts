/**
 * Stages 1–2: sentences → tokens, gazetteer names and titles → name slots
 * =======================================================================
 *
 * `readSentences` tokenises each sentence and matches the gazetteer and the
 * titles in it; `findNameSlots` adds the names the gazetteer does not know
 * (people, organisations: see `names.ts`) and returns each sentence with its
 * names as slots. Two stages so that what only finding names needs (gazetteer
 * matches, covered tokens) is dropped with the first one's result: a text of
 * a million one-word sentences would otherwise hold it all to the end.
 */

import type { EntityRegistry } from './entities.ts';
import { matchGazetteer, type GazetteerMatch } from './gazetteerMatch.ts';
import { findNames, type NameInput } from './names.ts';
import type { SentenceSpan } from './sentences.ts';
import { emptySlot, layerSlots, type SlottedSentence, type Slot, type TitleMatch, type TokenisedSentence } from './sentenceModel.ts';
import { matchTitles } from './titles.ts';
import { tokenize, type Token } from './tokens.ts';

/** Stage 1's result: a tokenised sentence with what finding names needs. */
export interface MatchedSentence extends TokenisedSentence, NameInput {
  readonly gazetteer: readonly GazetteerMatch[];
}

/** Punctuation alone (". . . .") names no one, opens no quotation and triggers nothing. */
function onlyPunctuation(tokens: readonly Token[]): boolean {
  return tokens.every((token) => token.kind === 'punct');
}

/** Places, countries and organisations a longer name can begin with ("African Union Commission"). */
function startsLongerName(match: GazetteerMatch): boolean {
  const { type } = match.entry;
  return match.name.kind === 'name' && (type === 'place' || type === 'country' || type === 'organisation');
}

/**
 * Stage 1: spans → tokens, gazetteer matches and titles. A sentence of
 * punctuation alone is left out, so that a text of a million such
 * "sentences" costs what prose does.
 */
export function readSentences(text: string, spans: readonly SentenceSpan[]): MatchedSentence[] {
  const read: MatchedSentence[] = [];
  for (const span of spans) {
    const tokens = tokenize(text, span.start, span.end);
    if (onlyPunctuation(tokens)) continue;
    const gazetteer = matchGazetteer(tokens);
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const m of gazetteer) for (let i = m.tokenStart; i < m.tokenEnd; i++) covered[i] = true;
    const titles = matchTitles(tokens, (i) => covered[i]!);
    const titleAt = new Array<TitleMatch | undefined>(tokens.length).fill(undefined);
    for (const t of titles) for (let i = t.tokenStart; i < t.tokenEnd; i++) titleAt[i] = t;
    let placeNamesEndingAt: Map<number, number> | undefined;
    for (const m of gazetteer) if (startsLongerName(m)) (placeNamesEndingAt ??= new Map()).set(m.tokenEnd, m.tokenStart);
    read.push({ span, tokens, titles, titleAt, gazetteer, covered, ...(placeNamesEndingAt ? { placeNamesEndingAt } : {}) });
  }
  return read;
}

/**
 * Stage 2: the names of each sentence as slots — the gazetteer's and those
 * found by rules — each entity registered. A name found by rules that takes
 * in a gazetteer name ("Caribbean Community") wins over it.
 */
export function findNameSlots(text: string, sentences: readonly MatchedSentence[], registry: EntityRegistry): SlottedSentence[] {
  const names = findNames(text, sentences);
  return sentences.map(({ span, tokens, titles, titleAt, gazetteer }, s) => {
    const found = names[s]!;
    const overlapsName = (start: number, end: number) => found.some((n) => start < n.tokenEnd && n.tokenStart < end);
    const slots: Slot[] = [];
    for (const m of gazetteer) {
      if (overlapsName(m.tokenStart, m.tokenEnd)) continue;
      registry.ensure(m.entry.id, m.entry.label, m.entry.type, m.entry.parent);
      slots.push(emptySlot({ ids: [m.entry.id], tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, kind: m.name.kind, recorded: true }));
    }
    for (const n of found) {
      // The registry's id: a spelling variant of a person named before is that person (entities.ts).
      const id = registry.ensure(n.id, n.label, n.type).id;
      slots.push(emptySlot({ ids: [id], tokenStart: n.tokenStart, tokenEnd: n.tokenEnd, kind: 'name', recorded: true }));
    }
    return { span, tokens, titles, titleAt, ...layerSlots(tokens.length, slots) };
  });
}
