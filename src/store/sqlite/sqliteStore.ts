/**
 * The corpus on one SQLite file
 * =============================
 *
 * `CorpusStore` (corpusStore.ts) over better-sqlite3: the embedded default,
 * one file a journalist can copy, back up or open in Datasette. Chosen
 * because it installs from npm alone (a prebuilt binary, or a compile from
 * source in about a minute) and runs on Node 20, where `node:sqlite` does
 * not exist; it is synchronous, so each method simply resolves at once.
 *
 * Writes: `addDataset` is one IMMEDIATE transaction (the write lock taken at
 * once, so two writers queue rather than deadlock); `addDatasets` runs many
 * in one outer transaction for bulk loads, each still all-or-nothing (a
 * savepoint). Reads are plain statements; in WAL mode they see the last
 * committed state while a writer works.
 *
 * The timeline aggregates every reporting day of the corpus (a few hundred
 * milliseconds at 100,000 relations) and changes only when the corpus does:
 * answers are kept per bucket until this store writes or `PRAGMA
 * data_version` says another connection (an ingest beside a serve) has.
 */

import { basename } from 'node:path';
import {
  CORPUS_LIMITS,
  type CorpusInfo,
  type CorpusTypes,
  type DocumentsPage,
  type PublishedWindow,
  type SearchResponse,
  type SubgraphQuery,
  type SubgraphResponse,
  type TimelineResponse,
} from '../../model/corpusApi.ts';
import type { Dataset, Edit } from '../../model/schema.ts';
import type { TimelineBucket } from '../../model/timeline.ts';
import type { AddReport, CorpusStore, StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import { CorpusEditor } from './corpusEdits.ts';
import { RecordReader } from './records.ts';
import { Assembler } from './assemble.ts';
import { RELATION_COLUMNS, type RelationRecord } from '../shared/answer.ts';
import { openConnection, type Connection, type OpenOptions } from './connection.ts';
import { EntityLookup } from './entityLookup.ts';
import { neighbourhoodRelations, sentenceFilter } from './neighbourhood.ts';
import { NOT_REJECTED } from './neighbourhood.ts';
import { searchCorpus } from './search.ts';
import { StatementCache } from './statements.ts';
import { corpusTimeline } from './timeline.ts';
import { StoredTypes } from './declaredTypes.ts';
import { clamp, corpusInfo, documentOptions, DOCUMENT_SUMMARY_COLUMNS, evidenceOptions, INFO_SQL, OVERVIEW_RELATIONS, overviewOptions, publishedWindow, subgraphOptions, summary, wantedRelations, type DocumentRow, type InfoRow } from '../shared/questions.ts';
import { contentHash, type WriteResult } from '../shared/writeRules.ts';
import { CorpusWriter } from './write.ts';

export class SqliteCorpusStore implements CorpusStore {
  readonly name: string;
  private readonly writer: CorpusWriter;
  private readonly statements: StatementCache;
  private readonly assembler: Assembler;
  private readonly lookup: EntityLookup;
  private readonly types: StoredTypes;
  private readonly editor: CorpusEditor;
  /** Timeline answers by bucket ('' for the default), valid while `timelineVersion` is the data version. */
  private timelines = new Map<string, TimelineResponse>();
  private timelineVersion = -1;

  private constructor(
    private readonly db: Connection,
    path: string,
  ) {
    this.name = basename(path);
    this.writer = new CorpusWriter(db, this.name);
    this.statements = new StatementCache(db);
    this.types = new StoredTypes(this.statements);
    this.assembler = new Assembler(db, this.types);
    this.lookup = new EntityLookup(db, this.name);
    this.editor = new CorpusEditor(db, this.statements, this.types);
  }

  /** Opens (or, with `create`, makes) the corpus at `path`; throws the errors of errors.ts. */
  static open(path: string, options: OpenOptions): SqliteCorpusStore {
    return new SqliteCorpusStore(openConnection(path, options), path);
  }

  /** The connection, for tests and the benchmark that inspect the file. */
  get connection(): Connection {
    return this.db;
  }

  async addDataset(dataset: Dataset, options: { ingestedAt?: string } = {}): Promise<AddReport> {
    this.timelines.clear();
    const { failed: _failed, ...report } = this.writer.write([dataset], options.ingestedAt ?? new Date().toISOString(), true);
    return report;
  }

  /**
   * Many datasets in one transaction (a bulk load, or an ingest committing
   * every few articles): the same rules as `addDataset` for each, each all or
   * nothing (a savepoint); much faster, as a commit costs more than an
   * article. A dataset that fails is left out and listed in `failed` (by
   * position) with its error; the others are added.
   */
  async addDatasets(datasets: Iterable<Dataset>, options: { ingestedAt?: string } = {}): Promise<WriteResult> {
    this.timelines.clear();
    return this.writer.write(datasets, options.ingestedAt ?? new Date().toISOString(), false);
  }

  async hasText(text: string): Promise<boolean> {
    if (text === '') return false;
    return this.statements.get('SELECT 1 FROM documents WHERE content_hash = ?').get(contentHash(text)) !== undefined;
  }

  async info(): Promise<CorpusInfo> {
    const row = this.statements.get<InfoRow>(INFO_SQL).get() as InfoRow;
    // A title set in the corpus (meta), else the file's name without its extension.
    return corpusInfo(row, this.name.replace(/\.[^.]+$/, '') || this.name, this.types.current().declared);
  }

  async declaredTypes(): Promise<CorpusTypes> {
    return this.types.current().declared;
  }

  async overview(limit: number): Promise<SubgraphResponse> {
    const wanted = clamp(limit, 1, CORPUS_LIMITS.overviewMax);
    const top = (this.statements.get<{ pk: number }>('SELECT pk FROM entities ORDER BY degree DESC, pk LIMIT ?').all(wanted) as Array<{ pk: number }>).map((row) => row.pk);
    const ids = JSON.stringify(top);
    const relations = this.statements
      .get<RelationRecord>(
        `SELECT ${RELATION_COLUMNS} FROM relations r
         WHERE r.source IN (SELECT value FROM json_each(?)) AND r.target IN (SELECT value FROM json_each(?)) AND ${NOT_REJECTED}
         ORDER BY r.sentence_count DESC, r.pk LIMIT ?`,
      )
      .all(ids, ids, OVERVIEW_RELATIONS + 1) as RelationRecord[];
    return this.assembler.assemble(relations.slice(0, OVERVIEW_RELATIONS), overviewOptions(this.name, top, relations.length));
  }

  async subgraph(query: SubgraphQuery): Promise<SubgraphResponse> {
    const centre = this.lookup.resolve(query.entity);
    const filter = sentenceFilter(query);
    const { relations, cut } = neighbourhoodRelations(this.statements, centre, query, filter);
    return this.assembler.assemble(relations, subgraphOptions(this.name, centre, query, relations, cut, filter));
  }

  async evidence(relationIds: readonly string[]): Promise<SubgraphResponse> {
    const wanted = wantedRelations(relationIds);
    const rows = this.statements
      .get<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM json_each(?) j JOIN relations r ON r.id = j.value ORDER BY j.key`)
      .all(JSON.stringify(wanted)) as RelationRecord[];
    return this.assembler.assemble(rows, evidenceOptions(this.name, wanted, rows));
  }

  async search(text: string, limit: number): Promise<SearchResponse> {
    return searchCorpus(this.statements, this.types, text.slice(0, CORPUS_LIMITS.queryTextMax), clamp(limit, 1, CORPUS_LIMITS.searchMax));
  }

  async documents(offset: number, limit: number, window: PublishedWindow = {}): Promise<DocumentsPage> {
    const { where, bounds } = publishedWindow(window);
    const rows = this.statements
      .get<DocumentRow>(`SELECT ${DOCUMENT_SUMMARY_COLUMNS} FROM documents ${where} ORDER BY published_day DESC, pk DESC LIMIT ? OFFSET ?`)
      .all(...bounds, clamp(limit, 1, CORPUS_LIMITS.documentsPageMax), Math.max(0, Math.floor(offset))) as DocumentRow[];
    const total = (this.statements.get<{ n: number }>(`SELECT count(*) AS n FROM documents ${where}`).get(...bounds) as { n: number }).n;
    return { documents: rows.map(summary), total, offset: Math.max(0, Math.floor(offset)) };
  }

  async document(id: string): Promise<SubgraphResponse | undefined> {
    const doc = this.statements.get<{ pk: number; title: string }>('SELECT pk, title FROM documents WHERE id = ?').get(id) as { pk: number; title: string } | undefined;
    if (!doc) return undefined;
    const relations = this.statements
      .get<RelationRecord>(
        `SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.pk IN (SELECT e.relation FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = ?) AND ${NOT_REJECTED}
         ORDER BY r.sentence_count DESC, r.pk`,
      )
      .all(doc.pk) as RelationRecord[];
    const named = (this.statements.get<{ entity: number }>('SELECT DISTINCT entity FROM mentions WHERE document = ?').all(doc.pk) as Array<{ entity: number }>).map((row) => row.entity);
    return this.assembler.assemble(relations, documentOptions(doc, named));
  }

  async timeline(bucket?: TimelineBucket): Promise<TimelineResponse> {
    // Changes when another connection commits; this connection's own writes clear the map instead.
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.timelineVersion) {
      this.timelines.clear();
      this.timelineVersion = version;
    }
    const key = bucket ?? '';
    let answer = this.timelines.get(key);
    if (!answer) {
      answer = corpusTimeline(this.statements, this.types, bucket);
      this.timelines.set(key, answer);
    }
    return answer;
  }

  async applyEdit(edit: Edit | unknown, at?: Date): Promise<StoreEditOutcome> {
    this.timelines.clear();
    return this.editor.applyEdit(edit, at);
  }

  async undo(): Promise<StoreEditOutcome> {
    this.timelines.clear();
    return this.editor.undo();
  }

  async redo(): Promise<StoreEditOutcome> {
    this.timelines.clear();
    return this.editor.redo();
  }

  async history(): Promise<StoredHistory> {
    return this.editor.history();
  }

  async exportAll(): Promise<Dataset> {
    const all = (table: string) => (this.statements.get<{ pk: number }>(`SELECT pk FROM ${table} ORDER BY pk`).all() as Array<{ pk: number }>).map((row) => row.pk);
    const entities = all('entities');
    const { dataset } = new RecordReader(this.statements, this.types).load({ relations: all('relations'), entities, mentionDocuments: all('documents'), fullMentions: entities });
    const title = (this.statements.get<{ value: string }>("SELECT value FROM meta WHERE key = 'title'").get() as { value: string } | undefined)?.value;
    // Without the store's edit history: its snapshots are of the few records each edit loaded, in the order it loaded
    // them, which the app's undo (by position in the whole lists) cannot replay. The store's undo is `serve`'s /api/undo.
    return { ...dataset, ...(title === undefined ? {} : { title }) };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
