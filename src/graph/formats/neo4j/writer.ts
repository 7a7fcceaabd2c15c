/**
 * Neo4j bulk export: the CSV files `neo4j-admin database import full` reads
 * =========================================================================
 *
 * Followed: Neo4j Operations Manual, "Import" → "CSV header format"
 * (docs-operations, modules/ROOT/pages/import/header-format.adoc) — a header
 * field is `<name>:<field_type>`; node files carry `:ID` (here in an ID space,
 * `:ID(Entity)`, `:ID(Document)`, section "Using ID spaces") and `:LABEL`
 * (several labels separated by the array delimiter); relationship files carry
 * `:START_ID(group)`, `:END_ID(group)` and `:TYPE`; property types are int,
 * long, float, double, boolean, byte, short, char, string, point, date,
 * localtime, time, localdatetime, datetime, duration, an array type appends
 * `[]`, no type means string; a boolean is true only for the exact text `true`;
 * empty arrays are not imported. And "Full import" (full-import.adoc) for the
 * options: `--nodes=[<label>[:<label>]...=]<files>`, `--relationships=
 * [<type>=]<files>`, `--array-delimiter` (default `;`), `--multiline-fields`
 * (default false: a field may not contain a line break unless it is set),
 * `--quote` (`"`, doubled inside a field), `--legacy-style-quoting` (whether
 * `\"` escapes a quote; false in Neo4j 5, said explicitly when a field has one).
 *
 * Files (see the README, "Neo4j"):
 *   entities.csv      one node per entity, labels `Entity` and its type's label
 *   documents.csv     one node per document, label `Document`
 *   relations.csv     one relationship per relation, rejected ones left out
 *                     (withoutRejected, as the explorer draws); a symmetric
 *                     relation is one relationship, source → target as stored,
 *                     with `symmetric` = true: query it undirected, `-[:MET_WITH]-`
 *   mentioned_in.csv  entity → document, with how many mentions
 * Neo4j has no relationship to a relationship, so a relation's documents and
 * sentences are properties of it (`documents`, `evidence`), not edges.
 */

import { spanText, typeCatalog, type Dataset, type Relation } from '../../../model/index.ts';
import { provenanceOf, withoutRejected } from '../../../model/review/index.ts';
import { arrayDelimiterOption, chooseArrayDelimiter, CsvFileBuilder } from './csvText.ts';
import { DOCUMENT_LABEL, ENTITY_LABEL, entityLabels, MENTIONED_IN_TYPE, relationshipTypes } from './names.ts';

export const NEO4J_FILES = ['entities.csv', 'documents.csv', 'relations.csv', 'mentioned_in.csv'] as const;

export const ENTITY_HEADER = ['id:ID(Entity)', 'name', 'type', 'aliases:string[]', 'wikidata', 'mentions:int', ':LABEL'] as const;
export const DOCUMENT_HEADER = ['id:ID(Document)', 'title', 'source', 'url', 'published', ':LABEL'] as const;
export const RELATION_HEADER = [
  ':START_ID(Entity)',
  ':END_ID(Entity)',
  ':TYPE',
  'id',
  'relationType',
  'symmetric:boolean',
  'negated:boolean',
  'hedged:boolean',
  'attributedTo',
  'review',
  'sentences:int',
  'evidence:string[]',
  'documents:string[]',
] as const;
export const MENTIONED_IN_HEADER = [':START_ID(Entity)', ':END_ID(Document)', ':TYPE', 'count:int'] as const;

export interface Neo4jFile {
  name: (typeof NEO4J_FILES)[number];
  parts: readonly string[];
  /** Data rows (nodes or relationships), without the header. */
  rows: number;
}

export interface Neo4jExport {
  files: Neo4jFile[];
  /** The array delimiter the files use (`;` unless an alias or a sentence contains one). */
  arrayDelimiter: string;
  /** True when a field holds a line break: the import then needs `--multiline-fields=true`. */
  multiline: boolean;
  /** True when a field holds `\"`: the import then says `--legacy-style-quoting=false`, so `\` never escapes a quote. */
  backslashQuote: boolean;
  /** Relations left out because the analyst rejected them. */
  rejected: number;
  /** Entity type id → label, relation type id → relationship type, for the types in use. */
  labels: ReadonlyMap<string, string>;
  relationshipTypes: ReadonlyMap<string, string>;
}

/** No array delimiter is free: every candidate occurs in some alias or sentence. */
export class ArrayDelimiterError extends Error {
  override name = 'ArrayDelimiterError';
}

const bool = (value: boolean | undefined) => (value ? 'true' : 'false');

/** The distinct evidence documents of a relation, in order of first use. */
function evidenceDocuments(relation: Relation): string[] {
  return [...new Set(relation.evidence.map((e) => e.document))];
}

export function writeNeo4j(input: Dataset): Neo4jExport {
  const dataset = withoutRejected(input);
  const rejected = input.relations.length - dataset.relations.length;
  const catalog = typeCatalog(dataset);
  const labelOf = entityLabels([...catalog.entityTypeIds, ...dataset.entities.map((e) => e.type)]);
  const typeOf = relationshipTypes([...catalog.relationTypeIds, ...dataset.relations.map((r) => r.type)]);
  const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
  const sentence = (relation: Relation, index: number) => {
    const evidence = relation.evidence[index]!;
    return spanText(texts.get(evidence.document) ?? '', evidence);
  };

  // Arrays first: the delimiter must be one no element contains.
  function* arrayElements(): Generator<string> {
    for (const entity of dataset.entities) yield* entity.aliases;
    for (const relation of dataset.relations) {
      for (let i = 0; i < relation.evidence.length; i++) yield sentence(relation, i);
      yield* evidenceDocuments(relation);
    }
  }
  const delimiter = chooseArrayDelimiter(arrayElements());
  if (delimiter === undefined) throw new ArrayDelimiterError('every candidate array delimiter occurs in an alias, sentence or document id');
  const array = (elements: readonly string[]) => (elements.length === 0 ? null : elements.join(delimiter));

  const entities = new CsvFileBuilder('entities.csv', ENTITY_HEADER);
  // Mentions per entity and document, in order of first mention.
  const mentionedIn = new CsvFileBuilder('mentioned_in.csv', MENTIONED_IN_HEADER);
  for (const entity of dataset.entities) {
    entities.add([entity.id, entity.label, entity.type, array(entity.aliases), entity.wikidata ?? null, String(entity.mentions.length), [ENTITY_LABEL, labelOf.get(entity.type)!].join(delimiter)]);
    const perDocument = new Map<string, number>();
    for (const mention of entity.mentions) perDocument.set(mention.document, (perDocument.get(mention.document) ?? 0) + 1);
    for (const [document, count] of perDocument) mentionedIn.add([entity.id, document, MENTIONED_IN_TYPE, String(count)]);
  }

  const documents = new CsvFileBuilder('documents.csv', DOCUMENT_HEADER);
  for (const document of dataset.documents) documents.add([document.id, document.title, document.source ?? null, document.url ?? null, document.published ?? null, DOCUMENT_LABEL]);

  const relations = new CsvFileBuilder('relations.csv', RELATION_HEADER);
  for (const relation of dataset.relations) {
    relations.add([
      relation.source,
      relation.target,
      typeOf.get(relation.type)!,
      relation.id,
      relation.type,
      bool(!catalog.relation(relation.type).directed),
      bool(relation.negated),
      bool(relation.hedged),
      relation.attributedTo ?? null,
      provenanceOf(relation),
      String(relation.evidence.length),
      array(relation.evidence.map((_, i) => sentence(relation, i))),
      array(evidenceDocuments(relation)),
    ]);
  }

  const builders = [entities, documents, relations, mentionedIn];
  const used = <T>(ids: Iterable<string>, names: Map<string, T>) => new Map([...new Set(ids)].map((id) => [id, names.get(id)!]));
  return {
    files: builders.map((b) => ({ name: b.name as Neo4jFile['name'], parts: b.finish(), rows: b.rows })),
    arrayDelimiter: delimiter,
    multiline: builders.some((b) => b.multiline),
    backslashQuote: builders.some((b) => b.backslashQuote),
    rejected,
    labels: used(dataset.entities.map((e) => e.type), labelOf),
    relationshipTypes: used(dataset.relations.map((r) => r.type), typeOf),
  };
}

/** A path as one shell word (single-quoted unless it is plainly safe). */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The import command for files written to `directory` (`join` builds each
 * file's path). The database name comes right after `full`: since Neo4j 5.19
 * the repeatable `--nodes`/`--relationships` options would otherwise take a
 * trailing name for one more file (docs-operations PR #1689).
 */
export function importCommand(written: Pick<Neo4jExport, 'arrayDelimiter' | 'multiline' | 'backslashQuote'>, path: (file: string) => string, database = 'neo4j'): string {
  const words = ['neo4j-admin', 'database', 'import', 'full', database];
  words.push(`--nodes=${shellWord(path('entities.csv'))}`, `--nodes=${shellWord(path('documents.csv'))}`);
  words.push(`--relationships=${shellWord(path('relations.csv'))}`, `--relationships=${shellWord(path('mentioned_in.csv'))}`);
  if (written.arrayDelimiter !== ';') words.push(`--array-delimiter=${shellWord(arrayDelimiterOption(written.arrayDelimiter))}`);
  if (written.multiline) words.push('--multiline-fields=true');
  if (written.backslashQuote) words.push('--legacy-style-quoting=false');
  return words.join(' ');
}
