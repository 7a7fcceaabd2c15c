/**
 * Opening a corpus file
 * =====================
 *
 * Turns a path into an open, migrated SQLite connection, or into one clear
 * line: no file there (when only reading), a folder, a file that is not
 * SQLite, another program's SQLite database, a corpus from a newer
 * newsgraph. The file is identified before anything is written to it: a
 * database that is not ours is never migrated or switched to WAL.
 *
 * Settings: WAL journal (readers keep reading while ingest writes; a kill
 * mid-write leaves the last committed state), synchronous NORMAL (durable at
 * checkpoints, safe against corruption: the WAL default), foreign keys on, and
 * a busy timeout so a reader and a writer wait for each other instead of
 * failing.
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CorpusFileError, CorpusVersionError, NoCorpusError, NotACorpusError } from '../errors.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';
import { registerOutletKey } from './sourceCounts.ts';

export type Connection = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';
const BUSY_TIMEOUT_MS = 10_000;

/** The file's first bytes, to tell SQLite from anything else without letting SQLite touch it. */
function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function fileProblem(path: string, error: unknown): CorpusFileError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new CorpusFileError(path, 'permission denied', 'give --db a file you may read and write');
  if (code === 'ENOTDIR') return new CorpusFileError(path, 'a part of this path is a file, not a folder', 'give --db a path inside an existing folder');
  if (code === 'ENOENT') return new CorpusFileError(path, `the folder ${dirname(path)} does not exist`, 'create the folder first, or give --db a path inside an existing folder');
  return undefined;
}

/** Whether the path is there (a file); throws for a folder or an unreadable path. */
function existingFile(path: string): { exists: boolean; empty: boolean } {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, empty: true };
    throw fileProblem(path, error) ?? error;
  }
  if (info.isDirectory()) throw new CorpusFileError(path, 'this is a folder, not a corpus file', 'give --db the path of a file, e.g. corpus.db');
  if (!info.isFile()) throw new CorpusFileError(path, 'this is not a regular file', 'give --db the path of a file, e.g. corpus.db');
  return { exists: true, empty: info.size === 0 };
}

function tableNames(db: Connection): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
}

function listTables(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** Applies the migrations the file lacks, each in its own transaction; the version is re-read under the write lock (two processes may open at once). */
function migrate(db: Connection, file: string): void {
  for (;;) {
    const step = db
      .transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version > SCHEMA_VERSION) throw new CorpusVersionError(file, version, SCHEMA_VERSION);
        if (version === SCHEMA_VERSION) return false;
        if (version === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
        const migration = MIGRATIONS[version]!;
        if (typeof migration === 'string') db.exec(migration);
        else {
          db.exec(migration.sql);
          migration.backfill?.(db);
        }
        // Foreign keys are off while a step rebuilds a table (SQLite's documented way); checked here instead.
        const broken = db.pragma('foreign_key_check') as Array<{ table: string }>;
        if (broken.length > 0) throw new Error(`schema migration ${version + 1} of ${file} left ${broken.length} rows of ${broken[0]!.table} pointing nowhere; nothing was changed`);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!step) return;
  }
}

export interface OpenOptions {
  /** Create the file (or a new corpus in an empty file) when there is none; otherwise a missing file is `NoCorpusError`. */
  create: boolean;
}

/** An open, migrated connection to the corpus at `path`; see the header for what is refused. */
export function openConnection(path: string, options: OpenOptions): Connection {
  // Messages name the file as the user wrote it.
  const name = path;
  const { exists, empty } = existingFile(path);
  if (!exists && !options.create) throw new NoCorpusError(path);
  if (!exists) {
    try {
      if (!statSync(dirname(path)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw fileProblem(path, error) ?? error;
    }
  }
  if (exists && !empty) {
    let header: string;
    try {
      header = readHeader(path);
    } catch (error) {
      throw fileProblem(path, error) ?? error;
    }
    if (header !== SQLITE_HEADER) throw new NotACorpusError(name, 'it is not a SQLite database');
  }
  if (exists && empty && !options.create) throw new NotACorpusError(name, 'it is an empty file');

  let db: Connection;
  try {
    db = new Database(path, { fileMustExist: !options.create });
  } catch (error) {
    throw fileProblem(path, error) ?? new CorpusFileError(path, `cannot open it (${(error as Error).message})`, 'check the path, and that you may write in its folder');
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      const tables = tableNames(db);
      if (applicationId !== 0 || tables.length > 0) {
        throw new NotACorpusError(name, tables.length > 0 ? `it is a SQLite database with the tables ${listTables(tables)}` : 'it is a SQLite database of another program');
      }
      if (!options.create) throw new NotACorpusError(name, 'it is an empty SQLite database');
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new CorpusVersionError(name, version, SCHEMA_VERSION);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Off while migrating (a step may rebuild a table that others point to), on for everything else.
    db.pragma('foreign_keys = OFF');
    migrate(db, name);
    db.pragma('foreign_keys = ON');
    registerOutletKey(db);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new NotACorpusError(name, 'it is not a SQLite database, or it is encrypted or damaged');
    throw error;
  }
}
