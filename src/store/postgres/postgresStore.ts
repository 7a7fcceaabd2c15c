/**
 * The corpus on PostgreSQL
 * ========================
 *
 * `CorpusStore` (corpusStore.ts) over a PostgreSQL database, for a newsroom:
 * several ingest processes on several machines, many readers. The same
 * schema ideas (migrations.ts), identity rules (identity.ts) and write rules
 * (write.ts) as the SQLite store; each method is one transaction, or one
 * statement, on a pooled connection.
 *
 * `--db postgres://USER:PASSWORD@HOST:PORT/DATABASE` opens it (open.ts);
 * messages name the database (its URL without the password).
 */

import { CORPUS_API_VERSION, CORPUS_LIMITS, type CorpusInfo, type DocumentSummary, type CorpusTypes, type DocumentsPage, type PublishedWindow, type SearchResponse, type SubgraphQuery, type SubgraphResponse, type TimelineResponse } from '../../model/corpusApi.ts';
import type { Dataset, Edit } from '../../model/schema.ts';
import type { TimelineBucket } from '../../model/timeline.ts';
import type pg from 'pg';
import type { AddReport, CorpusStore, StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import { quoteText } from '../../model/errors.ts';
import { CorpusQueryError } from '../errors.ts';
import { PgCorpusEditor } from './corpusEdits.ts';
import { RELATION_COLUMNS, type RelationRecord } from '../sqlite/assemble.ts';
import { PgAssembler } from './assemble.ts';
import { resolveEntity } from './entityLookup.ts';
import { neighbourhoodRelations, NOT_REJECTED, sentenceFilter } from './neighbourhood.ts';
import { searchCorpus } from './search.ts';
import { corpusTimeline } from './timeline.ts';
import { addReports, contentHash, emptyReport, type WriteResult } from '../sqlite/write.ts';
import { openPool, type PgOpenOptions } from './connection.ts';
import { currentTypes } from './declaredTypes.ts';
import { PgRecordReader } from './records.ts';
import { Sql, transaction } from './sql.ts';
import { databaseName, redactUrl } from './url.ts';
import { PgDatasetWriter } from './write.ts';

/** PostgreSQL text holds no NUL character (SQLite's does): a question with one could match nothing, and would be an error. */
const noNul = (text: string) => text.replace(/\u0000/g, '');
const count = (n: number) => n.toLocaleString('en-US');
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.floor(n)));

interface DocumentRow {
  pk: number;
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  ingested_at: string;
  relation_count: number;
}

function summary(row: DocumentRow): DocumentSummary {
  const doc: DocumentSummary = { id: row.id, title: row.title, ingestedAt: row.ingested_at, relations: row.relation_count };
  if (row.source !== null) doc.source = row.source;
  if (row.url !== null) doc.url = row.url;
  if (row.published !== null) doc.published = row.published;
  return doc;
}

export class PostgresCorpusStore implements CorpusStore {
  readonly name: string;
  private readonly sql: Sql;
  private readonly editor: PgCorpusEditor;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    /** The URL without its password, for messages. */
    readonly location: string,
    database: string,
  ) {
    this.name = database;
    this.sql = new Sql(pool);
    this.editor = new PgCorpusEditor(pool);
  }

  /** Opens (or, with `create`, makes) the corpus at `url`; throws the one-line errors of connection.ts. */
  static async open(url: string, options: PgOpenOptions): Promise<PostgresCorpusStore> {
    const pool = await openPool(url, options);
    return new PostgresCorpusStore(pool, redactUrl(url), databaseName(url)!);
  }

  /** The pool, for tests that inspect the tables. */
  get connection(): Sql {
    return this.sql;
  }

  async addDataset(dataset: Dataset, options: { ingestedAt?: string } = {}): Promise<AddReport> {
    const at = options.ingestedAt ?? new Date().toISOString();
    // A fresh writer per try: a retried transaction remembers nothing of the lost one.
    return transaction(this.pool, (sql) => new PgDatasetWriter(sql, this.name).add(dataset, at));
  }

  /** Each dataset in its own transaction (see write.ts); a dataset that fails is listed in `failed`, the others are added. */
  async addDatasets(datasets: Iterable<Dataset>, options: { ingestedAt?: string } = {}): Promise<WriteResult> {
    const result: WriteResult = { ...emptyReport(), failed: [] };
    let index = 0;
    for (const dataset of datasets) {
      try {
        addReports(result, await this.addDataset(dataset, options));
      } catch (error) {
        result.failed.push({ index, error });
      }
      index++;
    }
    return result;
  }

  async hasText(text: string): Promise<boolean> {
    if (text === '') return false;
    return (await this.sql.row('SELECT 1 FROM documents WHERE content_hash = ?', contentHash(text))) !== undefined;
  }

  async info(): Promise<CorpusInfo> {
    const row = (await this.sql.row<{ title: string | null; documents: number; entities: number; relations: number; sentences: number; first: string | null; last: string | null }>(
      `SELECT (SELECT value FROM meta WHERE key = 'title') AS title,
         (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities,
         (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM sentences) AS sentences,
         (SELECT min(published_day) FROM documents) AS first, (SELECT max(published_day) FROM documents) AS last`,
    ))!;
    const info: CorpusInfo = { api: CORPUS_API_VERSION, title: row.title ?? this.name, documents: row.documents, entities: row.entities, relations: row.relations, sentences: row.sentences };
    if (row.first !== null) info.firstPublished = row.first;
    if (row.last !== null) info.lastPublished = row.last;
    const { relationTypes, entityTypes } = (await currentTypes(this.sql)).declared;
    if (relationTypes.length > 0) info.relationTypes = relationTypes;
    if (entityTypes.length > 0) info.entityTypes = entityTypes;
    return info;
  }

  async declaredTypes(): Promise<CorpusTypes> {
    return (await currentTypes(this.sql)).declared;
  }

  private assembler(sql: Sql = this.sql): PgAssembler {
    return new PgAssembler(sql);
  }

  async overview(limit: number): Promise<SubgraphResponse> {
    const wanted = clamp(limit, 1, CORPUS_LIMITS.overviewMax);
    const top = (await this.sql.rows<{ pk: number }>('SELECT pk FROM entities ORDER BY degree DESC, pk LIMIT ?', wanted)).map((row) => row.pk);
    const max = CORPUS_LIMITS.relationsDefault;
    const relations = await this.sql.rows<RelationRecord>(
      `SELECT ${RELATION_COLUMNS} FROM relations r
       WHERE r.source = ANY(?::bigint[]) AND r.target = ANY(?::bigint[]) AND ${NOT_REJECTED}
       ORDER BY r.sentence_count DESC, r.pk LIMIT ?`,
      top, top, max + 1,
    );
    return this.assembler().assemble(relations.slice(0, max), {
      title: `${this.name}: the ${count(top.length)} most-connected entities`,
      evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
      entities: top,
      truncatedNote: relations.length > max ? `only the ${count(max)} best-supported relations among them are shown` : undefined,
    });
  }

  async subgraph(asked: SubgraphQuery): Promise<SubgraphResponse> {
    const query: SubgraphQuery = { ...asked, entity: noNul(asked.entity), ...(asked.text === undefined ? {} : { text: noNul(asked.text) }) };
    const centre = await resolveEntity(this.sql, this.name, query.entity);
    const filter = sentenceFilter(query);
    const { relations, cut } = await neighbourhoodRelations(this.sql, centre, query, filter);
    const filters = [
      query.types && `types ${query.types.join(', ')}`,
      query.since && `since ${query.since}`,
      query.until && `until ${query.until}`,
      query.text && `text “${query.text}”`,
      query.minOutlets !== undefined && query.minOutlets > 1 && `at least ${query.minOutlets} outlets`,
    ].filter(Boolean);
    return this.assembler().assemble(relations, {
      title: `${this.name}: ${centre.label}, ${query.hops === 1 ? '1 hop' : '2 hops'}${filters.length ? ` (${filters.join('; ')})` : ''}`,
      evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
      filter,
      entities: [centre.pk],
      truncatedNote: cut ? `only the ${count(relations.length)} best-supported relations are shown; more match (raise the limit up to ${count(CORPUS_LIMITS.relationsMax)}, or narrow by types, dates or text)` : undefined,
    });
  }

  async evidence(relationIds: readonly string[]): Promise<SubgraphResponse> {
    const wanted = [...new Set(relationIds.map(noNul))].slice(0, CORPUS_LIMITS.evidenceRelationsMax);
    const rows = await this.sql.rows<RelationRecord>(
      `SELECT ${RELATION_COLUMNS} FROM unnest(?::text[]) WITH ORDINALITY AS j (id, n) JOIN relations r ON r.id = j.id ORDER BY j.n`,
      wanted,
    );
    if (rows.length < wanted.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = wanted.filter((id) => !found.has(id));
      throw new CorpusQueryError(
        'unknown-relation',
        `no relation ${missing.slice(0, 3).map((id) => quoteText(id, 60)).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''} in ${this.name}. Fix: use relation ids from an answer of this corpus`,
      );
    }
    return this.assembler().assemble(rows, {
      title: `${this.name}: ${rows.length === 1 ? 'a relation' : `${count(rows.length)} relations`} and their sentences`,
      evidencePerRelation: CORPUS_LIMITS.evidenceMax,
    });
  }

  async search(text: string, limit: number): Promise<SearchResponse> {
    return searchCorpus(this.sql, noNul(text.slice(0, CORPUS_LIMITS.queryTextMax)), clamp(limit, 1, CORPUS_LIMITS.searchMax));
  }

  async documents(offset: number, limit: number, window: PublishedWindow = {}): Promise<DocumentsPage> {
    const windowed = window.since !== undefined || window.until !== undefined;
    const where = windowed ? 'WHERE published_day BETWEEN ? AND ?' : '';
    const bounds = windowed ? [window.since ?? '0000-01-01', window.until ?? '9999-12-31'] : [];
    const from = Math.max(0, Math.floor(offset));
    // NULLS LAST: SQLite sorts an undated article last in a descending order; PostgreSQL would put it first.
    const rows = await this.sql.rows<DocumentRow>(
      `SELECT pk, id, title, source, url, published, ingested_at, relation_count FROM documents ${where} ORDER BY published_day DESC NULLS LAST, pk DESC LIMIT ? OFFSET ?`,
      ...bounds, clamp(limit, 1, CORPUS_LIMITS.documentsPageMax), from,
    );
    const total = (await this.sql.row<{ n: number }>(`SELECT count(*) AS n FROM documents ${where}`, ...bounds))!.n;
    return { documents: rows.map(summary), total, offset: from };
  }

  async document(id: string): Promise<SubgraphResponse | undefined> {
    const doc = await this.sql.row<{ pk: number; title: string }>('SELECT pk, title FROM documents WHERE id = ?', noNul(id));
    if (!doc) return undefined;
    const relations = await this.sql.rows<RelationRecord>(
      `SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.pk IN (SELECT e.relation FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = ?) AND ${NOT_REJECTED}
       ORDER BY r.sentence_count DESC, r.pk`,
      doc.pk,
    );
    const named = (await this.sql.rows<{ entity: number }>('SELECT DISTINCT entity FROM mentions WHERE document = ?', doc.pk)).map((row) => row.entity);
    return this.assembler().assemble(relations, {
      title: doc.title,
      evidencePerRelation: CORPUS_LIMITS.evidenceMax,
      filter: { sql: 's.document = ?', params: [doc.pk] },
      entities: named,
      allMentionsIn: doc.pk,
    });
  }

  async timeline(bucket?: TimelineBucket): Promise<TimelineResponse> {
    // Not cached: other processes write to the same database, and PostgreSQL tells no cheap "changed since".
    return corpusTimeline(this.sql, bucket);
  }

  async applyEdit(edit: Edit | unknown, at?: Date): Promise<StoreEditOutcome> {
    return this.editor.applyEdit(edit, at);
  }

  async undo(): Promise<StoreEditOutcome> {
    return this.editor.undo();
  }

  async redo(): Promise<StoreEditOutcome> {
    return this.editor.redo();
  }

  async history(): Promise<StoredHistory> {
    const rows = await this.sql.rows<{ label: string; at: string; applied: number }>('SELECT label, at, applied FROM edit_history ORDER BY seq');
    return { entries: rows.map((row) => ({ label: row.label, at: row.at, applied: row.applied === 1 })), position: rows.filter((row) => row.applied === 1).length };
  }

  async exportAll(): Promise<Dataset> {
    // One snapshot: a concurrent ingest's commit between two reads would leave a relation pointing at an entity not read.
    return transaction(
      this.pool,
      async (sql) => {
        await sql.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const all = async (table: string) => (await sql.rows<{ pk: number }>(`SELECT pk FROM ${table} ORDER BY pk`)).map((row) => row.pk);
        const entities = await all('entities');
        const { dataset } = await new PgRecordReader(sql).load({ relations: await all('relations'), entities, mentionDocuments: await all('documents'), fullMentions: entities });
        const title = (await sql.row<{ value: string }>("SELECT value FROM meta WHERE key = 'title'"))?.value;
        return { ...dataset, ...(title === undefined ? {} : { title }) };
      },
      { retry: false },
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
