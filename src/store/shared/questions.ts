/**
 * What each question asks of the answer
 * =====================================
 *
 * The parts of the store's queries that do not depend on the database, the
 * same for both stores (sqlite/sqliteStore.ts, postgres/postgresStore.ts):
 * limits clamped, the answer's title and truncation notes, the article
 * summaries of a documents page, the corpus info from its counts, and the
 * one-line refusal of unknown relation ids. Each store reads the rows in its
 * own SQL and hands them here.
 */

import { CORPUS_API_VERSION, CORPUS_LIMITS, type CorpusInfo, type CorpusTypes, type DocumentSummary, type PublishedWindow, type SubgraphQuery } from '../../model/corpusApi.ts';
import { quoteText } from '../../model/errors.ts';
import { CorpusQueryError } from '../errors.ts';
import type { AssembleOptions, RelationRecord, SentenceFilter } from './answer.ts';
import type { EntityRef } from './entityLookup.ts';

export const count = (n: number) => n.toLocaleString('en-US');
export const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(n)));

/** The counts `info` reads (the same SQL on both databases). */
export const INFO_SQL = `SELECT (SELECT value FROM meta WHERE key = 'title') AS title,
  (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities,
  (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM sentences) AS sentences,
  (SELECT min(published_day) FROM documents) AS first, (SELECT max(published_day) FROM documents) AS last`;

export interface InfoRow {
  title: string | null;
  documents: number;
  entities: number;
  relations: number;
  sentences: number;
  first: string | null;
  last: string | null;
}

/** `defaultTitle`: the corpus's name when no title is set (meta). */
export function corpusInfo(row: InfoRow, defaultTitle: string, declared: CorpusTypes): CorpusInfo {
  const info: CorpusInfo = { api: CORPUS_API_VERSION, title: row.title ?? defaultTitle, documents: row.documents, entities: row.entities, relations: row.relations, sentences: row.sentences };
  if (row.first !== null) info.firstPublished = row.first;
  if (row.last !== null) info.lastPublished = row.last;
  if (declared.relationTypes.length > 0) info.relationTypes = declared.relationTypes;
  if (declared.entityTypes.length > 0) info.entityTypes = declared.entityTypes;
  return info;
}

/** The overview's relations: the best-supported among the top entities, one more read than sent to know when there are more. */
export const OVERVIEW_RELATIONS = CORPUS_LIMITS.relationsDefault;

export function overviewOptions(corpus: string, top: readonly number[], found: number): AssembleOptions {
  return {
    title: `${corpus}: the ${count(top.length)} most-connected entities`,
    evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
    entities: top,
    truncatedNote: found > OVERVIEW_RELATIONS ? `only the ${count(OVERVIEW_RELATIONS)} best-supported relations among them are shown` : undefined,
  };
}

export function subgraphOptions(corpus: string, centre: EntityRef, query: SubgraphQuery, relations: readonly RelationRecord[], cut: boolean, filter: SentenceFilter | undefined): AssembleOptions {
  const filters = [
    query.types && `types ${query.types.join(', ')}`,
    query.since && `since ${query.since}`,
    query.until && `until ${query.until}`,
    query.text && `text “${query.text}”`,
    query.minOutlets !== undefined && query.minOutlets > 1 && `at least ${query.minOutlets} outlets`,
  ].filter(Boolean);
  return {
    title: `${corpus}: ${centre.label}, ${query.hops === 1 ? '1 hop' : '2 hops'}${filters.length ? ` (${filters.join('; ')})` : ''}`,
    evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
    filter,
    entities: [centre.pk],
    truncatedNote: cut ? `only the ${count(relations.length)} best-supported relations are shown; more match (raise the limit up to ${count(CORPUS_LIMITS.relationsMax)}, or narrow by types, dates or text)` : undefined,
  };
}

/** The relation ids asked for, each once, at most the limit. */
export const wantedRelations = (relationIds: readonly string[]) => [...new Set(relationIds)].slice(0, CORPUS_LIMITS.evidenceRelationsMax);

/** The evidence answer's options; refuses in one line when an id is not held. */
export function evidenceOptions(corpus: string, wanted: readonly string[], rows: readonly RelationRecord[]): AssembleOptions {
  if (rows.length < wanted.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !found.has(id));
    throw new CorpusQueryError(
      'unknown-relation',
      `no relation ${missing.slice(0, 3).map((id) => quoteText(id, 60)).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''} in ${corpus}. Fix: use relation ids from an answer of this corpus`,
    );
  }
  return { title: `${corpus}: ${rows.length === 1 ? 'a relation' : `${count(rows.length)} relations`} and their sentences`, evidencePerRelation: CORPUS_LIMITS.evidenceMax };
}

/** An article view: every relation it supports, with its sentences in this article, and every name in it. */
export function documentOptions(doc: { pk: number; title: string }, named: readonly number[]): AssembleOptions {
  return { title: doc.title, evidencePerRelation: CORPUS_LIMITS.evidenceMax, filter: { sql: 's.document = ?', params: [doc.pk] }, entities: named, allMentionsIn: doc.pk };
}

export interface DocumentRow {
  pk: number;
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  ingested_at: string;
  relation_count: number;
}

export const DOCUMENT_SUMMARY_COLUMNS = 'pk, id, title, source, url, published, ingested_at, relation_count';

export function summary(row: DocumentRow): DocumentSummary {
  const doc: DocumentSummary = { id: row.id, title: row.title, ingestedAt: row.ingested_at, relations: row.relation_count };
  if (row.source !== null) doc.source = row.source;
  if (row.url !== null) doc.url = row.url;
  if (row.published !== null) doc.published = row.published;
  return doc;
}

/** A documents page's window as SQL: an open end is the widest day, so one statement serves every window (published_day is YYYY-MM-DD text). */
export function publishedWindow(window: PublishedWindow): { where: string; bounds: string[] } {
  const windowed = window.since !== undefined || window.until !== undefined;
  return windowed ? { where: 'WHERE published_day BETWEEN ? AND ?', bounds: [window.since ?? '0000-01-01', window.until ?? '9999-12-31'] } : { where: '', bounds: [] };
}
