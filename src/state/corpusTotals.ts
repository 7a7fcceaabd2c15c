/**
 * Corpus mode: what is loaded against what the corpus holds
 * =========================================================
 *
 * The server marks each entity with its number of relations in the whole
 * corpus and each relation with its number of supporting sentences
 * (`CORPUS_ATTRIBUTES`, model/corpusApi.ts). Read here, against what the
 * explorer has loaded, so the panels can say "12 of 40 relations loaded"
 * and offer to fetch the rest. An attribute that is missing or not a whole
 * number means "unknown", and nothing is offered.
 */

import { CORPUS_ATTRIBUTES, CORPUS_LIMITS } from '../model/corpusApi.ts';
import type { Attributes, Entity, Relation } from '../model/index.ts';
import type { DatasetIndex } from './datasetIndex.ts';

function countAttribute(attributes: Attributes | undefined, key: string): number | undefined {
  const value = attributes?.[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export interface Coverage {
  loaded: number;
  /** In the whole corpus; undefined when the server did not say. */
  total: number | undefined;
  /** How many more the corpus holds (0 when unknown or all loaded). */
  missing: number;
}

function coverage(loaded: number, total: number | undefined): Coverage {
  return { loaded, total, missing: total === undefined ? 0 : Math.max(0, total - loaded) };
}

/** An entity's relations: loaded (in `data`) against the corpus's count. */
export function entityCoverage(data: DatasetIndex, entity: Entity): Coverage {
  return coverage(data.relationsOf.get(entity.id)?.length ?? 0, countAttribute(entity.attributes, CORPUS_ATTRIBUTES.degree));
}

/** A relation's sentences: loaded against the corpus's count. */
export function sentenceCoverage(relation: Relation): Coverage {
  return coverage(relation.evidence.length, countAttribute(relation.attributes, CORPUS_ATTRIBUTES.evidenceTotal));
}

/** How many sentences one `/api/evidence` answer can bring for this relation (the server caps it). */
export function fetchableSentences(relation: Relation): number {
  const { total } = sentenceCoverage(relation);
  return total === undefined ? 0 : Math.min(total, CORPUS_LIMITS.evidenceMax);
}

/** True when fetching this relation's sentences would bring more than are loaded. */
export function wantsSentences(relation: Relation): boolean {
  return fetchableSentences(relation) > relation.evidence.length;
}

/** "1 relation", "12 relations": a count with its noun. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

const CORPUS_KEYS: ReadonlySet<string> = new Set(Object.values(CORPUS_ATTRIBUTES));

/** Attributes without the corpus totals (a panel that states them in words need not list them again). */
export function withoutCorpusTotals(attributes: Attributes | undefined): Attributes | undefined {
  if (attributes === undefined || !Object.keys(attributes).some((key) => CORPUS_KEYS.has(key))) return attributes;
  const rest: Attributes = Object.create(null) as Attributes;
  for (const [key, value] of Object.entries(attributes)) if (!CORPUS_KEYS.has(key)) rest[key] = value;
  return rest;
}
