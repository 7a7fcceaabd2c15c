/**
 * What a dataset adds, decided once for both stores
 * =================================================
 *
 * Between a store writer's lookups and inserts (sqlite/write.ts,
 * postgres/write.ts) these pure steps decide what to write:
 *
 *  - what a held document alone supported adds nothing: a relation whose
 *    every sentence is in skipped documents is not added, nor an entity
 *    named only there;
 *  - each mention once per (document, span, entity);
 *  - relations grouped by the corpus's relation key (type, ends — ordered by
 *    pk for symmetric types, as the dataset's type catalog says — and
 *    negation), so each corpus relation is written once per dataset: hedged
 *    only if every statement was, the first attribution, attributes folded,
 *    the last review given, each sentence once (an event date kept from
 *    whichever statement gave one);
 *  - a relation's reporting days: its new sentences' publication days and
 *    its declared spells, capped (reportingDays.ts), with a note per cut;
 *  - how a held relation's row changes.
 */

import type { Attributes } from '../../model/attributeRecords.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import type { Dataset, Entity, EventDate, Relation, Review, Spell } from '../../model/schema.ts';
import type { TypeCatalog } from '../../model/typeCatalog.ts';
import type { AddReport } from '../corpusStore.ts';
import { MAX_SPELL_DAYS, spellDays } from './reportingDays.ts';
import { parseAttributes } from './rows.ts';
import { attributesJson, foldAttributes, foldHedged, storedReview, type KnownEntity } from './writeRules.ts';

/** A document this dataset added. */
export interface StoredDocument {
  pk: number;
  text: string;
  /** Publication day number; null when undated. */
  day: number | null;
}

/** One relation of the corpus as this dataset states it: the dataset relations with that key, folded. */
export interface RelationGroup {
  type: RelationTypeId;
  source: KnownEntity;
  target: KnownEntity;
  negated: 0 | 1;
  hedged: boolean | undefined;
  attributedTo: number | null;
  attributes: Attributes | undefined;
  /** Sentences in added documents, each once, by `documentPk:start:end`. */
  evidence: Map<string, { document: StoredDocument; start: number; end: number; note: string | null; event: EventDate | undefined }>;
  /** Spells the dataset declares (`relation.reported`). */
  reported: Spell[];
  /** The dataset's review of it, proposed ends as stored ids; the last one given wins. */
  review: Review | undefined;
}

/** The relations to add (not only supported by skipped documents) and the entities to add: those they name, and those mentioned in added documents or nowhere. */
export function whatToAdd(dataset: Dataset, documents: ReadonlyMap<string, StoredDocument>): { relations: Relation[]; entities: Entity[] } {
  const added = (document: string) => documents.has(document);
  const relations = dataset.relations.filter((r) => r.evidence.length === 0 || r.evidence.some((e) => added(e.document)));
  const referenced = new Set<string>();
  for (const r of relations) {
    referenced.add(r.source).add(r.target);
    if (r.attributedTo !== undefined) referenced.add(r.attributedTo);
  }
  const entities = dataset.entities.filter((entity) => referenced.has(entity.id) || entity.mentions.length === 0 || entity.mentions.some((m) => added(m.document)));
  return { relations, entities };
}

/** An entity's mentions in added documents as rows [document, start, end, entity], each key once across calls (`seen`). */
export function mentionRows(entity: Entity, stored: KnownEntity, documents: ReadonlyMap<string, StoredDocument>, seen: Set<string>): Array<[number, number, number, number]> {
  const rows: Array<[number, number, number, number]> = [];
  for (const mention of entity.mentions) {
    const doc = documents.get(mention.document);
    if (!doc) continue;
    const key = `${doc.pk}:${mention.start}:${mention.end}:${stored.pk}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([doc.pk, mention.start, mention.end, stored.pk]);
  }
  return rows;
}

/** The dataset's relations grouped by the corpus's relation key (see the header). */
export function relationGroups(relations: readonly Relation[], entities: ReadonlyMap<string, KnownEntity>, documents: ReadonlyMap<string, StoredDocument>, catalog: TypeCatalog): Map<string, RelationGroup> {
  const groups = new Map<string, RelationGroup>();
  for (const relation of relations) {
    let source = entities.get(relation.source)!;
    let target = entities.get(relation.target)!;
    if (!catalog.relation(relation.type).directed && target.pk < source.pk) [source, target] = [target, source];
    const negated = relation.negated === true ? 1 : 0;
    const key = `${source.pk}:${target.pk}:${relation.type}:${negated}`;
    let group = groups.get(key);
    if (!group) {
      group = { type: relation.type, source, target, negated, hedged: relation.hedged, attributedTo: null, attributes: undefined, evidence: new Map(), reported: [], review: undefined };
      groups.set(key, group);
    } else group.hedged = foldHedged(group.hedged, relation.hedged);
    if (group.attributedTo === null && relation.attributedTo !== undefined) group.attributedTo = entities.get(relation.attributedTo)!.pk;
    group.attributes = foldAttributes(group.attributes, relation.attributes);
    if (relation.reported !== undefined) group.reported.push(...relation.reported);
    if (relation.review !== undefined) group.review = storedReview(relation.review, entities);
    collectEvidence(group, relation, documents);
  }
  return groups;
}

function collectEvidence(group: RelationGroup, relation: Relation, documents: ReadonlyMap<string, StoredDocument>): void {
  for (const evidence of relation.evidence) {
    const document = documents.get(evidence.document);
    if (!document) continue;
    const key = `${document.pk}:${evidence.start}:${evidence.end}`;
    const held = group.evidence.get(key);
    if (!held) group.evidence.set(key, { document, start: evidence.start, end: evidence.end, note: evidence.note ?? null, event: evidence.event });
    else if (held.event === undefined && evidence.event !== undefined) held.event = evidence.event;
  }
}

/** The relation's reporting days this dataset adds: its new sentences' publication days and its declared spells (capped, with a note). */
export function relationDays(group: RelationGroup, report: AddReport): Set<number> {
  const days = new Set<number>();
  for (const e of group.evidence.values()) if (e.document.day !== null) days.add(e.document.day);
  for (const spell of group.reported) {
    const { from, to, cut } = spellDays(spell);
    for (let day = from; day <= to; day++) days.add(day);
    if (cut > 0)
      (report.notes ??= []).push(
        `relation ${group.type} ${group.source.label} → ${group.target.label}: its reported spell ${spell.from} to ${spell.to} is longer than ${MAX_SPELL_DAYS.toLocaleString('en-US')} days; only its first ${MAX_SPELL_DAYS.toLocaleString('en-US')} are kept`,
      );
  }
  return days;
}

/** A held relation's row as the writer reads it by key. */
export interface HeldRelation {
  pk: number;
  hedged: number | null;
  attributed_to: number | null;
  attributes: string | null;
}

/** The held relation's new [hedged, attributed_to, attributes, added sentence count]: hedged only if every statement was, the held attribution and attribute values win. */
export function relationFold(held: HeldRelation, group: RelationGroup): [number | null, number | null, string | null, number] {
  const hedged = foldHedged(held.hedged === null ? undefined : held.hedged === 1, group.hedged);
  const attributes = group.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), group.attributes));
  return [hedgedColumn(hedged), held.attributed_to ?? group.attributedTo, attributes, group.evidence.size];
}

export const hedgedColumn = (hedged: boolean | undefined) => (hedged === undefined ? null : hedged ? 1 : 0);

/** Which (document, relation) pairs the written evidence adds, for `documents.relation_count`. */
export function relationsPerDocument(written: ReadonlyArray<{ document: number; relation: number }>): Map<number, number> {
  const sets = new Map<number, Set<number>>();
  for (const { document, relation } of written) {
    let set = sets.get(document);
    if (!set) sets.set(document, (set = new Set()));
    set.add(relation);
  }
  return new Map([...sets].map(([document, set]) => [document, set.size]));
}
