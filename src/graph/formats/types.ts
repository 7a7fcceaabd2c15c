/**
 * Exchange formats: shared types
 * ==============================
 *
 * The contract every format module (gexf.ts, graphml.ts, graphologyJson.ts,
 * datasetJson.ts, csv.ts) fulfils, so `index.ts` can load any of them lazily
 * and the CLI and the app can treat them alike.
 */

import type { BuiltInEntityTypeId, BuiltInRelationTypeId, Dataset, EntityTypeId, Problem } from '../../model/index.ts';

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

/**
 * What to do with a relation name of the file that is not a built-in type id
 * ("supplies drones to", "ally", or no type at all): read it as that built-in
 * type, keep it as the dataset's own declared type, or drop its edges.
 */
export type RelationTypeChoice = BuiltInRelationTypeId | 'keep' | 'drop';

/**
 * What to do with a node type value of the file that is not a built-in type
 * id ("Character", "ORG"): read it as that built-in type, keep it as the
 * dataset's own declared type, infer the type from the name as for an
 * untyped node (`entityTypeOf`), or drop those nodes and their edges.
 */
export type EntityTypeChoice = BuiltInEntityTypeId | 'keep' | 'infer' | 'drop';

export interface ReadOptions {
  /**
   * Choices for the file's relation names, by name as written in the file
   * (compared case- and separator-insensitively). The key `*` applies to every
   * name without a choice of its own (synonyms included), and to edges with
   * no type at all; the key `''` to edges with no type only. A name with no
   * choice is read through the built-in synonyms (typeMapping.ts), else kept
   * as its own type; edges with no type become the declared type
   * `related-to`. A built-in id itself is never mapped. See typeResolution.ts.
   */
  relationTypeMap?: Readonly<Record<string, RelationTypeChoice>>;
  /**
   * Choices for the file's node type values, the same way (`*` for every
   * value without a choice, and with `''` for nodes with no type, where
   * `keep` means `infer`). Default: synonyms, else keep. The value `unknown`
   * (what newsgraph writes for a node of no known type) is read as no type.
   */
  entityTypeMap?: Readonly<Record<string, EntityTypeChoice>>;
  /**
   * The node attribute (GEXF, GraphML, graphology JSON) holding entity types;
   * for a CSV the name of a column pair (`category`: source_category and
   * target_category, or subject_/object_…; `type`: source_type/target_type).
   * Default: the first of the usual names present (entityType, type, kind,
   * category, …).
   */
  entityTypeAttribute?: string;
  /**
   * Type of a node the file gives no type and `entityTypeOf` does not know.
   * Default: the declared type `unknown` ("Unknown type"): saying Javert is
   * an organisation would show something the file does not say.
   */
  defaultEntityType?: EntityTypeId;
  /**
   * What newsgraph already knows about a name (the extractor's gazetteer:
   * Russia → country, Putin → person, ICC → organisation), for nodes the file
   * gives no type. Passed in by the caller because the graph layer may not
   * import the extractor (tests/unit/architecture.test.ts).
   */
  entityTypeOf?: (label: string) => BuiltInEntityTypeId | undefined;
}

/** One relation name or node type value of the file that is not a built-in id, and what it became: a row of the app's mapping dialog. */
export interface TypeNameUse {
  /** As written in the file (the first spelling seen); '' for edges or nodes with no type at all. */
  name: string;
  /** Edges or nodes that carry it. */
  count: number;
  /** What was done with it. */
  choice: RelationTypeChoice | EntityTypeChoice;
  /** The type it has in the dataset (a built-in id or a declared one); undefined when dropped, or for nodes whose types were inferred one by one. */
  type?: string;
  /** True when no choice was given and the built-in synonyms decided (`ally` → allied-with). */
  automatic: boolean;
}

/** How the file's types were read. */
export interface TypeReading {
  relations: TypeNameUse[];
  entities: TypeNameUse[];
  /** The node attribute or column read as the entity type, if any. */
  entityTypeAttribute?: string;
  /** Node attributes or columns that could be chosen as the entity type instead (text values, few distinct ones). */
  entityTypeAttributes: string[];
  /** Nodes with no type in the file whose type `entityTypeOf` knew. */
  inferred: number;
  /** Nodes with no type in the file and none inferred: given `defaultEntityType`. */
  defaulted: number;
}

export interface ReadResult {
  dataset: Dataset;
  /** Things that imported but that a person should know: guessed entity types, renamed relation types. */
  warnings: Problem[];
  /** What the file called its types and what each became (absent for newsgraph's own files, whose types are exact). */
  types?: TypeReading;
}

/** One format module: what `index.ts` loads on demand. */
export interface FormatModule {
  read: (content: string, file: string, options: ReadOptions) => ReadResult;
  write: (dataset: Dataset, options: WriteOptions) => WrittenFile;
}
