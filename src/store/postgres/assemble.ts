/**
 * Answers as datasets (PostgreSQL)
 * ================================
 *
 * shared/answer.ts's steps (read its header), with the rows between them
 * read here over `Sql` (reads that do not depend on each other at once). Lists of keys go in
 * as arrays (`= ANY(?)`).
 */

import type { SubgraphResponse } from '../../model/corpusApi.ts';
import {
  answerFromRows,
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

/**
 * The first sentences of each relation (shared/answer.ts `candidateEvidenceSql`'s rows), read per relation off
 * the evidence key in order and stopped at the count: a relation stated in thousands of articles costs what one
 * stated in ten does (the shared form ranks all of a relation's sentences first).
 */
function candidateEvidence(filter: AssembleOptions['filter']): string {
  return `SELECT c.* FROM unnest(?::bigint[]) AS x (pk) CROSS JOIN LATERAL (
            SELECT e.relation, e.sentence, e.note, e.event_date, e.event_start, e.event_end, s.document, s.start, s."end"
            FROM evidence e JOIN sentences s ON s.pk = e.sentence ${filter ? 'JOIN documents d ON d.pk = s.document' : ''}
            WHERE e.relation = x.pk ${filter ? `AND (${filter.sql})` : ''}
            ORDER BY e.sentence LIMIT ?) c`;
}

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
    // Reads that do not depend on each other go out together: the pool has connections to spare, and a
    // small answer's time is mostly round trips.
    const [reported, candidates, entityRows, types] = await Promise.all([
      reportedSpells(this.sql, relationPks),
      this.sql.rows<EvidenceRecord>(candidateEvidence(options.filter), relationPks, ...(options.filter?.params ?? []), candidatesPerRelation(options)),
      this.byPk<EntityRecord>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE pk ${ANY_KEY}`, entitiesToRead(relations, options)),
      this.types(),
    ]);
    const picks = pickEvidence(relations, evidenceByRelation(candidates), options.evidencePerRelation);
    const documentRows = await this.byPk<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE pk ${ANY_KEY}`, documentsToRead(picks, options));
    const fitted = fitBudget(relations, picks, documentRows, entityRows, reported, options);
    const [texts, mentionRows, sources] = await Promise.all([
      this.byPk<{ pk: number; text: string }>(`SELECT pk, text FROM documents WHERE pk ${ANY_KEY}`, fitted.documents),
      this.mentionRows(mentionSentences(fitted, picks, options.allMentionsIn), options.allMentionsIn),
      sourceCounts(
        this.sql,
        fitted.sent.map((r) => r.pk),
      ),
    ]);
    return answerFromRows(
      {
        relations,
        picks,
        fitted,
        documentRows,
        entityRows,
        reported,
        texts,
        mentions: mentionsByEntity(mentionRows, fitted.entities),
        sources,
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
