/**
 * Stages 5–9: quotations, clauses, and what refers back
 * =====================================================
 *
 * Read in document order, because reference depends on what came before:
 * "he" is the person last named, "the president himself" the president last
 * named, "us" in a quotation the speaker's country. Each stage is a fold
 * over the sentences with its own small state, and returns new sentences.
 *
 *   markQuotes          quote segment of each token; quotations left open run on within the paragraph
 *   findSentenceClauses clauses (`clauses.ts`)
 *   resolveThirdPerson  "he", "they", "the president himself"
 *   findSpeakers        who speaks each quotation
 *   resolveFirstPerson  "me", "we", "us" inside a quotation
 */

import { findClauses } from './clauses.ts';
import type { EntityRegistry } from './entities.ts';
import { AUXILIARIES, DENIALS, FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, PERSON_PRONOUNS, SPEECH_VERBS, THIRD_PERSON_PLURAL } from './lexicon.ts';
import { emptySlot, SlotInserter, type ClausedSentence, type QuotedSentence, type ResolvedSentence, type RoledSentence, type Slot } from './sentenceModel.ts';
import { titleKey } from './titles.ts';

/** Stage 5: numbers each quotation in each sentence (tokens outside quotations get 0). A new paragraph closes any quotation left open. */
export function markQuotes(sentences: readonly RoledSentence[]): QuotedSentence[] {
  let paragraph = -1;
  let open = false;
  return sentences.map((sentence) => {
    if (sentence.span.paragraph !== paragraph) {
      paragraph = sentence.span.paragraph;
      open = false;
    }
    const opensInQuote = open;
    const { tokens } = sentence;
    const quote = new Array<number>(tokens.length).fill(0);
    let segment = open ? 1 : 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === 'open-quote' && !open) {
        open = true;
        segment++;
      }
      quote[i] = open ? segment : 0;
      if (token.kind === 'close-quote' && open) open = false;
    }
    return { ...sentence, quote, opensInQuote, endsInQuote: open };
  });
}

/** Stage 6: the clauses of each sentence; a quotation carried over is a clause of its own. */
export function findSentenceClauses(sentences: readonly QuotedSentence[]): ClausedSentence[] {
  return sentences.map((sentence) => ({ ...sentence, clauses: findClauses(sentence.tokens, sentence.slotAt, sentence.opensInQuote) }));
}

/** Titles a pronoun-like "the president" can refer back through; generic words ("the official") cannot. */
const REFERABLE_TITLE = /^(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|crown prince|supreme leader|secretary[- ]general|director[- ]general|foreign minister|defen[cs]e minister|prosecutor|chief prosecutor|pope)$/;

/** A person named as written, not as a title's qualifier: what "he" and "she" refer back to. */
function namesPerson(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && !slot.modifier && registry.typeOf(slot.ids[0]!) === 'person';
}

/** The entities before the main verb: "Officials in Austria, which …, and in Armenia, which …, have said they …". */
function mainSubjects(sentence: ClausedSentence, at: (i: number) => Slot | undefined, registry: EntityRegistry): string[] {
  const ids: string[] = [];
  const { tokens, clauses, quote } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    if (clauses.clause[i] !== 0 || quote[i] !== 0) continue;
    const token = tokens[i]!;
    if (AUXILIARIES.has(token.norm) || SPEECH_VERBS.has(token.norm)) break;
    const slot = at(i);
    if (slot && slot.tokenStart === i && slot.recorded && !slot.modifier && slot.kind !== 'adjective') {
      const type = registry.typeOf(slot.ids[0]!);
      if (type !== 'event' && type !== 'place') ids.push(slot.ids[0]!);
    }
  }
  return ids;
}

function firstNamedSubjects(sentence: ClausedSentence, inserter: SlotInserter, registry: EntityRegistry): { group: string[]; firstSlot: Slot | undefined } {
  const group = mainSubjects(sentence, (i) => inserter.at(i), registry).filter((id) => id !== undefined);
  return { group, firstSlot: inserter.all.find((s) => s.recorded && s.ids.includes(group[0] ?? '')) };
}

/** Titles persons hold: those stated in earlier documents (in the registry), then each sentence's as it is read. */
class KnownTitles {
  private readonly added = new Map<string, Set<string>>();

  constructor(private readonly registry: EntityRegistry) {}

  add(person: string, title: string): void {
    let titles = this.added.get(person);
    if (!titles) {
      titles = new Set(this.registry.get(person)?.titles);
      this.added.set(person, titles);
    }
    titles.add(title);
  }

  of(person: string): ReadonlySet<string> | undefined {
    return this.added.get(person) ?? this.registry.get(person)?.titles;
  }
}

/** Titles that name the same office: "the premier" is the prime minister named before. */
const SAME_OFFICE: ReadonlyMap<string, string> = new Map([['premier', 'prime minister']]);
const office = (title: string) => SAME_OFFICE.get(title) ?? title;

/**
 * The person named last who holds `key` ("president") — for "the Russian
 * president", one whose role is for that state; each person is checked
 * once, however often named.
 */
function lastHolder(persons: readonly string[], key: string, titles: KnownTitles, of?: { state: string; roles: ReadonlyMap<string, Set<string>> }): string | undefined {
  const checked = new Set<string>();
  const wanted = office(key);
  for (let k = persons.length - 1; k >= 0; k--) {
    const id = persons[k]!;
    if (checked.has(id)) continue;
    checked.add(id);
    const held = titles.of(id);
    if (!held || ![...held].some((t) => office(t) === wanted || office(t).endsWith(wanted))) continue;
    if (of && !of.roles.get(id)?.has(of.state)) continue;
    return id;
  }
  return undefined;
}

/** "her" before a noun is a possessive ("her country"), not a person. */
function possessiveHer(sentence: ClausedSentence, i: number): boolean {
  const next = sentence.tokens[i + 1];
  return sentence.tokens[i]!.norm === 'her' && !!next && next.kind === 'word' && !/^(?:to|of|for|in|on|at|if|and|or|as|with|from|after|when)$/.test(next.norm);
}

function reflexiveAt(sentence: ClausedSentence, i: number): 0 | 1 {
  const norm = sentence.tokens[i]?.norm;
  return norm === 'himself' || norm === 'herself' ? 1 : 0;
}

/**
 * Stage 7: "he", "she", "they" and "the president himself", outside
 * quotations: the person named last (in the sentence, or before it), the
 * subjects the sentence opens with, the holder of the title named last.
 */
export function resolveThirdPerson(sentences: readonly ClausedSentence[], registry: EntityRegistry): ClausedSentence[] {
  /** Persons named so far, in order: "he" is the last. */
  const lastPersons: string[] = [];
  const titles = new KnownTitles(registry);
  /** The states and bodies each person's roles are for, so "the Israeli prime minister" finds Israel's. */
  const roles = new Map<string, Set<string>>();
  /** The names the previous sentence opens with: what a sentence-initial "They" stands for. */
  let openingSubjects: string[] = [];
  return sentences.map((sentence) => {
    for (const { person, title } of sentence.titlesGiven) titles.add(person, title);
    for (const role of sentence.roles) {
      const held = roles.get(role.person) ?? new Set<string>();
      held.add(role.target);
      roles.set(role.person, held);
    }
    const resolved = resolveThirdPersonIn(sentence, registry, lastPersons, { titles, roles }, openingSubjects);
    openingSubjects = subjectsOpening(sentence, registry);
    for (const slot of sentence.slots) if (slot.recorded && registry.typeOf(slot.ids[0]!) === 'person') lastPersons.push(slot.ids[0]!);
    return resolved;
  });
}

interface Offices {
  titles: KnownTitles;
  roles: ReadonlyMap<string, Set<string>>;
}

/** "NATO leaders met …", "Russia and China signed …": the names a sentence opens with, before its first lower-case word. */
function subjectsOpening(sentence: ClausedSentence, registry: EntityRegistry): string[] {
  const ids: string[] = [];
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length && sentence.quote[i] === 0; i++) {
    const slot = sentence.slotAt[i];
    if (slot) {
      if (slot.tokenStart === i && slot.recorded && !slot.modifier && slot.kind !== 'adjective' && BODY_TYPES.has(registry.typeOf(slot.ids[0]!) ?? '')) ids.push(slot.ids[0]!);
      i = slot.tokenEnd - 1;
      continue;
    }
    const token = tokens[i]!;
    if (token.norm === 'and' || token.text === ',' || (i === 0 && token.norm === 'the')) continue;
    break;
  }
  return ids;
}

function resolveThirdPersonIn(sentence: ClausedSentence, registry: EntityRegistry, lastPersons: readonly string[], offices: Offices, previousOpening: readonly string[]): ClausedSentence {
  const { tokens, quote } = sentence;
  const inserter = new SlotInserter(sentence);
  const at = (i: number) => inserter.at(i);
  // Kept up to date as the loop walks, not searched for per pronoun (quadratic in a long sentence). The
  // slots this loop adds are never recorded names, so neither changes under it.
  let personBefore: string | undefined;
  let subjects: { group: string[]; firstSlot: Slot | undefined } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const previous = at(i - 1);
    if (namesPerson(previous, registry)) personBefore = previous.ids[0];
    const token = tokens[i]!;
    if (at(i) || token.kind !== 'word') continue;
    // "Putin himself": an intensifier on the name before it, not another reference.
    if ((token.norm === 'himself' || token.norm === 'herself') && at(i - 1)) continue;
    if (PERSON_PRONOUNS.has(token.norm) && quote[i] === 0) {
      if (possessiveHer(sentence, i)) continue;
      const person = personBefore ?? lastPersons[lastPersons.length - 1];
      if (!person) continue;
      const note = `“${token.text}” is ${registry.label(person)}, named before it.`;
      inserter.add(emptySlot({ ids: [person], tokenStart: i, tokenEnd: i + 1 + reflexiveAt(sentence, i + 1), kind: 'pronoun', recorded: false, note }));
      continue;
    }
    if (THIRD_PERSON_PLURAL.has(token.norm) && quote[i] === 0) {
      // "NATO leaders met in Washington. They called on Beijing …": a sentence that opens with "They".
      if (i === 0 && previousOpening.length) {
        const note = `“${token.text}” is ${previousOpening.map((id) => registry.label(id)).join(' and ')}, named at the start of the sentence before.`;
        inserter.add(emptySlot({ ids: [...previousOpening], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note }));
        continue;
      }
      subjects ??= firstNamedSubjects(sentence, inserter, registry);
      const { group, firstSlot } = subjects;
      if (group.length === 0 || !firstSlot || firstSlot.tokenStart > i) continue;
      const note = `“${token.text}” is ${group.map((id) => registry.label(id)).join(' and ')}, named at the start of the sentence.`;
      inserter.add(emptySlot({ ids: group, tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note }));
      continue;
    }
    if (token.norm === 'it' && quote[i] === 0) {
      const speaker = speakingBody(sentence, i, at, registry);
      if (speaker) inserter.add(emptySlot({ ids: [speaker], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${registry.label(speaker)}, who says so.` }));
      else if (tokens[i - 1]?.norm === 'and') {
        // "Rwanda said the summit could not go ahead …, and it called on Congo to …": the state the sentence opens with.
        const opening = subjectsOpening(sentence, registry);
        if (opening.length === 1) inserter.add(emptySlot({ ids: [opening[0]!], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${registry.label(opening[0]!)}, which the sentence opens with.` }));
      }
      continue;
    }
    const holder = titleReference(sentence, i, at, lastPersons, offices);
    if (!holder) continue;
    const qualifier = holder.qualifier;
    if (qualifier) inserter.replace(qualifier, titleReferenceSlot(sentence, holder, registry));
    else inserter.add(titleReferenceSlot(sentence, holder, registry));
  }
  const layer = inserter.done();
  return layer === sentence ? sentence : { ...sentence, ...layer };
}

const BODY_TYPES = new Set(['country', 'organisation', 'group']);

/**
 * "India denied that *it* had …", "Ireland said *it* would …": "it" right
 * after a speech verb (and "that") is the state or body that speaks.
 */
function speakingBody(sentence: ClausedSentence, i: number, at: (i: number) => Slot | undefined, registry: EntityRegistry): string | undefined {
  const { tokens } = sentence;
  let k = i - 1;
  if (tokens[k]?.norm === 'that') k--;
  if (!SPEECH_VERBS.has(tokens[k]?.norm ?? '') && !DENIALS.has(tokens[k]?.norm ?? '')) return undefined;
  for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
    if (tokens[j]!.text === ',' || tokens[j]!.kind === 'close-quote') return undefined;
    const slot = at(j);
    if (!slot) continue;
    if (!slot.recorded || slot.modifier || slot.kind === 'adjective') return undefined;
    return BODY_TYPES.has(registry.typeOf(slot.ids[0]!) ?? '') ? slot.ids[0] : undefined;
  }
  return undefined;
}

interface TitleReference {
  holder: string;
  key: string;
  /** "the *Russian* president": the state's slot the reference takes in. */
  qualifier?: Slot;
  /** Token of "the". */
  start: number;
  /** After the title, and after "himself" if it follows. */
  end: number;
  titleEnd: number;
}

/** "the president himself" at token `i` (the title): the president named last. */
function titleReference(sentence: ClausedSentence, i: number, at: (i: number) => Slot | undefined, lastPersons: readonly string[], offices: Offices): TitleReference | undefined {
  const { tokens } = sentence;
  const title = sentence.titleAt[i];
  if (!title || title.tokenStart !== i) return undefined;
  // "the Russian president", "the Israeli prime minister": a demonym between "the" and the title names the state.
  const before = at(i - 1);
  const qualifier = before && before.tokenEnd === i && before.kind === 'adjective' && namesOneState(before) ? before : undefined;
  const the = qualifier ? qualifier.tokenStart - 1 : i - 1;
  if (tokens[the]?.norm !== 'the') return undefined;
  const key = titleKey(tokens, title);
  const after = tokens[title.tokenEnd];
  const namesSomeoneAfter = at(title.tokenEnd) || after?.norm === 'of' || (after?.capitalised && after.kind === 'word');
  if (!REFERABLE_TITLE.test(key) || namesSomeoneAfter) return undefined;
  const holder = lastHolder(lastPersons, key, offices.titles, qualifier ? { state: qualifier.ids[0]!, roles: offices.roles } : undefined);
  if (!holder) return undefined;
  return { holder, key, ...(qualifier ? { qualifier } : {}), start: the, end: title.tokenEnd + reflexiveAt(sentence, title.tokenEnd), titleEnd: title.tokenEnd };
}

/** A qualifier slot that names one state. */
function namesOneState(slot: Slot): boolean {
  return slot.ids.length === 1;
}

function titleReferenceSlot(sentence: ClausedSentence, reference: TitleReference, registry: EntityRegistry): Slot {
  const { holder, key, start, end, titleEnd } = reference;
  const phrase = sentence.tokens.slice(start, titleEnd).map((t) => t.text).join(' ');
  return emptySlot({ ids: [holder], tokenStart: start, tokenEnd: end, kind: 'title', recorded: false, note: `“${phrase}” is ${registry.label(holder)}, the ${key} named before.` });
}

function canSpeak(slot: Slot | undefined, registry: EntityRegistry): boolean {
  return !!slot && !slot.modifier && slot.kind !== 'adjective' && slot.ids.every((id) => registry.typeOf(id) !== 'place' && registry.typeOf(id) !== 'event');
}

/**
 * Where each quote segment starts and ends, in one pass (searching the
 * sentence per segment is quadratic in a run of quotations); undefined when
 * the sentence quotes nothing.
 */
function segmentBounds(quote: readonly number[]): Map<number, { first: number; last: number }> | undefined {
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

/** Shared by the many sentences that quote no one; never written to. */
const NO_SPEAKERS: ReadonlyMap<number, readonly string[]> = new Map();

/**
 * Stage 8: who speaks each quotation — "“…,” Lavrov said", "“…,” said
 * Lavrov", "Lavrov said: “…”"; else the speaker of a quotation carried over
 * from the sentence before, else the speaker of the last quotation.
 */
export function findSpeakers(sentences: readonly ClausedSentence[], registry: EntityRegistry): ResolvedSentence[] {
  /** Speaker of the quotation left open at the end of the sentence before. */
  let carried: readonly string[] = [];
  /** Speaker of the last quotation, for a following quotation with no speech verb of its own. */
  let lastSpeaker: readonly string[] = [];
  return sentences.map((sentence) => {
    const carriedIn: ReadonlyMap<number, readonly string[]> = sentence.opensInQuote ? new Map([[1, carried]]) : NO_SPEAKERS;
    const bounds = segmentBounds(sentence.quote);
    let speakers = carriedIn;
    if (bounds) {
      const found = new Map(carriedIn);
      for (const [segment, { first, last }] of bounds) {
        const speaker = speakerOfSegment(sentence, first, last, registry) ?? found.get(segment) ?? lastSpeaker;
        found.set(segment, speaker);
        if (speaker.length) lastSpeaker = speaker;
      }
      speakers = found;
    }
    const openSegment = sentence.quote[sentence.quote.length - 1] ?? 0;
    carried = sentence.endsInQuote && openSegment > 0 ? (speakers.get(openSegment) ?? []) : [];
    return { ...sentence, speakers };
  });
}

/** The speaker named beside the quotation from token `first` to `last`, if any. */
function speakerOfSegment(sentence: ClausedSentence, first: number, last: number, registry: EntityRegistry): readonly string[] | undefined {
  const { tokens, quote, slotAt } = sentence;
  // Before: X said “…  /  X said: “…
  let k = first - 1;
  if (tokens[k]?.text === ':' || tokens[k]?.text === ',') k--;
  if (k >= 0 && SPEECH_VERBS.has(tokens[k]!.norm) && quote[k] === 0) {
    let j = k - 1;
    if (tokens[j]?.text === ',') j--;
    while (j >= 0 && AUXILIARIES.has(tokens[j]!.norm)) j--;
    if (canSpeak(slotAt[j], registry)) return slotAt[j]!.ids;
  }
  // After: “…,” X said  /  “…,” said X
  if (last + 1 >= tokens.length) return undefined;
  let j = last + 1;
  if (tokens[j]?.text === ',') j++;
  const slot = slotAt[j];
  if (canSpeak(slot, registry)) {
    let v = slot!.tokenEnd;
    while (v < tokens.length && AUXILIARIES.has(tokens[v]!.norm)) v++;
    return SPEECH_VERBS.has(tokens[v]?.norm ?? '') ? slot!.ids : undefined;
  }
  if (SPEECH_VERBS.has(tokens[j]?.norm ?? '') && canSpeak(slotAt[j + 1], registry)) return slotAt[j + 1]!.ids;
  return undefined;
}

/**
 * Stage 9: "me", "we", "us" inside a quotation — the speaker, or the state
 * the speaker speaks for (whom the person was last stated to work for).
 */
export function resolveFirstPerson(sentences: readonly ResolvedSentence[], registry: EntityRegistry): ResolvedSentence[] {
  /** Whom each person works for. */
  const affiliations = new Map<string, string>();
  return sentences.map((sentence) => {
    for (const role of sentence.roles) if (!affiliations.has(role.person)) affiliations.set(role.person, role.target);
    return resolveFirstPersonIn(sentence, registry, affiliations);
  });
}

function resolveFirstPersonIn(sentence: ResolvedSentence, registry: EntityRegistry, affiliations: ReadonlyMap<string, string>): ResolvedSentence {
  const { tokens, quote } = sentence;
  const inserter = new SlotInserter(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (quote[i] === 0 || inserter.at(i) || token.kind !== 'word') continue;
    const speaker = sentence.speakers.get(quote[i]!)?.[0];
    if (!speaker) continue;
    if (FIRST_PERSON_SINGULAR.has(token.norm) && token.norm !== 'i') {
      inserter.add(emptySlot({ ids: [speaker], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note: `“${token.text}” is ${registry.label(speaker)}, who is speaking.` }));
    } else if (FIRST_PERSON_PLURAL.has(token.norm)) {
      const speaksFor = registry.typeOf(speaker) === 'person' ? affiliations.get(speaker) : speaker;
      if (!speaksFor) continue;
      const note =
        speaksFor === speaker
          ? `“${token.text}” is ${registry.label(speaker)}, which is speaking.`
          : `“${token.text}” is ${registry.label(speaksFor)}: ${registry.label(speaker)} is speaking for it.`;
      inserter.add(emptySlot({ ids: [speaksFor], tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', recorded: false, note }));
    }
  }
  const layer = inserter.done();
  return layer === sentence ? sentence : { ...sentence, ...layer };
}
