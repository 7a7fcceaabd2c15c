/**
 * A path in words
 * ===============
 *
 * What the path panel says about each hop of a traced path: the two entities
 * in path order, and each relation joining them with the direction in words —
 * a path follows connections either way, so a hop may run against the
 * relation ("Vladimir Putin to International Criminal Court" uses "the court
 * issued an arrest warrant for Putin", read backwards).
 */

import type { PathHop } from '../graph/paths.ts';
import type { DatasetIndex } from './datasetIndex.ts';
import { describeRelation, type EntityRef, type RelationView } from './relationView.ts';

export type HopDirection = 'forward' | 'backward' | 'undirected';

export interface HopRelation {
  view: RelationView;
  direction: HopDirection;
  /** "Armenia threatened to arrest Vladimir Putin" style reading, from the path's point of view. */
  wording: string;
}

export interface HopView {
  step: number;
  from: EntityRef;
  to: EntityRef;
  relations: HopRelation[];
}

function ref(index: DatasetIndex, id: string): EntityRef {
  return { id, label: index.entities.get(id)?.label ?? id };
}

export function describeHop(index: DatasetIndex, hop: PathHop, step: number): HopView {
  const from = ref(index, hop.from);
  const to = ref(index, hop.to);
  const relations: HopRelation[] = [];
  for (const id of hop.edges) {
    const relation = index.relations.get(id);
    if (!relation) continue;
    const view = describeRelation(index, relation);
    const direction: HopDirection = !view.directed ? 'undirected' : relation.source === hop.from ? 'forward' : 'backward';
    const wording =
      direction === 'forward'
        ? `${from.label} ${view.phrase} ${to.label}.`
        : direction === 'backward'
          ? `Against the arrow: ${to.label} ${view.phrase} ${from.label}.`
          : `${view.source.label} and ${view.target.label}: ${view.phrase} (no direction).`;
    relations.push({ view, direction, wording });
  }
  return { step, from, to, relations };
}

export function describePath(index: DatasetIndex, hops: readonly PathHop[]): HopView[] {
  return hops.map((hop, i) => describeHop(index, hop, i + 1));
}
