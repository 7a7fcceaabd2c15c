/**
 * Roles from titles: leader-of and official-of
 * ============================================
 *
 * A title phrase states who a person is and for whom, in a few shapes:
 *
 *   Russian President Vladimir Putin              qualifier, title, name
 *   Russia’s top diplomat Sergei Lavrov            possessive, up to two words, title, name
 *   the ICC’s chief prosecutor, Karim Khan         possessive, title, comma, name
 *   the Secretary General of the Arab League, Ahmed Abu al-Gheit
 *   Rafael Grossi, the head of the IAEA           name, appositive title
 *   Foreign Ministry Spokesperson Maria Zakharova  no qualifier: the country of
 *                                                  the foreign minister named earlier
 *
 *   Rodrigo Duterte, who took office as the Philippines’ president   relative clause or copula
 *   her Japanese counterpart, Taro Kono            the office of the title before it
 *   Presiding Judge Tomoko Akane                   a court office: the court the document names
 *   former Nigerian President Olusegun Obasanjo    a former office states nothing
 *
 * The qualifier becomes a *modifier*: it names the person's state, it is not
 * an argument, so "a meeting with the Secretary General of the Arab League,
 * Ahmed Abu al-Gheit" is a meeting with the man, not the League.
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import type { RoleFact, RoledSentence, Slot, SlotLayer, SlottedSentence, TitleMatch } from './sentenceModel.ts';
import type { EntityRegistry } from './entities.ts';
import { gazetteerEntries } from './gazetteer/index.ts';
import { HONORIFICS } from './lexicon.ts';
import { titleKey } from './titles.ts';

/**
 * Country (or body) of each office ("foreign") as last stated in the document;
 * under `title:<title>`, the country a title was stated with in a paragraph
 * ("Malaysia’s prime minister") and the person named with it, if any.
 */
export type OfficeMemory = Map<string, { id: string; title: string; paragraph?: number; holder?: string }>;

const AFFILIATION_TYPES: BuiltInEntityTypeId[] = ['country', 'organisation', 'place'];

function isPerson(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && slot.ids.length === 1 && registry.typeOf(slot.ids[0]!) === 'person';
}

function affiliation(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && slot.recorded && slot.ids.length === 1 && AFFILIATION_TYPES.includes(registry.typeOf(slot.ids[0]!)!);
}

/** An affiliation named, or referred back to ("the bloc’s chairman", "the president of the court"). */
function affiliationOrReference(slot: Slot | undefined, registry: EntityRegistry): slot is Slot {
  return !!slot && (slot.recorded || slot.kind === 'reference') && slot.ids.length === 1 && AFFILIATION_TYPES.includes(registry.typeOf(slot.ids[0]!)!);
}

const DEPUTISING = /^(?:sent|sends|dispatched|dispatches|delegated)$/;

/**
 * "was represented by [Title]" or "sent [Title]" just before an unqualified
 * title: the person who did so, as stated earlier in the sentence with their
 * state (the last role fact before the title).
 */
function deputisedBy(sentence: SlottedSentence, title: TitleMatch, facts: RoleFact[]): RoleFact | undefined {
  const { tokens } = sentence;
  let k = title.tokenStart - 1;
  if (tokens[k]?.norm === 'the' || tokens[k]?.norm === 'his' || tokens[k]?.norm === 'her') k--;
  const represented = tokens[k]?.norm === 'by' && /^represented$/.test(tokens[k - 1]?.norm ?? '');
  if (!represented && !DEPUTISING.test(tokens[k]?.norm ?? '')) return undefined;
  return [...facts].reverse().find((f) => f.at < k && f.type === 'leader-of');
}

function isLowerWord(sentence: SlottedSentence, i: number): boolean {
  const token = sentence.tokens[i];
  return !!token && token.kind === 'word' && !token.capitalised && !sentence.slotAt[i];
}

/** The qualifier before a title: "Russian", "Russia’s", "the EU’s foreign policy". */
function qualifierBefore(sentence: SlottedSentence, title: TitleMatch, registry: EntityRegistry): Slot | undefined {
  let j = title.tokenStart - 1;
  let words = 0;
  for (; words < 2 && isLowerWord(sentence, j) && sentence.tokens[j]!.norm !== 'the' && sentence.tokens[j]!.norm !== 'whose'; words++) j--;
  const possessive = sentence.tokens[j]?.kind === 'possessive';
  if (possessive) j--;
  // "Hamas, whose political leader Ismail Haniyeh …": the name the relative clause hangs on.
  if (sentence.tokens[j]?.norm === 'whose' && sentence.tokens[j - 1]?.text === ',') {
    const antecedent = sentence.slotAt[j - 2];
    return antecedent && antecedent.tokenEnd === j - 1 && affiliationOrReference(antecedent, registry) ? antecedent : undefined;
  }
  const slot = sentence.slotAt[j];
  // "Russia’s top diplomat", "Russian top diplomat" — but "Britain designated Brigadier General X": a verb between.
  if (words > 0 && !possessive && slot?.kind !== 'adjective') return undefined;
  return affiliationOrReference(slot, registry) && slot.tokenEnd === j + 1 ? slot : undefined;
}

/** "of [the] X" right after a title. */
function ofAfter(sentence: SlottedSentence, index: number, registry: EntityRegistry): { slot: Slot; end: number } | undefined {
  // "a spokesman for Qatar’s Foreign Ministry", "a spokesman for the Iranian foreign ministry" as well as "of".
  const of = sentence.tokens[index]?.norm;
  if (of !== 'of' && !(of === 'for' && forAgency(sentence, index + 1))) return undefined;
  let k = index + 1;
  if (sentence.tokens[k]?.norm === 'the' && !sentence.slotAt[k]) k++;
  const slot = sentence.slotAt[k];
  return affiliationOrReference(slot, registry) && slot.tokenStart === k ? { slot, end: slot.tokenEnd } : undefined;
}

/** After "for": a state's ministry or office ("Qatar’s Foreign Ministry", "the Iranian foreign ministry"), not "envoy for the Horn of Africa". */
function forAgency(sentence: SlottedSentence, k: number): boolean {
  let i = k;
  if (sentence.tokens[i]?.norm === 'the' && !sentence.slotAt[i]) i++;
  const slot = sentence.slotAt[i];
  if (!slot) return false;
  i = slot.tokenEnd;
  if (sentence.tokens[i]?.kind === 'possessive') i++;
  for (let words = 0; words < 3 && sentence.tokens[i + words]?.kind === 'word'; words++) if (/^(?:ministry|office|department|government|presidency|embassy|mission)$/.test(sentence.tokens[i + words]!.norm)) return true;
  return false;
}

/**
 * "The Taliban rejected the move, with a spokesman, Zabihullah Mujahid, …",
 * "The Kremlin, through its spokesman, Dmitry Peskov, …": a spokesperson with
 * no qualifier, introduced by "its"/"their" or "with/through a", speaks for
 * the state or organisation the sentence opens with.
 */
function spokespersonOfSubject(sentence: SlottedSentence, title: TitleMatch, registry: EntityRegistry, modifiers: ReadonlySet<Slot>): Slot | undefined {
  if (title.title.office !== 'press') return undefined;
  const { tokens } = sentence;
  const determiner = tokens[title.tokenStart - 1]?.norm ?? '';
  const introduced = determiner === 'its' || determiner === 'their' || ((determiner === 'a' || determiner === 'an') && /^(?:with|through|via)$/.test(tokens[title.tokenStart - 2]?.norm ?? ''));
  return introduced ? subjectOf(sentence, registry, modifiers) : undefined;
}

/** What `findRoles` reads off one sentence. */
interface SentenceRoles {
  facts: RoleFact[];
  /** Qualifiers of title phrases ("Russian" in "Russian President Vladimir Putin"): to become modifier slots. */
  modifiers: Set<Slot>;
  /** Tokens of a title phrase before the person it names. */
  titlePhrase: boolean[] | undefined;
  titlesGiven: Array<{ person: string; title: string }>;
}

const NO_ROLES: SentenceRoles = { facts: [], modifiers: new Set(), titlePhrase: undefined, titlesGiven: [] };

/** What the document has stated so far, read by later sentences' titles. */
interface DocumentContext {
  offices: OfficeMemory;
  /** The court last named ("the International Criminal Court", "the court"), for "Judge X", "the Prosecutor, X". */
  court?: string;
  /** The state of a dateline ("WASHINGTON — …") that the lead sentence also names: unqualified national titles are its. */
  dateline?: string;
  /** Who a title-with-state was given to (`key|state` → person): an inferred state never gives one office two holders. */
  holders: Map<string, string>;
  /** States the document has named so far, by label: the one of a few states an office like "Foreign Secretary" can be. */
  states: Map<string, string>;
  /** The organisation last named, and in which sentence: the body of "the rotating chairmanship". */
  organisation?: { id: string; sentence: number };
}

const COURT_LABEL = /\b(?:Court|Tribunal|ICC|ICJ)\b/;
const DASHES = new Set(['—', '–', '-', '--']);

/**
 * Stage 4: the roles each sentence's title phrases state, in document order
 * (an unqualified title takes the country last stated for its office). The
 * qualifiers become modifier slots: new slots in place of the old.
 */
export function findDocumentRoles(sentences: readonly SlottedSentence[], registry: EntityRegistry): RoledSentence[] {
  const context: DocumentContext = { offices: new Map(), holders: new Map(), states: new Map() };
  const first = sentences[0];
  if (first) {
    const dateline = datelineState(first);
    if (dateline) context.dateline = dateline;
  }
  const roled = sentences.map((sentence, index) => {
    for (const slot of sentence.slots) {
      if (slot.recorded && slot.ids.length === 1 && registry.typeOf(slot.ids[0]!) === 'country') context.states.set(registry.label(slot.ids[0]!), slot.ids[0]!);
    }
    const found = findRoles(sentence, registry, context);
    const { modifiers, titlePhrase, titlesGiven } = found;
    const chair = context.organisation && index - context.organisation.sentence <= 3 ? rotatingChair(sentence, registry, context.organisation.id) : undefined;
    const facts = chair ? [...found.facts, chair] : found.facts;
    const court = lastCourt(sentence, registry, sentence.tokens.length);
    if (court) context.court = court;
    const organisation = lastOrganisation(sentence, registry);
    if (organisation) context.organisation = { id: organisation, sentence: index };
    // Without modifiers the layer is the sentence itself: copied once, not twice.
    const base = modifiers.size === 0 ? sentence : { ...sentence, ...withModifiers(sentence, modifiers) };
    return { ...base, roles: facts, titlePhrase: titlePhrase ?? new Array<boolean>(sentence.tokens.length).fill(false), titlesGiven };
  });
  return withoutContradictedInferences(roled);
}

/**
 * A state inferred for a title (from the paragraph, the dateline, the one
 * state named) gives way to what the document states outright: "Ukrainian
 * President Zelensky" anywhere makes a "President Zelensky" read as another
 * state's wrong.
 */
function withoutContradictedInferences(sentences: RoledSentence[]): RoledSentence[] {
  const stated = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    for (const fact of sentence.roles) {
      if (fact.note) continue;
      const key = `${fact.type}|${fact.person}`;
      const targets = stated.get(key) ?? new Set<string>();
      targets.add(fact.target);
      stated.set(key, targets);
    }
  }
  if (stated.size === 0) return sentences;
  const contradicted = (fact: RoleFact) => {
    const targets = fact.note ? stated.get(`${fact.type}|${fact.person}`) : undefined;
    return !!targets && !targets.has(fact.target);
  };
  return sentences.map((sentence) => (sentence.roles.some(contradicted) ? { ...sentence, roles: sentence.roles.filter((fact) => !contradicted(fact)) } : sentence));
}

/**
 * "WASHINGTON — Sweden formally joined …, handed to U.S. Secretary …": a
 * capital in capitals before a dash, whose state the lead sentence names
 * again. A wire report's unqualified "President Joe Biden" is that state's.
 */
function datelineState(sentence: SlottedSentence): string | undefined {
  const { tokens } = sentence;
  let end = 0;
  while (end < 4 && tokens[end]?.kind === 'word' && tokens[end]!.text.length > 1 && tokens[end]!.text === tokens[end]!.text.toUpperCase()) end++;
  if (end === 0 || !DASHES.has(tokens[end]?.text ?? '')) return undefined;
  const id = stateOfCapital(tokens.slice(0, end).map((t) => t.norm).join(' '));
  return id && sentence.slots.some((slot) => slot.ids.length === 1 && slot.ids[0] === id) ? id : undefined;
}

let capitals: Map<string, string> | undefined;

/** The state whose capital (or name) this is, lower case: "washington" → the United States. */
function stateOfCapital(name: string): string | undefined {
  if (!capitals) {
    capitals = new Map();
    for (const entry of gazetteerEntries()) {
      if (entry.type !== 'country') continue;
      for (const n of entry.names) if (n.kind === 'metonym' || n.kind === 'name') capitals.set(n.text.toLowerCase(), entry.id);
      capitals.set(entry.label.toLowerCase(), entry.id);
    }
  }
  return capitals.get(name);
}

/** The court last named in `sentence` before token `end`, by name or as "the court". */
function lastCourt(sentence: SlottedSentence, registry: EntityRegistry, end: number): string | undefined {
  let court: string | undefined;
  for (const slot of sentence.slots) {
    if (slot.tokenStart >= end) break;
    if (slot.ids.length !== 1 || (!slot.recorded && slot.kind !== 'reference')) continue;
    const id = slot.ids[0]!;
    if (registry.typeOf(id) === 'organisation' && COURT_LABEL.test(registry.label(id))) court = id;
  }
  return court;
}

/** The organisation last named in `sentence`, by name or as "the bloc". */
function lastOrganisation(sentence: SlottedSentence, registry: EntityRegistry): string | undefined {
  let found: string | undefined;
  for (const slot of sentence.slots) {
    if (slot.ids.length === 1 && (slot.recorded || slot.kind === 'reference') && registry.typeOf(slot.ids[0]!) === 'organisation') found = slot.ids[0];
  }
  return found;
}

const CHAIRS = /^(?:chairmanship|chairpersonship|chairship|presidency|chair)$/;
const HOLDS = /^(?:held|holds|hold|holding|took|takes|taking|assumed|assumes|assuming|has|had)$/;

/**
 * "Russia, which held the rotating chairmanship in 2024, hosted …": a
 * rotating chair with no "of X" is of the organisation the text has just
 * named ("… the bloc …"). With "of X" the relation rules read it.
 */
function rotatingChair(sentence: SlottedSentence, registry: EntityRegistry, organisation: string): RoleFact | undefined {
  const { tokens, slotAt } = sentence;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm !== 'rotating' || !CHAIRS.test(tokens[i + 1]!.norm)) continue;
    if (tokens[i + 2]?.norm === 'of') return undefined;
    let k = i - 1;
    if (/^(?:the|its|their|his|her)$/.test(tokens[k]?.norm ?? '')) k--;
    if (tokens[k]?.norm === 'over') k--;
    if (!HOLDS.test(tokens[k]?.norm ?? '')) return undefined;
    k--;
    if (tokens[k]?.norm === 'which' || tokens[k]?.norm === 'who') {
      k--;
      if (tokens[k]?.text !== ',') return undefined;
      k--;
    }
    const holder = slotAt[k];
    if (!holder || holder.tokenEnd !== k + 1 || !holder.recorded || holder.modifier || holder.ids.length !== 1) return undefined;
    const id = holder.ids[0]!;
    const type = registry.typeOf(id);
    if ((type !== 'country' && type !== 'person') || id === organisation) return undefined;
    return { type: 'leader-of', person: id, target: organisation, note: `“the rotating ${tokens[i + 1]!.text}” is read as ${registry.label(organisation)}’s: the organisation the text names just before.`, at: i };
  }
  return undefined;
}

/** The sentence's slots with `modifiers` replaced by modifier slots. */
function withModifiers(sentence: SlottedSentence, modifiers: ReadonlySet<Slot>): SlotLayer {
  const replaced = new Map<Slot, Slot>();
  for (const slot of modifiers) replaced.set(slot, { ...slot, modifier: true });
  const swap = (slot: Slot | undefined) => (slot && replaced.get(slot)) ?? slot;
  return { slots: sentence.slots.map((slot) => swap(slot)!), slotAt: sentence.slotAt.map(swap) };
}

const FORMER = /^(?:former|ex|erstwhile)$/;

/** "former Nigerian President", "the former president of …", "Israel’s former prime minister": an office no longer held. */
function isFormer(sentence: SlottedSentence, title: TitleMatch): boolean {
  const { tokens, slotAt } = sentence;
  let j = title.tokenStart - 1;
  for (let steps = 0; steps < 3 && j >= 0; steps++) {
    const token = tokens[j]!;
    // "the late President X" (not "then President X": "then" is as often an adverb).
    if (FORMER.test(token.norm) || (token.norm === 'late' && tokens[j - 1]?.norm === 'the')) return true;
    const slot = slotAt[j];
    if (slot) j = slot.tokenStart - 1;
    else if (token.kind === 'possessive' || (token.kind === 'word' && !token.capitalised && token.norm !== 'the')) j--;
    else return false;
  }
  return false;
}

/** "… to the United Nations" or "… for the Horn of Africa" after a title, before a comma: its end, and the slot named. */
function complementAfter(sentence: SlottedSentence, index: number): { end: number; slot?: Slot } | undefined {
  const { tokens, slotAt } = sentence;
  if (tokens[index]?.norm !== 'to' && tokens[index]?.norm !== 'for') return undefined;
  let k = index + 1;
  if (tokens[k]?.norm === 'the' && !slotAt[k]) k++;
  const slot = slotAt[k];
  if (slot && slot.tokenStart === k) return { end: slot.tokenEnd, slot };
  // Capitalised words of no known name ("for Terrorism and Financial Intelligence").
  let end = k;
  while (end < k + 6 && tokens[end]?.kind === 'word' && (tokens[end]!.capitalised || tokens[end]!.norm === 'and' || tokens[end]!.norm === 'of') && !slotAt[end]) end++;
  return end > k && tokens[end - 1]!.capitalised ? { end } : undefined;
}

/** "[former] [Nigerian] President" after an appositive comma: where the name starts. */
function rankEnd(sentence: SlottedSentence, k: number, registry: EntityRegistry): { end: number; rank?: TitleMatch } {
  // "the Prosecutor, Mr Karim Khan": an honorific before the name.
  if (HONORIFICS.has((sentence.tokens[k]?.norm ?? '').replace(/\.$/, '')) && !sentence.slotAt[k]) return { end: sentence.tokens[k + 1]?.text === '.' ? k + 2 : k + 1 };
  let j = k;
  if (FORMER.test(sentence.tokens[j]?.norm ?? '')) j++;
  const slot = sentence.slotAt[j];
  if (slot && slot.tokenStart === j && affiliation(slot, registry)) j = slot.tokenEnd;
  const rank = sentence.titleAt[j];
  return rank && rank.tokenStart === j ? { end: rank.tokenEnd, rank } : { end: k };
}

/**
 * "X, who took office as the Philippines’ president", "X is the President of
 * Y", "X, born on 7 October 1952, is the President of Y": the person a link
 * verb ending at `k` ties to the title after it. Past tenses ("was") are not
 * read: the office may be held no longer.
 */
function linkedPerson(sentence: SlottedSentence, k: number, registry: EntityRegistry): Slot | undefined {
  const { tokens, slotAt } = sentence;
  const norm = (i: number) => tokens[i]?.norm ?? '';
  let p: number;
  if (/^(?:is|remains)$/.test(norm(k))) p = k - 1;
  else if (norm(k) === 'as' && /^(?:serves|serving)$/.test(norm(k - 1))) p = k - 2;
  else if (norm(k) === 'as' && norm(k - 1) === 'office' && /^(?:took|takes|assumed)$/.test(norm(k - 2))) p = k - 3;
  else return undefined;
  if (norm(p) === 'who') {
    p--;
    if (tokens[p]?.text !== ',') return undefined;
    p--;
  } else if (tokens[p]?.text === ',') {
    // "Mr Putin, born on 7 October 1952, is …": the sentence's subject, before a parenthetical of lower-case words and numbers.
    let q = p - 1;
    while (q > 0 && tokens[q]!.text !== ',' && !slotAt[q] && (tokens[q]!.kind === 'number' || !tokens[q]!.capitalised || /^[A-Z][a-z]+$/.test(tokens[q]!.text))) q--;
    if (tokens[q]?.text !== ',') return undefined;
    const subject = slotAt[q - 1];
    return isPerson(subject, registry) && subject.tokenEnd === q && subject === sentence.slots[0] ? subject : undefined;
  }
  const person = slotAt[p];
  return isPerson(person, registry) && person.tokenEnd === p + 1 ? person : undefined;
}

function findRoles(sentence: SlottedSentence, registry: EntityRegistry, context: DocumentContext): SentenceRoles {
  // Most sentences have no title: set nothing up for them.
  if (sentence.titles.length === 0) return NO_ROLES;
  const { offices, holders } = context;
  const facts: RoleFact[] = [];
  const modifiers = new Set<Slot>();
  const titlesGiven: Array<{ person: string; title: string }> = [];
  /** Titles read as a rank inside another title's apposition ("the President of the Court, Judge X"): they state nothing more. */
  const ranks = new Set<number>();
  let titlePhrase: boolean[] | undefined;
  const { tokens, slotAt } = sentence;
  const phrase = (title: TitleMatch) => tokens.slice(title.tokenStart, title.tokenEnd).map((t) => t.text).join(' ');
  const markPhrase = (from: number, to: number) => {
    titlePhrase ??= new Array<boolean>(tokens.length).fill(false);
    for (let i = from; i < to; i++) titlePhrase[i] = true;
  };

  /** "her Japanese counterpart": the title before it in the sentence stands in for it. */
  const effective = (title: TitleMatch): TitleMatch | undefined => {
    if (title.title.office !== 'counterpart') return title;
    return [...sentence.titles].reverse().find((t) => t.tokenEnd <= title.tokenStart && t.title.office !== 'counterpart');
  };

  const paragraph = sentence.span.paragraph;
  // "Malaysia’s prime minister …": the title's country in this paragraph, for "Prime Minister Anwar Ibrahim" with none.
  for (const title of sentence.titles) {
    if (title.title.office === 'counterpart' || isFormer(sentence, title)) continue;
    const qualifier = qualifierBefore(sentence, title, registry) ?? ofAfter(sentence, title.tokenEnd, registry)?.slot;
    if (!qualifier) continue;
    const after = slotAt[title.tokenEnd];
    const holder = isPerson(after, registry) && after.tokenStart === title.tokenEnd ? after.ids[0] : undefined;
    offices.set(`title:${titleKey(tokens, title)}`, { id: qualifier.ids[0]!, title: titleKey(tokens, title), paragraph, ...(holder ? { holder } : {}) });
  }

  /**
   * "Sweden formally joined … when Prime Minister Ulf Kristersson handed …":
   * a head-of-government title with no state, right before its holder's
   * name, is the state's when the sentence names exactly one state before
   * it (and that state is no other title's qualifier: "Thai Prime Minister
   * X met Prime Minister Y" says nothing of Y's state).
   */
  const onlyStateBefore = (title: TitleMatch): string | undefined => {
    const states = new Set<string>();
    for (const slot of sentence.slots) {
      if (slot.tokenEnd > title.tokenStart) break;
      if (!slot.recorded || slot.ids.length !== 1 || modifiers.has(slot) || sentence.slotAt[slot.tokenStart]?.modifier) continue;
      if (registry.typeOf(slot.ids[0]!) === 'country') states.add(slot.ids[0]!);
    }
    return states.size === 1 ? [...states][0] : undefined;
  };

  /** "In Tokyo, Chief Cabinet Secretary X said": the state of a sentence-opening "In <capital or country>,". */
  const openingPlace = (): string | undefined => {
    if (tokens[0]?.norm !== 'in') return undefined;
    const slot = slotAt[1];
    if (!slot || slot.tokenStart !== 1 || !slot.recorded || slot.ids.length !== 1 || tokens[slot.tokenEnd]?.text !== ',') return undefined;
    return registry.typeOf(slot.ids[0]!) === 'country' ? slot.ids[0] : undefined;
  };

  /** The dateline's state, when the sentence names no other state before the title. */
  const datelineFor = (title: TitleMatch): string | undefined => {
    const dateline = context.dateline;
    if (!dateline) return undefined;
    const other = sentence.slots.some((slot) => slot.tokenStart < title.tokenStart && slot.ids.some((id) => id !== dateline && registry.typeOf(id) === 'country'));
    return other ? undefined : dateline;
  };

  /** "its Trade Minister Yoo", "their spokesman, X": the state or body the sentence opens with. */
  const ofSubject = (title: TitleMatch): Slot | undefined => {
    const determiner = tokens[title.tokenStart - 1]?.norm ?? '';
    if (determiner !== 'its' && determiner !== 'their') return undefined;
    return subjectOf(sentence, registry, modifiers);
  };

  const push = (fact: RoleFact, key: string) => {
    // One office, one holder: a state inferred for a title never gives it to a second person.
    const held = holders.get(`${key}|${fact.target}`);
    if (fact.note && held !== undefined && held !== fact.person) return;
    if (fact.type === 'leader-of' && held === undefined) holders.set(`${key}|${fact.target}`, fact.person);
    facts.push(fact);
  };

  const inferred = (type: RoleFact['type'], personId: string, target: string, title: TitleMatch, why: string, key: string, at: number) =>
    push({ type, person: personId, target, note: `“${phrase(title)}” is read as ${registry.label(target)}’s: ${why}.`, at }, key);

  /** The body each office last served, for "another ministry spokesman" (any spokesperson is also remembered as press). */
  const rememberFact = (title: TitleMatch, key: string, target: string) => {
    offices.set(`fact:${title.title.office ?? key}`, { id: target, title: key });
    if (/\bspokes/.test(key)) offices.set('fact:press', { id: target, title: key });
  };

  const record = (written: TitleMatch, person: Slot, given: Slot | undefined, at: number, nameFollows = false) => {
    if (given) modifiers.add(given);
    // "Judge X of Uganda", "Ugandan judge X": a judge's country is a nationality; the court is the one named.
    const target = written.title.office === 'court' && given && registry.typeOf(given.ids[0]!) !== 'organisation' ? undefined : given;
    // "former Nigerian President Olusegun Obasanjo": no office held now.
    if (isFormer(sentence, written)) return;
    const title = effective(written);
    if (!title) return;
    const personId = person.ids[0]!;
    const key = titleKey(tokens, title);
    titlesGiven.push({ person: personId, title: key });
    const type = title.title.kind === 'leader' ? 'leader-of' : 'official-of';
    const office = title.title.office;
    if (target) {
      const targetId = target.ids[0]!;
      if (office && office !== 'counterpart') offices.set(office, { id: targetId, title: key });
      if (type === 'official-of' && registry.typeOf(targetId) === 'place') return;
      push({ type, person: personId, target: targetId, at }, key);
      rememberFact(title, key, targetId);
      return;
    }
    const give = (targetId: string, why: string) => {
      if (targetId === personId) return;
      inferred(type, personId, targetId, written, why, key, at);
      rememberFact(title, key, targetId);
    };
    // A court's officer ("Presiding Judge X", "the Prosecutor, X"): the court named last.
    if (office === 'court') {
      const court = lastCourt(sentence, registry, written.tokenStart) ?? context.court;
      if (court) give(court, `the court the text names before it`);
      return;
    }
    // "Wang Wenbin, another ministry spokesman": the office of the one named before.
    if (tokens[written.tokenStart - 1]?.norm === 'another' || tokens[written.tokenStart - 2]?.norm === 'another') {
      const before = offices.get(`fact:${office ?? key}`);
      if (before) give(before.id, `“another” ${key} after ${registry.label(before.id)}’s`);
      return;
    }
    // "its Trade Minister", "their spokesman": the sentence's subject.
    const determiner = tokens[written.tokenStart - 1]?.norm;
    if (determiner === 'its' || determiner === 'their') {
      const subject = ofSubject(written);
      if (subject) give(subject.ids[0]!, `the sentence opens with ${registry.label(subject.ids[0]!)}`);
      return;
    }
    // The same title with its country earlier in the paragraph, held by no one else named.
    const stated = offices.get(`title:${key}`);
    if (stated && stated.paragraph === paragraph && (stated.holder === undefined || stated.holder === personId)) {
      give(stated.id, `the same paragraph names ${registry.label(stated.id)}’s ${key}`);
      return;
    }
    // "Putin … was represented by Foreign Minister Sergei Lavrov", "Xi, who sent Premier Li Qiang": a deputy serves the sender's state.
    const sender = deputisedBy(sentence, written, facts);
    if (sender && sender.person !== personId) {
      give(sender.target, `${registry.label(personId)} stands in for ${registry.label(sender.person)}`);
      return;
    }
    // "Foreign Minister Sergei Lavrov led the Russian delegation": the delegation's state.
    const delegation = delegationLed(sentence, person, registry);
    if (delegation) {
      give(delegation, `${registry.label(personId)} led its delegation`);
      return;
    }
    // No qualifier: an office of a ministry inherits the country of the same ministry named earlier.
    const remembered = office && office !== 'head' && office !== 'press' && office !== 'counterpart' ? offices.get(office) : undefined;
    if (remembered) {
      give(remembered.id, `the article names ${registry.label(remembered.id)}’s ${remembered.title} earlier`);
      return;
    }
    // "Foreign Secretary James Cleverly" in an article that names the United Kingdom (and not India).
    // ("Secretary of State for Defence" is another office: British.)
    const owners = written === title && tokens[title.tokenEnd]?.norm !== 'for' ? title.title.states?.flatMap((label) => context.states.get(label) ?? []) : undefined;
    if (owners?.length === 1) {
      give(owners[0]!, `only ${registry.label(owners[0]!)}, of the states the article names, has a ${key}`);
      return;
    }
    if (!nameFollows || written !== title) return;
    // A national office (a head of state or government, a ministry's): the state the sentence, or the story, is set in.
    const national = office !== undefined && office !== 'press';
    const head = type === 'leader-of' && office === 'head';
    const only = head ? onlyStateBefore(title) : undefined;
    if (only) return give(only, 'the only state the sentence names before it');
    const place = national ? openingPlace() : undefined;
    if (place) return give(place, `the sentence is set in ${registry.label(place)}`);
    const datelined = national ? datelineFor(title) : undefined;
    if (datelined) give(datelined, `the report is datelined in ${registry.label(datelined)}`);
  };

  for (const title of sentence.titles) {
    if (ranks.has(title.tokenStart)) {
      const qualifier = qualifierBefore(sentence, title, registry);
      if (qualifier) modifiers.add(qualifier);
      const person = slotAt[title.tokenEnd];
      if (isPerson(person, registry) && !isFormer(sentence, title)) titlesGiven.push({ person: person.ids[0]!, title: titleKey(tokens, title) });
      continue;
    }
    // "Prime Minister Sheikh Mohammed …": an honorific between the title and the name.
    const nameAt = HONORIFICS.has(tokens[title.tokenEnd]?.norm ?? '') ? title.tokenEnd + 1 : title.tokenEnd;
    const after = slotAt[nameAt];
    // Qualifier, title, name.
    if (isPerson(after, registry) && after.tokenStart === nameAt) {
      // "Prime Minister Ralph Gonsalves of Saint Vincent and the Grenadines".
      record(title, after, qualifierBefore(sentence, title, registry) ?? ofAfter(sentence, after.tokenEnd, registry)?.slot, title.tokenStart, true);
      continue;
    }
    // The title of X [for Y], name: "Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian Nelson".
    const of = ofAfter(sentence, title.tokenEnd, registry);
    if (of) {
      let k = of.end;
      const complement = complementAfter(sentence, k);
      if (complement) k = complement.end;
      if (tokens[k]?.text === ',') k++;
      const person = slotAt[k];
      if (isPerson(person, registry) && person.tokenStart === k) {
        record(title, person, of.slot, title.tokenStart);
        markPhrase(title.tokenStart, k);
        continue;
      }
    }
    // [X’s] title [to Y], [title] name: "the Secretary General, al-Gheit, said", "the ICC’s chief prosecutor, Karim Khan",
    // "Sudan’s army chief, General Abdel Fattah al-Burhan" (a rank between the comma and the name is passed over),
    // "Uganda’s ambassador to the United Nations, Adonia Ayebare".
    const complement = complementAfter(sentence, title.tokenEnd);
    const commaAt = complement ? complement.end : title.tokenEnd;
    if (tokens[commaAt]?.text === ',') {
      const { end: k, rank } = rankEnd(sentence, commaAt + 1, registry);
      const person = slotAt[k];
      if (isPerson(person, registry) && person.tokenStart === k) {
        if (rank) ranks.add(rank.tokenStart);
        if (complement?.slot && affiliation(complement.slot, registry)) modifiers.add(complement.slot);
        if (complement) markPhrase(title.tokenEnd, commaAt + 1);
        const qualifier = qualifierBefore(sentence, title, registry);
        const speaksFor = qualifier ? undefined : spokespersonOfSubject(sentence, title, registry, modifiers);
        if (speaksFor && person.ids[0] !== speaksFor.ids[0]) {
          facts.push({
            type: 'official-of',
            person: person.ids[0]!,
            target: speaksFor.ids[0]!,
            note: `“${tokens.slice(title.tokenStart - 1, title.tokenEnd).map((t) => t.text).join(' ')}” is read as ${registry.label(speaksFor.ids[0]!)}’s: the sentence opens with ${registry.label(speaksFor.ids[0]!)}.`,
            at: title.tokenStart,
          });
          titlesGiven.push({ person: person.ids[0]!, title: titleKey(tokens, title) });
          continue;
        }
        record(title, person, qualifier, title.tokenStart);
        continue;
      }
    }
    // Name, the [X’s] title [of Y]; Name, who is / took office as the [X’s] title [of Y].
    let k = title.tokenStart - 1;
    for (let words = 0; words < 2 && isLowerWord(sentence, k) && tokens[k]!.norm !== 'the' && !/^(?:is|remains|as)$/.test(tokens[k]!.norm); words++) k--;
    let qualifier: Slot | undefined;
    if (tokens[k]?.kind === 'possessive') k--;
    if (affiliation(slotAt[k], registry)) {
      qualifier = slotAt[k]!;
      k = qualifier.tokenStart - 1;
    }
    if (tokens[k]?.norm === 'the' || tokens[k]?.norm === 'a' || tokens[k]?.norm === 'an') k--;
    const target = () => qualifier ?? ofAfter(sentence, title.tokenEnd, registry)?.slot;
    if (tokens[k]?.text === ',') {
      const person = slotAt[k - 1];
      if (isPerson(person, registry) && person.tokenEnd === k) record(title, person, target(), title.tokenStart);
      continue;
    }
    const linked = linkedPerson(sentence, k, registry);
    const stated = linked ? target() : undefined;
    // A link verb states an office only with its state or body written.
    if (linked && stated) record(title, linked, stated, title.tokenStart);
  }
  return { facts, modifiers, titlePhrase, titlesGiven };
}

/** "X led the Russian delegation", "X, heading Ukraine’s delegation": the state whose delegation the person led. */
function delegationLed(sentence: SlottedSentence, person: Slot, registry: EntityRegistry): string | undefined {
  const { tokens, slotAt } = sentence;
  let k = person.tokenEnd;
  if (tokens[k]?.text === ',') k++;
  if (!/^(?:led|leads|leading|headed|heads|heading)$/.test(tokens[k]?.norm ?? '')) return undefined;
  k++;
  if (tokens[k]?.norm === 'the') k++;
  const state = slotAt[k];
  if (!state || state.tokenStart !== k || !state.recorded || state.ids.length !== 1 || registry.typeOf(state.ids[0]!) !== 'country') return undefined;
  k = state.tokenEnd;
  if (tokens[k]?.kind === 'possessive') k++;
  return tokens[k]?.norm === 'delegation' ? state.ids[0] : undefined;
}

/** The state or organisation a sentence opens with, as its subject. */
function subjectOf(sentence: SlottedSentence, registry: EntityRegistry, modifiers: ReadonlySet<Slot>): Slot | undefined {
  const { tokens } = sentence;
  const first = sentence.slots[0];
  const opensWith = first && (first.tokenStart === 0 || (first.tokenStart === 1 && tokens[0]!.norm === 'the'));
  if (!opensWith || !first.recorded || first.modifier || modifiers.has(first) || first.kind === 'adjective') return undefined;
  const type = registry.typeOf(first.ids[0]!);
  return first.ids.length === 1 && (type === 'country' || type === 'organisation') ? first : undefined;
}
