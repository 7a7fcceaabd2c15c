/**
 * The columns of a CSV of triples
 * ===============================
 *
 * What each column holds is described at the top of csv.ts. Here: the
 * columns newsgraph writes, in order, and the header names other tools use
 * for them, which the reader accepts.
 */

export const CSV_COLUMNS = [
  'source',
  'type',
  'target',
  'hedged',
  'negated',
  'document',
  'evidence',
  'source_type',
  'target_type',
  'type_label',
  'source_id',
  'target_id',
  'relation_id',
  'document_title',
  'document_source',
  'document_url',
  'document_published',
  'event_date',
  'event_start',
  'event_end',
  'reported',
  'source_wikidata',
  'target_wikidata',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header names other tools use for our columns (compared after `headerKey`). */
export const COLUMN_SYNONYMS: Record<CsvColumn, readonly string[]> = {
  source: ['source', 'subject', 'from', 'head', 'source_label', 'source_name', 'entity1', 'actor'],
  type: ['type', 'relation', 'relationship', 'predicate', 'relation_type', 'edge_type', 'label', 'verb'],
  target: ['target', 'object', 'to', 'tail', 'target_label', 'target_name', 'entity2'],
  hedged: ['hedged', 'hedge', 'claimed', 'alleged'],
  negated: ['negated', 'negation', 'negative', 'denied'],
  document: ['document', 'doc', 'document_id', 'doc_id', 'article', 'article_id'],
  evidence: ['evidence', 'sentence', 'evidence_sentence', 'evidence_text', 'quote', 'text', 'context'],
  source_type: ['source_type', 'subject_type', 'source_entity_type', 'head_type'],
  target_type: ['target_type', 'object_type', 'target_entity_type', 'tail_type'],
  type_label: ['type_label', 'relation_label', 'relation_type_label', 'predicate_label'],
  source_id: ['source_id', 'subject_id', 'head_id'],
  target_id: ['target_id', 'object_id', 'tail_id'],
  relation_id: ['relation_id', 'id', 'edge_id', 'triple_id'],
  document_title: ['document_title', 'article_title', 'headline'],
  document_source: ['document_source', 'outlet', 'publisher', 'news_source'],
  document_url: ['document_url', 'article_url', 'url', 'link'],
  document_published: ['document_published', 'published', 'published_at', 'publication_date', 'date_published', 'pub_date'],
  event_date: ['event_date', 'event_day', 'happened_on'],
  event_start: ['event_start'],
  event_end: ['event_end'],
  reported: ['reported', 'reported_on', 'spells'],
  source_wikidata: ['source_wikidata', 'subject_wikidata', 'source_qid', 'subject_qid'],
  target_wikidata: ['target_wikidata', 'object_wikidata', 'target_qid', 'object_qid'],
};

/** The words before `_` that name each end in other tools' column names (`subject_category`). */
export const END_PREFIXES = {
  source: ['source', 'subject', 'head'],
  target: ['target', 'object', 'tail'],
} as const;

/** A header name as compared: no surrounding white space, lower case, spaces, hyphens and dots as `_`. */
export const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
