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

/**
 * A written file, as a list of chunks rather than one string: a large dataset
 * would otherwise exceed the longest string a JavaScript engine can hold
 * (`RangeError: Invalid string length`). Join them only through a `Blob`
 * (browser) or by writing them one after another (Node); `writtenText` joins
 * them for tests and small uses.
 */
export interface WrittenFile {
  /** The file's text in order, each part at most about `PART_SIZE` UTF-16 code units (a single very long value may make one part larger). */
  parts: readonly string[];
  mimeType: string;
  /** Without the dot: `gexf`. */
  extension: string;
}

/** The size writers aim for per part: 1 MiB of UTF-16 code units. */
export const PART_SIZE = 1 << 20;

/** Longest text `writtenText` will build (well below every engine's string limit). */
export const MAX_JOINED_LENGTH = 256 * (1 << 20);

/** The number of UTF-16 code units in a written file. */
export function writtenLength(file: Pick<WrittenFile, 'parts'>): number {
  let total = 0;
  for (const part of file.parts) total += part.length;
  return total;
}

/**
 * The whole text of a written file, for tests and small files. Throws a clear
 * error instead of the engine's `Invalid string length` when it is too long:
 * write the parts one by one instead.
 */
export function writtenText(file: Pick<WrittenFile, 'parts'>): string {
  const length = writtenLength(file);
  if (length > MAX_JOINED_LENGTH) {
    throw new RangeError(`the written file is ${Math.round(length / (1 << 20))} M characters, too long to hold as one string; write its parts one after another instead`);
  }
  return file.parts.join('');
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
