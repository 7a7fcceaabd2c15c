/**
 * Writing a CSV of triples
 * ========================
 *
 * One row per supporting sentence, in the columns of csvColumns.ts (what each
 * holds: csv.ts). A relation's type is written as its id in `type` and its
 * label from the dataset's type catalog in `type_label` ("allied with", or a
 * declared type's own label such as "supplies drones to"), so a declared type
 * comes back from the file with the same id and label. The text is returned
 * in parts of ROWS_PER_PART rows, never as one string.
 */

import { spanText, typeCatalog, type Dataset, type Evidence } from '../../model/index.ts';
import { CSV_COLUMNS } from './csvColumns.ts';
import { writeCsv } from './csvCodec.ts';
import { selectTypes } from './select.ts';
import { formatSpellList } from './spellText.ts';
import type { WriteOptions, WrittenFile } from './types.ts';

const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));

/** Rows per written part: a few hundred kilobytes of text each, and no single string the size of the file. */
export const ROWS_PER_PART = 1000;

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  const catalog = typeCatalog(selected);
  const entities = new Map(selected.entities.map((e) => [e.id, e]));
  const documents = new Map(selected.documents.map((d) => [d.id, d]));
  const parts: string[] = [];
  let rows: string[][] = [[...CSV_COLUMNS]];
  const flush = () => {
    if (rows.length === 0) return;
    const text = writeCsv(rows);
    parts.push(parts.length === 0 && options.bom ? `\uFEFF${text}` : text);
    rows = [];
  };
  for (const relation of selected.relations) {
    const source = entities.get(relation.source)!;
    const target = entities.get(relation.target)!;
    const typeLabel = catalog.relation(relation.type).label;
    const row = (evidence: Evidence | undefined): string[] => {
      const document = evidence ? documents.get(evidence.document) : undefined;
      return [
        source.label,
        relation.type,
        target.label,
        flag(relation.hedged),
        flag(relation.negated),
        evidence?.document ?? '',
        evidence ? spanText(document?.text ?? '', evidence) : '',
        source.type,
        target.type,
        typeLabel,
        source.id,
        target.id,
        relation.id,
        document?.title ?? '',
        document?.source ?? '',
        document?.url ?? '',
        document?.published ?? '',
        evidence?.event?.date ?? '',
        evidence?.event ? String(evidence.event.start - evidence.start) : '',
        evidence?.event ? String(evidence.event.end - evidence.start) : '',
        relation.reported ? formatSpellList(relation.reported) : '',
        source.wikidata ?? '',
        target.wikidata ?? '',
      ];
    };
    if (relation.evidence.length === 0) rows.push(row(undefined));
    else for (const evidence of relation.evidence) rows.push(row(evidence));
    if (rows.length >= ROWS_PER_PART) flush();
  }
  flush();
  return { parts, mimeType: 'text/csv', extension: 'csv' };
}
