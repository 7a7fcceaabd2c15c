/**
 * When each relation was reported
 * ===============================
 *
 * A relation was reported on the publication days of the articles whose
 * sentences support it, and on any days the file itself declares
 * (`relation.reported`: a Gephi timeline, or a corpus server's whole-corpus
 * days). Both are merged into sorted, non-overlapping spells of day numbers
 * (days.ts). A relation none of whose articles is dated, and that declares
 * nothing, is undated: shown as such, never given a guessed date.
 *
 * Computed once per dataset (the explorer model holds it); the timeline's
 * histogram, the brush, the panels and the exports all read this one answer.
 */

import { dayNumber, dayString } from './days.ts';
import { publishedDay } from './published.ts';
import type { Dataset, Relation, Spell } from './schema.ts';

/** Inclusive day-number ranges, sorted, not overlapping or touching. */
export type DaySpells = ReadonlyArray<readonly [from: number, to: number]>;

export interface RelationTime {
  readonly spells: DaySpells;
  /** First and last day reported (day numbers). */
  readonly first: number;
  readonly last: number;
}

export interface ReportingIndex {
  /** Per relation id; a relation with no date is absent. */
  readonly times: ReadonlyMap<string, RelationTime>;
  /** Relations with no date. */
  readonly undated: number;
  /** First and last day any relation was reported; null when nothing is dated. */
  readonly span: { readonly first: number; readonly last: number } | null;
}

/** A window of days, inclusive, as day numbers. */
export interface DayWindow {
  readonly from: number;
  readonly to: number;
}

/** Sorted, merged spells from ranges in any order (touching ranges join: [1,2] and [3,4] make [1,4]). */
export function mergeSpells(ranges: Iterable<readonly [number, number]>): DaySpells {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The spells of one relation, given its documents' publication day numbers by id. */
export function relationSpells(relation: Relation, publishedDays: ReadonlyMap<string, number>): DaySpells {
  const ranges: Array<readonly [number, number]> = [];
  for (const spell of relation.reported ?? []) ranges.push([dayNumber(spell.from), dayNumber(spell.to)]);
  for (const evidence of relation.evidence) {
    const day = publishedDays.get(evidence.document);
    if (day !== undefined) ranges.push([day, day]);
  }
  return ranges.length <= 1 ? ranges : mergeSpells(ranges);
}

/** Each dated document's publication day number, by id. */
export function publishedDayNumbers(dataset: Pick<Dataset, 'documents'>): Map<string, number> {
  const days = new Map<string, number>();
  for (const document of dataset.documents) if (document.published !== undefined) days.set(document.id, dayNumber(publishedDay(document.published)));
  return days;
}

export function buildReportingIndex(dataset: Dataset): ReportingIndex {
  const publishedDays = publishedDayNumbers(dataset);
  const times = new Map<string, RelationTime>();
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const relation of dataset.relations) {
    const spells = relationSpells(relation, publishedDays);
    if (spells.length === 0) {
      undated += 1;
      continue;
    }
    const time = { spells, first: spells[0]![0], last: spells[spells.length - 1]![1] };
    times.set(relation.id, time);
    if (time.first < first) first = time.first;
    if (time.last > last) last = time.last;
  }
  return { times, undated, span: times.size === 0 ? null : { first, last } };
}

/** Was it reported on a day inside the window? */
export function reportedIn(time: RelationTime, window: DayWindow): boolean {
  if (time.last < window.from || time.first > window.to) return false;
  for (const [from, to] of time.spells) if (from <= window.to && to >= window.from) return true;
  return false;
}

/** First reported inside the window: new in it. */
export function firstReportedIn(time: RelationTime, window: DayWindow): boolean {
  return time.first >= window.from && time.first <= window.to;
}

/** Day-number spells written as the schema's `reported` (YYYY-MM-DD). */
export function spellsAsReported(spells: DaySpells): Spell[] {
  return spells.map(([from, to]) => ({ from: dayString(from), to: dayString(to) }));
}
