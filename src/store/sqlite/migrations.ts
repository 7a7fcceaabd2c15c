/**
 * The corpus schema, as migrations
 * ================================
 *
 * `MIGRATIONS[i]` takes a corpus from schema version `i` to `i + 1` (held in
 * `PRAGMA user_version`); each runs in its own transaction with the version
 * bump, so a corpus is always at one whole version. Append new steps; never
 * edit a released one. `PRAGMA application_id` marks the file as a
 * newsgraph corpus, so another program's SQLite database is never mistaken
 * for one (or written to).
 *
 * Layout, and why:
 *  - integer keys (`pk`) join the tables; the public ids (`id`) are the
 *    dataset's ids, unique, and never used as object keys without a Map;
 *  - a sentence is stored once (`sentences`, with its text for full-text
 *    search) however many relations it supports; `evidence` links a
 *    relation to a sentence. Offsets are the dataset's: UTF-16 code units,
 *    `documents.text.slice(start, end)` is exactly `sentences.text`;
 *  - `relations` is unique on (source, target, type, negated), the ends of
 *    a symmetric type in ascending `pk` order: the relation key merge.ts
 *    merges by; `relations_from` and `relations_to` list an entity's
 *    relations best supported first, so a neighbourhood's top N is read
 *    off two indexes without sorting a hub's thousands;
 *  - counters kept on write (`entities.degree`, `relations.sentence_count`,
 *    `documents.relation_count`) so the overview and the limits need no
 *    aggregate over millions of rows;
 *  - `documents.published_day` (YYYY-MM-DD as written) for date windows.
 *
 * Version 2 (time and sources, see upgrade2.ts for the data it backfills):
 *  - `evidence.event_date/event_start/event_end`: when the sentence says the
 *    event happened (schema.ts `Evidence.event`), kept as given;
 *  - `relation_days (relation, day)`: every day a relation was reported on,
 *    as day numbers (days since 1970-01-01, model/days.ts), from its
 *    articles' `published_day` and from the `reported` spells a dataset
 *    declares; written on add, so a relation's reporting days and the
 *    timeline need no join over evidence;
 *  - wire copies (model/wireCopies.ts): each document's MinHash `signature`
 *    (64 × uint32, little-endian BLOB), its band keys in `document_bands`
 *    (band → documents, so a new article's candidate copies are one index
 *    lookup), and `copy_of`, the pk of its copy group's original (NULL for an
 *    original). `documents` is rebuilt for this rather than given the columns
 *    by ALTER TABLE, which would put them after `text` and make reading them
 *    walk every long article's overflow pages.
 *
 * Version 3 (a dataset's own types, schema.ts `relationTypes`/`entityTypes`):
 *  - `relation_types` and `entity_types` hold each declared type as the
 *    dataset gave it (a missing colour or negated label stays NULL: the type
 *    catalog supplies it on the way out, declaredTypes.ts), in the order
 *    first declared (`pk`); the first declaration of an id wins
 *    (typeDeclarationWriter.ts). A version-2 corpus holds built-in types
 *    only, so there is nothing to backfill.
 *
 * Version 4 (review and correction, schema.ts `Relation.review`, `History`):
 *  - `relations.review_status` (NULL: not reviewed), `review_reason`, and
 *    `review_proposed` (the claim before the first correction, as JSON;
 *    its ends are entity ids as they were, which may no longer exist). The
 *    status is a column of its own so the graph queries leave rejected
 *    relations out without parsing JSON;
 *  - `edit_history`: the corpus's edits, oldest first (`seq`), each with its
 *    edit, label, time and record changes (JSON, schema.ts
 *    `HistoryEntry`); `applied` = 1 for the first `position` entries, 0 for
 *    those undone (redo takes the first of them), so undo and redo survive
 *    reopening the file. A version-3 corpus has no review: nothing to backfill.
 */

import type Database from 'better-sqlite3';
import { upgradeToVersion2 } from './upgrade2.ts';

/** A step of SQL, then (optionally) data the SQL alone cannot compute, written by JavaScript in the same transaction. */
export interface Migration {
  readonly sql: string;
  readonly backfill?: (db: Database.Database) => void;
}

/** "ngrc": marks a newsgraph corpus in the SQLite header. */
export const APPLICATION_ID = 0x6e677263;

export const MIGRATIONS: ReadonlyArray<string | Migration> = [
  // 1: the first schema.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE documents (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    url TEXT,
    source TEXT,
    published TEXT,
    published_day TEXT,
    ingested_at TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    relation_count INTEGER NOT NULL DEFAULT 0,
    -- Bytes of the text as a JSON string (UTF-8, escapes counted): what sending it costs, known before reading it.
    text_json_bytes INTEGER NOT NULL,
    -- Last: reading the columns before it never walks the article's overflow pages.
    text TEXT NOT NULL
  );
  CREATE INDEX documents_by_day ON documents (published_day);

  CREATE TABLE entities (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    identity TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    external_ids TEXT NOT NULL DEFAULT '{}',
    attributes TEXT,
    degree INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_by_degree ON entities (degree DESC, pk);

  -- Every name (label and aliases) of an entity, normalised (identity.ts normaliseName): lookup by name, search by prefix.
  CREATE TABLE entity_names (
    name TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities (pk),
    PRIMARY KEY (name, entity)
  ) WITHOUT ROWID;

  CREATE TABLE mentions (
    document INTEGER NOT NULL REFERENCES documents (pk),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities (pk),
    PRIMARY KEY (document, start, "end", entity)
  ) WITHOUT ROWID;

  CREATE TABLE relations (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    source INTEGER NOT NULL REFERENCES entities (pk),
    target INTEGER NOT NULL REFERENCES entities (pk),
    negated INTEGER NOT NULL,
    hedged INTEGER,
    attributed_to INTEGER REFERENCES entities (pk),
    attributes TEXT,
    sentence_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source, target, type, negated)
  );
  -- A neighbourhood's best-supported relations first, read straight off an index from either end.
  CREATE INDEX relations_from ON relations (source, sentence_count DESC);
  CREATE INDEX relations_to ON relations (target, sentence_count DESC);

  CREATE TABLE sentences (
    pk INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (pk),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (document, start, "end")
  );

  CREATE TABLE evidence (
    relation INTEGER NOT NULL REFERENCES relations (pk),
    sentence INTEGER NOT NULL REFERENCES sentences (pk),
    note TEXT,
    PRIMARY KEY (relation, sentence)
  ) WITHOUT ROWID;
  CREATE INDEX evidence_by_sentence ON evidence (sentence);

  CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'pk', tokenize = 'unicode61 remove_diacritics 2');
  `,
  // 2: event dates, reporting days, wire copies (see the header). Runs with foreign keys off (connection.ts), checked before commit.
  {
    sql: `
    CREATE TABLE documents_v2 (
      pk INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      url TEXT,
      source TEXT,
      published TEXT,
      published_day TEXT,
      ingested_at TEXT NOT NULL,
      content_hash TEXT NOT NULL UNIQUE,
      relation_count INTEGER NOT NULL DEFAULT 0,
      text_json_bytes INTEGER NOT NULL,
      -- The original of this document's wire-copy group; NULL for an original (and for a text with no copy).
      copy_of INTEGER REFERENCES documents (pk),
      -- MinHash signature, NULL for an empty text.
      signature BLOB,
      text TEXT NOT NULL
    );
    INSERT INTO documents_v2 (pk, id, title, url, source, published, published_day, ingested_at, content_hash, relation_count, text_json_bytes, text)
      SELECT pk, id, title, url, source, published, published_day, ingested_at, content_hash, relation_count, text_json_bytes, text FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_v2 RENAME TO documents;
    CREATE INDEX documents_by_day ON documents (published_day);
    CREATE INDEX documents_by_copy ON documents (copy_of) WHERE copy_of IS NOT NULL;

    CREATE TABLE document_bands (
      band TEXT NOT NULL,
      document INTEGER NOT NULL REFERENCES documents (pk),
      PRIMARY KEY (band, document)
    ) WITHOUT ROWID;

    ALTER TABLE evidence ADD COLUMN event_date TEXT;
    ALTER TABLE evidence ADD COLUMN event_start INTEGER;
    ALTER TABLE evidence ADD COLUMN event_end INTEGER;

    CREATE TABLE relation_days (
      relation INTEGER NOT NULL REFERENCES relations (pk),
      day INTEGER NOT NULL,
      PRIMARY KEY (relation, day)
    ) WITHOUT ROWID;
    `,
    backfill: upgradeToVersion2,
  },
  // 3: declared relation and entity types (see the header).
  `
  CREATE TABLE relation_types (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    negated_label TEXT,
    directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
    color TEXT,
    description TEXT
  );
  CREATE TABLE entity_types (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    color TEXT,
    description TEXT
  );
  `,
  // 4: reviews and the edit history (see the header).
  `
  ALTER TABLE relations ADD COLUMN review_status TEXT CHECK (review_status IN ('accepted', 'rejected', 'corrected', 'added'));
  ALTER TABLE relations ADD COLUMN review_reason TEXT;
  ALTER TABLE relations ADD COLUMN review_proposed TEXT;
  CREATE TABLE edit_history (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    edit TEXT NOT NULL,
    label TEXT NOT NULL,
    changes TEXT NOT NULL,
    applied INTEGER NOT NULL CHECK (applied IN (0, 1))
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
