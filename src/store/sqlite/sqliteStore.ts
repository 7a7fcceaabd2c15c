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
  CORPUS_API_VERSION,
  CORPUS_LIMITS,
  type CorpusInfo,
  type CorpusTypes,
  type DocumentsPage,
  type DocumentSummary,
  type PublishedWindow,
  type SearchResponse,
  type SubgraphQuery,
  type SubgraphResponse,
  type TimelineResponse,
} from '../../model/corpusApi.ts';
import { quoteText } from '../../model/errors.ts';
import type { Dataset, Edit } from '../../model/schema.ts';
import type { TimelineBucket } from '../../model/timeline.ts';
import type { AddReport, CorpusStore, StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import { CorpusEditor } from './corpusEdits.ts';
import { RecordReader } from './records.ts';
import { CorpusQueryError } from '../errors.ts';
import { Assembler, RELATION_COLUMNS, type RelationRecord } from './assemble.ts';
import { openConnection, type Connection, type OpenOptions } from './connection.ts';
import { EntityLookup } from './entityLookup.ts';
import { neighbourhoodRelations, sentenceFilter } from './neighbourhood.ts';
import { NOT_REJECTED } from './reviewColumns.ts';
import { searchCorpus } from './search.ts';
import { StatementCache } from './statements.ts';
import { corpusTimeline } from './timeline.ts';
import { StoredTypes } from './declaredTypes.ts';
import { contentHash, CorpusWriter, type WriteResult } from './write.ts';

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
    const row = this.statements
      .get<{ title: string | null; documents: number; entities: number; relations: number; sentences: number; first: string | null; last: string | null }>(
        `SELECT (SELECT value FROM meta WHERE key = 'title') AS title,
           (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities,
           (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM sentences) AS sentences,
           (SELECT min(published_day) FROM documents) AS first, (SELECT max(published_day) FROM documents) AS last`,
      )
      .get()!;
    const info: CorpusInfo = {
      api: CORPUS_API_VERSION,
      // A title set in the corpus (meta), else the file's name without its extension.
      title: row.title ?? (this.name.replace(/\.[^.]+$/, '') || this.name),
      documents: row.documents,
      entities: row.entities,
      relations: row.relations,
      sentences: row.sentences,
    };
    if (row.first !== null) info.firstPublished = row.first;
    if (row.last !== null) info.lastPublished = row.last;
    const { relationTypes, entityTypes } = this.types.current().declared;
    if (relationTypes.length > 0) info.relationTypes = relationTypes;
    if (entityTypes.length > 0) info.entityTypes = entityTypes;
    return info;
  }

  async declaredTypes(): Promise<CorpusTypes> {
    return this.types.current().declared;
  }

  async overview(limit: number): Promise<SubgraphResponse> {
    const wanted = clamp(limit, 1, CORPUS_LIMITS.overviewMax);
    const top = (this.statements.get<{ pk: number }>('SELECT pk FROM entities ORDER BY degree DESC, pk LIMIT ?').all(wanted) as Array<{ pk: number }>).map((row) => row.pk);
    const ids = JSON.stringify(top);
    const max = CORPUS_LIMITS.relationsDefault;
    const relations = this.statements
      .get<RelationRecord>(
        `SELECT ${RELATION_COLUMNS} FROM relations r
         WHERE r.source IN (SELECT value FROM json_each(?)) AND r.target IN (SELECT value FROM json_each(?)) AND ${NOT_REJECTED}
         ORDER BY r.sentence_count DESC, r.pk LIMIT ?`,
      )
      .all(ids, ids, max + 1) as RelationRecord[];
    return this.assembler.assemble(relations.slice(0, max), {
      title: `${this.name}: the ${count(top.length)} most-connected entities`,
      evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
      entities: top,
      truncatedNote: relations.length > max ? `only the ${count(max)} best-supported relations among them are shown` : undefined,
    });
  }

  async subgraph(query: SubgraphQuery): Promise<SubgraphResponse> {
    const centre = this.lookup.resolve(query.entity);
    const filter = sentenceFilter(query);
    const { relations, cut } = neighbourhoodRelations(this.statements, centre, query, filter);
    const filters = [
      query.types && `types ${query.types.join(', ')}`,
      query.since && `since ${query.since}`,
      query.until && `until ${query.until}`,
      query.text && `text “${query.text}”`,
      query.minOutlets !== undefined && query.minOutlets > 1 && `at least ${query.minOutlets} outlets`,
    ].filter(Boolean);
    return this.assembler.assemble(relations, {
      title: `${this.name}: ${centre.label}, ${query.hops === 1 ? '1 hop' : '2 hops'}${filters.length ? ` (${filters.join('; ')})` : ''}`,
      evidencePerRelation: CORPUS_LIMITS.evidencePerRelation,
      filter,
      entities: [centre.pk],
      truncatedNote: cut ? `only the ${count(relations.length)} best-supported relations are shown; more match (raise the limit up to ${count(CORPUS_LIMITS.relationsMax)}, or narrow by types, dates or text)` : undefined,
    });
  }

  async evidence(relationIds: readonly string[]): Promise<SubgraphResponse> {
    const wanted = [...new Set(relationIds)].slice(0, CORPUS_LIMITS.evidenceRelationsMax);
    const rows = this.statements
      .get<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM json_each(?) j JOIN relations r ON r.id = j.value ORDER BY j.key`)
      .all(JSON.stringify(wanted)) as RelationRecord[];
    if (rows.length < wanted.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = wanted.filter((id) => !found.has(id));
      throw new CorpusQueryError(
        'unknown-relation',
        `no relation ${missing.slice(0, 3).map((id) => quoteText(id, 60)).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''} in ${this.name}. Fix: use relation ids from an answer of this corpus`,
      );
    }
    return this.assembler.assemble(rows, {
      title: `${this.name}: ${rows.length === 1 ? 'a relation' : `${count(rows.length)} relations`} and their sentences`,
      evidencePerRelation: CORPUS_LIMITS.evidenceMax,
    });
  }

  async search(text: string, limit: number): Promise<SearchResponse> {
    return searchCorpus(this.statements, this.types, text.slice(0, CORPUS_LIMITS.queryTextMax), clamp(limit, 1, CORPUS_LIMITS.searchMax));
  }

  async documents(offset: number, limit: number, window: PublishedWindow = {}): Promise<DocumentsPage> {
    // An open end is the widest day: one statement serves every window (published_day is YYYY-MM-DD text).
    const windowed = window.since !== undefined || window.until !== undefined;
    const where = windowed ? 'WHERE published_day BETWEEN ? AND ?' : '';
    const bounds = windowed ? [window.since ?? '0000-01-01', window.until ?? '9999-12-31'] : [];
    const rows = this.statements
      .get<DocumentRow>(`SELECT pk, id, title, source, url, published, ingested_at, relation_count FROM documents ${where} ORDER BY published_day DESC, pk DESC LIMIT ? OFFSET ?`)
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
    return this.assembler.assemble(relations, {
      title: doc.title,
      evidencePerRelation: CORPUS_LIMITS.evidenceMax,
      filter: { sql: 's.document = ?', params: [doc.pk] },
      entities: named,
      allMentionsIn: doc.pk,
    });
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
