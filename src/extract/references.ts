/**
 * Stage 3: references to names already made
 * =========================================
 *
 * Over the whole document, before sentences are read in order: an
 * organisation that heads an event noun ("the BRICS summit"), a meeting noun
 * that refers back to a meeting ("the summit"), a demonym that acts for its
 * country ("Russian forces"), and "the bloc", "the court" for the
 * organisation of that kind named last. Each returns new sentences; a slot
 * it changes is replaced, never written to.
 */

import type { EntityRegistry } from './entities.ts';
import { kebabId } from './ids.ts';
import { AGENT_NOUNS, NON_STATE_NOUNS } from './gazetteer/titles.ts';
import { EVENT_NOUNS } from './lexicon.ts';
import { emptySlot, layerSlots, SlotInserter, type Slot, type SlottedSentence } from './sentenceModel.ts';

/** The same sentence with some slots replaced by new ones (`replace` returns the slot itself to keep it). */
function replaceSlots(sentence: SlottedSentence, replace: (slot: Slot) => Slot): SlottedSentence {
  let slots: Slot[] | undefined;
  for (let k = 0; k < sentence.slots.length; k++) {
    const slot = sentence.slots[k]!;
    const next = replace(slot);
    if (next === slot && !slots) continue;
    slots ??= sentence.slots.slice(0, k);
    slots.push(next);
  }
  return slots ? { ...sentence, ...layerSlots(sentence.tokens.length, slots) } : sentence;
}

/** The event each organisation holds, as named in the document ("UN General Assembly" for the UN). */
function eventsByOrganisation(sentences: readonly SlottedSentence[], registry: EntityRegistry): Map<string, string> {
  const events = new Map<string, string>();
  for (const sentence of sentences) {
    for (const slot of sentence.slots) {
      const record = registry.get(slot.ids[0]!);
      if (record?.type === 'event' && record.parent && !events.has(record.parent)) events.set(record.parent, record.id);
    }
  }
  return events;
}

/**
 * "the BRICS summit": the organisation's slot stands for its meeting.
 * "the UN confab": when the article names an event of that organisation
 * (the UN General Assembly), the phrase is a mention of that event.
 */
export function markEventReferences(sentences: readonly SlottedSentence[], registry: EntityRegistry): SlottedSentence[] {
  const events = eventsByOrganisation(sentences, registry);
  return sentences.map((sentence) =>
    replaceSlots(sentence, (slot) => {
      const next = sentence.tokens[slot.tokenEnd];
      // "the Jeddah talks", "the Geneva conference": a town's name before a meeting noun names the meeting.
      if (next && PLACE_EVENT_NOUNS.has(next.norm) && !next.capitalised && slot.kind === 'name' && slot.ids.length === 1 && registry.typeOf(slot.ids[0]!) === 'place') {
        const label = `${registry.label(slot.ids[0]!)} ${next.norm}`;
        const event = registry.ensure(kebabId(label), label, 'event');
        return { ...slot, ids: [event.id], tokenEnd: slot.tokenEnd + 1 };
      }
      if (!next || !EVENT_NOUNS.has(next.norm) || registry.typeOf(slot.ids[0]!) !== 'organisation' || slot.kind !== 'name') return slot;
      const event = events.get(slot.ids[0]!);
      if (!event || next.norm === 'summit' || next.norm === 'summits') return { ...slot, eventHead: true };
      // "the UN confab" is a mention "UN confab" of the event: the article's "the" is not part of its name.
      const dropsArticle = sentence.tokens[slot.tokenStart]!.norm === 'the' && slot.tokenEnd - slot.tokenStart > 1;
      return { ...slot, ids: [event], tokenStart: dropsArticle ? slot.tokenStart + 1 : slot.tokenStart, tokenEnd: slot.tokenEnd + 1 };
    }),
  );
}

/** Nouns that make a town's name the name of a meeting held there ("the Johannesburg summit" is a bloc's summit, left to the summit references). */
const PLACE_EVENT_NOUNS = new Set(['talks', 'conference', 'negotiations', 'process', 'forum']);

const MEETING_NOUNS = new Set(['summit', 'gathering', 'conference', 'meeting']);
const DEFINITE = new Set(['the', 'this', 'that', 'their', 'its']);

/** A lower-case word (or number) that may stand between a determiner and a meeting noun ("the two-day summit"). */
function meetingQualifier(sentence: SentenceSlots, d: number): boolean {
  const token = sentence.tokens[d]!;
  return !sentence.at(d) && /^[\p{Ll}\p{N}-]+$/u.test(token.text) && !DEFINITE.has(token.norm) && token.norm !== 'a' && token.norm !== 'an';
}

interface SentenceSlots {
  tokens: SlottedSentence['tokens'];
  at: (i: number) => Slot | undefined;
}

/**
 * "NATO leaders gathered … for a two-day summit", then "Zelensky attended the
 * summit": a meeting noun in a sentence that names an organisation is that
 * organisation's meeting, and "the summit", "the gathering" later refer back
 * to the meeting named last. Another instance ("last year’s summit") does not.
 */
export function markMeetingReferences(sentences: readonly SlottedSentence[], registry: EntityRegistry, topic?: string): SlottedSentence[] {
  let current: string | undefined;
  // "the 15th summit" is a summit: not the UN General Assembly session named in between. Before any
  // summit is named, a bloc's encyclopedia lead speaks of its own ("The 2022 summit was held in Samarkand").
  let currentSummit: string | undefined = topic;
  const isSummit = (slot: Slot) => slot.eventHead || /\bsummit\b/i.test(registry.label(slot.ids[0]!));
  const isOrganisationName = (s: Slot) => s.recorded && !s.modifier && registry.typeOf(s.ids[0]!) === 'organisation';
  return sentences.map((sentence) => {
    const { tokens } = sentence;
    const inserter = new SlotInserter(sentence);
    const view: SentenceSlots = { tokens, at: (i) => inserter.at(i) };
    for (let i = 0; i < tokens.length; i++) {
      const slot = inserter.at(i);
      if (slot && slot.tokenStart === i && (slot.eventHead || registry.typeOf(slot.ids[0]!) === 'event')) {
        current = slot.ids[0];
        if (isSummit(slot)) currentSummit = slot.ids[0];
      }
      const token = tokens[i]!;
      if (slot || !MEETING_NOUNS.has(token.norm)) continue;
      let d = i - 1;
      for (let words = 0; words < 2 && d >= 0; words++) {
        // "the Johannesburg summit": the town it was held in qualifies it like an adjective.
        const town = inserter.at(d);
        if (town && town.recorded && town.tokenEnd === d + 1 && registry.typeOf(town.ids[0]!) === 'place') d = town.tokenStart - 1;
        else if (meetingQualifier(view, d)) d--;
        else break;
      }
      const determiner = tokens[d]?.norm ?? '';
      const organisation = token.norm !== 'meeting' ? lastSlotEndingBy(inserter.all, i, isOrganisationName) : undefined;
      let referent: string | undefined;
      if (organisation && (DEFINITE.has(determiner) || determiner === 'a' || determiner === 'an')) referent = organisation.ids[0];
      else if (DEFINITE.has(determiner)) referent = token.norm === 'summit' ? currentSummit : current;
      if (!referent) continue;
      current = referent;
      if (token.norm === 'summit') currentSummit = referent;
      const isEvent = registry.typeOf(referent) === 'event';
      const note = `“${token.text}” is ${isEvent ? 'the ' + registry.label(referent) : `the ${registry.label(referent)} ${token.norm}`}, named before.`;
      inserter.add(emptySlot({ ids: [referent], tokenStart: i, tokenEnd: i + 1, kind: 'reference', recorded: false, eventHead: !isEvent, note }));
    }
    const layer = inserter.done();
    return layer === sentence ? sentence : { ...sentence, ...layer };
  });
}

/**
 * The last of `slots` (sorted by start) that ends by token `index` and passes `test`. Starts from the slots
 * that begin before `index`, found by bisection: scanning down from the end of the sentence per noun is
 * quadratic in a long sentence.
 */
function lastSlotEndingBy(slots: readonly Slot[], index: number, test: (slot: Slot) => boolean): Slot | undefined {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slots[mid]!.tokenStart < index) low = mid + 1;
    else high = mid;
  }
  for (let k = low - 1; k >= 0; k--) {
    const slot = slots[k]!;
    if (slot.tokenEnd <= index && test(slot)) return slot;
  }
  return undefined;
}

/** "Russian forces", "Iranian officials": the demonym acts for its country; "Haitian gang leaders" never stands for it. */
export function markAgents(sentences: readonly SlottedSentence[]): SlottedSentence[] {
  return sentences.map((sentence) =>
    replaceSlots(sentence, (slot) => {
      if (slot.kind !== 'adjective') return slot;
      const next = sentence.tokens[slot.tokenEnd];
      const afterNext = sentence.tokens[slot.tokenEnd + 1];
      if (next && NON_STATE_NOUNS.has(next.norm)) return { ...slot, nonState: true };
      const agentNounFollows = (next && AGENT_NOUNS.has(next.norm)) || (next && !next.capitalised && afterNext && AGENT_NOUNS.has(afterNext.norm) && next.kind === 'word');
      return agentNounFollows ? { ...slot, agent: true } : slot;
    }),
  );
}

/**
 * Records every name as a mention of its entity. A reference ("the summit"
 * for the G20 summit named before) is not a name: it would make "summit" an
 * alias of every summit the article mentions.
 */
export function recordMentions(document: { id: string; text: string }, sentences: readonly SlottedSentence[], registry: EntityRegistry): void {
  for (const sentence of sentences) {
    for (const slot of sentence.slots) {
      if (!slot.recorded) continue;
      const first = sentence.tokens[slot.tokenStart]!;
      const last = sentence.tokens[slot.tokenEnd - 1]!;
      registry.mention(slot.ids[0]!, document.id, first.start, last.end, document.text.slice(first.start, last.end));
    }
  }
}

/**
 * "the bloc", "the court", "the council", "the commission": the
 * organisation of that kind named last (in this sentence or before).
 * ("the alliance" only for a body that is one by name: the last-named body is too often not one.)
 * Each noun says which labels it can stand for, so "the court" never reads
 * as a bloc; "the Court" inside a name, and a lower-case noun before a
 * name ("the court of Appeal"), are not references.
 */
const ORGANISATION_REFERENCES: Array<{ nouns: string[]; fits: RegExp; unfit?: RegExp }> = [
  { nouns: ['court', 'tribunal'], fits: /\b(?:Court|Tribunal|ICC|ICJ)\b/ },
  { nouns: ['council'], fits: /\bCouncil\b/ },
  { nouns: ['commission'], fits: /\bCommission\b/ },
  { nouns: ['organisation', 'organization', 'grouping', 'body'], fits: /$^/ },
  // Only a body that is an alliance by name: "the alliance" after NATO, not after the last body of any kind.
  { nouns: ['alliance'], fits: /^(?:NATO|AUKUS)$|\b(?:Alliance|Treaty Organi[sz]ation|Pact)\b/ },
  // "the group’s defence minister" after the Houthis: an armed group or movement, never a court, agency or union of states.
  { nouns: ['group', 'militia', 'movement'], fits: /./, unfit: /\b(?:Court|Tribunal|ICC|ICJ|Council|Commission|Agency|Fund|Bank|Programme|Program|Ministry|Office|Department|Union|Nations|Organi[sz]ation|Community|Conference|Assembly|Summit)\b|^(?:UN|NATO|EU|BRICS|ASEAN|OPEC|G7|G20|CSTO|SCO)\b/ },
  { nouns: ['bloc'], fits: /./, unfit: /\b(?:Court|Tribunal|ICC|ICJ|Council|Commission|Agency|Fund|Bank|Programme|Program|Ministry|Forces|Army|Group|Party|Front|Movement|Office|Organization|Organisation)\b|^UN/ },
];

type OrganisationReference = (typeof ORGANISATION_REFERENCES)[number];

const COURTS = ORGANISATION_REFERENCES[0]!;
/** "the organisation": never the last body named, only the document's topic (set at the start). */
const TOPIC = ORGANISATION_REFERENCES.find((r) => r.nouns.includes('organisation'))!;
const CHAMBER = /\bChambers?\b/;

/** "Chamber II of the International Criminal Court": the court named right after the chamber. */
function courtOfChamber(sentence: SlottedSentence, inserter: SlotInserter, chamber: Slot, registry: EntityRegistry): string | undefined {
  let k = chamber.tokenEnd;
  if (sentence.tokens[k]?.norm !== 'of') return undefined;
  k++;
  if (sentence.tokens[k]?.norm === 'the' && !inserter.at(k)) k++;
  const court = inserter.at(k);
  return court && court.tokenStart === k && COURTS.fits.test(registry.label(court.ids[0]!)) ? court.ids[0] : undefined;
}

/** "the court" after a lower-case verb, not "the Court …" of a name nor "the court of Appeal". */
function organisationNounAt(sentence: SlottedSentence, inserter: SlotInserter, i: number): OrganisationReference | undefined {
  const { tokens } = sentence;
  const token = tokens[i]!;
  if (token.kind !== 'word' || token.capitalised || tokens[i - 1]?.norm !== 'the' || inserter.at(i - 1)) return undefined;
  const kind = ORGANISATION_REFERENCES.find((r) => r.nouns.includes(token.norm));
  const next = tokens[i + 1];
  // "the court of Justice X" / "the council Macron chairs" are not references; "accusing the court of bias" is.
  const beforeName = (next?.kind === 'word' && next.capitalised) || (next?.norm === 'of' && tokens[i + 2]?.capitalised);
  return beforeName ? undefined : kind;
}

/** Recorded after the mentions: "the bloc" is not a name of the bloc. */
export function markOrganisationReferences(sentences: readonly SlottedSentence[], registry: EntityRegistry, topic?: string): SlottedSentence[] {
  // The organisation named last that each kind of noun can stand for, kept as names go by: searching
  // back through every organisation named so far, per reference, is quadratic in the document.
  const lastFitting = new Map<OrganisationReference, string>();
  // "the organisation", "the grouping": only the one the document is about.
  if (topic) lastFitting.set(TOPIC, topic);
  const noteOrganisation = (id: string) => {
    const label = registry.label(id);
    for (const kind of ORGANISATION_REFERENCES) if (kind !== TOPIC && kind.fits.test(label) && !(kind.unfit?.test(label) ?? false)) lastFitting.set(kind, id);
  };
  return sentences.map((sentence) => {
    const { tokens } = sentence;
    const inserter = new SlotInserter(sentence);
    for (let i = 0; i < tokens.length; i++) {
      const slot = inserter.at(i);
      if (slot) {
        if (slot.tokenStart !== i || !slot.recorded || registry.typeOf(slot.ids[0]!) !== 'organisation') continue;
        // "Pre-Trial Chamber II of the International Criminal Court issued …": a chamber acts for its court.
        const court = CHAMBER.test(registry.label(slot.ids[0]!)) ? courtOfChamber(sentence, inserter, slot, registry) ?? lastFitting.get(COURTS) : undefined;
        if (court) {
          inserter.replace(slot, { ...slot, ids: [court], recorded: false, kind: 'reference', note: `${registry.label(slot.ids[0]!)} is a chamber of the ${registry.label(court)}.` });
        } else noteOrganisation(slot.ids[0]!);
        i = slot.tokenEnd - 1;
        continue;
      }
      const kind = organisationNounAt(sentence, inserter, i);
      const referent = kind && lastFitting.get(kind);
      if (!referent) continue;
      const phrase = `${tokens[i - 1]!.text} ${tokens[i]!.text}`;
      inserter.add(emptySlot({ ids: [referent], tokenStart: i - 1, tokenEnd: i + 1, kind: 'reference', recorded: false, note: `“${phrase}” refers to ${registry.label(referent)}, named before.` }));
      i++;
    }
    const layer = inserter.done();
    return layer === sentence ? sentence : { ...sentence, ...layer };
  });
}

/** Nouns that describe a state: "the Gulf nation", "the Balkan country", "the island state". */
const STATE_NOUNS = new Set(['nation', 'country', 'state', 'kingdom', 'republic', 'emirate', 'monarchy', 'sultanate', 'archipelago']);
/** After the noun, a word that makes it a modifier ("state media", "the country of …"), not a reference. */
const STATE_NOUN_MODIFIES = /^(?:of|media|television|tv|news|agency|department|secretary|visit|dinner|funeral|banquet|oil|company|firm|firms|companies|enterprise|enterprises|power|broadcaster|radio|run|owned|officials|budget|debt|level|actors|actor|security|capitalism|sponsor|sponsors)$/;
/** Words after "the" that make it some other state: "the other country", "the two nations", "the host country". */
const OTHER_STATE = /^(?:other|two|three|both|each|same|whole|entire|host|member|neighbouring|neighboring|first|second|third|last|next|previous|former|new|only|one|every|target|home)$/;
/** How many sentences back a description may reach for its state. */
const STATE_REFERENCE_REACH = 3;

/**
 * "The Gulf nation urged …", "the Balkan country", "the country": the state
 * named last, within the last few sentences. A description with words
 * before its noun ("Gulf", "island", "oil-rich") takes the state named last;
 * a bare "the country" only when a single state was named in reach, since
 * news often names two and "the country" could be either.
 */
export function markStateReferences(sentences: readonly SlottedSentence[], registry: EntityRegistry): SlottedSentence[] {
  /** States named, with the sentence each was last named in. */
  const named: Array<{ id: string; sentence: number }> = [];
  return sentences.map((sentence, index) => {
    const { tokens } = sentence;
    const inserter = new SlotInserter(sentence);
    for (let i = 0; i < tokens.length; i++) {
      const slot = inserter.at(i);
      if (slot) {
        // "Chinese Foreign Minister Wang Yi … urged the two neighbours": a title's qualifier names the holder's state, not a party.
        const qualifiesTitle = sentence.titleAt[slot.tokenEnd]?.tokenStart === slot.tokenEnd;
        if (slot.tokenStart === i && slot.recorded && slot.ids.length === 1 && !qualifiesTitle && registry.typeOf(slot.ids[0]!) === 'country') named.push({ id: slot.ids[0]!, sentence: index });
        continue;
      }
      const pair = statePairAt(tokens, i);
      if (pair) {
        const both = mainStates(named, pair.count);
        // "the three *European governments*": the words after the number may be a name of their own, taken in.
        const inner = inserter.at(pair.end - 1) ?? (pair.end - pair.start === 4 ? inserter.at(pair.start + 2) : undefined);
        const takesIn = !inner || (inner.tokenStart >= pair.start + 2 && inner.tokenEnd <= pair.end && registry.typeOf(inner.ids[0]!) !== 'country');
        if (both && !inserter.at(pair.start) && takesIn) {
          const phrase = tokens.slice(pair.start, pair.end).map((t) => t.text).join(' ');
          const reference = emptySlot({ ids: both, tokenStart: pair.start, tokenEnd: pair.end, kind: 'reference', recorded: false, note: `“${phrase}” are ${both.map((id) => registry.label(id)).join(' and ')}, named before.` });
          if (inner) inserter.replace(inner, reference);
          else inserter.add(reference);
          i = pair.end - 1;
          continue;
        }
      }
      const description = stateDescriptionAt(sentence, inserter, i, registry);
      if (!description) continue;
      const inReach = named.filter((n) => index - n.sentence <= STATE_REFERENCE_REACH);
      const distinct = [...new Set(inReach.map((n) => n.id))];
      const referent = description.described ? inReach[inReach.length - 1]?.id : distinct.length === 1 ? distinct[0] : undefined;
      if (!referent) continue;
      const phrase = tokens.slice(description.start, i + 1).map((t) => t.text).join(' ');
      const reference = emptySlot({ ids: [referent], tokenStart: description.start, tokenEnd: i + 1, kind: 'reference', recorded: false, note: `“${phrase}” refers to ${registry.label(referent)}, named before.` });
      if (description.region) inserter.replace(description.region, reference);
      else inserter.add(reference);
    }
    const layer = inserter.done();
    return layer === sentence ? sentence : { ...sentence, ...layer };
  });
}

/**
 * "Both countries", "the two sides": the story's two protagonists — the two
 * states named most often so far, the earlier named first on a tie
 * ("Japan curbed exports to South Korea. Both countries are allies of the
 * United States" is Japan and South Korea, not the United States).
 */
function mainStates(named: ReadonlyArray<{ id: string; sentence: number }>, count: number): string[] | undefined {
  const counts = new Map<string, number>();
  for (const { id } of named) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (counts.size < count) return undefined;
  // Map keeps first-insertion order, so a stable sort by count leaves ties in order of first naming.
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, count).map(([id]) => id);
}

const STATE_PLURALS = new Set(['countries', 'nations', 'states', 'neighbours', 'neighbors', 'governments', 'capitals', 'sides']);

const COUNTS: ReadonlyMap<string, number> = new Map([['two', 2], ['three', 3], ['four', 4]]);

/**
 * "Both countries", "the two nations", "the three European governments"
 * starting at token `i`: where the phrase ends and how many states it names.
 */
function statePairAt(tokens: SlottedSentence['tokens'], i: number): { start: number; end: number; count: number } | undefined {
  const first = tokens[i]!.norm;
  if (first === 'both' && STATE_PLURALS.has(tokens[i + 1]?.norm ?? '')) return { start: i, end: i + 2, count: 2 };
  const count = first === 'the' ? COUNTS.get(tokens[i + 1]?.norm ?? '') : undefined;
  if (!count) return undefined;
  // One describing word may stand before the noun: "the three European governments".
  const noun = STATE_PLURALS.has(tokens[i + 2]?.norm ?? '') ? i + 2 : STATE_PLURALS.has(tokens[i + 3]?.norm ?? '') && tokens[i + 2]?.kind === 'word' ? i + 3 : -1;
  return noun < 0 ? undefined : { start: i, end: noun + 1, count };
}

/** "the [up to two describing words] nation" ending at token `i`: where it starts, whether it has describing words, and a region name it takes in. */
function stateDescriptionAt(sentence: SlottedSentence, inserter: SlotInserter, i: number, registry: EntityRegistry): { start: number; described: boolean; region?: Slot } | undefined {
  const { tokens } = sentence;
  const noun = tokens[i]!;
  if (noun.kind !== 'word' || noun.capitalised || !STATE_NOUNS.has(noun.norm)) return undefined;
  const next = tokens[i + 1];
  if (next && (next.kind === 'word' && STATE_NOUN_MODIFIES.test(next.norm))) return undefined;
  if (next?.text === '-') return undefined;
  let region: Slot | undefined;
  let k = i - 1;
  for (let words = 0; words < 2 && k >= 0 && tokens[k]!.norm !== 'the'; words++, k--) {
    const slot = inserter.at(k);
    if (slot) {
      // "the Gulf nation": a region's name describes; a state's or a person's does not.
      if (region || slot.tokenEnd !== k + 1 || registry.typeOf(slot.ids[0]!) !== 'place') return undefined;
      region = slot;
      k = slot.tokenStart;
      continue;
    }
    const word = tokens[k]!;
    if (word.kind !== 'word' || OTHER_STATE.test(word.norm)) return undefined;
  }
  // "The Gulf" may be the region's own name, article included.
  const start = region && tokens[region.tokenStart]!.norm === 'the' ? region.tokenStart : k;
  if (tokens[start]?.norm !== 'the' || (inserter.at(start) && inserter.at(start) !== region)) return undefined;
  return { start, described: start < i - 1, ...(region ? { region } : {}) };
}
