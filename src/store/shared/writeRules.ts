/**
 * The write rules both stores keep
 * ================================
 *
 * corpusStore.ts's and merge.ts's rules for adding a dataset, as pure
 * functions each store's writer (sqlite/write.ts, postgres/write.ts) calls
 * between its own lookups and inserts: a document's identity (its content
 * hash), how attributes, hedging, names and external ids fold into a held
 * record, how a review's proposed ends become the corpus's ids, and the add
 * report's arithmetic.
 */

import { createHash } from 'node:crypto';
import { setOwn, type Attributes, type AttributeValue } from '../../model/attributeRecords.ts';
import type { Entity, Review } from '../../model/schema.ts';
import type { AddReport } from '../corpusStore.ts';
import { externalIds } from '../identity.ts';
import { parseAttributes, parseStringList, parseStringRecord } from './rows.ts';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Attributes folded as merge.ts does: keys already held keep their value. Own properties only (a key may be `__proto__`). */
export function foldAttributes(held: Attributes | undefined, added: Attributes | undefined): Attributes | undefined {
  if (added === undefined) return held;
  const result: Attributes = {};
  for (const key of Object.keys(added)) setOwn<AttributeValue>(result, key, added[key]!);
  if (held !== undefined) for (const key of Object.keys(held)) setOwn<AttributeValue>(result, key, held[key]!);
  return result;
}

/** merge.ts's rule: hedged only if every statement was; unknown while no statement says. */
export function foldHedged(held: boolean | undefined, added: boolean | undefined): boolean | undefined {
  return held === undefined && added === undefined ? undefined : held === true && added === true;
}

export const json = (value: unknown) => JSON.stringify(value);
export const attributesJson = (attributes: Attributes | undefined) => (attributes === undefined || Object.keys(attributes).length === 0 ? null : json(attributes));
export const emptyReport = (): AddReport => ({ documentsAdded: 0, documentsSkipped: 0, entitiesAdded: 0, relationsAdded: 0, sentencesAdded: 0, wireCopies: 0 });

export function addReports(total: AddReport, report: AddReport): void {
  total.documentsAdded += report.documentsAdded;
  total.documentsSkipped += report.documentsSkipped;
  total.entitiesAdded += report.entitiesAdded;
  total.relationsAdded += report.relationsAdded;
  total.sentencesAdded += report.sentencesAdded;
  total.wireCopies += report.wireCopies;
  if (report.notes !== undefined) (total.notes ??= []).push(...report.notes);
}

export interface WriteResult extends AddReport {
  /** Datasets that were not added (by position), with why. */
  failed: Array<{ index: number; error: unknown }>;
}

/** A stored entity as the writer remembers it within a transaction. */
export interface KnownEntity {
  pk: number;
  id: string;
  label: string;
  aliases: readonly string[];
  /** Label and aliases, as written: a name in here has its `entity_names` row. */
  names: ReadonlySet<string>;
  externalIds: ReadonlyMap<string, string>;
  attributes: string | null;
}

/** An `entities` row as the writer looks it up by identity. */
export interface EntityRow {
  pk: number;
  id: string;
  label: string;
  aliases: string;
  external_ids: string;
  attributes: string | null;
}

export function knownFromRow(row: EntityRow): KnownEntity {
  const aliases = parseStringList(row.aliases);
  return { pk: row.pk, id: row.id, label: row.label, aliases, names: new Set([row.label, ...aliases]), externalIds: parseStringRecord(row.external_ids), attributes: row.attributes };
}

export function aliasesOf(entity: Entity): string[] {
  return [...new Set(entity.aliases)].filter((alias) => alias !== entity.label);
}

/** A new entity's row values after its id and identity: [label, type, aliases JSON, external ids JSON, attributes JSON]. */
export function newEntityValues(entity: Entity): [string, string, string, string, string | null] {
  return [entity.label, entity.type, json(aliasesOf(entity)), json(Object.fromEntries(externalIds(entity.attributes, entity.wikidata))), attributesJson(entity.attributes)];
}

/** What the writer remembers of an entity it has just inserted. */
export function knownNew(pk: number, id: string, entity: Entity): KnownEntity {
  return { pk, id, label: entity.label, aliases: aliasesOf(entity), names: new Set([entity.label, ...entity.aliases]), externalIds: externalIds(entity.attributes, entity.wikidata), attributes: attributesJson(entity.attributes) };
}

/** How an incoming entity folds into the held one: the new names and the row to write, or undefined when nothing changes. */
export function entityFold(held: KnownEntity, entity: Entity): { known: KnownEntity; newNames: string[]; values: [string, string, string | null] } | undefined {
  const names = [entity.label, ...entity.aliases];
  const newNames = names.filter((name, i) => !held.names.has(name) && names.indexOf(name) === i);
  const ids = new Map(held.externalIds);
  for (const [scheme, id] of externalIds(entity.attributes, entity.wikidata)) if (!ids.has(scheme)) ids.set(scheme, id);
  const attributes = entity.attributes === undefined ? held.attributes : attributesJson(foldAttributes(parseAttributes(held.attributes), entity.attributes));
  if (newNames.length === 0 && ids.size === held.externalIds.size && attributes === held.attributes) return undefined;
  const aliases = [...held.aliases, ...newNames];
  return {
    known: { ...held, aliases, names: new Set([...held.names, ...newNames]), externalIds: ids, attributes },
    newNames,
    values: [json(aliases), json(Object.fromEntries(ids)), attributes],
  };
}

/** The review with its proposed claim's ends (and attribution) as the corpus's entity ids where the dataset holds them; others are kept as given. */
export function storedReview(review: Review, entities: ReadonlyMap<string, KnownEntity>): Review {
  if (review.proposed === undefined) return review;
  const id = (entity: string) => entities.get(entity)?.id ?? entity;
  const proposed = { ...review.proposed, source: id(review.proposed.source), target: id(review.proposed.target) };
  if (review.proposed.attributedTo !== undefined) proposed.attributedTo = id(review.proposed.attributedTo);
  return { ...review, proposed };
}
