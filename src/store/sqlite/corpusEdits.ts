/**
 * Editing the stored corpus (SQLite)
 * ==================================
 *
 * shared/editHistory.ts's edits, undo and redo (read its header: what an
 * edit loads, the app's pure edit functions on those records, undo and redo
 * refused when the records are no longer as the entry left them), with the
 * reads and writes here, each edit, undo or redo in one IMMEDIATE
 * transaction: all of it or none.
 */

import { applyEdit as applyPureEdit } from '../../model/review/index.ts';
import type { Edit } from '../../model/schema.ts';
import { typeCatalog, type TypeCatalog } from '../../model/typeCatalog.ts';
import type { StoredHistory, StoreEditOutcome } from '../corpusStore.ts';
import { editTargets, historyValues, loadsRelationsAmong, parseEdit, stepChanges, stepEntry, stepEntrySql, stepTargets, type Direction, type HistoryRow, type StoredChange } from '../shared/editHistory.ts';
import type { Connection } from './connection.ts';
import type { StoredTypes } from './declaredTypes.ts';
import { RecordReader } from './records.ts';
import { type LoadedRecords, type RecordScope } from '../shared/records.ts';
import { EditRefusedError } from '../shared/editHistory.ts';
import { RecordWriter } from './recordWriter.ts';
import type { StatementCache } from './statements.ts';

export class CorpusEditor {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: Connection,
    private readonly statements: StatementCache,
    private readonly types: StoredTypes,
  ) {
    this.reader = new RecordReader(statements, types);
  }

  private catalog(): TypeCatalog {
    return typeCatalog(this.types.current().declared);
  }

  /** Applies `edit` to the stored corpus (see the header). */
  applyEdit(input: unknown, at: Date = new Date()): StoreEditOutcome {
    const parsed = parseEdit(input);
    if ('refused' in parsed) return parsed.refused;
    const { edit } = parsed;
    return this.transaction(() => {
      const loaded = this.reader.load(this.scope(edit));
      const outcome = applyPureEdit({ ...loaded.dataset, history: { entries: [], position: 0 } }, edit, at);
      if (!outcome.ok) return outcome;
      this.write(loaded, outcome.entry.changes.map((c) => ({ ...c }) as StoredChange));
      this.statements.get('DELETE FROM edit_history WHERE applied = 0').run();
      this.statements.get('INSERT INTO edit_history (at, edit, label, changes, applied) VALUES (?, ?, ?, ?, 1)').run(...historyValues(outcome.entry));
      return { ok: true, label: outcome.entry.label };
    });
  }

  undo(): StoreEditOutcome {
    return this.step('undo');
  }

  redo(): StoreEditOutcome {
    return this.step('redo');
  }

  history(): StoredHistory {
    const rows = this.statements.get<{ label: string; at: string; applied: number }>('SELECT label, at, applied FROM edit_history ORDER BY seq').all() as Array<{ label: string; at: string; applied: number }>;
    const entries = rows.map((row) => ({ label: row.label, at: row.at, applied: row.applied === 1 }));
    return { entries, position: entries.filter((e) => e.applied).length };
  }

  // SQLite's transaction is synchronous and single-writer (IMMEDIATE): no retry, no lock of our own; PostgreSQL's differs (its corpusEdits.ts).
  private transaction(body: () => StoreEditOutcome): StoreEditOutcome {
    try {
      return this.db.transaction(body).immediate();
    } catch (error) {
      if (error instanceof EditRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private write(loaded: LoadedRecords, changes: readonly StoredChange[]): void {
    new RecordWriter(this.statements, this.catalog(), loaded).write(changes);
  }

  /** The records an edit can touch (shared/editHistory.ts `editTargets`). */
  private scope(edit: Edit): RecordScope {
    const { entityIds, relationIds, documentIds, full, touching, like, named } = editTargets(edit);
    if (like !== undefined) (like.table === 'relations' ? relationIds : entityIds).push(...this.reader.idsLike(like.table, like.id));
    if (named !== undefined) entityIds.push(...this.reader.idsNamed(named));
    const entityPk = this.reader.pks('entities', [...entityIds, ...full]);
    const relationPks = [...this.reader.pks('relations', relationIds).values()];
    const involved = new Set([...entityPk.values(), ...this.reader.relationEnds(relationPks)]);
    const touchingPks = touching.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : []));
    const moved = this.reader.relationsTouching(touchingPks);
    for (const pk of this.reader.relationEnds(moved)) involved.add(pk);
    const among = loadsRelationsAmong(edit, relationPks.length, moved.length) ? this.reader.relationsTouching(involved, true) : [];
    return {
      relations: [...relationPks, ...moved, ...among],
      entities: involved,
      mentionDocuments: this.reader.pks('documents', documentIds).values(),
      fullMentions: full.flatMap((id) => (entityPk.has(id) ? [entityPk.get(id)!] : [])),
    };
  }

  private step(direction: Direction): StoreEditOutcome {
    return this.transaction(() => {
      const found = stepEntry(this.statements.get<HistoryRow>(stepEntrySql(direction)).get() as HistoryRow | undefined, direction);
      if ('refused' in found) return found.refused;
      const { entry } = found;
      const targets = stepTargets(entry);
      const loaded = this.reader.load({
        relations: this.reader.pks('relations', targets.relationIds).values(),
        entities: this.reader.pks('entities', targets.entityIds).values(),
        mentionDocuments: this.reader.pks('documents', targets.documentIds).values(),
      });
      const step = stepChanges(entry, loaded.dataset, this.catalog(), direction);
      if ('refused' in step) return step.refused;
      this.write(loaded, step.changes);
      this.statements.get('UPDATE edit_history SET applied = ? WHERE seq = ?').run(direction === 'undo' ? 0 : 1, found.seq);
      return { ok: true, label: entry.label };
    });
  }
}
