/**
 * Searching the corpus
 * ====================
 *
 * One box, two answers: entities whose label or alias fits the words
 * (normalised: exact name first, then names that start with them, then names
 * that contain them; the best connected first within each), and sentences
 * that contain the words (FTS5, best match first among the latest two
 * thousand that match, the last word as a prefix so results follow typing),
 * each with the relation it supports and its article; with the declarations
 * of the declared types the hits name.
 */

import type { EntityHit, EvidenceHit, SearchResponse } from '../../model/corpusApi.ts';
import type { EntityTypeId } from '../../model/entityTypes.ts';
import type { RelationTypeId } from '../../model/relationTypes.ts';
import { normaliseName } from '../identity.ts';
import type { StoredTypes } from './declaredTypes.ts';
import { ftsQuery } from './ftsQuery.ts';
import { parseStringList } from '../shared/rows.ts';
import type { StatementCache } from './statements.ts';

interface EntityRow {
  id: string;
  label: string;
  type: EntityTypeId;
  aliases: string;
  degree: number;
}

interface EvidenceRow {
  relation: string;
  type: RelationTypeId;
  source_id: string;
  source_label: string;
  target_id: string;
  target_label: string;
  document_id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
}

/** Sentences ranked by relevance: the latest this many that match (all of them, for most words). */
const RANKED = 2_000;

/** `types`: the store's declared types, whose declarations go with the hits that name them. */
export function searchCorpus(statements: StatementCache, types: StoredTypes, text: string, limit: number): SearchResponse {
  const key = normaliseName(text);
  const entities: EntityHit[] =
    key === ''
      ? []
      : (
          statements
            .get<EntityRow>(
              `SELECT e.id, e.label, e.type, e.aliases, e.degree,
                 max(n.name = @key) AS exact, max(substr(n.name, 1, length(@key)) = @key) AS prefix
               FROM entity_names n JOIN entities e ON e.pk = n.entity
               WHERE instr(n.name, @key) > 0
               GROUP BY e.pk ORDER BY exact DESC, prefix DESC, e.degree DESC, e.pk LIMIT @limit`,
            )
            .all({ key, limit }) as EntityRow[]
        ).map((row) => ({ id: row.id, label: row.label, type: row.type, aliases: parseStringList(row.aliases), degree: row.degree }));

  const match = ftsQuery(text, { prefix: true });
  const evidence: EvidenceHit[] =
    match === undefined
      ? []
      : (
          statements
            .get<EvidenceRow>(
              // Ranked among the latest RANKED matches: ranking a common word's hundred thousand sentences would take a tenth of a second.
              `WITH latest AS (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH @key ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED - 1}),
                 hits AS (SELECT rowid AS pk, rank FROM sentences_fts
                   WHERE sentences_fts MATCH @key AND rowid >= coalesce((SELECT rowid FROM latest), 0) ORDER BY rank LIMIT @limit)
               SELECT r.id AS relation, r.type, a.id AS source_id, a.label AS source_label, b.id AS target_id, b.label AS target_label,
                 d.id AS document_id, d.title, d.source, d.url, d.published, s.start, s."end", s.text
               FROM hits h JOIN sentences s ON s.pk = h.pk JOIN documents d ON d.pk = s.document
                 JOIN evidence e ON e.sentence = s.pk JOIN relations r ON r.pk = e.relation
                 JOIN entities a ON a.pk = r.source JOIN entities b ON b.pk = r.target
               ORDER BY h.rank, h.pk, r.sentence_count DESC, r.pk LIMIT @limit`,
            )
            .all({ key: match, limit }) as EvidenceRow[]
        ).map((row) => {
          const document: EvidenceHit['document'] = { id: row.document_id, title: row.title };
          if (row.source !== null) document.source = row.source;
          if (row.url !== null) document.url = row.url;
          if (row.published !== null) document.published = row.published;
          return {
            relation: row.relation,
            type: row.type,
            source: { id: row.source_id, label: row.source_label },
            target: { id: row.target_id, label: row.target_label },
            document,
            start: row.start,
            end: row.end,
            sentence: row.text,
          };
        });
  return {
    entities,
    evidence,
    ...types.forAnswer(
      evidence.map((hit) => hit.type),
      entities.map((hit) => hit.type),
    ),
  };
}
