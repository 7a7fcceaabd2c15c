/**
 * CSV of triples
 * ==============
 *
 * One row per supporting sentence (a relation with three sentences is three
 * rows; one with none is one row with empty evidence):
 *
 *   source, type, target, hedged, negated, document, evidence,
 *   source_type, target_type, type_label, source_id, target_id, relation_id,
 *   document_title, document_source, document_url, document_published,
 *   event_date, event_start, event_end, reported,
 *   source_wikidata, target_wikidata
 *
 * The first seven are what a spreadsheet user reads; the next six let the
 * file come back as the same entities, types and relations (`type` is the
 * relation type's id, `type_label` its label: "allied with", or a declared
 * type's own, "supplies drones to"; the positive phrase even on a negated
 * row); the next four say which article each sentence is from (title,
 * outlet, address, date), repeated on every row of that article and empty on
 * a row without a sentence. Then when: `event_date` is when the sentence
 * says the event happened (YYYY, YYYY-MM or YYYY-MM-DD) and
 * `event_start`/`event_end` where the date phrase is, as offsets into the
 * row's `evidence` sentence as written (UTF-16 code units, end exclusive:
 * `evidence.slice(event_start, event_end)`); all three are empty when the
 * sentence has no date. `reported` is the days the relation itself declares
 * it was reported (beyond its articles' dates), repeated on each of its rows:
 * "2023-01-03/2023-01-05;2023-02-01" — ISO 8601 day intervals, inclusive,
 * separated by ";", a single day written once (spellText.ts). The last two
 * are the ends' Wikidata items ("Q159"), empty when unknown. What CSV cannot
 * hold: the documents' full text (only the quoted sentences), aliases,
 * mentions outside evidence, `attributedTo`, kept `attributes`, evidence
 * notes, entities in no relation, documents no sentence is quoted from, and
 * the labels, colours and descriptions of declared entity types (a declared
 * entity type comes back with its id as its label) and the colours,
 * descriptions and direction of declared relation types.
 *
 * Reading needs a header with at least source, type and target (common
 * synonyms accepted: subject/predicate/object …). Relation names and entity
 * types that are not built in are kept as the dataset's own types, as for
 * any imported graph (typeResolution.ts); without type columns, entity types
 * are inferred from the names. Evidence sentences become a document per
 * `document` value, made of those sentences one per line, so every relation
 * still leads to its quoted sentence; the entities' names are found in it as
 * mentions, and a sentence that does not name one of them as written gets an
 * evidence note saying so. The document columns fill in that document's
 * title (else its id), outlet, url and date: the first non-empty value of
 * each wins, a different one later is a warning, and a date that is not ISO
 * 8601 is a problem naming the line.
 *
 * Cells are data exactly as written (RFC 4180 keeps white space): names, ids
 * and document ids are never trimmed, so `x` and `x ` are two entities and
 * `r` and `r ` two relations. What trimming would have hidden is a warning
 * instead: a name or id with white space at either end, and two that differ
 * only in white space. Compared without surrounding white space (and case):
 * header names, type names and the true/false flags, which name things
 * rather than hold them; an evidence sentence loses surrounding white space
 * (a sentence has none, and its offsets must land on it), and so does a
 * date. Entity ids made from names come from the project's one id function
 * (model/ids.ts), as the extractor's do.
 *
 * Written cells that a spreadsheet would run as a formula get a leading `'`,
 * taken off again on reading (see `csvCodec.ts`).
 *
 * The columns: csvColumns.ts; writing: csvWrite.ts; reading: csvRead.ts.
 */

export { CSV_COLUMNS } from './csvColumns.ts';
export { read } from './csvRead.ts';
export { ROWS_PER_PART, write } from './csvWrite.ts';
