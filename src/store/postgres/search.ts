/**
 * Searching the corpus (PostgreSQL)
 * =================================
 *
 * sqlite/search.ts's two answers (its header): entities by label or alias
 * (exact name, then names starting with the words, then containing them;
 * best connected first), and sentences by their words — here PostgreSQL's
 * text search (textSearch.ts says how it matches), best `ts_rank` first
 * among the latest two thousand matches, the last word a prefix.
 */

import type { EntityHit, EvidenceHit, SearchResponse } from '../../model/corpusApi.ts';
import type { EntityTypeId } from '../../model/entityTypes.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import { normaliseName } from '../identity.ts';
import { parseStringList } from '../shared/rows.ts';
import { currentTypes, forAnswer } from './declaredTypes.ts';
import type { Sql } from './sql.ts';
import { textQuery } from './textSearch.ts';

const RANKED = 2_000;

export async function searchCorpus(sql: Sql, text: string, limit: number): Promise<SearchResponse> {
  const key = normaliseName(text);
  const entities: EntityHit[] =
    key === ''
      ? []
      : (
          await sql.rows<{ id: string; label: string; type: EntityTypeId; aliases: string; degree: number }>(
            `SELECT e.id, e.label, e.type, e.aliases, e.degree
             FROM entity_names n JOIN entities e ON e.pk = n.entity
             WHERE n.name LIKE ?
             GROUP BY e.pk ORDER BY bool_or(n.name = ?) DESC, bool_or(starts_with(n.name, ?)) DESC, e.degree DESC, e.pk LIMIT ?`,
            `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, key, key, limit,
          )
        ).map((row) => ({ id: row.id, label: row.label, type: row.type, aliases: parseStringList(row.aliases), degree: row.degree }));

  const match = textQuery(text, { prefix: true });
  const evidence: EvidenceHit[] =
    match === undefined
      ? []
      : (
          await sql.rows<{
            relation: string; type: RelationTypeId; source_id: string; source_label: string; target_id: string; target_label: string;
            document_id: string; title: string; source: string | null; url: string | null; published: string | null; start: number; end: number; text: string;
          }>(
            // Ranked among the latest RANKED matches, as in SQLite: ranking a common word's every sentence costs too much.
            // The words are written out twice, not held in a CTE: the planner must see them to tell a common word
            // (read the newest sentences backward) from a rare one (its few matches off the GIN index). Behind a CTE it
            // guessed, and at 10⁷ relations a topic word took 3 s instead of 27 ms (docs/scaling.md).
            `WITH latest AS (SELECT s.pk, s.words FROM sentences s WHERE s.words @@ ${match.sql} ORDER BY s.pk DESC LIMIT ${RANKED}),
               hits AS (SELECT l.pk, ts_rank(l.words, ${match.sql}) AS rank FROM latest l ORDER BY rank DESC, l.pk LIMIT ?)
             SELECT r.id AS relation, r.type, a.id AS source_id, a.label AS source_label, b.id AS target_id, b.label AS target_label,
               d.id AS document_id, d.title, d.source, d.url, d.published, s.start, s."end", s.text
             FROM hits h JOIN sentences s ON s.pk = h.pk JOIN documents d ON d.pk = s.document
               JOIN evidence e ON e.sentence = s.pk JOIN relations r ON r.pk = e.relation
               JOIN entities a ON a.pk = r.source JOIN entities b ON b.pk = r.target
             ORDER BY h.rank DESC, h.pk, r.sentence_count DESC, r.pk LIMIT ?`,
            ...match.params, ...match.params, limit, limit,
          )
        ).map((row) => {
          const document: EvidenceHit['document'] = { id: row.document_id, title: row.title };
          if (row.source !== null) document.source = row.source;
          if (row.url !== null) document.url = row.url;
          if (row.published !== null) document.published = row.published;
          return { relation: row.relation, type: row.type, source: { id: row.source_id, label: row.source_label }, target: { id: row.target_id, label: row.target_label }, document, start: row.start, end: row.end, sentence: row.text };
        });
  return {
    entities,
    evidence,
    ...forAnswer(
      await currentTypes(sql),
      evidence.map((hit) => hit.type),
      entities.map((hit) => hit.type),
    ),
  };
}
