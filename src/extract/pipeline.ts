/**
 * One document, start to finish
 * =============================
 *
 *   sentences → tokens → gazetteer names, titles → other names (people,
 *   organisations) → slots → event references, roles → per sentence in
 *   order: quotations and speakers, clauses, pronouns and title references,
 *   relation rules → candidate relations.
 *
 * Sentences are processed in order because reference depends on what came
 * before: "he" is the person last named, "the president himself" the
 * president last named, "us" in a quotation the speaker's country.
 */

import type { Candidate, SentenceAnalysis, Slot, SlotKind } from './analysis.ts';
import { emptySlot } from './analysis.ts';
import { findClauses, type Clauses } from './clauses.ts';
import type { EntityRegistry } from './entities.ts';
import { AGENT_NOUNS, NON_STATE_NOUNS } from './gazetteer/titles.ts';
import { matchGazetteer, type GazetteerMatch } from './gazetteerMatch.ts';
import {
  AUXILIARIES,
  EVENT_NOUNS,
  FIRST_PERSON_PLURAL,
  FIRST_PERSON_SINGULAR,
  PERSON_PRONOUNS,
  SPEECH_VERBS,
  THIRD_PERSON_PLURAL,
} from './lexicon.ts';
import { findNames, type NameInput } from './names.ts';
import { applyRules, type SentenceContext } from './relations.ts';
import { findRoles, type OfficeMemory } from './roles.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import { matchTitles, titleKey } from './titles.ts';
import { tokenize } from './tokens.ts';

export interface DocumentInput {
  id: string;
  title: string;
  text: string;
}

export interface ProgressReport {
  done: number;
  total: number;
}

/** Titles a pronoun-like "the president" can refer back through; generic words ("the official") cannot. */
const REFERABLE_TITLE = /^(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|crown prince|supreme leader|secretary[- ]general|director[- ]general|foreign minister|defen[cs]e minister|prosecutor|chief prosecutor|pope)$/;

export function analyseDocument(doc: DocumentInput, registry: EntityRegistry, onProgress?: (report: ProgressReport) => void): Candidate[] {
  const { text } = doc;
  const spans = splitSentences(text);

  const sentences = readSentences(text, spans, registry);

  markEventReferences(sentences, registry);
  markMeetingReferences(sentences, registry);
  for (const sentence of sentences) markAgents(sentence);

  // Record mentions (names as written).
  for (const sentence of sentences) {
    for (const slot of sentence.slots) {
      const first = sentence.tokens[slot.tokenStart]!;
      const last = sentence.tokens[slot.tokenEnd - 1]!;
      registry.mention(slot.ids[0]!, doc.id, first.start, last.end, text.slice(first.start, last.end));
    }
  }

  // After the mentions: "the bloc" is not a name of the bloc.
  markOrganisationReferences(sentences, registry);

  const offices: OfficeMemory = new Map();
  const candidates: Candidate[] = [];
  const state: DiscourseState = { lastPersons: [], quoteOpen: false, carriedSpeaker: [], paragraph: -1, lastSpeaker: [], affiliations: new Map() };
  // Progress counts every sentence, read or left out (see `readSentences`).
  const total = spans.length;
  const progressEvery = Math.max(1, Math.floor(total / 20));

  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    if (sentence.span.paragraph !== state.paragraph) {
      // A new paragraph closes any quotation left open, but its speaker may continue ("“…” he said. ¶ “…”").
      state.paragraph = sentence.span.paragraph;
      state.quoteOpen = false;
    }
    const roles = findRoles(sentence, registry, offices);
    const startsInQuote = state.quoteOpen;
    markQuotes(sentence, state);
    const clauses = findClauses(sentence.tokens, sentence.slotAt, startsInQuote);
    sentence.clause = clauses.clause;
    sentence.clauseAntecedent = clauses.antecedent;

    resolveThirdPerson(sentence, clauses, registry, state);
    findSpeakers(sentence, registry, state);
    resolveFirstPerson(sentence, registry, roles.map((r) => ({ person: r.person, target: r.target })), state);
    for (const slot of sentence.slots) if (slot.recorded && registry.typeOf(slot.ids[0]!) === 'person') state.lastPersons.push(slot.ids[0]!);

    const context: SentenceContext = { document: doc.id, sentence, clauses, registry, mainPerson: mainPerson(sentence, registry) };
    for (const role of roles) {
      candidates.push({
        type: role.type,
        source: role.person,
        target: role.target,
        document: doc.id,
        sentence,
        negated: false,
        hedged: false,
        notes: role.note ? [role.note] : [],
        rule: 'title',
        at: role.at,
      });
    }
    for (const candidate of applyRules(context)) candidates.push(candidate);
    const index = sentence.span.index;
    if (onProgress && (index % progressEvery === 0 || index === total - 1)) onProgress({ done: index + 1, total });
  }
  const lastRead = sentences[sentences.length - 1]?.span.index ?? -1;
  if (onProgress && total > 0 && lastRead < total - 1) onProgress({ done: total, total });
  return candidates;
}

/**
 * Tokens, names and titles of every sentence. In a function of its own so
 * that what only finding names needs (gazetteer matches, covered tokens) is
 * freed before the sentences are read in order: a text of a million one-word
 * sentences would otherwise hold it all to the end.
 */
function readSentences(text: string, spans: SentenceSpan[], registry: EntityRegistry): SentenceAnalysis[] {
  // Names the gazetteer knows, and titles.
  const inputs: NameInput[] = [];
  const read: SentenceSpan[] = [];
  const gazetteer: GazetteerMatch[][] = [];
  for (const span of spans) {
    const tokens = tokenize(text, span.start, span.end);
    // Punctuation alone (". . . .") names no one, opens no quotation and triggers nothing: it is
    // left out, so that a text of a million such "sentences" costs what prose does.
    if (tokens.every((token) => token.kind === 'punct')) continue;
    read.push(span);
    const matches = matchGazetteer(tokens);
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (const m of matches) for (let i = m.tokenStart; i < m.tokenEnd; i++) covered[i] = true;
    const titles = matchTitles(tokens, (i) => covered[i]!);
    // A place or an organisation named before an unknown organisation head ("African Union Commission") is part of a longer name.
    let placeNamesEndingAt: Map<number, number> | undefined;
    for (const m of matches) if (m.name.kind === 'name' && (m.entry.type === 'place' || m.entry.type === 'country' || m.entry.type === 'organisation')) (placeNamesEndingAt ??= new Map()).set(m.tokenEnd, m.tokenStart);
    inputs.push({ tokens, covered, titles, ...(placeNamesEndingAt ? { placeNamesEndingAt } : {}) });
    gazetteer.push(matches);
  }

  // Names it does not.
  const names = findNames(text, inputs);

  return read.map((span, s) => {
    const { tokens, titles } = inputs[s]!;
    const slots: Slot[] = [];
    // A name found by rules that takes in a gazetteer name ("Caribbean Community") wins over it.
    const overlapsName = (start: number, end: number) => names[s]!.some((n) => start < n.tokenEnd && n.tokenStart < end);
    for (const m of gazetteer[s]!) {
      if (overlapsName(m.tokenStart, m.tokenEnd)) continue;
      registry.ensure(m.entry.id, m.entry.label, m.entry.type, m.entry.parent);
      const kind: SlotKind = m.name.kind;
      slots.push(emptySlot({ ids: [m.entry.id], tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, kind, recorded: true }));
    }
    for (const n of names[s]!) {
      registry.ensure(n.id, n.label, n.type);
      slots.push(emptySlot({ ids: [n.id], tokenStart: n.tokenStart, tokenEnd: n.tokenEnd, kind: 'name', recorded: true }));
    }
    slots.sort((a, b) => a.tokenStart - b.tokenStart);
    const sentence: SentenceAnalysis = {
      span,
      tokens,
      slots,
      slotAt: [],
      titles,
      titleAt: [],
      titlePhrase: new Array<boolean>(tokens.length).fill(false),
      clause: [],
      clauseAntecedent: NONE,
      quote: [],
      speakers: NONE,
    };
    indexSlots(sentence);
    sentence.titleAt = new Array(tokens.length).fill(undefined);
    for (const t of titles) for (let i = t.tokenStart; i < t.tokenEnd; i++) sentence.titleAt[i] = t;
    return sentence;
  });
}

/** Shared by the many sentences with no relative clause or quotation; replaced, never written to. */
const NONE: ReadonlyMap<number, never> = new Map<number, never>();

interface DiscourseState {
  /** Persons named so far, in order: "he" is the last. */
  lastPersons: string[];
  /** A quotation opened and not yet closed, carried into the next sentence of the paragraph. */
  quoteOpen: boolean;
  carriedSpeaker: string[];
  paragraph: number;
  /** Speaker of the last quotation, for a following quotation with no speech verb of its own. */
  lastSpeaker: string[];
  /** Whom each person works for, for "we" and "us" in their quotations. */
  affiliations: Map<string, string>;
}

function indexSlots(sentence: SentenceAnalysis): void {
  sentence.slots.sort((a, b) => a.tokenStart - b.tokenStart);
  sentence.slotAt = new Array(sentence.tokens.length).fill(undefined);
  for (const slot of sentence.slots) for (let i = slot.tokenStart; i < slot.tokenEnd; i++) sentence.slotAt[i] = slot;
}

/**
 * Adds a slot over free tokens. Inserted in place, not re-sorted and
 * re-indexed: a sentence can gain a slot per token (pronouns), and a full
 * re-index each time would be quadratic in its length.
 */
function addSlot(sentence: SentenceAnalysis, slot: Slot): void {
  for (let i = slot.tokenStart; i < slot.tokenEnd; i++) if (sentence.slotAt[i]) return;
  const { slots } = sentence;
  // After every slot starting at or before it, as a stable sort of slots + [slot] would place it.
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slots[mid]!.tokenStart <= slot.tokenStart) low = mid + 1;
    else high = mid;
  }
  slots.splice(low, 0, slot);
  for (let i = slot.tokenStart; i < slot.tokenEnd; i++) sentence.slotAt[i] = slot;
}

/**
 * "the BRICS summit": the organisation's slot stands for its meeting.
 * "the UN confab": when the article names an event of that organisation
 * (the UN General Assembly), the phrase is a mention of that event.
 */
function markEventReferences(sentences: SentenceAnalysis[], registry: EntityRegistry): void {
  const events = new Map<string, string>();
  for (const sentence of sentences) {
    for (const slot of sentence.slots) {
      const record = registry.get(slot.ids[0]!);
      if (record?.type === 'event' && record.parent && !events.has(record.parent)) events.set(record.parent, record.id);
    }
  }
  for (const sentence of sentences) {
    for (const slot of [...sentence.slots]) {
      const next = sentence.tokens[slot.tokenEnd];
      if (!next || !EVENT_NOUNS.has(next.norm) || registry.typeOf(slot.ids[0]!) !== 'organisation' || slot.kind !== 'name') continue;
      const event = events.get(slot.ids[0]!);
      if (event && next.norm !== 'summit' && next.norm !== 'summits') {
        // "the UN confab" is a mention "UN confab" of the event: the article's "the" is not part of its name.
        slot.ids = [event];
        if (sentence.tokens[slot.tokenStart]!.norm === 'the' && slot.tokenEnd - slot.tokenStart > 1) slot.tokenStart += 1;
        slot.tokenEnd += 1;
      } else {
        slot.eventHead = true;
      }
    }
    indexSlots(sentence);
  }
}

const MEETING_NOUNS = new Set(['summit', 'gathering', 'conference', 'meeting']);
const DEFINITE = new Set(['the', 'this', 'that', 'their', 'its']);

/**
 * "NATO leaders gathered … for a two-day summit", then "Zelensky attended the
 * summit": a meeting noun in a sentence that names an organisation is that
 * organisation's meeting, and "the summit", "the gathering" later refer back
 * to the meeting named last. Another instance ("last year’s summit") does not.
 */
function markMeetingReferences(sentences: SentenceAnalysis[], registry: EntityRegistry): void {
  let current: string | undefined;
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const slot = sentence.slotAt[i];
      if (slot && slot.tokenStart === i && (slot.eventHead || registry.typeOf(slot.ids[0]!) === 'event')) current = slot.ids[0];
      const token = tokens[i]!;
      if (slot || !MEETING_NOUNS.has(token.norm)) continue;
      let d = i - 1;
      for (let words = 0; words < 2 && d >= 0 && !sentence.slotAt[d] && /^[\p{Ll}\p{N}-]+$/u.test(tokens[d]!.text) && !DEFINITE.has(tokens[d]!.norm) && tokens[d]!.norm !== 'a' && tokens[d]!.norm !== 'an'; words++) d--;
      const determiner = tokens[d]?.norm ?? '';
      const organisation = token.norm !== 'meeting' ? lastSlotEndingBy(sentence.slots, i, (s) => s.recorded && !s.modifier && registry.typeOf(s.ids[0]!) === 'organisation') : undefined;
      let referent: string | undefined;
      if (organisation && (DEFINITE.has(determiner) || determiner === 'a' || determiner === 'an')) referent = organisation.ids[0];
      else if (DEFINITE.has(determiner) && current) referent = current;
      if (!referent) continue;
      current = referent;
      const isEvent = registry.typeOf(referent) === 'event';
      addSlot(
        sentence,
        emptySlot({
          ids: [referent],
          tokenStart: i,
          tokenEnd: i + 1,
          kind: 'reference',
          recorded: false,
          eventHead: !isEvent,
          note: `“${token.text}” is ${isEvent ? 'the ' + registry.label(referent) : `the ${registry.label(referent)} ${token.norm}`}, named before.`,
        }),
      );
    }
  }
}

/**
 * The last of `slots` (sorted by start) that ends by token `index` and passes `test`. Starts from the slots
 * that begin before `index`, found by bisection: scanning down from the end of the sentence per noun is
 * quadratic in a long sentence.
 */
function lastSlotEndingBy(slots: Slot[], index: number, test: (slot: Slot) => boolean): Slot | undefined {
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

/**
 * "the bloc", "the court", "the council", "the commission": the
 * organisation of that kind named last (in this sentence or before).
 * ("the alliance" is left out: the last-named body is too often not one.)
 * Each noun says which labels it can stand for, so "the court" never reads
 * as a bloc; "the Court" inside a name, and a lower-case noun before a
 * name ("the court of Appeal"), are not references.
 */
const ORGANISATION_REFERENCES: Array<{ nouns: string[]; fits: RegExp; unfit?: RegExp }> = [
  { nouns: ['court', 'tribunal'], fits: /\b(?:Court|Tribunal|ICC|ICJ)\b/ },
  { nouns: ['council'], fits: /\bCouncil\b/ },
  { nouns: ['commission'], fits: /\bCommission\b/ },
  { nouns: ['bloc'], fits: /./, unfit: /\b(?:Court|Tribunal|ICC|ICJ|Council|Commission|Agency|Fund|Bank|Programme|Program|Ministry|Forces|Army|Group|Party|Front|Movement|Office|Organization|Organisation)\b|^UN/ },
];

function markOrganisationReferences(sentences: SentenceAnalysis[], registry: EntityRegistry): void {
  // The organisation named last that each kind of noun can stand for, kept as names go by: searching
  // back through every organisation named so far, per reference, is quadratic in the document.
  const lastFitting = new Map<(typeof ORGANISATION_REFERENCES)[number], string>();
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const slot = sentence.slotAt[i];
      if (slot) {
        if (slot.tokenStart === i && slot.recorded && registry.typeOf(slot.ids[0]!) === 'organisation') {
          const label = registry.label(slot.ids[0]!);
          for (const kind of ORGANISATION_REFERENCES) if (kind.fits.test(label) && !(kind.unfit?.test(label) ?? false)) lastFitting.set(kind, slot.ids[0]!);
        }
        continue;
      }
      const token = tokens[i]!;
      if (token.kind !== 'word' || token.capitalised || tokens[i - 1]?.norm !== 'the' || sentence.slotAt[i - 1]) continue;
      const kind = ORGANISATION_REFERENCES.find((r) => r.nouns.includes(token.norm));
      const next = tokens[i + 1];
      // "the court of Justice X" / "the council Macron chairs" are not references; "accusing the court of bias" is.
      if (!kind || (next?.kind === 'word' && next.capitalised) || (next?.norm === 'of' && tokens[i + 2]?.capitalised)) continue;
      const referent = lastFitting.get(kind);
      if (!referent) continue;
      const phrase = `${tokens[i - 1]!.text} ${token.text}`;
      addSlot(sentence, emptySlot({ ids: [referent], tokenStart: i - 1, tokenEnd: i + 1, kind: 'reference', recorded: false, note: `“${phrase}” refers to ${registry.label(referent)}, named before.` }));
      i++;
    }
  }
}

/** "Russian forces", "Iranian officials": the demonym acts for its country. */
function markAgents(sentence: SentenceAnalysis): void {
  for (const slot of sentence.slots) {
    if (slot.kind !== 'adjective') continue;
    const next = sentence.tokens[slot.tokenEnd];
    const afterNext = sentence.tokens[slot.tokenEnd + 1];
    if (next && NON_STATE_NOUNS.has(next.norm)) {
      slot.nonState = true;
      continue;
    }
    if ((next && AGENT_NOUNS.has(next.norm)) || (next && !next.capitalised && afterNext && AGENT_NOUNS.has(afterNext.norm) && next.kind === 'word')) slot.agent = true;
  }
}

/** Numbers each quotation in the sentence; tokens outside quotations get 0. */
function markQuotes(sentence: SentenceAnalysis, state: DiscourseState): void {
  const { tokens } = sentence;
  sentence.quote = new Array(tokens.length).fill(0);
  let segment = 0;
  let open = state.quoteOpen;
  if (open) {
    segment = 1;
    sentence.speakers = new Map([[1, state.carriedSpeaker]]);
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'open-quote' && !open) {
      open = true;
      segment++;
    }
    sentence.quote[i] = open ? segment : 0;
    if (token.kind === 'close-quote' && open) open = false;
  }
  state.quoteOpen = open;
}

/** A person named as written, not as a title's qualifier: what "he" and "she" refer back to. */
function namesPerson(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && !slot.modifier && registry.typeOf(slot.ids[0]!) === 'person';
}

/** The entities before the main verb: "Officials in Austria, which …, and in Armenia, which …, have said they …". */
function mainSubjects(sentence: SentenceAnalysis, clauses: Clauses, registry: EntityRegistry): string[] {
  const ids: string[] = [];
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    if (clauses.clause[i] !== 0 || sentence.quote[i] !== 0) continue;
    const token = tokens[i]!;
    if (AUXILIARIES.has(token.norm) || SPEECH_VERBS.has(token.norm)) break;
    const slot = sentence.slotAt[i];
    if (slot && slot.tokenStart === i && slot.recorded && !slot.modifier && slot.kind !== 'adjective') {
      const type = registry.typeOf(slot.ids[0]!);
      if (type !== 'event' && type !== 'place') ids.push(slot.ids[0]!);
    }
  }
  return ids;
}

function firstNamedSubjects(sentence: SentenceAnalysis, clauses: Clauses, registry: EntityRegistry): { group: string[]; firstSlot: Slot | undefined } {
  const group = mainSubjects(sentence, clauses, registry).filter((id) => id !== undefined);
  return { group, firstSlot: sentence.slots.find((s) => s.recorded && s.ids.includes(group[0] ?? '')) };
}

/** The person named last who holds `key` ("president"); each person is checked once, however often named. */
function lastHolder(persons: string[], key: string, registry: EntityRegistry): string | undefined {
  const checked = new Set<string>();
  for (let k = persons.length - 1; k >= 0; k--) {
    const id = persons[k]!;
    if (checked.has(id)) continue;
    checked.add(id);
    const titles = registry.get(id)?.titles;
    if (titles && (titles.has(key) || [...titles].some((t) => t.endsWith(key)))) return id;
  }
  return undefined;
}

function resolveThirdPerson(sentence: SentenceAnalysis, clauses: Clauses, registry: EntityRegistry, state: DiscourseState): void {
  const { tokens } = sentence;
  // Kept up to date as the loop walks, not searched for per pronoun (quadratic in a long sentence). The
  // slots this loop adds are never recorded names, so neither changes under it.
  let personBefore: string | undefined;
  let subjects: { group: string[]; firstSlot: Slot | undefined } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const previous = sentence.slotAt[i - 1];
    if (namesPerson(previous, registry)) personBefore = previous.ids[0];
    const token = tokens[i]!;
    if (sentence.slotAt[i] || token.kind !== 'word') continue;
    // "Putin himself": an intensifier on the name before it, not another reference.
    if ((token.norm === 'himself' || token.norm === 'herself') && sentence.slotAt[i - 1]) continue;
    if (PERSON_PRONOUNS.has(token.norm) && sentence.quote[i] === 0) {
      // "her" before a noun is a possessive ("her country"), not a person.
      const next = tokens[i + 1];
      if (token.norm === 'her' && next && next.kind === 'word' && !/^(?:to|of|for|in|on|at|if|and|or|as|with|from|after|when)$/.test(next.norm)) continue;
      const person = personBefore ?? state.lastPersons[state.lastPersons.length - 1];
      if (!person) continue;
      const reflexive = tokens[i + 1]?.norm === 'himself' || tokens[i + 1]?.norm === 'herself' ? 1 : 0;
      addSlot(sentence, emptySlot({ ids: [person], tokenStart: i, tokenEnd: i + 1 + reflexive, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${registry.label(person)}, named before it.` }));
      continue;
    }
    if (THIRD_PERSON_PLURAL.has(token.norm) && sentence.quote[i] === 0) {
      subjects ??= firstNamedSubjects(sentence, clauses, registry);
      const { group, firstSlot } = subjects;
      if (group.length === 0 || !firstSlot || firstSlot.tokenStart > i) continue;
      addSlot(sentence, emptySlot({ ids: group, tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${group.map((id) => registry.label(id)).join(' and ')}, named at the start of the sentence.` }));
      continue;
    }
    // "the president himself": the president named last.
    const title = sentence.titleAt[i];
    if (title && title.tokenStart === i && tokens[i - 1]?.norm === 'the') {
      const key = titleKey(tokens, title);
      const after = tokens[title.tokenEnd];
      if (!REFERABLE_TITLE.test(key) || sentence.slotAt[title.tokenEnd] || after?.norm === 'of' || (after?.capitalised && after.kind === 'word')) continue;
      const holder = lastHolder(state.lastPersons, key, registry);
      if (!holder) continue;
      const reflexive = after?.norm === 'himself' || after?.norm === 'herself' ? 1 : 0;
      const phrase = tokens.slice(i - 1, title.tokenEnd).map((t) => t.text).join(' ');
      addSlot(sentence, emptySlot({ ids: [holder], tokenStart: i - 1, tokenEnd: title.tokenEnd + reflexive, kind: 'title', recorded: false, note: `“${phrase}” is ${registry.label(holder)}, the ${key} named before.` }));
    }
  }
}

function canSpeak(slot: Slot | undefined, registry: EntityRegistry): boolean {
  return !!slot && !slot.modifier && slot.kind !== 'adjective' && slot.ids.every((id) => registry.typeOf(id) !== 'place' && registry.typeOf(id) !== 'event');
}

/**
 * Where each quote segment starts and ends, in one pass (searching the
 * sentence per segment is quadratic in a run of quotations); undefined when
 * the sentence quotes nothing.
 */
function segmentBounds(quote: number[]): Map<number, { first: number; last: number }> | undefined {
  let bounds: Map<number, { first: number; last: number }> | undefined;
  for (let i = 0; i < quote.length; i++) {
    const segment = quote[i]!;
    if (segment === 0) continue;
    bounds ??= new Map();
    const seen = bounds.get(segment);
    if (seen) seen.last = i;
    else bounds.set(segment, { first: i, last: i });
  }
  return bounds;
}

/** Finds who speaks each quotation: "“…,” Lavrov said", "“…,” said Lavrov", "Lavrov said: “…”". */
function findSpeakers(sentence: SentenceAnalysis, registry: EntityRegistry, state: DiscourseState): void {
  const { tokens, quote } = sentence;
  const bounds = segmentBounds(quote);
  if (bounds) {
    const speakers = new Map(sentence.speakers);
    for (const [segment, { first, last }] of bounds) {
      let speaker: string[] | undefined;
      // Before: X said “…  /  X said: “…
      let k = first - 1;
      if (tokens[k]?.text === ':' || tokens[k]?.text === ',') k--;
      if (k >= 0 && SPEECH_VERBS.has(tokens[k]!.norm) && quote[k] === 0) {
        let j = k - 1;
        if (tokens[j]?.text === ',') j--;
        while (j >= 0 && AUXILIARIES.has(tokens[j]!.norm)) j--;
        if (canSpeak(sentence.slotAt[j], registry)) speaker = sentence.slotAt[j]!.ids;
      }
      // After: “…,” X said  /  “…,” said X
      if (!speaker && last + 1 < tokens.length) {
        let j = last + 1;
        if (tokens[j]?.text === ',') j++;
        const slot = sentence.slotAt[j];
        if (canSpeak(slot, registry)) {
          let v = slot!.tokenEnd;
          while (v < tokens.length && AUXILIARIES.has(tokens[v]!.norm)) v++;
          if (SPEECH_VERBS.has(tokens[v]?.norm ?? '')) speaker = slot!.ids;
        } else if (SPEECH_VERBS.has(tokens[j]?.norm ?? '') && canSpeak(sentence.slotAt[j + 1], registry)) {
          speaker = sentence.slotAt[j + 1]!.ids;
        }
      }
      speaker ??= speakers.get(segment) ?? state.lastSpeaker;
      speakers.set(segment, speaker);
      if (speaker.length) state.lastSpeaker = speaker;
    }
    sentence.speakers = speakers;
  }
  const openSegment = quote[quote.length - 1] ?? 0;
  state.carriedSpeaker = state.quoteOpen && openSegment > 0 ? (sentence.speakers.get(openSegment) ?? []) : [];
}

/** "I", "we", "us" inside a quotation: the speaker, or the state the speaker speaks for. */
function resolveFirstPerson(sentence: SentenceAnalysis, registry: EntityRegistry, roles: Array<{ person: string; target: string }>, state: DiscourseState): void {
  const { tokens, quote } = sentence;
  const affiliations = state.affiliations;
  for (const role of roles) if (!affiliations.has(role.person)) affiliations.set(role.person, role.target);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (quote[i] === 0 || sentence.slotAt[i] || token.kind !== 'word') continue;
    const speaker = sentence.speakers.get(quote[i]!)?.[0];
    if (!speaker) continue;
    if (FIRST_PERSON_SINGULAR.has(token.norm) && token.norm !== 'i') {
      addSlot(sentence, emptySlot({ ids: [speaker], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${registry.label(speaker)}, who is speaking.` }));
    } else if (FIRST_PERSON_PLURAL.has(token.norm)) {
      const speaksFor = registry.typeOf(speaker) === 'person' ? affiliations.get(speaker) : speaker;
      if (!speaksFor) continue;
      const note =
        speaksFor === speaker
          ? `“${token.text}” is ${registry.label(speaker)}, which is speaking.`
          : `“${token.text}” is ${registry.label(speaksFor)}: ${registry.label(speaker)} is speaking for it.`;
      addSlot(sentence, emptySlot({ ids: [speaksFor], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note }));
    }
  }
}

/** The first person named outside quotations, as a subject (not a title's qualifier). */
function mainPerson(sentence: SentenceAnalysis, registry: EntityRegistry): Slot | undefined {
  return sentence.slots.find((slot) => slot.recorded && !slot.modifier && sentence.quote[slot.tokenStart] === 0 && registry.typeOf(slot.ids[0]!) === 'person');
}
