/**
 * Applying the relation rules to a sentence
 * =========================================
 *
 * For each rule whose trigger word occurs, match its pattern, find the
 * subject (see `rules.ts`), check the entity types, and read the flags off
 * the clause: negation just before the trigger, hedging cues in the clause
 * (or in the clause that governs a "that …" clause), a modal that makes it
 * hypothetical (no relation), and who is speaking (quotations, "X said",
 * "according to X").
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import type { BuiltInRelationTypeId } from '../model/relationTypes.ts';
import { emptySlot, type Candidate, type ResolvedSentence, type Slot } from './sentenceModel.ts';
import { walkClause } from './clauses.ts';
import type { EntityRegistry } from './entities.ts';
import { AGENT_NOUNS } from './gazetteer/titles.ts';
import { AUXILIARIES, CLAUSE_OPENERS, DENIALS, HEDGE_GOVERNORS, HEDGES, MODALS, NEGATIONS, RELATIVE_PRONOUNS, SPEECH_VERBS } from './lexicon.ts';
import { compilePattern, matchAt, needsEvent, requiredWords, triggerWords, type CompiledPattern, type PatternContext, type PatternMatch, type SlotFilter, type SlotRequirement } from './pattern.ts';
import { RELATION_RULES, TYPE_CONSTRAINTS, type RelationRule, type RuleImplication } from './rules.ts';
import type { Token } from './tokens.ts';

interface CompiledRule {
  rule: RelationRule;
  pattern: CompiledPattern;
  /** How many tokens may stand before the trigger in the pattern. */
  lead: number;
  subjectTypes: BuiltInEntityTypeId[];
  objectTypes: BuiltInEntityTypeId[];
  /** Its place in declaration order, the order rules are applied in. */
  order: number;
  /** Words besides the trigger a match needs (`requiredWords`): checked against the sentence before matching. */
  needs: string[][];
  /** The pattern needs an event (`needsEvent`): checked against the sentence's names before matching. */
  needsEvent: boolean;
}

interface RuleIndex {
  rules: CompiledRule[];
  /** Rules by a trigger word they start with ("accused" → accuse-of, …). */
  byWord: Map<string, CompiledRule[]>;
  /** Rules whose trigger is a prefix ("impos*"), by the prefix's first three letters. */
  byPrefix: Map<string, Array<{ prefix: string; rule: CompiledRule }>>;
  /** `rulesFor`'s answer for a word a prefix may match, by norm: prefix rules made a new array each time. */
  byWordToken: Map<string, CompiledRule[]>;
  /**
   * Whether some prefix begins with these two ASCII letters, by `code0 * 128 + code1`; undefined when a prefix
   * is shorter or not ASCII. A word whose first two letters begin no prefix needs only `byWord`, a small map.
   */
  prefixStarts: Uint8Array | undefined;
}

let compiled: RuleIndex | undefined;

function indexRules(rules: CompiledRule[]): RuleIndex {
  const byWord = new Map<string, CompiledRule[]>();
  const byPrefix = new Map<string, Array<{ prefix: string; rule: CompiledRule }>>();
  for (const rule of rules) {
    const { exact, prefixes } = triggerWords(rule.pattern);
    for (const word of exact) byWord.set(word, [...(byWord.get(word) ?? []), rule]);
    for (const prefix of prefixes) {
      const key = prefix.slice(0, 3);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), { prefix, rule }]);
    }
  }
  return { rules, byWord, byPrefix, byWordToken: new Map(), prefixStarts: prefixStartsOf([...byPrefix.values()].flat().map((p) => p.prefix)) };
}

function prefixStartsOf(prefixes: readonly string[]): Uint8Array | undefined {
  const starts = new Uint8Array(128 * 128);
  for (const prefix of prefixes) {
    const a = prefix.charCodeAt(0);
    const b = prefix.charCodeAt(1);
    if (!(a < 128 && b < 128)) return undefined; // NaN for a prefix of one letter
    starts[a * 128 + b] = 1;
  }
  return starts;
}

/** The rules a token can trigger, in rule order. */
const NONE: CompiledRule[] = [];

/** Bounds `byWordToken`: a long-running server reads ever new words. */
const MAX_CACHED_TOKENS = 50_000;

function rulesFor(index: RuleIndex, token: { norm: string; kind: string }): CompiledRule[] {
  // Prefixes match words only: any other token's rules are those of its exact form (as `findRulesFor` would say).
  if (token.kind !== 'word') return index.byWord.get(token.kind === 'possessive' ? "'s" : token.norm) ?? NONE;
  if (index.prefixStarts) {
    const a = token.norm.charCodeAt(0);
    const b = token.norm.charCodeAt(1);
    // No prefix can match: the rules are those of the exact word (as `findRulesFor` would say).
    if (!(a < 128 && b < 128 && index.prefixStarts[a * 128 + b] === 1)) return index.byWord.get(token.norm) ?? NONE;
  }
  const cache = index.byWordToken;
  let rules = cache.get(token.norm);
  if (rules === undefined) {
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(token.norm, (rules = findRulesFor(index, token)));
  }
  return rules;
}

function findRulesFor(index: RuleIndex, token: { norm: string; kind: string }): CompiledRule[] {
  const norm = token.kind === 'possessive' ? "'s" : token.norm;
  const exact = index.byWord.get(norm);
  const prefixed = token.kind === 'word' ? index.byPrefix.get(norm.slice(0, 3)) : undefined;
  if (!prefixed) return exact ?? NONE;
  const found = exact ? [...exact] : [];
  for (const { prefix, rule } of prefixed) if (norm.startsWith(prefix) && !found.includes(rule)) found.push(rule);
  return found;
}

function compileRules(): CompiledRule[] {
  return RELATION_RULES.map((rule, order) => {
    const pattern = compilePattern(rule.pattern);
    const constraints = TYPE_CONSTRAINTS[rule.type];
    return {
      rule,
      pattern,
      order,
      needs: requiredWords(pattern),
      needsEvent: needsEvent(pattern),
      lead: pattern.lead,
      subjectTypes: rule.subjectTypes ?? constraints.subject,
      objectTypes: rule.objectTypes ?? constraints.object,
    };
  });
}

export interface SentenceContext {
  document: string;
  sentence: ResolvedSentence;
  registry: EntityRegistry;
  /** The person the sentence is about: first named outside quotations. */
  mainPerson: Slot | undefined;
  /** The organisation the document is about, if it opens with one (pipeline.ts). */
  topic?: string | undefined;
  /** The document's candidates from the sentences before this one (for `subject: 'earlier'`). */
  documentEarlier?: readonly Candidate[];
}

function eligible(registry: EntityRegistry, types: BuiltInEntityTypeId[]): (slot: Slot, req: SlotRequirement) => boolean {
  return (slot, req) => {
    if (slot.modifier || slot.nonState) return false;
    if (slot.eventHead && !req.event) return false;
    if (slot.kind === 'adjective' && !slot.agent && !req.adjective) return false;
    if (req.event && !slot.eventHead && !slot.ids.some((id) => registry.typeOf(id) === 'event')) return false;
    return slot.ids.some((id) => types.includes(registry.typeOf(id)!));
  };
}

const PARTICIPLE_OR_ADVERB = /^(?:\p{L}+ing|\p{L}+ed|\p{L}+ly|however|though|too|meanwhile|instead|then|again)$/u;
const ECHO = /^(?:repeating|echoing|reiterating|repeated|echoed)$/;
const CLAIM_NOUNS = /^(?:claims|accusations|allegations|charges|assertions)$/;

/**
 * The subject left of `from`: the nearest eligible slot in the clause,
 * passing over a comma-bounded parenthesis that opens with a participle or
 * an adverb. Returns the slots (a coordination "X and Y" gives both) and any
 * echoed co-subjects found in a skipped parenthesis.
 */
export function subjectLeft(
  ctx: SentenceContext,
  from: number,
  accept: (slot: Slot) => boolean,
  window = Infinity,
): { slots: Slot[]; echoes: Slot[] } {
  const { sentence } = ctx;
  const { tokens, slotAt, clauses } = sentence;
  const echoes: Slot[] = [];
  const head = appositiveHead(ctx, from, accept);
  if (head) return { slots: [head], echoes };
  const walk = [...walkClause(clauses, from, -1)];
  for (let w = 0; w < walk.length; w++) {
    const j = walk[w]!;
    if (from - j > window) break;
    const slot = slotAt[j];
    if (slot) {
      if (accept(slot) && !possessiveOfAnother(ctx, slot, from) && !objectOfEarlierVerb(ctx, slot, from) && !destination(ctx, slot)) return { slots: [...joinedBy(ctx, slot, from, accept), ...coordinatedBefore(ctx, slot, accept)], echoes };
      continue;
    }
    if (tokens[j]!.text === ',') {
      // A parenthesis: ", however," / ", repeating claims U.S. officials have made as well," /
      // ", comprising Brazil, Russia and India,": it opens at the nearest comma before a participle or adverb.
      const open = parenthesisOpening(tokens, walk, w);
      if (open !== undefined) {
        if (ECHO.test(tokens[open + 1]!.norm) && CLAIM_NOUNS.test(tokens[open + 2]?.norm ?? '')) {
          for (let k = open + 3; k < j; k++) {
            const inner = slotAt[k];
            if (inner && inner.tokenStart === k && accept(inner)) echoes.push(inner);
          }
        }
        w = walk.indexOf(open);
      }
    }
  }
  // A relative clause takes the name it hangs on: "Armenia, which is a member of …".
  const antecedent = clauses.antecedent.get(clauses.clause[from]!);
  // "… with the United States, the United Kingdom and Canada, which announced sanctions": the whole list.
  if (antecedent && accept(antecedent)) return { slots: coordinatedBefore(ctx, antecedent, accept), echoes };
  return { slots: [], echoes };
}

/** Names in a parenthesis of examples ("Several states, including France and Britain, imposed …") are the subjects. */
const EXAMPLES = /^(?:including|notably|especially|particularly|chiefly|mainly)$/;
/** How far back a parenthesis may open. */
const PARENTHESIS_SPAN = 24;

/**
 * The comma that opens a parenthesis ending at `walk[w]`: the nearest one
 * before a lower-case participle or adverb, within a short span. A list of
 * examples (", including …") is not a parenthesis: its names are the subjects.
 */
function parenthesisOpening(tokens: readonly Token[], walk: readonly number[], w: number): number | undefined {
  const close = walk[w]!;
  for (let v = w + 1; v < walk.length && close - walk[v]! <= PARENTHESIS_SPAN; v++) {
    const k = walk[v]!;
    if (tokens[k]!.text !== ',') continue;
    const next = tokens[k + 1];
    // A capitalised word is a name, not a participle ("Mohamed" ends in "-ed").
    if (!next || next.capitalised) continue;
    if (EXAMPLES.test(next.norm)) return undefined;
    if (PARTICIPLE_OR_ADVERB.test(next.norm)) return k;
  }
  return undefined;
}

const DETERMINERS = new Set(['the', 'a', 'an']);

/**
 * "Bintou Keita, the head of MONUSCO, the UN mission in Congo, called on …":
 * a trigger right after the comma that closes an appositive takes the name
 * the sentence opens with, not the last name inside the appositive.
 */
/**
 * The name an appositive closing at comma `close` hangs on: the sentence's
 * opening name ("Bintou Keita, the head of MONUSCO, …"), else the nearest
 * name followed by ", a|an|the|<title>" in the clause ("since South Africa,
 * a party to the Rome Statute, would …").
 */
function appositiveOpening(ctx: SentenceContext, close: number): Slot | undefined {
  const { tokens, slotAt, titleAt } = ctx.sentence;
  const opens = (head: Slot | undefined) =>
    !!head && head.recorded && tokens[head.tokenEnd]?.text === ',' && head.tokenEnd < close && (DETERMINERS.has(tokens[head.tokenEnd + 1]?.norm ?? '') || !!titleAt[head.tokenEnd + 1]);
  const first = tokens[0]?.norm === 'the' && !slotAt[0] ? 1 : 0;
  const opening = slotAt[first];
  if (opening && opening.tokenStart === first && opens(opening)) return opening;
  const own = ctx.sentence.clauses.clause[close];
  for (let c = close - 1; c > 0 && close - c <= APPOSITIVE_SPAN; c--) {
    if (tokens[c]!.text !== ',' || ctx.sentence.clauses.clause[c] !== own) continue;
    const head = slotAt[c - 1];
    if (head && head.tokenEnd === c && opens(head)) return head;
  }
  return undefined;
}

/** How long an appositive may be, in tokens. */
const APPOSITIVE_SPAN = 16;

function appositiveHead(ctx: SentenceContext, from: number, accept: (slot: Slot) => boolean): Slot | undefined {
  const { tokens, slotAt, titleAt } = ctx.sentence;
  let k = from - 1;
  // "Washington, a treaty ally of Seoul, *has led Western* sanctions against …": a verb and a few words may come between.
  for (let words = 0; k >= 0 && !slotAt[k] && tokens[k]!.kind === 'word'; k--) {
    const norm = tokens[k]!.norm;
    if (AUXILIARIES.has(norm) || /^\p{Ll}+ly$/u.test(tokens[k]!.text)) continue;
    if (++words > 3 || CLAUSE_OPENERS.has(norm) || norm === 'and' || norm === 'or' || SPEECH_VERBS.has(norm)) return undefined;
  }
  if (tokens[k]?.text !== ',' || ctx.sentence.quote[from] !== 0) return undefined;
  const head = appositiveOpening(ctx, k);
  if (!head) return undefined;
  const opener = head.tokenEnd + 1;
  // Only nouns, names and commas in between: a verb or a clause would make it more than an appositive.
  for (let i = opener; i < k; i++) {
    const token = tokens[i]!;
    if (slotAt[i] || titleAt[i] || token.text === ',' || token.kind === 'possessive') continue;
    // "a treaty ally of both Seoul and Tokyo": names joined inside the appositive.
    if ((token.norm === 'and' || token.norm === 'or') && slotAt[i - 1] && slotAt[i + 1]) continue;
    if (token.kind !== 'word' || CLAUSE_OPENERS.has(token.norm) || AUXILIARIES.has(token.norm) || SPEECH_VERBS.has(token.norm) || token.norm === 'and' || token.norm === 'or') return undefined;
  }
  return accept(head) ? head : undefined;
}

/**
 * "Japan joined the United Kingdom last week in sanctioning …": whoever joins
 * Y in doing something does it too, so the subject of "joined" is a subject
 * of the later verb beside Y.
 */
function joinedBy(ctx: SentenceContext, slot: Slot, from: number, accept: (slot: Slot) => boolean): Slot[] {
  const { tokens } = ctx.sentence;
  let k = slot.tokenStart - 1;
  if (tokens[k]?.norm === 'the') k--;
  if (!/^(?:joined|joins|join|joining)$/.test(tokens[k]?.norm ?? '')) return [];
  if (tokens[from - 1]?.norm !== 'in') return [];
  for (let i = slot.tokenEnd; i < from - 1; i++) if (tokens[i]!.kind !== 'word' || ctx.sentence.slotAt[i]) return [];
  return subjectLeft(ctx, k, accept, 6).slots.filter((s) => s !== slot);
}

/**
 * "Guyana’s sovereignty": a possessive names the owner of a noun, not the
 * subject of a later verb — unless the noun is one that acts for its owner
 * ("China’s Commerce Ministry accused …", "Russia’s forces attacked …").
 */
function possessiveOfAnother(ctx: SentenceContext, slot: Slot, trigger: number): boolean {
  const { tokens } = ctx.sentence;
  if (tokens[slot.tokenEnd]?.kind !== 'possessive' || slot.tokenEnd + 1 >= trigger) return false;
  return !actsForOwner(ctx, slot.tokenEnd + 1, trigger);
}

/** Up to three words, the last an agent noun ("Commerce Ministry", "armed forces"), then only auxiliaries up to the trigger. */
function actsForOwner(ctx: SentenceContext, from: number, trigger: number): boolean {
  const { tokens, slotAt } = ctx.sentence;
  let end = trigger;
  while (end > from && AUXILIARIES.has(tokens[end - 1]!.norm)) end--;
  if (end - from < 1 || end - from > 3 || !AGENT_NOUNS.has(tokens[end - 1]!.norm)) return false;
  for (let i = from; i < end; i++) if (tokens[i]!.kind !== 'word' || slotAt[i]) return false;
  return true;
}

const CLAUSE_START = new Set([',', ';', ':', '(', '—', '–']);

/**
 * "Pashinyan accused Azerbaijan of … and called on the Security Council":
 * across "and", a name that follows a verb or preposition is that word's
 * object, and the subject of the second verb is the subject of the first.
 */
function objectOfEarlierVerb(ctx: SentenceContext, slot: Slot, trigger: number): boolean {
  const { tokens, slotAt, titlePhrase } = ctx.sentence;
  let coordinated = false;
  for (let i = slot.tokenEnd; i < trigger; i++) if (tokens[i]!.norm === 'and' || tokens[i]!.norm === 'but') coordinated = true;
  if (!coordinated) return false;
  let k = slot.tokenStart - 1;
  // Pass over what belongs to the name: a title, its qualifier, an article.
  while (k >= 0 && (ctx.sentence.titleAt[k] || titlePhrase[k] || (slotAt[k]?.modifier ?? false) || tokens[k]!.norm === 'the' || tokens[k]!.kind === 'possessive')) k--;
  if (k < 0) return false;
  const before = tokens[k]!;
  if (CLAUSE_START.has(before.text) || before.kind === 'open-quote' || before.kind === 'close-quote') return false;
  if (ctx.sentence.clauses.clause[k] !== ctx.sentence.clauses.clause[slot.tokenStart]) return false;
  return before.kind === 'word' && !before.capitalised && before.norm !== 'and' && before.norm !== 'or';
}

/** "travelled to Budapest to meet Orbán": a place gone to, before a verb of purpose, is not who meets. */
function destination(ctx: SentenceContext, slot: Slot): boolean {
  const { tokens } = ctx.sentence;
  return /^(?:to|into)$/.test(tokens[slot.tokenStart - 1]?.norm ?? '') && tokens[slot.tokenEnd]?.norm === 'to';
}

/** "Austria and Armenia", "the EU, the US and Britain": earlier items of a coordination ending at `slot`. */
function coordinatedBefore(ctx: SentenceContext, slot: Slot, accept: (slot: Slot) => boolean): Slot[] {
  const { tokens, slotAt } = ctx.sentence;
  const slots = [slot];
  let at = slot.tokenStart;
  for (;;) {
    let k = at - 1;
    let joined = false;
    // "the United States and the United Kingdom", "the EU, the US and Britain": a later item's article is not part of its name.
    if (tokens[k]?.norm === 'the' && !slotAt[k] && (/^(?:and|or)$/.test(tokens[k - 1]?.norm ?? '') || tokens[k - 1]?.text === ',')) k--;
    if (tokens[k]?.norm === 'and' || tokens[k]?.norm === 'or') {
      k--;
      joined = true;
    }
    if (tokens[k]?.text === ',') {
      k--;
      joined = true;
    }
    const previous = slotAt[k];
    if (!joined || !previous || !accept(previous)) break;
    // "Poland thanked Germany, and the EU sanctioned Belarus": after a comma, a name that is a verb's object ends the list.
    if (tokens[at - 1]?.text === ',' || tokens[k + 1]?.text === ',') {
      let b = previous.tokenStart - 1;
      if (tokens[b]?.norm === 'the' && !slotAt[b]) b--;
      const before = tokens[b];
      // (After a preposition it is a list: "coordinated with the United States, the United Kingdom and Canada, which …".)
      if (before && before.kind === 'word' && !before.capitalised && !slotAt[b] && !/^(?:and|or|both|either|with|by|from|including)$/.test(before.norm)) break;
    }
    slots.unshift(previous);
    at = previous.tokenStart;
  }
  return slots;
}

function hasCue(tokens: readonly Token[], indices: Iterable<number>, cues: Set<string>): boolean {
  for (const i of indices) if (cues.has(tokens[i]!.norm)) return true;
  return false;
}

/** Tokens just before the trigger in its clause, skipping nothing: where negation and modals sit. */
function beforeTrigger(ctx: SentenceContext, trigger: number, count: number): number[] {
  const out: number[] = [];
  for (const i of walkClause(ctx.sentence.clauses, trigger, -1)) {
    // "saying it had never supplied weapons and accusing …": a negation before "and" is the other verb's.
    if (out.length >= count || /^(?:and|but|,)$/.test(ctx.sentence.tokens[i]!.norm)) break;
    out.push(i);
  }
  return out;
}

/**
 * Modals that are part of what a type means, not a hedge on it: "said it
 * would arrest him" is the threat itself, "would focus on relations with"
 * the intention seeks-ties-with records.
 */
/** "would be obliged to arrest", "is required to arrest": a duty stated, not a threat made. */
const OBLIGATIONS = new Set(['obliged', 'obligated', 'required', 'bound', 'duty']);

const INTRINSIC_MODALS: Partial<Record<BuiltInRelationTypeId, ReadonlySet<string>>> = {
  'threatened-arrest': new Set(['would', 'will']),
  'seeks-ties-with': new Set(['would', 'will']),
};

function isHedged(ctx: SentenceContext, type: BuiltInRelationTypeId, start: number, end: number): boolean {
  const { tokens } = ctx.sentence;
  const left = [...walkClause(ctx.sentence.clauses, start, -1)];
  const intrinsic = INTRINSIC_MODALS[type];
  const hedge = (i: number) => HEDGES.has(tokens[i]!.norm) && !intrinsic?.has(tokens[i]!.norm);
  // "would be obliged to arrest": the trigger itself may be the modal or the obligation.
  if (left.some(hedge) || hedge(start)) return true;
  const inner: number[] = [];
  for (let i = start; i < end; i++) if (ctx.sentence.clauses.clause[i] === ctx.sentence.clauses.clause[start] && !ctx.sentence.slotAt[i]) inner.push(i);
  if (inner.some((i) => i !== start && (/^(?:allegedly|reportedly|purportedly|apparently)$/.test(tokens[i]!.norm) || OBLIGATIONS.has(tokens[i]!.norm)))) return true;
  // "allegations that X …", "claimed that X …": the cue governs the clause "that" opens.
  const first = left.length ? left[left.length - 1]! : start;
  const opener = tokens[first - 1]?.norm === 'that' ? first - 1 : tokens[first]?.norm === 'that' ? first : -1;
  if (opener > 0) {
    for (let i = Math.max(0, opener - 3); i < opener; i++) if (HEDGE_GOVERNORS.has(tokens[i]!.norm)) return true;
  }
  // "called on Congo to open talks with the group": what someone is urged to do has not happened.
  if (demanded(tokens, left)) return true;
  // "accused of abducting …": the relation is the content of an accusation.
  const of = tokens[start - 1]?.norm === 'of' ? start - 1 : -1;
  if (of > 0 && /^(?:accused|suspected|alleged|charged)$/.test(tokens[of - 1]?.norm ?? '')) return true;
  return false;
}

const DEMANDS = /^(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|demand(?:s|ed|ing)?|told|tell|tells|telling|encourag(?:e|es|ed|ing)|implor(?:e|es|ed|ing))$/;

/** "urged X to …", "called on X to …": a "to" a few words left of the match, an urging verb a few words before it, in one clause. */
function demanded(tokens: readonly Token[], left: readonly number[]): boolean {
  const to = left.slice(0, 4).find((i) => tokens[i]!.norm === 'to');
  if (to === undefined) return false;
  return left.filter((i) => i < to && i >= to - 8).some((i) => DEMANDS.test(tokens[i]!.norm));
}

/** Who is speaking where the trigger stands: the quotation's speaker, "X said (that) …", "according to X", "…, X said." */
function speakerFor(ctx: SentenceContext, trigger: number, end: number, accept: (slot: Slot) => boolean): readonly string[] {
  const { sentence } = ctx;
  const { tokens, slotAt, quote } = sentence;
  const segment = quote[trigger]!;
  if (segment > 0) return sentence.speakers.get(segment) ?? [];
  for (let i = trigger - 1; i >= 0; i--) {
    if (quote[i] !== 0 || !SPEECH_VERBS.has(tokens[i]!.norm)) continue;
    // ", referring to …", ", saying …": a participle; its speaker is the subject of the verb before it.
    if (tokens[i]!.norm.endsWith('ing') && tokens[i - 1]?.text === ',') continue;
    const { slots } = subjectLeft(ctx, i, accept, 8);
    if (slots.length) return slots.flatMap((s) => s.ids);
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.norm === 'according' && tokens[i + 1]!.norm === 'to') {
      const slot = slotAt[i + 2];
      if (slot && accept(slot)) return slot.ids;
    }
  }
  for (let i = end; i < tokens.length; i++) {
    if (quote[i] !== 0 || !SPEECH_VERBS.has(tokens[i]!.norm) || tokens[i]!.norm === 'called') continue;
    const before = slotAt[i - 1];
    if (before && accept(before) && tokens[before.tokenStart - 1]?.text === ',') return before.ids;
    const after = slotAt[i + 1];
    if (after && accept(after) && tokens[i - 1]?.text === ',') return after.ids;
  }
  return [];
}

/**
 * Longer "sentences" get no relations. Finding a trigger's subject, speaker
 * and hedges walks its clause, so the work grows with the square of the
 * sentence's length; a run of text with no full stop (a table or list pasted
 * as one line, a million words of "X attacked Y and …") would take minutes.
 * News sentences stay far below this (the longest in the test articles has
 * 41 tokens), and evidence this long could not be checked by a reader anyway.
 */
const MAX_RELATION_SENTENCE_TOKENS = 250;

/** Stage 10: the relations the rules find in a sentence, rule by rule in declaration order, token by token. */
export function applyRules(ctx: SentenceContext): Candidate[] {
  compiled ??= indexRules(compileRules());
  const { sentence } = ctx;
  if (sentence.tokens.length > MAX_RELATION_SENTENCE_TOKENS) return [];
  const triggered = triggeredRules(compiled, sentence, ctx.registry);
  // Most sentences trigger nothing: set nothing up for them.
  if (triggered.length === 0) return [];
  const patternContext: PatternContext = { tokens: sentence.tokens, slotAt: sentence.slotAt, inTitle: titleFlags(sentence), inPlace: placeFlags(sentence, ctx.registry) };
  const candidates: Candidate[] = [];
  for (const { rule, t } of triggered) {
    for (const candidate of applyRule(ctx, rule, t, patternContext, candidates)) candidates.push(candidate);
  }
  return candidates;
}

/** Each rule a free token can trigger, in rule order, then token order. */
function triggeredRules(index: RuleIndex, sentence: ResolvedSentence, registry: EntityRegistry): Array<{ rule: CompiledRule; t: number }> {
  const triggered: Array<{ rule: CompiledRule; t: number }> = [];
  let words: Set<string> | undefined;
  let event: boolean | undefined;
  for (let t = 0; t < sentence.tokens.length; t++) {
    if (sentence.slotAt[t]) continue;
    for (const rule of rulesFor(index, sentence.tokens[t]!)) {
      words ??= literalWords(sentence);
      if (!hasNeededWords(rule, words)) continue;
      if (rule.needsEvent && !(event ??= namesEvent(sentence, registry))) continue;
      triggered.push({ rule, t });
    }
  }
  if (triggered.length > 1) triggered.sort((a, b) => a.rule.order - b.rule.order || a.t - b.t);
  return triggered;
}

/** The words a pattern's literal may read in the sentence (not inside a name), as `wordElement` tests them. */
function literalWords(sentence: ResolvedSentence): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < sentence.tokens.length; i++) {
    const slot = sentence.slotAt[i];
    if (slot && !slot.modifier) continue;
    const token = sentence.tokens[i]!;
    words.add(token.kind === 'possessive' ? "'s" : token.norm);
  }
  return words;
}

/** Some name of the sentence can fill an event slot (as `eligible` decides for one). */
function namesEvent(sentence: ResolvedSentence, registry: EntityRegistry): boolean {
  for (let i = 0; i < sentence.tokens.length; i++) {
    const slot = sentence.slotAt[i];
    if (slot && (slot.eventHead || slot.ids.some((id) => registry.typeOf(id) === 'event'))) return true;
  }
  return false;
}

function hasNeededWords(rule: CompiledRule, words: ReadonlySet<string>): boolean {
  // Indexed loops over arrays: this runs for every rule a token triggers.
  const needs = rule.needs;
  for (let n = 0; n < needs.length; n++) {
    const alternatives = needs[n]!;
    let found = false;
    for (let k = 0; k < alternatives.length && !found; k++) found = words.has(alternatives[k]!);
    if (!found) return false;
  }
  return true;
}

/** What one rule finds at trigger `t`; `earlier` are the sentence's candidates so far (for `subject: 'previous'`). */
function applyRule(ctx: SentenceContext, rule: CompiledRule, t: number, patternContext: PatternContext, earlier: readonly Candidate[]): Candidate[] {
  const matched = matchTrigger(ctx, rule, t, patternContext);
  const match = matched && rule.rule.object ? { ...matched, objects: rule.rule.object === 'left' ? objectsLeft(ctx, rule, matched) : topicObject(ctx, matched) } : matched;
  if (!match || !hasEnoughObjects(rule.rule, match)) return NO_CANDIDATES;
  const before = beforeTrigger(ctx, t, 4);
  if (cancelled(ctx, rule.rule, match, before)) return NO_CANDIDATES;
  const { subjects, echoes } = findSubjects(ctx, rule, match, earlier);
  if (subjects.length === 0) return NO_CANDIDATES;
  // "Iran and Russia have deepened their cooperation": each toward the other.
  if (rule.rule.reciprocal && subjects.flatMap((s) => s.ids).length < 2) return NO_CANDIDATES;
  const objects = rule.rule.reciprocal ? subjects : match.objects;
  const flags = readFlags(ctx, rule.rule, match, t, before);
  const stated = ruleCandidates(ctx, rule, { subjects, echoes, objects }, flags);
  return rule.rule.implies ? [...impliedCandidates(ctx, rule.rule.implies, rule.rule.id, match, subjects, flags), ...stated] : stated;
}

const NO_CANDIDATES: Candidate[] = [];

/** The pattern matched with `t` as its trigger, trying each start up to the rule's lead before it. */
function matchTrigger(ctx: SentenceContext, rule: CompiledRule, t: number, patternContext: PatternContext): PatternMatch | undefined {
  const filter = slotFilter(ctx.registry, rule);
  for (let start = t; start >= Math.max(0, t - rule.lead); start--) {
    const match = matchAt(rule.pattern, patternContext, start, filter);
    if (match && match.trigger === t) return match;
  }
  return undefined;
}

/** Each rule's slot filter, made once per registry (a dataset), not at every trigger word. */
const slotFilters = new WeakMap<EntityRegistry, Map<CompiledRule, SlotFilter>>();

function slotFilter(registry: EntityRegistry, rule: CompiledRule): SlotFilter {
  let filters = slotFilters.get(registry);
  if (!filters) slotFilters.set(registry, (filters = new Map()));
  let filter = filters.get(rule);
  if (!filter) filters.set(rule, (filter = makeSlotFilter(registry, rule)));
  return filter;
}

function makeSlotFilter(registry: EntityRegistry, rule: CompiledRule): SlotFilter {
  const subjectOk = eligible(registry, rule.subjectTypes);
  const objectOk = eligible(registry, rule.objectTypes);
  return (slot, role, req) => (role === 'S' ? subjectOk(slot, req) : objectOk(slot, req));
}

/** "Iran joined in July 2023" in a lead about the SCO: the document's topic, as a slot at the trigger. */
function topicObject(ctx: SentenceContext, match: PatternMatch): Slot[] {
  if (!ctx.topic) return [];
  return [emptySlot({ ids: [ctx.topic], tokenStart: match.trigger, tokenEnd: match.trigger + 1, kind: 'reference', recorded: false, note: `The article is about ${ctx.registry.label(ctx.topic)}.` })];
}

/** "Putin faces a warrant issued by …": the object is the nearest fitting name left of the match. */
function objectsLeft(ctx: SentenceContext, rule: CompiledRule, match: PatternMatch): Slot[] {
  // An attendance or hosting rule looks for a meeting ("their annual summit").
  const event = rule.rule.type === 'attended' || rule.rule.type === 'hosted';
  const plainObject = (slot: Slot) => eligible(ctx.registry, rule.objectTypes)(slot, { adjective: false, event });
  const inClause = subjectLeft(ctx, match.start, plainObject, 12).slots;
  // "BRICS is an organisation … whose members are …": a relative clause's body is in the clause it hangs on.
  return inClause.length || !RELATIVE_PRONOUNS.has(ctx.sentence.tokens[match.start]!.norm) ? inClause : subjectLeft(ctx, match.start - 1, plainObject, 12).slots;
}

/** A rule needs an object unless it is reciprocal; "a meeting between" needs two. */
function hasEnoughObjects(rule: RelationRule, match: PatternMatch): boolean {
  if (match.objects.length === 0 && !rule.reciprocal) return false;
  return !(rule.among && match.objects.length < 2);
}

/** "lifted sanctions on", a modal ("might attack"), or a forbidden word anywhere in the match: no relation. */
function cancelled(ctx: SentenceContext, rule: RelationRule, match: PatternMatch, before: readonly number[]): boolean {
  const { tokens } = ctx.sentence;
  if (rule.unless && before.slice(0, 2).some((i) => rule.unless!.includes(tokens[i]!.norm))) return true;
  if (hasCue(tokens, before.slice(0, 3), MODALS)) return true;
  if (!rule.forbids) return false;
  for (let i = match.start; i < match.end; i++) if (rule.forbids.includes(tokens[i]!.norm)) return true;
  return false;
}

/**
 * The subjects of a match: in the pattern (`S`), else the listed objects
 * ("a meeting between X and Y"), else where the rule says (`main-person`,
 * `previous`), else the nearest eligible name left of the match.
 */
function findSubjects(ctx: SentenceContext, rule: CompiledRule, match: PatternMatch, earlier: readonly Candidate[]): { subjects: Slot[]; echoes: Slot[] } {
  const { subject, among, type, window, echoes } = rule.rule;
  if (among) return { subjects: match.objects, echoes: [] };
  if (match.subjects.length > 0) return { subjects: match.subjects, echoes: [] };
  const plainSubject = (slot: Slot) => eligible(ctx.registry, rule.subjectTypes)(slot, { adjective: false, event: false });
  if (subject === 'speaker') {
    const speakers = speakerFor(ctx, match.trigger, match.end, (slot) => canSpeak(slot, ctx.registry)).filter((id) => rule.subjectTypes.includes(ctx.registry.typeOf(id)!));
    return { subjects: speakers.length && match.objects[0] ? [{ ...match.objects[0], ids: speakers, recorded: true, note: undefined }] : [], echoes: [] };
  }
  if (subject === 'main') {
    const main = mainSubject(ctx, match.start, plainSubject);
    return { subjects: main ? [main] : [], echoes: [] };
  }
  if (subject === 'main-person') return { subjects: ctx.mainPerson && plainSubject(ctx.mainPerson) ? [ctx.mainPerson] : [], echoes: [] };
  if (subject === 'previous') {
    const previous = lastOfType(earlier, type);
    if (previous) return { subjects: [{ ...match.objects[0]!, ids: [previous.source], recorded: true }], echoes: [] };
  }
  if (subject === 'earlier') {
    // "Also designated is X": whoever the article last said imposed the sanctions; never a denial's subject.
    const previous = lastOfType(earlier, type, true) ?? lastOfType(ctx.documentEarlier ?? [], type, true);
    if (!previous) return { subjects: [], echoes: [] };
    const note = `${ctx.registry.label(previous.source)} is the one the article last said did this.`;
    return { subjects: [{ ...match.objects[0]!, ids: [previous.source], recorded: true, note }], echoes: [] };
  }
  const found = subjectLeft(ctx, match.start, plainSubject, window);
  if (found.slots.length === 0) {
    const main = participleSubject(ctx, match.trigger, plainSubject);
    if (main) return { subjects: [main], echoes: [] };
  }
  return { subjects: found.slots, echoes: echoes ? found.echoes : [] };
}

/**
 * "China’s Foreign Ministry said in a statement, accusing Manila of …": a
 * participle after a comma has the subject of the sentence's main verb —
 * its first name outside quotations, or the owner of the agent noun it
 * opens with ("China’s Foreign Ministry").
 */
function participleSubject(ctx: SentenceContext, trigger: number, accept: (slot: Slot) => boolean): Slot | undefined {
  const { tokens, quote } = ctx.sentence;
  // ", accusing …", and the second of two: ", saying … and accusing …".
  const joined = tokens[trigger - 1]?.text === ',' || (tokens[trigger - 1]?.norm === 'and' && tokens.slice(0, trigger - 1).some((t, k) => t.text === ',' && /ing$/.test(tokens[k + 1]?.norm ?? '')));
  if (!joined || !/ing$/.test(tokens[trigger]!.norm) || quote[trigger] !== 0) return undefined;
  return mainSubject(ctx, trigger, accept);
}

/** The first name of the main clause before `before`, outside quotations — or the owner of the agent noun it opens with. */
function mainSubject(ctx: SentenceContext, before: number, accept: (slot: Slot) => boolean): Slot | undefined {
  const { tokens, slots, quote, clauses } = ctx.sentence;
  const main = slots.find((slot) => slot.tokenStart < before && quote[slot.tokenStart] === 0 && clauses.clause[slot.tokenStart] === 0 && !slot.modifier);
  if (!main || !accept(main)) return undefined;
  const owns = tokens[main.tokenEnd]?.kind === 'possessive';
  return !owns || ownsAgent(ctx, main.tokenEnd + 1) ? main : undefined;
}

/** Up to three words from `from`, the last an agent noun ("Foreign Ministry", "armed forces"). */
function ownsAgent(ctx: SentenceContext, from: number): boolean {
  const { tokens, slotAt } = ctx.sentence;
  for (let i = from; i < from + 3 && tokens[i]?.kind === 'word' && !slotAt[i]; i++) if (AGENT_NOUNS.has(tokens[i]!.norm)) return true;
  return false;
}

function lastOfType(candidates: readonly Candidate[], type: RelationRule['type'], stated = false): Candidate | undefined {
  for (let k = candidates.length - 1; k >= 0; k--) if (candidates[k]!.type === type && !(stated && (candidates[k]!.negated || candidates[k]!.hedged))) return candidates[k];
  return undefined;
}

interface Flags {
  /** The trigger's token. */
  at: number;
  negated: boolean;
  hedged: boolean;
  /** Who is speaking where the trigger stands. */
  speakers: readonly string[];
}

/** Negation ("didn’t attend", and "would not arrest" where the trigger is the modal), hedging, and the speaker. */
const EVENT_NOUN_TRIGGERS = new Set(['summit', 'summits', 'talks', 'meeting', 'meetings', 'negotiations', 'visit']);

function readFlags(ctx: SentenceContext, rule: RelationRule, match: PatternMatch, t: number, before: readonly number[]): Flags {
  const { sentence } = ctx;
  const inside: number[] = [];
  for (let i = t + 1; i < match.end && !sentence.slotAt[i]; i++) inside.push(i);
  // A meeting noun is the object of a verb before it, which a negation may be further back from: "did not attend a planned tripartite summit with".
  const reach = EVENT_NOUN_TRIGGERS.has(sentence.tokens[t]!.norm) ? beforeTrigger(ctx, t, 7) : before;
  const negatedCue = hasCue(sentence.tokens, reach, NEGATIONS) || hasCue(sentence.tokens, inside, NEGATIONS) || denied(ctx, t);
  return {
    at: t,
    negated: Boolean(rule.negated) !== negatedCue,
    hedged: Boolean(rule.hedged) || isHedged(ctx, rule.type, match.start, match.end),
    speakers: speakerFor(ctx, t, match.end, (slot) => canSpeak(slot, ctx.registry)),
  };
}

/**
 * "denied imposing sanctions on …", "denied that it had imposed …": the
 * clause is the content of a denial. (Further back than the verb just
 * before, "denied the report and attacked …" would deny the attack.)
 */
function denied(ctx: SentenceContext, t: number): boolean {
  const { tokens } = ctx.sentence;
  if (DENIALS.has(tokens[t - 1]?.norm ?? '') && tokens[t]!.norm.endsWith('ing')) return true;
  const left = [...walkClause(ctx.sentence.clauses, t, -1)];
  const first = left.length ? left[left.length - 1]! : t;
  const opener = tokens[first - 1]?.norm === 'that' ? first - 1 : tokens[first]?.norm === 'that' ? first : -1;
  if (opener <= 0) return false;
  for (let i = Math.max(0, opener - 2); i < opener; i++) if (DENIALS.has(tokens[i]!.norm)) return true;
  return false;
}

/** A speaker: a name or pronoun that is neither a qualifier nor a demonym, standing for someone other than a place or an event. */
function canSpeak(slot: Slot, registry: EntityRegistry): boolean {
  return !slot.modifier && slot.kind !== 'adjective' && slot.ids.some((id) => registry.typeOf(id) !== 'place' && registry.typeOf(id) !== 'event');
}

/** The relations a rule's match implies besides its own (declared on the rule: `implies` in `rules.ts`). */
function impliedCandidates(ctx: SentenceContext, implication: RuleImplication, ruleId: string, match: PatternMatch, subjects: readonly Slot[], flags: Flags): Candidate[] {
  const { type, id, targets } = implication;
  const fits = TYPE_CONSTRAINTS[type];
  const typeOf = (entity: string) => ctx.registry.typeOf(entity)!;
  const found: Candidate[] = [];
  for (const target of match.objects.flatMap((object) => targets(ctx.sentence, object, ctx.registry))) {
    const sources = subjects.flatMap((subject) => subject.ids).filter((source) => source !== target && fits.subject.includes(typeOf(source)) && fits.object.includes(typeOf(target)));
    for (const source of sources) {
      found.push({ type, source, target, document: ctx.document, sentence: ctx.sentence, negated: flags.negated, hedged: false, notes: [], rule: `${ruleId}+${id}`, at: flags.at });
    }
  }
  return found;
}

/** One candidate per (source, target) of every subject (and echoed co-subject) and object whose types fit the rule. */
function ruleCandidates(ctx: SentenceContext, rule: CompiledRule, ends: { subjects: Slot[]; echoes: Slot[]; objects: Slot[] }, flags: Flags): Candidate[] {
  const found: Candidate[] = [];
  for (const subject of [...ends.subjects, ...ends.echoes]) {
    for (const object of ends.objects) {
      for (const [source, target] of endPairs(ctx.registry, rule, subject, object)) found.push(candidate(ctx, rule.rule, { subject, object, source, target, subjects: ends.subjects }, flags));
    }
  }
  return found;
}

/** The (source, target) pairs of two slots whose entity types fit the rule, an entity never related to itself. */
function endPairs(registry: EntityRegistry, rule: CompiledRule, subject: Slot, object: Slot): Array<[string, string]> {
  const sources = subject.ids.filter((id) => rule.subjectTypes.includes(registry.typeOf(id)!));
  const targets = object.ids.filter((id) => rule.objectTypes.includes(registry.typeOf(id)!));
  return sources.flatMap((source) => targets.filter((target) => target !== source).map((target): [string, string] => [source, target]));
}

interface Ends {
  subject: Slot;
  object: Slot;
  source: string;
  target: string;
  /** All the match's subjects: none of them is the one a relation is attributed to. */
  subjects: readonly Slot[];
}

function candidate(ctx: SentenceContext, rule: RelationRule, ends: Ends, flags: Flags): Candidate {
  const { subject, object, source, target, subjects } = ends;
  const notes = [subject, object].filter((s) => s.note).map((s) => s.note!);
  const attributedTo = flags.speakers.find((id) => id !== source && !subjects.some((s) => s.ids.includes(id)));
  return {
    type: rule.type,
    source,
    target,
    document: ctx.document,
    sentence: ctx.sentence,
    negated: flags.negated,
    hedged: flags.hedged,
    ...(attributedTo ? { attributedTo } : {}),
    notes,
    rule: rule.id,
    at: flags.at,
  };
}

/** Tokens of names of towns and regions (not states: "imposed on Iran sanctions" must not pass Iran). */
function placeFlags(sentence: ResolvedSentence, registry: EntityRegistry): boolean[] {
  const flags = new Array<boolean>(sentence.tokens.length).fill(false);
  for (const slot of sentence.slots) if (slot.recorded && registry.typeOf(slot.ids[0]!) === 'place') for (let i = slot.tokenStart; i < slot.tokenEnd; i++) flags[i] = true;
  return flags;
}

function titleFlags(sentence: ResolvedSentence): boolean[] {
  const flags = [...sentence.titlePhrase];
  for (const title of sentence.titles) for (let i = title.tokenStart; i < title.tokenEnd; i++) flags[i] = true;
  return flags;
}
