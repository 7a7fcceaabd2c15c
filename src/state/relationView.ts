/**
 * Relations in words
 * ==================
 *
 * What the side panel says about a relation, derived from the dataset only:
 * "International Criminal Court → issued an arrest warrant for → Vladimir
 * Putin", whether it is a claim and whose, and its supporting sentences. A
 * node's relations are grouped by type in catalog order, so the panel reads
 * in the same order as the legend.
 */

import type { Relation, RelationTypeId } from '../model/index.ts';
import type { DatasetIndex } from './datasetIndex.ts';

export interface EntityRef {
  id: string;
  label: string;
}

export interface RelationView {
  id: string;
  type: RelationTypeId;
  source: EntityRef;
  target: EntityRef;
  /** The verb phrase, negation applied: "did not attend". */
  phrase: string;
  directed: boolean;
  hedged: boolean;
  negated: boolean;
  /** Whose claim or words this is ("according to …"). */
  attributedTo: EntityRef | null;
  relation: Relation;
}

export interface RelationGroup {
  type: RelationTypeId;
  label: string;
  color: string;
  relations: RelationView[];
}

function entityRef(index: DatasetIndex, id: string): EntityRef {
  return { id, label: index.entities.get(id)?.label ?? id };
}

export function describeRelation(index: DatasetIndex, relation: Relation): RelationView {
  return {
    id: relation.id,
    type: relation.type,
    source: entityRef(index, relation.source),
    target: entityRef(index, relation.target),
    phrase: index.catalog.relationPhrase(relation.type, relation.negated),
    directed: index.catalog.relation(relation.type).directed,
    hedged: relation.hedged ?? false,
    negated: relation.negated ?? false,
    attributedTo: relation.attributedTo === undefined ? null : entityRef(index, relation.attributedTo),
    relation,
  };
}

/** "Source → phrase → Target" (or "— phrase —" when the type has no direction). */
export function relationSentence(view: RelationView): string {
  const arrow = view.directed ? '→' : '—';
  return `${view.source.label} ${arrow} ${view.phrase} ${arrow} ${view.target.label}`;
}

/** The entity's relations grouped by type, registry order; only types it has. */
export function relationGroupsOf(index: DatasetIndex, entity: string): RelationGroup[] {
  const byType = new Map<RelationTypeId, RelationView[]>();
  for (const relation of index.relationsOf.get(entity) ?? []) {
    const list = byType.get(relation.type) ?? [];
    list.push(describeRelation(index, relation));
    byType.set(relation.type, list);
  }
  return index.catalog.relationTypeIds.filter((type) => byType.has(type)).map((type) => ({
    type,
    label: index.catalog.relation(type).label,
    color: index.catalog.relation(type).color,
    relations: byType.get(type) ?? [],
  }));
}
