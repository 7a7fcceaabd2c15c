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

import type { EntityTypeId } from '../model/entityTypes.ts';
import type { Candidate, SentenceAnalysis, Slot } from './analysis.ts';
import { walkClause, type Clauses } from './clauses.ts';
import type { EntityRegistry } from './entities.ts';
import { AGENT_NOUNS } from './gazetteer/titles.ts';
import { AUXILIARIES, CLAUSE_OPENERS, HEDGE_GOVERNORS, HEDGES, MODALS, NEGATIONS, SPEECH_VERBS } from './lexicon.ts';
import { compilePattern, matchAt, triggerWords, type CompiledPattern, type PatternContext, type SlotFilter, type SlotRequirement } from './pattern.ts';
import { RELATION_RULES, TYPE_CONSTRAINTS, type RelationRule } from './rules.ts';
import type { Token } from './tokens.ts';

interface CompiledRule {
  rule: RelationRule;
  pattern: CompiledPattern;
  /** How many tokens may stand before the trigger in the pattern. */
  lead: number;
  subjectTypes: EntityTypeId[];
  objectTypes: EntityTypeId[];
}

interface RuleIndex {
  rules: CompiledRule[];
  /** Rules by a trigger word they start with ("accused" → accuse-of, …). */
  byWord: Map<string, CompiledRule[]>;
  /** Rules whose trigger is a prefix ("impos*"), by the prefix's first three letters. */
  byPrefix: Map<string, Array<{ prefix: string; rule: CompiledRule }>>;
  /** Each rule's place in declaration order: built once, not per sentence (a text of a million one-word sentences). */
  order: Map<CompiledRule, number>;
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
  return { rules, byWord, byPrefix, order: new Map(rules.map((rule, i) => [rule, i])) };
}

/** The rules a token can trigger, in rule order. */
const NONE: CompiledRule[] = [];

function rulesFor(index: RuleIndex, token: { norm: string; kind: string }): CompiledRule[] {
  const norm = token.kind === 'possessive' ? "'s" : token.norm;
  const exact = index.byWord.get(norm);
  const prefixed = token.kind === 'word' ? index.byPrefix.get(norm.slice(0, 3)) : undefined;
  if (!prefixed) return exact ?? NONE;
  const found = exact ? [...exact] : [];
  for (const { prefix, rule } of prefixed) if (norm.startsWith(prefix) && !found.includes(rule)) found.push(rule);
  return found;
}

function compileRules(): CompiledRule[] {
  return RELATION_RULES.map((rule) => {
    const pattern = compilePattern(rule.pattern);
    const constraints = TYPE_CONSTRAINTS[rule.type];
    return {
      rule,
      pattern,
      lead: pattern.firstWord === 0 ? 0 : 12,
      subjectTypes: rule.subjectTypes ?? constraints.subject,
      objectTypes: rule.objectTypes ?? constraints.object,
    };
  });
}

export interface SentenceContext {
  document: string;
  sentence: SentenceAnalysis;
  clauses: Clauses;
  registry: EntityRegistry;
  /** The person the sentence is about: first named outside quotations. */
  mainPerson: Slot | undefined;
}

function eligible(registry: EntityRegistry, types: EntityTypeId[]): (slot: Slot, req: SlotRequirement) => boolean {
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
  const { sentence, clauses } = ctx;
  const { tokens, slotAt } = sentence;
  const echoes: Slot[] = [];
  const head = appositiveHead(ctx, from, accept);
  if (head) return { slots: [head], echoes };
  const walk = [...walkClause(clauses, from, -1)];
  for (let w = 0; w < walk.length; w++) {
    const j = walk[w]!;
    if (from - j > window) break;
    const slot = slotAt[j];
    if (slot) {
      if (accept(slot) && !possessiveOfAnother(ctx, slot, from) && !objectOfEarlierVerb(ctx, slot, from)) return { slots: [...joinedBy(ctx, slot, from, accept), ...coordinatedBefore(ctx, slot, accept)], echoes };
      continue;
    }
    if (tokens[j]!.text === ',') {
      // A parenthesis: ", however," / ", repeating claims U.S. officials have made as well,".
      const open = walk.slice(w + 1).find((k) => tokens[k]!.text === ',');
      // A capitalised word is a name, not a participle ("Mohamed" ends in "-ed").
      if (open !== undefined && !tokens[open + 1]?.capitalised && PARTICIPLE_OR_ADVERB.test(tokens[open + 1]?.norm ?? '')) {
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
  if (antecedent && accept(antecedent)) return { slots: [antecedent], echoes };
  return { slots: [], echoes };
}

const DETERMINERS = new Set(['the', 'a', 'an']);

/**
 * "Bintou Keita, the head of MONUSCO, the UN mission in Congo, called on …":
 * a trigger right after the comma that closes an appositive takes the name
 * the sentence opens with, not the last name inside the appositive.
 */
function appositiveHead(ctx: SentenceContext, from: number, accept: (slot: Slot) => boolean): Slot | undefined {
  const { tokens, slotAt, titleAt } = ctx.sentence;
  let k = from - 1;
  while (k >= 0 && (AUXILIARIES.has(tokens[k]!.norm) || /^\p{Ll}+ly$/u.test(tokens[k]!.text))) k--;
  if (tokens[k]?.text !== ',' || ctx.sentence.quote[from] !== 0) return undefined;
  const first = tokens[0]?.norm === 'the' && !slotAt[0] ? 1 : 0;
  const head = slotAt[first];
  if (!head || head.tokenStart !== first || !head.recorded || tokens[head.tokenEnd]?.text !== ',' || head.tokenEnd >= k) return undefined;
  const opener = head.tokenEnd + 1;
  if (!DETERMINERS.has(tokens[opener]?.norm ?? '') && !titleAt[opener]) return undefined;
  // Only nouns, names and commas in between: a verb or a clause would make it more than an appositive.
  for (let i = opener; i < k; i++) {
    const token = tokens[i]!;
    if (slotAt[i] || titleAt[i] || token.text === ',' || token.kind === 'possessive') continue;
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
  if (ctx.clauses.clause[k] !== ctx.clauses.clause[slot.tokenStart]) return false;
  return before.kind === 'word' && !before.capitalised && before.norm !== 'and' && before.norm !== 'or';
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
      if (before && before.kind === 'word' && !before.capitalised && !slotAt[b] && !/^(?:and|or|both|either)$/.test(before.norm)) break;
    }
    slots.unshift(previous);
    at = previous.tokenStart;
  }
  return slots;
}

function hasCue(tokens: Token[], indices: Iterable<number>, cues: Set<string>): boolean {
  for (const i of indices) if (cues.has(tokens[i]!.norm)) return true;
  return false;
}

/** Tokens just before the trigger in its clause, skipping nothing: where negation and modals sit. */
function beforeTrigger(ctx: SentenceContext, trigger: number, count: number): number[] {
  const out: number[] = [];
  for (const i of walkClause(ctx.clauses, trigger, -1)) {
    if (out.length >= count) break;
    out.push(i);
  }
  return out;
}

function isHedged(ctx: SentenceContext, start: number, end: number): boolean {
  const { tokens } = ctx.sentence;
  const left = [...walkClause(ctx.clauses, start, -1)];
  // "would arrest": the trigger itself may be the modal.
  if (hasCue(tokens, left, HEDGES) || HEDGES.has(tokens[start]!.norm)) return true;
  const inner: number[] = [];
  for (let i = start; i < end; i++) if (ctx.clauses.clause[i] === ctx.clauses.clause[start] && !ctx.sentence.slotAt[i]) inner.push(i);
  if (inner.some((i) => i !== start && /^(?:allegedly|reportedly|purportedly|apparently)$/.test(tokens[i]!.norm))) return true;
  // "allegations that X …", "claimed that X …": the cue governs the clause "that" opens.
  const first = left.length ? left[left.length - 1]! : start;
  const opener = tokens[first - 1]?.norm === 'that' ? first - 1 : tokens[first]?.norm === 'that' ? first : -1;
  if (opener > 0) {
    for (let i = Math.max(0, opener - 3); i < opener; i++) if (HEDGE_GOVERNORS.has(tokens[i]!.norm)) return true;
  }
  // "accused of abducting …": the relation is the content of an accusation.
  const of = tokens[start - 1]?.norm === 'of' ? start - 1 : -1;
  if (of > 0 && /^(?:accused|suspected|alleged|charged)$/.test(tokens[of - 1]?.norm ?? '')) return true;
  return false;
}

/** Who is speaking where the trigger stands: the quotation's speaker, "X said (that) …", "according to X", "…, X said." */
function speakerFor(ctx: SentenceContext, trigger: number, end: number, accept: (slot: Slot) => boolean): string[] {
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

export function applyRules(ctx: SentenceContext): Candidate[] {
  compiled ??= indexRules(compileRules());
  const { sentence, registry } = ctx;
  const { tokens } = sentence;
  if (tokens.length > MAX_RELATION_SENTENCE_TOKENS) return [];

  // Which rule each token can trigger, then rule by rule in declaration order, token by token.
  const { order } = compiled;
  const triggered: Array<{ rule: CompiledRule; t: number }> = [];
  for (let t = 0; t < tokens.length; t++) {
    if (sentence.slotAt[t]) continue;
    for (const rule of rulesFor(compiled, tokens[t]!)) triggered.push({ rule, t });
  }
  // Most sentences trigger nothing: set nothing up for them.
  if (triggered.length === 0) return [];
  triggered.sort((a, b) => order.get(a.rule)! - order.get(b.rule)! || a.t - b.t);

  const patternContext: PatternContext = { tokens, slotAt: sentence.slotAt, inTitle: titleFlags(sentence) };
  const candidates: Candidate[] = [];
  const speakerAccept = (slot: Slot) => !slot.modifier && slot.kind !== 'adjective' && slot.ids.some((id) => registry.typeOf(id) !== 'place' && registry.typeOf(id) !== 'event');

  for (const { rule, t } of triggered) {
    const subjectOk = eligible(registry, rule.subjectTypes);
    const objectOk = eligible(registry, rule.objectTypes);
    const filter: SlotFilter = (slot, role, req) => (role === 'S' ? subjectOk(slot, req) : objectOk(slot, req));
    {
      let match;
      for (let start = t; start >= Math.max(0, t - rule.lead); start--) {
        const m = matchAt(rule.pattern, patternContext, start, filter);
        if (m && m.trigger === t) {
          match = m;
          break;
        }
      }
      if (!match || (match.objects.length === 0 && !rule.rule.reciprocal)) continue;
      if (rule.rule.among && match.objects.length < 2) continue;
      const before = beforeTrigger(ctx, t, 4);
      if (rule.rule.unless && before.slice(0, 2).some((i) => rule.rule.unless!.includes(tokens[i]!.norm))) continue;
      if (hasCue(tokens, before.slice(0, 3), MODALS)) continue;
      if (rule.rule.forbids) {
        let forbidden = false;
        for (let i = match.start; i < match.end; i++) if (rule.rule.forbids.includes(tokens[i]!.norm)) forbidden = true;
        if (forbidden) continue;
      }

      let subjects = match.subjects;
      let echoes: Slot[] = [];
      const plainSubject = (slot: Slot) => subjectOk(slot, { adjective: false, event: false });
      // "a meeting between X and Y": each toward the other, whoever arranged it.
      if (rule.rule.among) subjects = match.objects;
      if (subjects.length === 0) {
        if (rule.rule.subject === 'main-person') {
          if (ctx.mainPerson && plainSubject(ctx.mainPerson)) subjects = [ctx.mainPerson];
        } else if (rule.rule.subject === 'previous') {
          const previous = [...candidates].reverse().find((c) => c.type === rule.rule.type);
          if (previous) subjects = [{ ...match.objects[0]!, ids: [previous.source], recorded: true }];
        }
        if (subjects.length === 0 && rule.rule.subject !== 'main-person') {
          const found = subjectLeft(ctx, match.start, plainSubject, rule.rule.window);
          subjects = found.slots;
          if (rule.rule.echoes) echoes = found.echoes;
        }
      }
      if (subjects.length === 0) continue;
      let objects = match.objects;
      if (rule.rule.reciprocal) {
        // "Iran and Russia have deepened their cooperation": each toward the other.
        if (subjects.length < 2) continue;
        objects = subjects;
      }

      // "didn’t attend", and "would not arrest" where the trigger is the modal.
      const inside: number[] = [];
      for (let i = t + 1; i < match.end && !sentence.slotAt[i]; i++) inside.push(i);
      const negatedCue = hasCue(tokens, before, NEGATIONS) || hasCue(tokens, inside, NEGATIONS);
      const negated = Boolean(rule.rule.negated) !== negatedCue;
      const hedged = isHedged(ctx, match.start, match.end);
      const speakers = speakerFor(ctx, t, match.end, speakerAccept);

      // "a member of the CSTO, a Moscow-led military alliance": members are allied with the state that leads it.
      if (rule.rule.type === 'member-of') {
        for (const led of match.objects.flatMap((o) => leaderOfBloc(ctx, o))) {
          for (const subject of subjects) {
            for (const source of subject.ids) {
              if (source === led || !TYPE_CONSTRAINTS['allied-with'].subject.includes(registry.typeOf(source)!)) continue;
              candidates.push({ type: 'allied-with', source, target: led, document: ctx.document, sentence, negated, hedged: false, notes: [], rule: `${rule.rule.id}+led-bloc`, at: t });
            }
          }
        }
      }
      for (const subject of [...subjects, ...echoes]) {
        for (const object of objects) {
          for (const source of subject.ids.filter((id) => rule.subjectTypes.includes(registry.typeOf(id)!))) {
            for (const target of object.ids.filter((id) => rule.objectTypes.includes(registry.typeOf(id)!))) {
              if (source === target) continue;
              const notes = [subject, object].filter((s) => s.note).map((s) => s.note!);
              const attributedTo = speakers.find((id) => id !== source && !subjects.some((s) => s.ids.includes(id)));
              candidates.push({
                type: rule.rule.type,
                source,
                target,
                document: ctx.document,
                sentence,
                negated,
                hedged,
                ...(attributedTo ? { attributedTo } : {}),
                notes,
                rule: rule.rule.id,
                at: t,
              });
            }
          }
        }
      }
    }
  }
  return candidates;
}

/** ", a Moscow-led military alliance" / ", a US-led bloc" right after an organisation: the state that leads it. */
function leaderOfBloc(ctx: SentenceContext, organisation: Slot): string[] {
  const { tokens, slotAt } = ctx.sentence;
  let k = organisation.tokenEnd;
  if (tokens[k]?.text !== ',') return [];
  k++;
  if (/^(?:a|an|the)$/.test(tokens[k]?.norm ?? '')) k++;
  const leader = slotAt[k];
  if (!leader || leader.tokenStart !== k) return [];
  k = leader.tokenEnd;
  if (!/^-?(?:led|dominated)$/.test(tokens[k]?.norm ?? '')) return [];
  for (let words = 0; words <= 2; words++) {
    const noun = tokens[k + 1 + words]?.norm ?? '';
    if (/^(?:alliance|bloc|pact|coalition|organi[sz]ation|grouping)$/.test(noun)) return leader.ids.filter((id) => ctx.registry.typeOf(id) === 'country');
  }
  return [];
}

function titleFlags(sentence: SentenceAnalysis): boolean[] {
  const flags = [...sentence.titlePhrase];
  for (const title of sentence.titles) for (let i = title.tokenStart; i < title.tokenEnd; i++) flags[i] = true;
  return flags;
}
