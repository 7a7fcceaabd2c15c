/**
 * The sentence model: what each stage of the extractor returns
 * ============================================================
 *
 * A sentence is a list of tokens and, over them, *slots*: stretches that
 * stand for entities — a name as written (recorded as a mention), or a
 * pronoun or title ("him", "the president himself") resolved to a named
 * entity (not recorded; the evidence gets a note instead). Rules match over
 * tokens and slots.
 *
 * The stages of `pipeline.ts` each return a new record that extends the one
 * they were given (`TokenisedSentence` → `SlottedSentence` → `RoledSentence`
 * → `QuotedSentence` → `ClausedSentence` → `ResolvedSentence`); none is
 * written to once returned, so a caller sees what each stage produced.
 * Slots are read-only for the same reason: a stage that changes one
 * (an organisation that turns out to head an event noun) puts a new slot in
 * its place, in a new `SlotLayer`.
 */

import type { BuiltInEntityTypeId } from '../model/entityTypes.ts';
import type { BuiltInRelationTypeId } from '../model/relationTypes.ts';
import type { SentenceSpan } from './sentences.ts';
import type { TitleEntry } from './gazetteer/titles.ts';
import type { Token } from './tokens.ts';

export type SlotKind =
  /** A name ("Russia", "Sergei Lavrov", "Lavrov"). */
  | 'name'
  /** A demonym as adjective ("Russian diplomacy"). */
  | 'adjective'
  /** A plural demonym ("Russians"). */
  | 'people'
  /** A capital or seat of government ("Moscow", "the Kremlin"). */
  | 'metonym'
  /** A pronoun resolved to an entity. */
  | 'pronoun'
  /** "the president himself": a title resolved to the person who holds it. */
  | 'title'
  /** "the summit": a meeting named before. */
  | 'reference';

export interface Slot {
  /** Usually one entity; a pronoun such as "they" may stand for several. */
  readonly ids: readonly string[];
  readonly tokenStart: number;
  /** Exclusive. */
  readonly tokenEnd: number;
  readonly kind: SlotKind;
  /** The slot is a mention of its entity as written (label or alias). */
  readonly recorded: boolean;
  /** Part of a title phrase ("Russian" in "Russian President Vladimir Putin"): not an argument of any relation. */
  readonly modifier: boolean;
  /** An adjective followed by an agent noun ("Russian forces"): acts for its country. */
  readonly agent: boolean;
  /** An adjective before a non-state noun ("Haitian gang leaders", "Syrian rebels"): never stands for its country. */
  readonly nonState?: boolean;
  /** An organisation followed by an event noun ("the BRICS summit"): stands for a meeting of it. */
  readonly eventHead: boolean;
  /** How an unrecorded slot was resolved, for the evidence note. */
  readonly note?: string;
}

export function emptySlot(fields: Pick<Slot, 'ids' | 'tokenStart' | 'tokenEnd' | 'kind' | 'recorded'> & Partial<Slot>): Slot {
  return { modifier: false, agent: false, eventHead: false, ...fields };
}

export interface TitleMatch {
  title: TitleEntry;
  tokenStart: number;
  tokenEnd: number;
}

/** The slots of a sentence, sorted by `tokenStart` and never overlapping, and the slot covering each token. */
export interface SlotLayer {
  readonly slots: readonly Slot[];
  readonly slotAt: ReadonlyArray<Slot | undefined>;
}

/** Sorts `slots` (stably) and indexes them by token; a later slot overwrites an earlier one where they overlap. */
export function layerSlots(tokenCount: number, slots: Slot[]): SlotLayer {
  slots.sort((a, b) => a.tokenStart - b.tokenStart);
  const slotAt = new Array<Slot | undefined>(tokenCount).fill(undefined);
  for (const slot of slots) for (let i = slot.tokenStart; i < slot.tokenEnd; i++) slotAt[i] = slot;
  return { slots, slotAt };
}

/**
 * A stage's new slots over a sentence's layer. The layer is copied on the
 * first insertion (most sentences gain none) and slots are inserted in
 * place, not re-sorted and re-indexed: a sentence can gain a slot per token
 * (pronouns), and a full re-index each time would be quadratic in its length.
 */
export class SlotInserter {
  private slots: Slot[] | undefined;
  private index: Array<Slot | undefined> | undefined;

  constructor(private readonly layer: SlotLayer) {}

  /** The slot covering token `i`, counting slots inserted so far. */
  at(i: number): Slot | undefined {
    return (this.index ?? this.layer.slotAt)[i];
  }

  get all(): readonly Slot[] {
    return this.slots ?? this.layer.slots;
  }

  /** Adds `slot` if every token it covers is free. */
  add(slot: Slot): void {
    for (let i = slot.tokenStart; i < slot.tokenEnd; i++) if (this.at(i)) return;
    const slots = (this.slots ??= [...this.layer.slots]);
    const index = (this.index ??= [...this.layer.slotAt]);
    // After every slot starting at or before it, as a stable sort of slots + [slot] would place it.
    let low = 0;
    let high = slots.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (slots[mid]!.tokenStart <= slot.tokenStart) low = mid + 1;
      else high = mid;
    }
    slots.splice(low, 0, slot);
    for (let i = slot.tokenStart; i < slot.tokenEnd; i++) index[i] = slot;
  }

  /** Adds `slot` in place of `old` (a qualifier it takes in: "the *Russian* president"), if the rest of what it covers is free. */
  replace(old: Slot, slot: Slot): void {
    for (let i = slot.tokenStart; i < slot.tokenEnd; i++) if (this.at(i) && this.at(i) !== old) return;
    const slots = (this.slots ??= [...this.layer.slots]);
    const index = (this.index ??= [...this.layer.slotAt]);
    slots.splice(slots.indexOf(old), 1);
    for (let i = old.tokenStart; i < old.tokenEnd; i++) index[i] = undefined;
    this.add(slot);
  }

  /** The layer with the slots added: the one given when none was. */
  done(): SlotLayer {
    return this.slots && this.index ? { slots: this.slots, slotAt: this.index } : this.layer;
  }
}

/** Stage 1, `readSentences`: a sentence's span and tokens, and the titles among them ("President", "foreign minister"). */
export interface TokenisedSentence {
  readonly span: SentenceSpan;
  readonly tokens: readonly Token[];
  readonly titles: readonly TitleMatch[];
  readonly titleAt: ReadonlyArray<TitleMatch | undefined>;
}

/** Stages 2–3, `findNameSlots` and `references.ts`: the names in it, and what refers back to them. */
export interface SlottedSentence extends TokenisedSentence, SlotLayer {}

/** Stage 4, `findDocumentRoles`: the roles its title phrases state; their qualifiers become modifier slots. */
/** A title stated in a sentence, as a fact: "Russian President Vladimir Putin" → Putin leads Russia (found by `roles.ts`). */
export interface RoleFact {
  type: 'leader-of' | 'official-of';
  person: string;
  target: string;
  /** Set when the target is inferred, not written in the sentence. */
  note?: string;
  at: number;
}

/** The clause structure of a sentence (found by `clauses.ts`): each token's clause, each clause's parent, relative pronouns' antecedents. */
export interface Clauses {
  clause: number[];
  parent: number[];
  antecedent: ReadonlyMap<number, Slot>;
}

export interface RoledSentence extends SlottedSentence {
  readonly roles: readonly RoleFact[];
  /** Tokens of a title phrase before the person it names ("the Secretary General of the Arab League,"): passed over before a slot. */
  readonly titlePhrase: readonly boolean[];
  /** Titles given to persons in it ("president"), for "the president himself" later. */
  readonly titlesGiven: ReadonlyArray<{ person: string; title: string }>;
}

/** Stage 5, `markQuotes`: the quote segment of each token (0 outside quotation marks). */
export interface QuotedSentence extends RoledSentence {
  readonly quote: readonly number[];
  /** Opens inside a quotation carried over from the sentence before. */
  readonly opensInQuote: boolean;
  /** Ends inside a quotation, carried into the next sentence of the paragraph. */
  readonly endsInQuote: boolean;
}

/** Stage 6, `findSentenceClauses`: its clauses (see `clauses.ts`). */
export interface ClausedSentence extends QuotedSentence {
  readonly clauses: Clauses;
}

/** Stages 7–9, `discourse.ts`: pronouns and titles resolved, and who speaks each quote segment. */
export interface ResolvedSentence extends ClausedSentence {
  readonly speakers: ReadonlyMap<number, readonly string[]>;
}

export interface EntityRecord {
  id: string;
  label: string;
  type: BuiltInEntityTypeId;
  /** Every surface form recorded as a mention, in order of first use. */
  aliases: string[];
  mentions: Array<{ document: string; start: number; end: number }>;
  parent?: string;
  /** Titles a person was given in the text ("president", "foreign minister"), for "the president himself". */
  titles: Set<string>;
}

/** A relation found in one sentence, before merging. */
export interface Candidate {
  type: BuiltInRelationTypeId;
  source: string;
  target: string;
  document: string;
  sentence: ResolvedSentence;
  negated: boolean;
  hedged: boolean;
  attributedTo?: string;
  /** Why the sentence need not name an end (pronoun, title, inferred country). */
  notes: string[];
  rule: string;
  /** Token index where the trigger starts, for ordering. */
  at: number;
}
