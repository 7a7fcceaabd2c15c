/**
 * Names the gazetteer does not know
 * =================================
 *
 * People, and organisations or events named by a capitalised phrase, found by
 * rules rather than a statistical tagger (measured against compromise: see
 * the report in `extractDataset.ts`). A run of capitalised words that is not
 * a gazetteer name or a title is
 *
 *  - an organisation when it ends in a head such as Court, Council, Agency
 *    (and says more than "the Foreign Ministry");
 *  - an event when it ends in Summit, Conference, Forum…;
 *  - a person when a title announces it ("President Vladimir Putin", "the
 *    Secretary General of the League of Arab States, Ahmed Abu al-Gheit"), a
 *    speech verb follows or precedes it ("Lavrov said", "said Lavrov"), or its
 *    last word is used alone elsewhere in the article.
 *
 * Within a document the surname alone, possessive or not, refers back to the
 * full name ("Lavrov’s" → a mention "Lavrov" of Sergei Lavrov).
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import { personNameKey as nameKey } from '../model/nameVariants.ts';
import type { TitleMatch } from './sentenceModel.ts';
import { officeHolderId } from './gazetteer/index.ts';
import { kebabId } from './ids.ts';
import { EVENT_HEADS, GENERIC_ORGANISATION_WORDS, HONORIFICS, MEDIA, NAME_PARTICLES, NOT_NAMES, ORGANISATION_HEADS, SPEECH_VERBS } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface NameInput {
  readonly tokens: readonly Token[];
  /** True for tokens inside a gazetteer name. */
  readonly covered: readonly boolean[];
  readonly titles: readonly TitleMatch[];
  /**
   * Gazetteer place and country names, by the token index they end at → where
   * they start: "Caribbean Community" and "Israel Defense Forces" are
   * organisations whose names begin with one.
   */
  readonly placeNamesEndingAt?: ReadonlyMap<number, number>;
}

export interface FoundName {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  id: string;
  label: string;
  type: BuiltInEntityTypeId;
}

interface Run {
  sentence: number;
  start: number;
  end: number;
  /** Starts at the first word of its sentence (or of a quotation): a capital there proves nothing. */
  initial: boolean;
  /** Begins with a gazetteer place or country name ("Caribbean Community"). */
  absorbsPlace?: boolean;
  /** A body's head before "of" inside it ("Department of the Treasury"): an organisation whatever its last word. */
  headBeforeOf?: boolean;
}

/** Words before a town's name: "in Fortaleza, Brazil". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'outside']);

const HYPHEN_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ul|ud|bin|ibn|de|da|di|du|van|von|der|la|le)-\p{Lu}/u;

/** Nouns that make the name before them an armed group: "Fano militias", "the Seleka rebel group". */
const ARMED_GROUP_NOUNS = new Set(['rebels', 'rebel', 'militia', 'militias', 'insurgents', 'guerrillas', 'guerrilla', 'paramilitaries', 'paramilitary', 'jihadists', 'militants']);

/** Capitalised adjectives that describe armed men rather than name a group: "Islamist militants", "Kurdish rebels". */
const DESCRIPTIVE_ADJECTIVES = new Set(['islamist', 'islamic', 'jihadist', 'shia', 'shiite', 'sunni', 'muslim', 'christian', 'hindu', 'buddhist', 'communist', 'maoist', 'marxist', 'kurdish', 'arab', 'druze', 'baloch', 'pashtun', 'tamil', 'tuareg', 'government', 'opposition', 'rival', 'armed']);

/**
 * Heads the lexicon's list lacks that also end an organisation's name: court
 * bodies ("Pre-Trial Chamber II", "the Appeals Chamber") and military units
 * ("the Kastus Kalinouski Regiment", "the 47th Mechanized Brigade").
 */
const MORE_ORGANISATION_HEADS = new Set(['chamber', 'chambers', 'regiment', 'regiments', 'battalion', 'battalions', 'division', 'squadron', 'squad', 'legion', 'detachment', 'platoon', 'fleet']);

/**
 * Words that make a capitalised phrase a war, treaty, law, chamber or
 * ministry, never a person: "World War", "Cold War", "Minsk Agreement",
 * "Rome Statute", "Patriot Act", "the Chamber".
 */
const NOT_PERSON_WORDS = new Set([
  'war', 'wars', 'treaty', 'treaties', 'accord', 'accords', 'agreement', 'agreements', 'convention', 'conventions', 'protocol', 'protocols', 'charter', 'statute',
  'act', 'resolution', 'declaration', 'revolution', 'crisis', 'invasion', 'offensive', 'operation', 'doctrine', 'pact', 'deal', 'plan', 'memorandum', 'communique',
  'chamber', 'chambers', 'ministry', 'ministries', 'court', 'tribunal', 'summit', 'conference', 'council', 'assembly', 'parliament', 'republic', 'kingdom', 'empire',
  'army', 'brigade', 'regiment', 'battalion', 'division', 'forces', 'navy', 'corps', 'militia', 'front', 'movement', 'party',
]);

/** Possessive determiners inside a title's "of" phrase ("the commander of its naval forces"). */
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'our']);

/** "Mr", "Ms", "Dr" before a name: a person (a court's or ministry's style: "Ms Maria Lvova-Belova"). */

/** Roman numerals that number a body after its head: "Pre-Trial Chamber I", "Trial Chamber III". */
const ROMAN_NUMERAL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/;

/** "47th", "3rd" (a number and its suffix, as tokens): an ordinal that numbers a unit before its name ("the 47th Mechanized Brigade"). */
function ordinalBefore(tokens: readonly Token[], start: number): boolean {
  const suffix = tokens[start - 1]!;
  const number = tokens[start - 2]!;
  return /^(?:st|nd|rd|th)$/.test(suffix.text) && number.kind === 'number' && number.end === suffix.start && /^\d+$/.test(number.text);
}

function organisationHead(norm: string): boolean {
  return ORGANISATION_HEADS.has(norm) || MORE_ORGANISATION_HEADS.has(norm);
}

/** Where the name after a head's "of" starts ("the Treasury" → "Treasury"), if a free name word starts it. */
function ofNameStart(tokens: readonly Token[], k: number, free: (i: number) => boolean): number | undefined {
  if (tokens[k]?.norm === 'the') k++;
  const token = tokens[k];
  return token && free(k) && isNameWord(token) ? k : undefined;
}

/** Russian patronymics ("Vladimirovich", "Alekseyevna"): left out of a person's id, as news names them without. */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ovich|evich|yevich|ovna|evna|yevna|ichna|inichna)$/u;

/** A person's id: the name without middle initials or patronymic ("Antony J. Blinken", "Vladimir Vladimirovich Putin" → the ids of "Antony Blinken", "Vladimir Putin"). */
function personId(label: string): string {
  const words = label.split(/\s+/);
  const kept = words.filter((word, k) => k === 0 || k === words.length - 1 || !(/^\p{Lu}\.?$/u.test(word) || PATRONYMIC.test(word)));
  return kebabId(kept.join(' '));
}

/** A middle initial: one capital letter ("T" in "Steven T. Mnuchin"). */
function isInitial(token: Token | undefined): boolean {
  return !!token && token.kind === 'word' && /^\p{Lu}$/u.test(token.text);
}

/** Name words that are also function words: kept when a title announces the name. */
const TITLED_NAME_WORDS = new Set(['he', 'may', 'will', 'long', 'so', 'do', 'to']);

function isNameWord(token: Token): boolean {
  if (token.kind !== 'word') return false;
  if (HYPHEN_PARTICLE.test(token.text)) return true;
  return token.capitalised && /\p{Ll}/u.test(token.text) && !/\p{N}/u.test(token.text);
}

function isAcronym(token: Token): boolean {
  return token.kind === 'word' && /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(token.text);
}

function runText(tokens: readonly Token[], text: string, start: number, end: number): string {
  return text.slice(tokens[start]!.start, tokens[end - 1]!.end);
}

/** Finds runs of capitalised words not taken by the gazetteer or a title. */
function findRuns(input: NameInput, sentence: number): Run[] {
  const { tokens, covered, titles } = input;
  const inTitle = new Array<boolean>(tokens.length).fill(false);
  for (const t of titles) for (let i = t.tokenStart; i < t.tokenEnd; i++) inTitle[i] = true;
  const free = (i: number) => !covered[i] && !inTitle[i];
  const runs: Run[] = [];
  let firstWord = tokens.findIndex((t) => t.kind === 'word' || t.kind === 'number');
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind === 'open-quote') firstWord = i + 1;
    // "Sheikh Tamim bin Hamad Al Thani": an honorific opens no name; the name after it does.
    if (!free(i) || !isNameWord(tokens[i]!) || (HONORIFICS.has(tokens[i]!.norm) && tokens[i + 1] && isNameWord(tokens[i + 1]!))) {
      i++;
      continue;
    }
    let j = i + 1;
    let ofTaken = false;
    let headBeforeOf = false;
    while (j < tokens.length && free(j)) {
      const token = tokens[j]!;
      if (isNameWord(token)) j++;
      // "Department of the Treasury", "Office of Foreign Assets Control": a body's head, "of", and the rest of its name.
      else if (!ofTaken && token.norm === 'of' && j - i <= 3 && organisationHead(tokens[j - 1]!.norm) && ofNameStart(tokens, j + 1, free) !== undefined) {
        j = ofNameStart(tokens, j + 1, free)! + 1;
        ofTaken = true;
        headBeforeOf = true;
      }
      else if (NAME_PARTICLES.has(token.norm) && j + 1 < tokens.length && free(j + 1) && isNameWord(tokens[j + 1]!)) j += 2;
      // "Steven T. Mnuchin", "Steven T Mnuchin": a middle initial between name words.
      else if (isInitial(token) && tokens[j + 1]?.text === '.' && free(j + 2) && tokens[j + 2] && isNameWord(tokens[j + 2]!)) j += 3;
      else if (isInitial(token) && token.text !== 'I' && free(j + 1) && tokens[j + 1] && isNameWord(tokens[j + 1]!)) j += 2;
      // "Pre-Trial Chamber II": a numeral after a body's head.
      else if (ROMAN_NUMERAL.test(token.text) && organisationHead(tokens[j - 1]!.norm)) {
        j++;
        break;
      } else break;
    }
    let start = i;
    let end = j;
    // Right after a title, a short word that is also a pronoun or modal is a name ("Vice Premier He Lifeng").
    const titled = j - i >= 2 && titles.some((t) => t.tokenEnd === i) && TITLED_NAME_WORDS.has(tokens[i]!.norm);
    // "the New Development Bank": capitalised "New" inside a sentence begins a body's name.
    const keepsNew = tokens[start]!.norm === 'new' && i !== firstWord && end - start >= 3 && organisationHead(tokens[end - 1]!.norm);
    while (start < end && NOT_NAMES.has(tokens[start]!.norm) && !(titled && start === i) && !(keepsNew && start === i)) start++;
    while (end > start && NOT_NAMES.has(tokens[end - 1]!.norm) && !(end - start >= 2 && ROMAN_NUMERAL.test(tokens[end - 1]!.text) && organisationHead(tokens[end - 2]!.norm))) end--;
    const placeStart = input.placeNamesEndingAt?.get(start);
    const headAt = ROMAN_NUMERAL.test(tokens[end - 1]?.text ?? '') ? end - 2 : end - 1;
    const absorbsPlace = start < end && placeStart !== undefined && start === i && organisationHead(tokens[headAt]!.norm);
    if (absorbsPlace) start = tokens[placeStart]!.norm === 'the' ? placeStart + 1 : placeStart;
    // "the 47th Mechanized Brigade": the ordinal is part of the unit's name.
    else if (start === i && start > 1 && organisationHead(tokens[headAt]!.norm) && ordinalBefore(tokens, start)) start -= 2;
    if (start < end && !MEDIA.has(tokens[start]!.norm)) runs.push({ sentence, start, end, initial: start === i && i === firstWord, absorbsPlace, ...(headBeforeOf ? { headBeforeOf } : {}) });
    i = j;
  }
  return runs;
}

function titleEndsAt(input: NameInput, index: number): boolean {
  return input.titles.some((t) => t.tokenEnd === index);
}

/** "the Secretary General of the League of Arab States, Ahmed Abu al-Gheit": a title phrase, a comma, then the name. */
function appositiveTitleBefore(input: NameInput, start: number): boolean {
  const { tokens } = input;
  if (tokens[start - 1]?.text !== ',') return false;
  for (const title of input.titles) {
    if (title.tokenEnd > start - 1 || title.tokenEnd < start - 12) continue;
    let k = title.tokenEnd;
    if (k === start - 1) return true;
    if (tokens[k]?.norm !== 'of') continue;
    k++;
    // "the commander of its naval forces, Muhammad …": a few words of the body in lower case, or names.
    let lower = 0;
    while (k < start - 1 && (input.covered[k] || tokens[k]!.norm === 'the' || POSSESSIVES.has(tokens[k]!.norm) || (tokens[k]!.kind === 'word' && !tokens[k]!.capitalised && ++lower <= 4))) k++;
    if (k === start - 1) return true;
  }
  return false;
}

/** "Rafael Grossi, the head of the IAEA," / "Josep Borrell, the EU’s foreign policy chief". */
function appositiveTitleAfter(input: NameInput, end: number): boolean {
  const { tokens } = input;
  if (tokens[end]?.text !== ',') return false;
  const limit = Math.min(tokens.length, end + 8);
  return input.titles.some((t) => t.tokenStart > end && t.tokenStart < limit && tokens.slice(end + 1, t.tokenStart).every((tok) => tok.kind !== 'punct'));
}

function speechNear(input: NameInput, run: Run): boolean {
  const { tokens } = input;
  let after = run.end;
  if (tokens[after]?.text === ',') after++;
  const next = tokens[after];
  if (next && (SPEECH_VERBS.has(next.norm) || next.norm === 'told')) return true;
  const before = tokens[run.start - 1];
  if (before && (before.norm === 'said' || before.norm === 'says' || before.norm === 'told')) return true;
  return false;
}

/** An organisation or event by its head word; `generic` for "the Foreign Ministry", which names no one body. */
function classifyPhrase(tokens: readonly Token[], run: Run): BuiltInEntityTypeId | 'generic' | undefined {
  const numbered = ROMAN_NUMERAL.test(tokens[run.end - 1]!.text) && run.end - run.start >= 2;
  const last = tokens[numbered ? run.end - 2 : run.end - 1]!.norm;
  const words = tokens.slice(run.start, numbered ? run.end - 1 : run.end).map((t) => t.norm);
  if (run.headBeforeOf) return 'organisation';
  if (organisationHead(last)) {
    const generic = words.every((w) => GENERIC_ORGANISATION_WORDS.has(w) || organisationHead(w));
    return generic && !run.absorbsPlace ? 'generic' : 'organisation';
  }
  if (EVENT_HEADS.has(last) && run.end - run.start >= 2) return 'event';
  return undefined;
}

/** Verbs of an armed attack whose object is a place, and the prepositions of an advance ("advanced on", "pushed into"). */
const ATTACK_VERBS = /^(?:shelled|shelling|bombed|bombing|bombarded|pounded|struck|captured|recaptured|stormed|besieged|overran|raided|seized|encircled|attacked)$/;
const ADVANCE = /^(?:advanced|advancing|pushed|pushing|moved|marched|closed|converged)$/;

/** A single unknown word, not opening its sentence, right after an attack verb or "advanced on|into|toward": a town. */
function attackedPlace(tokens: readonly Token[], run: Run): boolean {
  if (run.end - run.start !== 1 || run.initial || !/^\p{Lu}\p{Ll}+$/u.test(tokens[run.start]!.text)) return false;
  const before = tokens[run.start - 1]?.norm ?? '';
  if (ATTACK_VERBS.test(before)) return true;
  return /^(?:on|into|toward|towards|around|near)$/.test(before) && (ADVANCE.test(tokens[run.start - 2]?.norm ?? '') || ATTACK_VERBS.test(tokens[run.start - 2]?.norm ?? ''));
}

/** "Vladimir Putin skipped …": a name of two or three words, then a word in lower case (a verb, mostly). */
function looksLikeFullName(tokens: readonly Token[], run: Run): boolean {
  // Middle initials ("George W. Bush") do not count as words.
  let length = 0;
  for (let i = run.start; i < run.end; i++) {
    const token = tokens[i]!;
    if (i > run.start && (token.text === '.' || isInitial(token))) continue;
    // "Lvova-Belova", "Abu-Bakr": each part of a double name capitalised.
    if (!/^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u.test(token.text) && !HYPHEN_PARTICLE.test(token.text)) return false;
    length++;
  }
  if (length < 2 || length > 3) return false;
  if (!run.initial) return true;
  const next = tokens[run.end];
  return !!next && (next.text === ',' || (next.kind === 'word' && !next.capitalised));
}

/**
 * Finds the people, organisations and events named in a document's
 * sentences. `text` is the document text (labels are its exact slices).
 */
export function findNames(text: string, inputs: readonly NameInput[]): FoundName[][] {
  // Name keys by word, for this document: the same surname is looked up many times.
  const keys = new Map<string, string>();
  const personNameKey = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = nameKey(name)));
    return key;
  };
  const runs = inputs.map((input, s) => findRuns(input, s));
  const found: FoundName[][] = inputs.map(() => []);

  // Words used alone, for "its last word is used alone elsewhere".
  const aloneCount = new Map<string, number>();
  for (const sentenceRuns of runs) {
    for (const run of sentenceRuns) {
      if (run.end - run.start !== 1) continue;
      const word = inputs[run.sentence]!.tokens[run.start]!.text;
      aloneCount.set(word, (aloneCount.get(word) ?? 0) + 1);
    }
  }

  // People by surname, organisations by acronym.
  const surnames = new Map<string, Array<{ id: string; label: string }>>();
  const acronyms = new Map<string, { id: string; label: string; type: BuiltInEntityTypeId }>();
  const accepted: Array<{ run: Run; id: string; label: string; type: BuiltInEntityTypeId }> = [];

  const acceptPerson = (run: Run, tokens: readonly Token[]) => {
    // "World War", "the Minsk Agreement", "the Chamber": events, treaties and bodies, not people.
    for (let k = run.start; k < run.end; k++) if (NOT_PERSON_WORDS.has(tokens[k]!.norm)) return;
    const label = runText(tokens, text, run.start, run.end);
    // "Antony J. Blinken" has the id of "Antony Blinken", the form other articles use; the label keeps the initial.
    const id = officeHolderId(label) ?? personId(label);
    accepted.push({ run, id, label, type: 'person' });
    // Keyed by spelling variant: "Zelenskyy" alone refers back to "Volodymyr Zelensky".
    const surname = personNameKey(tokens[run.end - 1]!.text);
    const list = surnames.get(surname) ?? [];
    if (!list.some((p) => p.id === id)) list.push({ id, label });
    surnames.set(surname, list);
  };

  // Pass 1: phrases with a cue.
  const pending: Run[] = [];
  const speaking = new Set<string>();
  for (const sentenceRuns of runs) {
    for (const run of sentenceRuns) {
      const input = inputs[run.sentence]!;
      const { tokens } = input;
      const length = run.end - run.start;
      const phraseType = classifyPhrase(tokens, run);
      if (phraseType === 'generic') continue;
      if (phraseType) {
        const label = runText(tokens, text, run.start, run.end);
        const id = kebabId(label);
        accepted.push({ run, id, label, type: phraseType });
        // "Full Name (ACRONYM)" defines the acronym.
        const open = tokens[run.end];
        const acronym = tokens[run.end + 1];
        if (open?.text === '(' && acronym && isAcronym(acronym) && tokens[run.end + 2]?.text === ')') acronyms.set(acronym.text, { id, label, type: phraseType });
        continue;
      }
      // "in Fortaleza, Brazil", "at Sanya, China": a town named with its country is a place.
      if (length <= 2 && !run.initial && PLACE_PREPOSITIONS.has(tokens[run.start - 1]?.norm ?? '') && tokens[run.end]?.text === ',' && input.covered[run.end + 1] && !tokens.slice(run.start, run.end).some((t) => NOT_PERSON_WORDS.has(t.norm))) {
        const label = runText(tokens, text, run.start, run.end);
        accepted.push({ run, id: kebabId(label), label, type: 'place' });
        continue;
      }
      // "Fano militias", "the Seleka rebel group": a name before an armed-group noun is the group.
      if (length <= 3 && !run.initial && ARMED_GROUP_NOUNS.has(tokens[run.end]?.norm ?? '') && !tokens[run.end]!.capitalised && !tokens.slice(run.start, run.end).some((t) => DESCRIPTIVE_ADJECTIVES.has(t.norm))) {
        const label = runText(tokens, text, run.start, run.end);
        accepted.push({ run, id: kebabId(label), label, type: 'organisation' });
        continue;
      }
      const titled = titleEndsAt(input, run.start) || appositiveTitleBefore(input, run.start) || appositiveTitleAfter(input, run.end) || HONORIFICS.has(tokens[run.start - 1]?.norm ?? '');
      // "Zelensky said": a one-word name that speaks is a person's, never a town's.
      if (length === 1 && speechNear(input, run)) speaking.add(tokens[run.start]!.text);
      if (length <= 5 && (titled || (length >= 2 && speechNear(input, run)))) {
        acceptPerson(run, tokens);
        continue;
      }
      pending.push(run);
    }
  }

  // Pass 2: two- or three-word names shaped like a person's ("Vladimir Putin skipped", "met Jens Stoltenberg").
  for (const run of pending) {
    const { tokens } = inputs[run.sentence]!;
    if (looksLikeFullName(tokens, run)) acceptPerson(run, tokens);
  }

  // "President Macron" then "Emmanuel Macron": the surname alone joins the full name.
  for (const a of accepted) {
    if (a.type !== 'person' || a.label.includes(' ')) continue;
    const surname = personNameKey(a.label);
    const full = (surnames.get(surname) ?? []).find((p) => p.label.includes(' '));
    if (!full) continue;
    a.id = full.id;
    a.label = full.label;
    surnames.set(surname, (surnames.get(surname) ?? []).filter((p) => p.label.includes(' ')));
  }

  // "Volodymyr Zelensky" then "Volodymyr Zelenskyy": one person, under the first full form.
  const firstByKey = new Map<string, { id: string; label: string }>();
  for (const a of accepted) {
    if (a.type !== 'person' || !a.label.includes(' ')) continue;
    const key = personNameKey(a.label);
    const first = firstByKey.get(key);
    if (!first) firstByKey.set(key, { id: a.id, label: a.label });
    else if (first.id !== a.id) a.id = first.id;
  }

  const acceptedKeys = new Set(accepted.map((a) => `${a.run.sentence}:${a.run.start}`));
  for (const a of accepted) found[a.run.sentence]!.push({ sentence: a.run.sentence, tokenStart: a.run.start, tokenEnd: a.run.end, id: a.id, label: a.label, type: a.type });

  // Pass 3: the rest — a known full name again, a surname alone, a defined acronym.
  const fullNames = new Map(accepted.filter((a) => a.type === 'person').map((a) => [personNameKey(a.label), a.id]));
  let lastPerson: string | undefined;
  for (let s = 0; s < inputs.length; s++) {
    const { tokens, covered } = inputs[s]!;
    const taken = new Array<boolean>(tokens.length).fill(false);
    for (const f of found[s]!) for (let k = f.tokenStart; k < f.tokenEnd; k++) taken[k] = true;
    for (const run of runs[s]!) {
      if (acceptedKeys.has(`${s}:${run.start}`)) continue;
      const label = runText(tokens, text, run.start, run.end);
      const full = fullNames.get(personNameKey(label));
      if (full) {
        found[s]!.push({ sentence: s, tokenStart: run.start, tokenEnd: run.end, id: full, label, type: 'person' });
        continue;
      }
      // Any word of the run that is a known surname ("Putin" in "Putin Monday"), most often the whole run.
      let surname = false;
      for (let k = run.start; k < run.end; k++) {
        const people = surnames.get(personNameKey(tokens[k]!.text));
        if (!people) continue;
        const person = people.find((p) => p.id === lastPerson) ?? people[people.length - 1]!;
        found[s]!.push({ sentence: s, tokenStart: k, tokenEnd: k + 1, id: person.id, label: person.label, type: 'person' });
        surname = true;
        break;
      }
      // "shelled Tskhinvali", "advanced on Kharkiv": one unknown word that an attack strikes is a place.
      if (!surname && !speaking.has(tokens[run.start]!.text) && attackedPlace(tokens, run)) found[s]!.push({ sentence: s, tokenStart: run.start, tokenEnd: run.end, id: kebabId(label), label, type: 'place' });
    }
    // Most documents define no acronym: no lookup per token for them.
    for (let k = 0; acronyms.size > 0 && k < tokens.length; k++) {
      const definition = acronyms.get(tokens[k]!.text);
      if (definition && !covered[k] && !taken[k]) {
        found[s]!.push({ sentence: s, tokenStart: k, tokenEnd: k + 1, id: definition.id, label: definition.label, type: definition.type });
      }
    }
    found[s]!.sort((a, b) => a.tokenStart - b.tokenStart);
    for (const f of found[s]!) if (f.type === 'person') lastPerson = f.id;
  }
  return found;
}
