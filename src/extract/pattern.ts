/**
 * Token patterns
 * ==============
 *
 * The small language relation rules are written in (see `rules.ts`), so that
 * rules stay data. A pattern is a space-separated list of elements:
 *
 *   word          the token, lower-cased ("accused")
 *   a|b|c         any of these
 *   impos*        any token starting with "impos"
 *   's            a possessive ending
 *   [the|a]       optional
 *   ~3            up to three words (no punctuation, no names)
 *   S  O          the subject / object: a name, pronoun or title standing for an entity
 *      suffixes:  + a list ("Latin America, Africa, and Asia")
 *                 a a demonym adjective counts ("Ukrainian children")
 *                 e it must be an event, or an organisation's meeting ("the BRICS summit")
 *
 * Before S or O a few filler words may stand ("sanctions on *three senior*
 * Iranian officials", "on *the* president himself"), as may the parts of a
 * title phrase ("on *Russian President* Vladimir Putin").
 */

import { AGENT_NOUNS } from './gazetteer/titles.ts';
import { HONORIFICS } from './lexicon.ts';
import type { Slot } from './sentenceModel.ts';
import type { Token } from './tokens.ts';

type Element =
  | { kind: 'word'; test: (token: Token) => boolean; optional: boolean; exact: Set<string>; prefixes: string[] }
  | { kind: 'gap'; max: number }
  | { kind: 'slot'; role: 'S' | 'O'; list: boolean; adjective: boolean; event: boolean };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  /** Index of the trigger: the first required word element that is not a common word. */
  firstWord: number;
  /** How many tokens before the trigger a match may start. */
  lead: number;
}

export interface PatternContext {
  tokens: readonly Token[];
  /** The slot covering a token. */
  slotAt: ReadonlyArray<Slot | undefined>;
  /** Tokens inside a title ("President"), skipped like filler before a slot. */
  inTitle: boolean[];
  /** Tokens of a town's or region's name: a gap may pass them ("founded in Shanghai in 2001 by …"). */
  inPlace?: boolean[];
}

export interface PatternMatch {
  start: number;
  end: number;
  /** Token index of the first literal word (the trigger). */
  trigger: number;
  subjects: Slot[];
  objects: Slot[];
}

const FILLER_STOPS = new Set(
  `of for over with from to by in at about after against and or but as than that which who whom since while because if on into under
   upon between among during before until without within said says is was were are has have had be been being will would not no n't
   amid despite following toward towards across through via per`.split(/\s+/),
);
const MAX_FILLER = 4;
/** "several of the same Iranian companies": after a quantifier, "of" is filler too. */
const QUANTIFIERS = new Set('several some many most all each both any none few one two three four five six seven eight nine ten dozens hundreds thousands'.split(' '));

function wordElement(spec: string, optional: boolean): Element {
  const alternatives = spec.split('|').map((alt) => alt.trim().toLowerCase().replace(/’/g, "'"));
  const exact = new Set(alternatives.filter((a) => !a.endsWith('*')));
  const prefixes = alternatives.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1));
  const test = (token: Token) => {
    const norm = token.kind === 'possessive' ? "'s" : token.norm;
    if (exact.has(norm)) return true;
    for (const prefix of prefixes) if (norm.startsWith(prefix) && token.kind === 'word') return true;
    return false;
  };
  return { kind: 'word', test, optional, exact, prefixes };
}

/** The trigger's words, for indexing rules by the tokens that can start them. */
export function triggerWords(pattern: CompiledPattern): { exact: Set<string>; prefixes: string[] } {
  const element = pattern.elements[pattern.firstWord]!;
  return element.kind === 'word' ? { exact: element.exact, prefixes: element.prefixes } : { exact: new Set(), prefixes: [] };
}

/**
 * Besides the trigger, the words a match cannot do without: each set is a required element's alternatives
 * (elements with a prefix alternative are left out). A sentence lacking one of them anywhere cannot match,
 * so a rule triggered by a common word ("in", "which", "said") is passed over without trying the pattern.
 */
export function requiredWords(pattern: CompiledPattern): string[][] {
  const required: string[][] = [];
  pattern.elements.forEach((element, e) => {
    if (e !== pattern.firstWord && element.kind === 'word' && !element.optional && element.prefixes.length === 0) required.push([...element.exact]);
  });
  return required;
}

/** The pattern has an event slot ("Oe"): it cannot match a sentence that names no event. */
export function needsEvent(pattern: CompiledPattern): boolean {
  return pattern.elements.some((element) => element.kind === 'slot' && element.event);
}

/** Words too common to look a rule up by. */
const UNSELECTIVE = new Set([',', "'s", 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'by', 'with', 'for', 'and', 'as', 'at']);

export function compilePattern(source: string): CompiledPattern {
  const elements: Element[] = [];
  for (const part of source.trim().split(/\s+/)) {
    const slot = /^([SO])([+ae]*)$/.exec(part);
    if (slot) {
      const flags = slot[2]!;
      elements.push({ kind: 'slot', role: slot[1] as 'S' | 'O', list: flags.includes('+'), adjective: flags.includes('a'), event: flags.includes('e') });
    } else if (/^~\d+$/.test(part)) {
      elements.push({ kind: 'gap', max: Number(part.slice(1)) });
    } else if (part.startsWith('[') && part.endsWith(']')) {
      elements.push(wordElement(part.slice(1, -1), true));
    } else {
      elements.push(wordElement(part, false));
    }
  }
  // The trigger is the first required word that is not a comma, a possessive or a form of "be": "O , comprising S+"
  // is looked for at each "comprising", not at every comma of the text.
  const required = (e: Element) => e.kind === 'word' && !e.optional;
  const selective = elements.findIndex((e) => required(e) && e.kind === 'word' && ![...e.exact].some((w) => UNSELECTIVE.has(w)));
  const firstWord = selective >= 0 ? selective : elements.findIndex(required);
  if (firstWord < 0) throw new Error(`pattern "${source}" has no trigger word`);
  return { source, elements, firstWord, lead: leadOf(elements.slice(0, firstWord)) };
}

/** How many tokens the elements before the trigger can span: a word one, a gap its length, a name a few (a list more). */
function leadOf(before: readonly Element[]): number {
  let lead = 0;
  for (const e of before) lead += e.kind === 'word' ? 1 : e.kind === 'gap' ? e.max : e.list ? 16 : 8;
  return Math.min(lead, 32);
}

export interface SlotRequirement {
  adjective: boolean;
  event: boolean;
}

/** Decides whether a slot may fill S or O (types are checked by the caller). */
export type SlotFilter = (slot: Slot, role: 'S' | 'O', requirement: SlotRequirement) => boolean;

function isFiller(ctx: PatternContext, i: number): boolean {
  const token = ctx.tokens[i];
  if (!token) return false;
  if (token.kind === 'number') return true;
  if (token.kind === 'possessive') return false;
  if (token.kind !== 'word' || token.capitalised) return false;
  return !FILLER_STOPS.has(token.norm);
}

/** A slot starting at `i` or after a few fillers; returns the slot and the index after it. */
function slotAfterFillers(ctx: PatternContext, from: number, role: 'S' | 'O', req: SlotRequirement, accept: SlotFilter): { slot: Slot; end: number } | undefined {
  let fillers = 0;
  let i = from;
  while (i < ctx.tokens.length) {
    const slot = ctx.slotAt[i];
    if (slot && slot.tokenStart === i) {
      if (accept(slot, role, req)) return { slot, end: agentNounEnd(ctx, slot) };
      // A title's qualifier or a demonym that cannot act is passed over like an adjective, as is a town before
      // its meeting ("attended the Johannesburg summit").
      if (slot.modifier || slot.kind === 'adjective' || (ctx.inPlace?.[i] && ctx.slotAt[slot.tokenEnd]?.eventHead)) {
        i = slot.tokenEnd;
        // "warrants for the Taliban’s supreme leader, Haibatullah Akhundzada": the qualifier's possessive goes with it.
        if (slot.modifier && ctx.tokens[i]?.kind === 'possessive') i++;
        fillers++;
        if (fillers > MAX_FILLER) return undefined;
        continue;
      }
      return undefined;
    }
    // "for the Taliban’s supreme leader, Haibatullah Akhundzada": a comma after a title, before its holder; "Mr", "Ms".
    if (HONORIFICS.has(ctx.tokens[i]!.norm) || ctx.inTitle[i] || (ctx.tokens[i]!.text === ',' && i > from && ctx.inTitle[i - 1] && ctx.slotAt[i + 1])) {
      i++;
      continue;
    }
    // "the commander of its naval forces, Muhammad Fadl Abd al-Nabi": a title's "of" phrase, a comma, then its holder.
    if (ctx.tokens[i]!.norm === 'of' && ctx.inTitle[i - 1]) {
      const holder = titleHolderAfter(ctx, i + 1);
      if (holder !== undefined) {
        i = holder;
        continue;
      }
    }
    // "fired missiles at ships, at U.S. warships and at Israel": an unnamed first item, then the named ones.
    if (ctx.tokens[i]!.text === ',' && fillers > 0 && LIST_PREPOSITIONS.has(ctx.tokens[i + 1]?.norm ?? '') && ctx.tokens[i + 1]?.norm === ctx.tokens[from - 1]?.norm) {
      i += 2;
      continue;
    }
    // "warrants for three commanders, Ali Haddad, Omar Farouk and …", "two officials: A and B": the unnamed group, then its members.
    if ((ctx.tokens[i]!.text === ',' || ctx.tokens[i]!.text === ':') && fillers > 0 && role === 'O') {
      // "… two individuals, Mr Benjamin Netanyahu and …": an honorific may stand before the first name (a name, not "he").
      const first = HONORIFICS.has(ctx.tokens[i + 1]?.norm ?? '') ? i + 2 : i + 1;
      if (ctx.slotAt[first]?.tokenStart === first && ctx.slotAt[first]!.kind !== 'pronoun') {
        i = first;
        continue;
      }
    }
    // "on Haitian gang leaders, including Jimmy Chérizier": the unnamed group is passed over for its named members.
    if (ctx.tokens[i]!.text === ',' && i > from && ctx.tokens[i + 1]?.norm === 'including') {
      i += 2;
      continue;
    }
    // "including the group’s defence minister, Mohamed al-Atifi": a common noun's possessive is filler too.
    if (ctx.tokens[i]!.kind === 'possessive' && fillers > 0 && isFiller(ctx, i - 1)) {
      i++;
      continue;
    }
    const quantified = ctx.tokens[i]!.norm === 'of' && i > from && (QUANTIFIERS.has(ctx.tokens[i - 1]!.norm) || ctx.tokens[i - 1]!.kind === 'number');
    if (!quantified && !isFiller(ctx, i)) {
      // "warrants for two individuals in the situation in Ukraine: Mr Putin and …": the group's own phrase, then its members.
      const colon = role === 'O' && fillers > 0 ? colonAhead(ctx, i) : undefined;
      if (colon === undefined) return undefined;
      i = colon;
      continue;
    }
    if (++fillers > MAX_FILLER) return undefined;
    i++;
  }
  return undefined;
}

/** After a title's "of": a few words of the body (names too), a comma and a name; the name's index. */
function titleHolderAfter(ctx: PatternContext, from: number): number | undefined {
  for (let k = from; k < Math.min(ctx.tokens.length, from + 8); k++) {
    const token = ctx.tokens[k]!;
    if (token.text === ',') return k > from && ctx.slotAt[k + 1]?.tokenStart === k + 1 && ctx.slotAt[k + 1]!.kind !== 'pronoun' ? k + 1 : undefined;
    if (token.kind !== 'word' && token.kind !== 'possessive') return undefined;
    if (!ctx.slotAt[k] && FILLER_STOPS.has(token.norm) && token.norm !== 'the') return undefined;
  }
  return undefined;
}

/** A colon within a few words (of a phrase, names included, and no other punctuation), with a name after it: the colon's index. */
function colonAhead(ctx: PatternContext, from: number): number | undefined {
  for (let k = from; k < Math.min(ctx.tokens.length, from + 10); k++) {
    const token = ctx.tokens[k]!;
    if (token.text === ':') {
      const first = HONORIFICS.has(ctx.tokens[k + 1]?.norm ?? '') ? k + 2 : k + 1;
      return ctx.slotAt[first]?.tokenStart === first && ctx.slotAt[first]!.kind !== 'pronoun' ? k : undefined;
    }
    if (token.kind !== 'word' && token.kind !== 'number' && token.kind !== 'possessive') return undefined;
  }
  return undefined;
}

/** Prepositions a list may repeat before each item. */
const LIST_PREPOSITIONS = new Set(['at', 'on', 'against', 'for', 'into', 'to', 'with']);

/** "Eritrean forces", "Russian military officials": a demonym acting for its state takes its agent nouns with it. */
function agentNounEnd(ctx: PatternContext, slot: Slot): number {
  let end = slot.tokenEnd;
  if (!slot.agent) return end;
  for (let words = 0; words < 2; words++) {
    const token = ctx.tokens[end];
    if (!token || token.kind !== 'word' || token.capitalised || ctx.slotAt[end] || !(AGENT_NOUNS.has(token.norm) || AGENT_NOUNS.has(ctx.tokens[end + 1]?.norm ?? ''))) break;
    end++;
  }
  return end;
}

/** More items of a list after the first: ", B", " and C", ", and D", " as well as E". */
function extendList(ctx: PatternContext, slot: Slot, end: number, role: 'S' | 'O', req: SlotRequirement, accept: SlotFilter): { slots: Slot[]; end: number } {
  const slots = [slot];
  let at = end;
  for (;;) {
    // "Ghalandari, Iran’s Deputy Minister of Defence, and Jafarabadi": an item's appositive is passed over.
    let i = appositiveEnd(ctx, at) ?? at;
    // "at U.S. warships and at Israel": nouns after an item, when the next item repeats the preposition.
    const preposition = ctx.tokens[slot.tokenStart - 1]?.norm ?? '';
    if (LIST_PREPOSITIONS.has(preposition)) {
      let nounsEnd = at;
      for (let nouns = 0; nouns < 2 && isFiller(ctx, nounsEnd); nouns++) nounsEnd++;
      let j = nounsEnd;
      if (ctx.tokens[j]?.text === ',') j++;
      if (/^(?:and|or)$/.test(ctx.tokens[j]?.norm ?? '')) j++;
      if (nounsEnd > at && j > nounsEnd && ctx.tokens[j]?.norm === preposition) i = nounsEnd;
    }
    let joined = false;
    if (ctx.tokens[i]?.text === ',') {
      i++;
      joined = true;
    }
    if (ctx.tokens[i]?.norm === 'and' || ctx.tokens[i]?.norm === 'or') {
      i++;
      joined = true;
    } else if (ctx.tokens[i]?.norm === 'as' && ctx.tokens[i + 1]?.norm === 'well' && ctx.tokens[i + 2]?.norm === 'as') {
      i += 3;
      joined = true;
    }
    if (!joined) break;
    // "at merchant ships, at U.S. warships and at Israel", "for Lvova-Belova and for Putin": the preposition repeated.
    if (LIST_PREPOSITIONS.has(ctx.tokens[i]?.norm ?? '') && ctx.tokens[i]?.norm === ctx.tokens[slot.tokenStart - 1]?.norm) i++;
    const next = slotAfterFillers(ctx, i, role, req, accept);
    if (!next) break;
    // After a bare comma the next item is a name (after "the" at most): "ally of the Philippines, urged Beijing" lists nothing.
    const bareComma = ctx.tokens[at]?.text === ',' && i === at + 1;
    if (bareComma && next.slot.tokenStart > i + (ctx.tokens[i]?.norm === 'the' ? 1 : 0) && !ctx.inTitle[i]) break;
    // "attacked Ukraine, and the UN urged it to stop": after "and" a name with a verb of its own opens a new clause.
    if (role === 'O' && opensClause(ctx.tokens[next.end])) break;
    slots.push(next.slot);
    at = next.end;
  }
  // "on Haitian gang leaders, including Jimmy Chérizier": the named examples are objects too.
  const including = includingAt(ctx, at);
  if (including !== undefined) {
    const first = slotAfterFillers(ctx, including, role, req, accept);
    if (first) {
      const more = extendList(ctx, first.slot, first.end, role, req, accept);
      return { slots: [...slots, ...more.slots], end: more.end };
    }
  }
  return { slots, end: at };
}

/** Words that make what follows a comma a clause, not an appositive. */
const CLAUSE_WORDS = new Set('said says told is was were are has have had will would who whom which that whose when where while because after before if but not also'.split(' '));

/**
 * ", Iran’s Deputy Minister of Defence," / ", the commander of its naval
 * forces," after a list item: the index of the comma that closes it. It
 * opens with a determiner, a title or an owner's possessive, and holds no
 * verb of a clause.
 */
function appositiveEnd(ctx: PatternContext, at: number): number | undefined {
  if (ctx.tokens[at]?.text !== ',') return undefined;
  const first = ctx.tokens[at + 1];
  if (!first) return undefined;
  const owner = ctx.slotAt[at + 1];
  const opens = /^(?:the|a|an|its|his|her|their)$/.test(first.norm) || ctx.inTitle[at + 1] || (owner !== undefined && ctx.tokens[owner.tokenEnd]?.kind === 'possessive');
  if (!opens) return undefined;
  for (let k = at + 1; k < Math.min(ctx.tokens.length, at + 16); k++) {
    const token = ctx.tokens[k]!;
    if (token.text === ',') return k > at + 1 ? k : undefined;
    if (ctx.slotAt[k] || ctx.inTitle[k]) continue;
    if (token.kind === 'possessive' || token.kind === 'number') continue;
    if (token.kind !== 'word' || CLAUSE_WORDS.has(token.norm)) return undefined;
  }
  return undefined;
}

/** A finite verb after a name: a past tense, a speech verb, an auxiliary ("urged", "said", "has", "will"). */
function opensClause(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word' || token.capitalised) return false;
  return /^(?:said|says|has|have|is|was|were|are|will|did|does)$/.test(token.norm) || (token.norm.endsWith('ed') && token.norm.length > 4 && !NAME_PARTICIPLES.has(token.norm));
}

/** Participles that describe the name before them ("Russia based companies", "Iran backed militias"), not verbs of a new clause. */
const NAME_PARTICIPLES = new Set(['based', 'backed', 'owned', 'linked', 'controlled', 'affiliated', 'allied', 'funded', 'sponsored', 'registered', 'flagged', 'armed', 'aligned', 'supported', 'listed', 'designated', 'named', 'mentioned', 'related', 'connected']);

/** After a list: up to three lower-case words, then ", including" or ", among them"; the index after it. */
function includingAt(ctx: PatternContext, at: number): number | undefined {
  let i = at;
  for (let words = 0; words < 3 && ctx.tokens[i]?.kind === 'word' && !ctx.tokens[i]!.capitalised && !ctx.slotAt[i] && ctx.tokens[i]!.norm !== 'including'; words++) i++;
  if (ctx.tokens[i]?.text !== ',') return undefined;
  if (ctx.tokens[i + 1]?.norm === 'including') return i + 2;
  if (ctx.tokens[i + 1]?.norm === 'among' && ctx.tokens[i + 2]?.norm === 'them') return i + 3;
  return undefined;
}

/** What a match collects as it goes; one per `matchAt` call, threaded through `step`. */
interface MatchState {
  pattern: CompiledPattern;
  ctx: PatternContext;
  accept: SlotFilter;
  subjects: Slot[];
  objects: Slot[];
  trigger: number;
}

/** Tries `pattern` with its first element at token `start`. */
export function matchAt(pattern: CompiledPattern, ctx: PatternContext, start: number, accept: SlotFilter): PatternMatch | undefined {
  const state: MatchState = { pattern, ctx, accept, subjects: [], objects: [], trigger: -1 };
  const end = step(state, 0, start);
  if (end === undefined) return undefined;
  return { start, end, trigger: state.trigger, subjects: state.subjects, objects: state.objects };
}

/**
 * Element `e` of the pattern at token `i`, then the rest by recursion; the
 * index after the match, or undefined. A module function, not a closure made
 * per call: `matchAt` runs for every trigger word of every sentence.
 */
function step(state: MatchState, e: number, i: number): number | undefined {
  const { pattern, ctx, accept } = state;
  if (e === pattern.elements.length) return i;
  const element = pattern.elements[e]!;
  if (element.kind === 'word') {
    const token = ctx.tokens[i];
    // A literal never reads a word inside a name ("the" of "the Kremlin").
    if (token && element.test(token) && !(ctx.slotAt[i] && !ctx.slotAt[i]!.modifier)) {
      const previousTrigger = state.trigger;
      if (e === pattern.firstWord) state.trigger = i;
      const done = step(state, e + 1, i + 1);
      if (done !== undefined) return done;
      state.trigger = previousTrigger;
    }
    return element.optional ? step(state, e + 1, i) : undefined;
  }
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max; skip++) {
      if (skip > 0) {
        const token = ctx.tokens[i + skip - 1];
        const slot = ctx.slotAt[i + skip - 1];
        // Quotation marks may stand inside a gap: launched what it called an “anti-terrorist operation”.
        const passable = token && (token.kind === 'word' || token.kind === 'number' || token.kind === 'open-quote' || token.kind === 'close-quote');
        if (!passable || (slot && !slot.modifier && !ctx.inPlace?.[i + skip - 1])) return undefined;
      }
      const done = step(state, e + 1, i + skip);
      if (done !== undefined) return done;
    }
    return undefined;
  }
  const req = { adjective: element.adjective, event: element.event };
  const found = slotAfterFillers(ctx, i, element.role, req, accept);
  if (!found) return undefined;
  const list = element.list ? extendList(ctx, found.slot, found.end, element.role, req, accept) : { slots: [found.slot], end: found.end };
  const into = element.role === 'S' ? state.subjects : state.objects;
  const before = into.length;
  into.push(...list.slots);
  const done = step(state, e + 1, list.end);
  if (done !== undefined) return done;
  into.length = before;
  return undefined;
}
