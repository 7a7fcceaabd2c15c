/**
 * Answers as datasets (SQLite)
 * ============================
 *
 * shared/answer.ts's steps (read its header: sentences per relation, whole
 * articles, mentions inside the sent sentences, corpus attributes, reporting
 * days, reviews, declarations, the byte budget), with the rows between them
 * read here from SQLite, synchronously. Lists of keys go in as JSON arrays
 * (`IN (SELECT value FROM json_each(?))`).
 */

import type { SubgraphResponse } from '../../model/corpusApi.ts';
import {
  answerFromRows,
  candidateEvidenceSql,
  candidatesPerRelation,
  DOCUMENT_COLUMNS,
  documentsToRead,
  ENTITY_COLUMNS,
  entitiesToRead,
  evidenceByRelation,
  fitBudget,
  mentionsByEntity,
  mentionSentences,
  pickEvidence,
  type AssembleOptions,
  type DocumentRecord,
  type EntityRecord,
  type EvidenceRecord,
  type MentionRecord,
  type RelationRecord,
} from '../shared/answer.ts';
import type { Connection } from './connection.ts';
import { StoredTypes } from './declaredTypes.ts';
import { reportedSpells } from './reportingDays.ts';
import { sourceCounts } from './sourceCounts.ts';
import { StatementCache } from './statements.ts';


const IN_JSON = 'IN (SELECT value FROM json_each(?))';

export class Assembler {
  private readonly statements: StatementCache;
  private readonly types: StoredTypes;

  /** `types`: the store's own (one cache of the declarations per connection); a new one when not given. */
  constructor(db: Connection, types?: StoredTypes) {
    this.statements = new StatementCache(db);
    this.types = types ?? new StoredTypes(this.statements);
  }

  private byPk<T extends { pk: number }>(sql: string, pks: Iterable<number>): Map<number, T> {
    const rows = this.statements.get<T>(sql).all(JSON.stringify([...pks])) as T[];
    return new Map(rows.map((row) => [row.pk, row]));
  }

  /** The answer for these relations, best first; see shared/answer.ts. */
  assemble(relations: readonly RelationRecord[], options: AssembleOptions): SubgraphResponse {
    const relationPks = relations.map((r) => r.pk);
    const reported = reportedSpells(this.statements, relationPks);
    // Each relation's first sentences (that pass the filter) in one statement: one per relation costs ten times more on a large answer.
    const candidates = this.statements
      .get<EvidenceRecord>(candidateEvidenceSql(IN_JSON, options.filter))
      .all(JSON.stringify(relationPks), ...(options.filter?.params ?? []), candidatesPerRelation(options)) as EvidenceRecord[];
    const picks = pickEvidence(relations, evidenceByRelation(candidates), options.evidencePerRelation);
    const documentRows = this.byPk<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE pk ${IN_JSON}`, documentsToRead(picks, options));
    const entityRows = this.byPk<EntityRecord>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE pk ${IN_JSON}`, entitiesToRead(relations, options));
    const fitted = fitBudget(relations, picks, documentRows, entityRows, reported, options);
    return answerFromRows(
      {
        relations,
        picks,
        fitted,
        documentRows,
        entityRows,
        reported,
        texts: this.byPk<{ pk: number; text: string }>(`SELECT pk, text FROM documents WHERE pk ${IN_JSON}`, fitted.documents),
        mentions: mentionsByEntity(this.mentionRows(mentionSentences(fitted, picks, options.allMentionsIn), options.allMentionsIn), fitted.entities),
        sources: sourceCounts(
          this.statements,
          fitted.sent.map((r) => r.pk),
        ),
        declarations: (relationTypes, entityTypes) => this.types.forAnswer(relationTypes, entityTypes),
      },
      options,
    );
  }

  /** Mentions inside these sentences and, for an article view, anywhere in that article. */
  private mentionRows(sentences: ReadonlySet<number>, wholeDocument: number | undefined): MentionRecord[] {
    const rows: MentionRecord[] = [];
    if (sentences.size > 0)
      rows.push(
        ...(this.statements
          .get<MentionRecord>(
            `SELECT m.document, m.start, m."end", m.entity FROM json_each(?) j
             JOIN sentences s ON s.pk = j.value
             JOIN mentions m ON m.document = s.document AND m.start >= s.start AND m.start < s."end"
             WHERE m."end" <= s."end"`,
          )
          .all(JSON.stringify([...sentences])) as MentionRecord[]),
      );
    if (wholeDocument !== undefined) rows.push(...(this.statements.get<MentionRecord>('SELECT document, start, "end", entity FROM mentions WHERE document = ?').all(wholeDocument) as MentionRecord[]));
    return rows;
  }
}
