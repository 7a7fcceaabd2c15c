/**
 * Exchange formats: shared types
 * ==============================
 *
 * The contract every format module (gexf.ts, graphml.ts, graphologyJson.ts,
 * datasetJson.ts, csv.ts) fulfils, so `index.ts` can load any of them lazily
 * and the CLI and the app can treat them alike.
 */

import type { Dataset, EntityTypeId, Problem, RelationTypeId } from '../../model/index.ts';

export const FORMAT_IDS = ['gexf', 'graphml', 'json', 'dataset', 'csv'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}

export interface Position {
  x: number;
  y: number;
}

export interface WriteOptions {
  /**
   * Keep only these relation types and/or entity types (ids from the two
   * registries, which share no id). See `select.ts` for what is kept.
   */
  types?: readonly string[];
  /** Layout positions by entity id (for example from the explorer's sigma graph); written as viz:position / x,y. */
  positions?: ReadonlyMap<string, Position> | Readonly<Record<string, Position>>;
  /** CSV only: start with a UTF-8 byte-order mark, without which Excel misreads accents and emoji. */
  bom?: boolean;
}

export interface WrittenFile {
  content: string;
  mimeType: string;
  /** Without the dot: `gexf`. */
  extension: string;
}

export interface ReadOptions {
  /**
   * How to read relation types the registry does not know, after the built-in
   * synonyms: `{ 'trade partner': 'seeks-ties-with' }`. Keys are compared
   * case-insensitively. The key `*` applies to every unknown or missing type.
   */
  relationTypeMap?: Readonly<Record<string, RelationTypeId>>;
  /** Entity type for nodes whose type is missing or unknown (default `organisation`); the original is kept in `attributes.originalType`. */
  defaultEntityType?: EntityTypeId;
}

export interface ReadResult {
  dataset: Dataset;
  /** Things that imported but that a person should know: guessed entity types, renamed relation types. */
  warnings: Problem[];
}

/** One format module: what `index.ts` loads on demand. */
export interface FormatModule {
  read: (content: string, file: string, options: ReadOptions) => ReadResult;
  write: (dataset: Dataset, options: WriteOptions) => WrittenFile;
}
