/**
 * Answers as datasets (PostgreSQL)
 * ================================
 *
 * shared/answer.ts's steps (read its header), with the rows between them
 * read here over `Sql`, one awaited statement at a time. Lists of keys go in
 * as arrays (`= ANY(?)`).
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
import { forAnswer, type TypesNow } from './declaredTypes.ts';
import { reportedSpells } from './reportingDays.ts';
import { sourceCounts } from './sourceCounts.ts';
import type { Sql } from './sql.ts';

const ANY_KEY = '= ANY(?::bigint[])';

export class PgAssembler {
  /** `types`: the corpus's declared types now (the store's cached copy). */
  constructor(
    private readonly sql: Sql,
    private readonly types: () => Promise<TypesNow>,
  ) {}

  private async byPk<T extends { pk: number }>(sql: string, pks: Iterable<number>): Promise<Map<number, T>> {
    const rows = await this.sql.rows<T>(sql, [...pks]);
    return new Map(rows.map((row) => [row.pk, row]));
  }

  /** The answer for these relations, best first; see shared/answer.ts. */
  async assemble(relations: readonly RelationRecord[], options: AssembleOptions): Promise<SubgraphResponse> {
    const relationPks = relations.map((r) => r.pk);
    const reported = await reportedSpells(this.sql, relationPks);
    const candidates = await this.sql.rows<EvidenceRecord>(candidateEvidenceSql(ANY_KEY, options.filter), relationPks, ...(options.filter?.params ?? []), candidatesPerRelation(options));
    const picks = pickEvidence(relations, evidenceByRelation(candidates), options.evidencePerRelation);
    const documentRows = await this.byPk<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE pk ${ANY_KEY}`, documentsToRead(picks, options));
    const entityRows = await this.byPk<EntityRecord>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE pk ${ANY_KEY}`, entitiesToRead(relations, options));
    const fitted = fitBudget(relations, picks, documentRows, entityRows, reported, options);
    const types = await this.types();
    return answerFromRows(
      {
        relations,
        picks,
        fitted,
        documentRows,
        entityRows,
        reported,
        texts: await this.byPk<{ pk: number; text: string }>(`SELECT pk, text FROM documents WHERE pk ${ANY_KEY}`, fitted.documents),
        mentions: mentionsByEntity(await this.mentionRows(mentionSentences(fitted, picks, options.allMentionsIn), options.allMentionsIn), fitted.entities),
        sources: await sourceCounts(
          this.sql,
          fitted.sent.map((r) => r.pk),
        ),
        declarations: (relationTypes, entityTypes) => forAnswer(types, relationTypes, entityTypes),
      },
      options,
    );
  }

  /** Mentions inside these sentences and, for an article view, anywhere in that article. */
  private async mentionRows(sentences: ReadonlySet<number>, wholeDocument: number | undefined): Promise<MentionRecord[]> {
    const rows: MentionRecord[] = [];
    if (sentences.size > 0)
      rows.push(
        ...(await this.sql.rows<MentionRecord>(
          `SELECT m.document, m.start, m."end", m.entity FROM sentences s
           JOIN mentions m ON m.document = s.document AND m.start >= s.start AND m.start < s."end"
           WHERE s.pk ${ANY_KEY} AND m."end" <= s."end"`,
          [...sentences],
        )),
      );
    if (wholeDocument !== undefined) rows.push(...(await this.sql.rows<MentionRecord>('SELECT document, start, "end", entity FROM mentions WHERE document = ?', wholeDocument)));
    return rows;
  }
}
