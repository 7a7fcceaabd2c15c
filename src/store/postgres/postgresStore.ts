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

import { CORPUS_LIMITS, type CorpusInfo, type CorpusTypes, type DocumentsPage, type PublishedWindow, type SearchResponse, type SubgraphQuery, type SubgraphResponse, type TimelineResponse } from '../../model/corpusApi.ts';
import type { Dataset, Edit } from '../../model/schema.ts';
import type { TimelineBucket } from '../../model/timeline.ts';
import type pg from 'pg';
import type { AddReport, CorpusStore, StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import { PgCorpusEditor } from './corpusEdits.ts';
import { RELATION_COLUMNS, type RelationRecord } from '../shared/answer.ts';
import { PgAssembler } from './assemble.ts';
import { resolveEntity } from './entityLookup.ts';
import { neighbourhoodRelations, NOT_REJECTED, sentenceFilter } from './neighbourhood.ts';
import { searchCorpus } from './search.ts';
import { corpusTimeline } from './timeline.ts';
import { addReports, contentHash, emptyReport, type WriteResult } from '../shared/writeRules.ts';
import { openPool, type PgOpenOptions } from './connection.ts';
import { currentTypes, type TypesNow } from './declaredTypes.ts';
import { clamp, corpusInfo, documentOptions, DOCUMENT_SUMMARY_COLUMNS, evidenceOptions, INFO_SQL, OVERVIEW_RELATIONS, overviewOptions, publishedWindow, subgraphOptions, summary, wantedRelations, type DocumentRow, type InfoRow } from '../shared/questions.ts';
import { bumpGeneration, GenerationCache } from './generation.ts';
import { PgRecordReader } from './records.ts';
import { Sql, transaction } from './sql.ts';
import { databaseName, redactUrl } from './url.ts';
import { PgDatasetWriter } from './write.ts';

/** PostgreSQL text holds no NUL character (SQLite's does): a question with one could match nothing, and would be an error. */
const noNul = (text: string) => text.replace(/\u0000/g, '');
export class PostgresCorpusStore implements CorpusStore {
  readonly name: string;
  private readonly sql: Sql;
  private readonly editor: PgCorpusEditor;
  /** Timelines and declared types, kept while no process writes (generation.ts). */
  private readonly cache: GenerationCache;
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
    this.cache = new GenerationCache(this.sql);
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
    return transaction(this.pool, async (sql) => {
      const report = await new PgDatasetWriter(sql, this.name).add(dataset, at);
      await bumpGeneration(sql);
      return report;
    });
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
    const row = (await this.sql.row<InfoRow>(INFO_SQL))!;
    return corpusInfo(row, this.name, (await this.types()).declared);
  }

  async declaredTypes(): Promise<CorpusTypes> {
    return (await this.types()).declared;
  }

  /** The declared types now: kept until a write anywhere bumps the generation. */
  private types(): Promise<TypesNow> {
    return this.cache.get('types', () => currentTypes(this.sql));
  }

  private assembler(): PgAssembler {
    return new PgAssembler(this.sql, () => this.types());
  }

  async overview(limit: number): Promise<SubgraphResponse> {
    const wanted = clamp(limit, 1, CORPUS_LIMITS.overviewMax);
    const top = (await this.sql.rows<{ pk: number }>('SELECT pk FROM entities ORDER BY degree DESC, pk LIMIT ?', wanted)).map((row) => row.pk);
    const relations = await this.sql.rows<RelationRecord>(
      `SELECT ${RELATION_COLUMNS} FROM relations r
       WHERE r.source = ANY(?::bigint[]) AND r.target = ANY(?::bigint[]) AND ${NOT_REJECTED}
       ORDER BY r.sentence_count DESC, r.pk LIMIT ?`,
      top, top, OVERVIEW_RELATIONS + 1,
    );
    return this.assembler().assemble(relations.slice(0, OVERVIEW_RELATIONS), overviewOptions(this.name, top, relations.length));
  }

  async subgraph(asked: SubgraphQuery): Promise<SubgraphResponse> {
    const query: SubgraphQuery = { ...asked, entity: noNul(asked.entity), ...(asked.text === undefined ? {} : { text: noNul(asked.text) }) };
    const centre = await resolveEntity(this.sql, this.name, query.entity);
    const filter = sentenceFilter(query);
    const { relations, cut } = await neighbourhoodRelations(this.sql, centre, query, filter);
    return this.assembler().assemble(relations, subgraphOptions(this.name, centre, query, relations, cut, filter));
  }

  async evidence(relationIds: readonly string[]): Promise<SubgraphResponse> {
    const wanted = wantedRelations(relationIds.map(noNul));
    const rows = await this.sql.rows<RelationRecord>(
      `SELECT ${RELATION_COLUMNS} FROM unnest(?::text[]) WITH ORDINALITY AS j (id, n) JOIN relations r ON r.id = j.id ORDER BY j.n`,
      wanted,
    );
    return this.assembler().assemble(rows, evidenceOptions(this.name, wanted, rows));
  }

  async search(text: string, limit: number): Promise<SearchResponse> {
    return searchCorpus(this.sql, noNul(text.slice(0, CORPUS_LIMITS.queryTextMax)), clamp(limit, 1, CORPUS_LIMITS.searchMax));
  }

  async documents(offset: number, limit: number, window: PublishedWindow = {}): Promise<DocumentsPage> {
    const { where, bounds } = publishedWindow(window);
    const from = Math.max(0, Math.floor(offset));
    // NULLS LAST: SQLite sorts an undated article last in a descending order; PostgreSQL would put it first.
    const rows = await this.sql.rows<DocumentRow>(
      `SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents ${where} ORDER BY published_day DESC NULLS LAST, pk DESC LIMIT ? OFFSET ?`,
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
    return this.assembler().assemble(relations, documentOptions(doc, named));
  }

  async timeline(bucket?: TimelineBucket): Promise<TimelineResponse> {
    return this.cache.get(`timeline:${bucket ?? ''}`, async () => corpusTimeline(this.sql, await this.types(), bucket));
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
