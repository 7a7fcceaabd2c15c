/**
 * What the extractor knows about a sentence
 * =========================================
 *
 * The shared working types of the pipeline. A sentence is a list of tokens
 * and, over them, *slots*: stretches that stand for entities — a name as
 * written (recorded as a mention), or a pronoun or title ("him", "the
 * president himself") resolved to a named entity (not recorded; the evidence
 * gets a note instead). Rules match over tokens and slots.
 */

import type { EntityTypeId } from '../model/entityTypes.ts';
import type { RelationTypeId } from '../model/relationTypes.ts';
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
  ids: string[];
  tokenStart: number;
  /** Exclusive. */
  tokenEnd: number;
  kind: SlotKind;
  /** The slot is a mention of its entity as written (label or alias). */
  recorded: boolean;
  /** Part of a title phrase ("Russian" in "Russian President Vladimir Putin"): not an argument of any relation. */
  modifier: boolean;
  /** An adjective followed by an agent noun ("Russian forces"): acts for its country. */
  agent: boolean;
  /** An adjective before a non-state noun ("Haitian gang leaders", "Syrian rebels"): never stands for its country. */
  nonState?: boolean;
  /** An organisation followed by an event noun ("the BRICS summit"): stands for a meeting of it. */
  eventHead: boolean;
  /** How an unrecorded slot was resolved, for the evidence note. */
  note?: string;
}

export interface TitleMatch {
  title: TitleEntry;
  tokenStart: number;
  tokenEnd: number;
}

export interface SentenceAnalysis {
  span: SentenceSpan;
  tokens: Token[];
  /** Sorted by `tokenStart`, never overlapping. */
  slots: Slot[];
  /** The slot covering each token, if any. */
  slotAt: Array<Slot | undefined>;
  titles: TitleMatch[];
  titleAt: Array<TitleMatch | undefined>;
  /** Tokens of a title phrase before the person it names ("the Secretary General of the Arab League,"): passed over before a slot. */
  titlePhrase: boolean[];
  /** Clause number of each token (see `clauses.ts`). */
  clause: number[];
  /** For each clause, the slot its relative pronoun refers back to ("Armenia, which …"). */
  clauseAntecedent: ReadonlyMap<number, Slot>;
  /** Quote segment of each token: 0 outside quotation marks. */
  quote: number[];
  /** Who speaks each quote segment. */
  speakers: ReadonlyMap<number, string[]>;
}

export interface EntityRecord {
  id: string;
  label: string;
  type: EntityTypeId;
  /** Every surface form recorded as a mention, in order of first use. */
  aliases: string[];
  mentions: Array<{ document: string; start: number; end: number }>;
  parent?: string;
  /** Titles a person was given in the text ("president", "foreign minister"), for "the president himself". */
  titles: Set<string>;
}

/** A relation found in one sentence, before merging. */
export interface Candidate {
  type: RelationTypeId;
  source: string;
  target: string;
  document: string;
  sentence: SentenceAnalysis;
  negated: boolean;
  hedged: boolean;
  attributedTo?: string;
  /** Why the sentence need not name an end (pronoun, title, inferred country). */
  notes: string[];
  rule: string;
  /** Token index where the trigger starts, for ordering. */
  at: number;
}

export function emptySlot(fields: Pick<Slot, 'ids' | 'tokenStart' | 'tokenEnd' | 'kind' | 'recorded'> & Partial<Slot>): Slot {
  return { modifier: false, agent: false, eventHead: false, ...fields };
}
