/**
 * What changed between two slices of a story
 * ==========================================
 *
 * A slice is a window of reporting days or one outlet's articles. Relations
 * in a slice: for a window, those reported on a day inside it (reporting.ts);
 * for an outlet, those with a sentence in one of its articles. Compared by
 * entity pair (either direction), so "allied-with in January, severed-ties
 * in February" is one change, not an appearance and a disappearance:
 *  - appeared: the pair has relations in B and none in A;
 *  - disappeared: in A and none in B;
 *  - changed: in both, with a different set of relation types (a negated
 *    relation counts as a type of its own: "did not attend" ≠ "attended").
 * Pairs with the same types in both are counted as unchanged.
 */

import { publishedDayNumbers, reportedIn, type DayWindow, type ReportingIndex } from './reporting.ts';
import type { Dataset, Evidence, Relation } from './schema.ts';

export type Slice = { kind: 'window'; window: DayWindow } | { kind: 'outlet'; outlet: string };

export interface PairChange {
  /** The pair's entity ids, in the order the first relation names them. */
  readonly ends: readonly [string, string];
  /** Its relations in slice A and in slice B (ids, dataset order). */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface StoryDiff {
  readonly appeared: readonly PairChange[];
  readonly disappeared: readonly PairChange[];
  readonly changed: readonly PairChange[];
  readonly unchanged: number;
}

function outletDocuments(dataset: Dataset, outlet: string): Set<string> {
  const ids = new Set<string>();
  for (const document of dataset.documents) if ((document.source ?? '').trim() === outlet) ids.add(document.id);
  return ids;
}

/** Does the relation belong to the slice? */
function inSlice(relation: Relation, slice: Slice, reporting: ReportingIndex, documents: ReadonlySet<string> | null): boolean {
  if (slice.kind === 'window') {
    const time = reporting.times.get(relation.id);
    return time !== undefined && reportedIn(time, slice.window);
  }
  return relation.evidence.some((evidence) => documents!.has(evidence.document));
}

const pairKey = (relation: Relation) => (relation.source < relation.target ? `${relation.source}\u0000${relation.target}` : `${relation.target}\u0000${relation.source}`);
const typeKey = (relation: Relation) => `${relation.type}${relation.negated === true ? ':not' : ''}`;

export function compareSlices(dataset: Dataset, reporting: ReportingIndex, a: Slice, b: Slice): StoryDiff {
  const documentsA = a.kind === 'outlet' ? outletDocuments(dataset, a.outlet) : null;
  const documentsB = b.kind === 'outlet' ? outletDocuments(dataset, b.outlet) : null;
  const pairs = new Map<string, { ends: readonly [string, string]; before: Relation[]; after: Relation[] }>();
  for (const relation of dataset.relations) {
    const inA = inSlice(relation, a, reporting, documentsA);
    const inB = inSlice(relation, b, reporting, documentsB);
    if (!inA && !inB) continue;
    const key = pairKey(relation);
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { ends: [relation.source, relation.target], before: [], after: [] };
      pairs.set(key, pair);
    }
    if (inA) pair.before.push(relation);
    if (inB) pair.after.push(relation);
  }
  const appeared: PairChange[] = [];
  const disappeared: PairChange[] = [];
  const changed: PairChange[] = [];
  let unchanged = 0;
  for (const pair of pairs.values()) {
    const change = { ends: pair.ends, before: pair.before.map((r) => r.id), after: pair.after.map((r) => r.id) };
    if (pair.before.length === 0) appeared.push(change);
    else if (pair.after.length === 0) disappeared.push(change);
    else {
      const typesBefore = new Set(pair.before.map(typeKey));
      const typesAfter = new Set(pair.after.map(typeKey));
      const same = typesBefore.size === typesAfter.size && [...typesBefore].every((type) => typesAfter.has(type));
      if (same) unchanged += 1;
      else changed.push(change);
    }
  }
  return { appeared, disappeared, changed, unchanged };
}

/** The relation's sentences inside the slice: from articles published in the window, or from the outlet's articles. */
export function sliceEvidence(dataset: Dataset, relation: Relation, slice: Slice, publishedDays: ReadonlyMap<string, number> = publishedDayNumbers(dataset)): Evidence[] {
  if (slice.kind === 'window') {
    return relation.evidence.filter((evidence) => {
      const day = publishedDays.get(evidence.document);
      return day !== undefined && day >= slice.window.from && day <= slice.window.to;
    });
  }
  const documents = outletDocuments(dataset, slice.outlet);
  return relation.evidence.filter((evidence) => documents.has(evidence.document));
}

/** Outlet names (`document.source`), most articles first, then by name; articles with no outlet are not one. */
export function outletsOf(dataset: Dataset): string[] {
  const counts = new Map<string, number>();
  for (const document of dataset.documents) {
    const outlet = (document.source ?? '').trim();
    if (outlet !== '') counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([outlet]) => outlet);
}
