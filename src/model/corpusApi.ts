/**
 * The corpus API contract
 * =======================
 *
 * What `newsgraph serve` answers and the explorer's corpus mode asks, as zod
 * schemas: the server builds these shapes, the browser parses them (never
 * trusting a response), and the CLI's `query` and the server's
 * `/api/neighbourhood` read their parameters through the one
 * `SubgraphQuerySchema`. Subgraphs travel as newsgraph datasets (validated by
 * `validateDataset` on arrival), so every panel, filter and exporter works on
 * what corpus mode loads.
 *
 * Endpoints (all GET, JSON, on the server's origin):
 *   /api/corpus                          CorpusInfo (with `editable`: whether the edits below are accepted)
 *   /api/overview?limit=N                SubgraphResponse: the most-connected entities and the relations among them
 *   /api/neighbourhood?entity=…&hops=…   SubgraphResponse (SubgraphQuery parameters)
 *   /api/evidence?relations=ID,ID        SubgraphResponse: those relations with all their sentences
 *   /api/search?q=WORDS&limit=N          SearchResponse: entities by label or alias, sentences by their words
 *   /api/documents?offset=&limit=[&since=&until=]  DocumentsPage (since/until: publication days, inclusive; undated articles drop out)
 *   /api/documents/ID                    SubgraphResponse: one article and the relations it supports
 *   /api/timeline?bucket=day|week|month  TimelineResponse: relations reported per bucket and type, whole corpus
 *   /api/history                         HistoryResponse: the corpus's edits, oldest first
 * Edits (POST, JSON body, only on a server started with --allow-edits; EditOutcomeResponse):
 *   /api/edits  {"edit": Edit}           200 {ok: true, label}; 422 {ok: false, reason} when invalid or refused
 *   /api/undo, /api/redo                 200 {ok: true, label}; 409 {ok: false, reason} when there is nothing to take back or make again
 * Errors: a 4xx/5xx status with ApiError, one line saying what was wrong and the fix.
 *
 * Types: a relation's or entity's `type` is any non-empty id, built in or
 * declared by a dataset the corpus holds. Whatever carries types carries the
 * declarations of the declared ones it names (`relationTypes`/`entityTypes`,
 * the dataset's own fields, colours filled in by the corpus so every answer
 * draws a type alike); `/api/corpus` lists all of them.
 */

import { z } from 'zod';
import { PUBLISHED_FORMAT, isPublished } from './published.ts';
import { dayNumber, DAY_FORMAT, isDay } from './days.ts';
import { SOURCE_ATTRIBUTES } from './relationSources.ts';
import { EntityTypeDeclarationSchema, RelationTypeDeclarationSchema } from './schema.ts';
import { nearestWord } from './suggest.ts';
import { bucketStart, nextBucketStart, TIMELINE_BUCKETS } from './timeline.ts';
import type { TypeCatalog } from './typeCatalog.ts';

export const CORPUS_API_VERSION = 1;

/** Limits the server enforces and the browser may rely on. */
export const CORPUS_LIMITS = {
  overviewDefault: 150,
  overviewMax: 500,
  /** Relations in one subgraph response. */
  relationsDefault: 2_000,
  relationsMax: 10_000,
  /** Relations one Expand asks for: a hub's best-supported ones, as many as a browser draws and reads comfortably. */
  expandRelations: 500,
  /** Sentences sent per relation in an overview or neighbourhood; `/api/evidence` sends up to `evidenceMax`. */
  evidencePerRelation: 3,
  evidenceMax: 200,
  /** Relation ids in one `/api/evidence` request. */
  evidenceRelationsMax: 100,
  searchDefault: 20,
  searchMax: 100,
  documentsPageMax: 200,
  /** Bytes of one JSON response; a larger answer is cut (`truncated`) before it is sent. */
  responseBytesMax: 16 * 1024 * 1024,
  queryTextMax: 200,
  /** The largest `minOutlets` a neighbourhood query takes. */
  minOutletsMax: 10_000,
} as const;

/**
 * Attributes the store puts on what it sends, so the browser can say how
 * much more the corpus holds: on each relation the number of sentences that
 * support it in the whole corpus and its whole-corpus sources (articles and
 * distinct outlets, wire copies counted once: relationSources.ts names
 * them), and on each entity its number of relations.
 */
export const CORPUS_ATTRIBUTES = {
  evidenceTotal: 'corpusSentences',
  degree: 'corpusRelations',
  articles: SOURCE_ATTRIBUTES.articles,
  outlets: SOURCE_ATTRIBUTES.outlets,
} as const;

const Day = z.string().refine(isPublished, `must be ${PUBLISHED_FORMAT}`);
/** A relation or entity type id: built in or declared (the declarations travel beside it). */
const TypeId = z.string().min(1, 'must be a non-empty type id');

/** Declared types carried by an answer (absent when it names built-in types only). */
const declarations = {
  relationTypes: z.array(RelationTypeDeclarationSchema).optional(),
  entityTypes: z.array(EntityTypeDeclarationSchema).optional(),
};

/** The types a corpus declares beyond the built-in ones, in the order first declared. */
export interface CorpusTypes {
  relationTypes: z.infer<typeof RelationTypeDeclarationSchema>[];
  entityTypes: z.infer<typeof EntityTypeDeclarationSchema>[];
}

export const CorpusInfoSchema = z.strictObject({
  api: z.literal(CORPUS_API_VERSION),
  title: z.string(),
  documents: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  relations: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  firstPublished: Day.optional(),
  lastPublished: Day.optional(),
  /** Every type the corpus declares (what `types=` accepts beyond the built-in ones). */
  ...declarations,
  /** The server takes edits (`serve --allow-edits`); absent or false: read-only. Set by the server, not the store. */
  editable: z.boolean().optional(),
});

export const DocumentSummarySchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  source: z.string().optional(),
  url: z.string().optional(),
  published: Day.optional(),
  ingestedAt: z.string(),
  /** Relations this article supports. */
  relations: z.number().int().nonnegative(),
});

export const EntityHitSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string(),
  type: TypeId,
  aliases: z.array(z.string()),
  /** Relations in the whole corpus. */
  degree: z.number().int().nonnegative(),
});

export const EvidenceHitSchema = z.strictObject({
  relation: z.string().min(1),
  type: TypeId,
  source: EntityHitSchema.pick({ id: true, label: true }),
  target: EntityHitSchema.pick({ id: true, label: true }),
  document: DocumentSummarySchema.pick({ id: true, title: true, source: true, url: true, published: true }),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The sentence exactly as `document.text.slice(start, end)`. */
  sentence: z.string(),
});

export const SubgraphResponseSchema = z.strictObject({
  /** A newsgraph dataset; the browser runs it through `validateDataset`. */
  dataset: z.unknown(),
  /** Something was left out to stay under the limits; `note` says what. */
  truncated: z.boolean(),
  note: z.string().optional(),
});

export const SearchResponseSchema = z.strictObject({
  entities: z.array(EntityHitSchema),
  evidence: z.array(EvidenceHitSchema),
  /** The declared types the hits name. */
  ...declarations,
});

export const DocumentsPageSchema = z.strictObject({
  documents: z.array(DocumentSummarySchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});

export const ApiErrorSchema = z.strictObject({ error: z.string() });

/** The answer of an edit, undo or redo: the step's label, or why nothing changed (one sentence). */
export const EditOutcomeResponseSchema = z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), label: z.string() }), z.strictObject({ ok: z.literal(false), reason: z.string() })]);

export const HistoryResponseSchema = z.strictObject({
  entries: z.array(z.strictObject({ label: z.string(), at: z.string(), applied: z.boolean() })),
  /** How many entries are applied (the first ones); undo takes back the last of them. */
  position: z.number().int().nonnegative(),
});

/**
 * The whole corpus's timeline, the shape of timeline.ts's `Histogram`: for
 * each bucket (its first day; contiguous from the first day any relation was
 * reported to the last) and each relation type, how many distinct relations
 * were reported in it (a relation reported on three days of one week counts
 * once in that week), and per type the relations with no date. `types` is the
 * corpus's whole catalog (built in, then declared), with the declarations.
 */
export const TimelineResponseSchema = z
  .strictObject({
    bucket: z.enum(TIMELINE_BUCKETS),
    starts: z.array(z.string().refine(isDay, `must be ${DAY_FORMAT}`)),
    types: z.array(TypeId),
    counts: z.array(z.array(z.number().int().nonnegative())),
    undated: z.array(z.number().int().nonnegative()),
    relationTypes: declarations.relationTypes,
  })
  .superRefine((timeline, context) => {
    const problem = (message: string, path: Array<string | number>) => context.addIssue({ code: 'custom', message, path });
    if (timeline.counts.length !== timeline.starts.length) problem(`must hold one row per bucket (${timeline.starts.length})`, ['counts']);
    timeline.counts.forEach((row, b) => {
      if (row.length !== timeline.types.length) problem(`must hold one count per type (${timeline.types.length})`, ['counts', b]);
    });
    if (timeline.undated.length !== timeline.types.length) problem(`must hold one count per type (${timeline.types.length})`, ['undated']);
    timeline.starts.forEach((start, b) => {
      if (!isDay(start)) return;
      const day = dayNumber(start);
      const previous = timeline.starts[b - 1];
      const expected = b === 0 || previous === undefined || !isDay(previous) ? bucketStart(day, timeline.bucket) : nextBucketStart(dayNumber(previous), timeline.bucket);
      if (day !== expected) problem(b === 0 ? `must start a ${timeline.bucket}` : `must follow the bucket before it`, ['starts', b]);
    });
  });

const Count = (max: number, fallback: number) => z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(max, `must be ${max} or less`).default(fallback);

/**
 * A neighbourhood query, from CLI flags or URL parameters (strings). `entity`
 * is an entity id or a name (label or alias, compared without case or
 * accents); `types` a comma-separated list of relation type ids (any id here;
 * the server and `query` check them against the corpus's catalog with
 * `unknownQueryType`, as only the corpus knows its declared types); `since` and
 * `until` bound the publication date of the supporting articles (inclusive);
 * `text` keeps relations with a sentence containing these words (full-text);
 * `minOutlets` keeps relations reported by at least that many distinct
 * outlets in the whole corpus (wire copies counted once, `corpusOutlets`).
 */
export const SubgraphQuerySchema = z.strictObject({
  entity: z.string().trim().min(1, 'must name an entity').max(CORPUS_LIMITS.queryTextMax),
  hops: z.enum(['1', '2']).default('1').transform(Number).pipe(z.union([z.literal(1), z.literal(2)])),
  types: z
    .string()
    .optional()
    .transform((list) => (list === undefined || list.trim() === '' ? undefined : list.split(',').map((t) => t.trim())))
    .pipe(z.array(z.string().min(1, 'must not hold an empty type between commas')).optional()),
  since: Day.optional(),
  until: Day.optional(),
  text: z.string().trim().min(1).max(CORPUS_LIMITS.queryTextMax).optional(),
  limit: Count(CORPUS_LIMITS.relationsMax, CORPUS_LIMITS.relationsDefault),
  minOutlets: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(CORPUS_LIMITS.minOutletsMax, `must be ${CORPUS_LIMITS.minOutletsMax} or less`).optional(),
});

/** How many known types an error lists before saying how many more there are. */
const TYPES_LISTED = 40;

/**
 * The first of `types` the catalog does not know, with the id it probably
 * meant and the known ids as a short list; undefined when all are known.
 * The server's 400 and `query`'s usage error are both written from it.
 */
export function unknownQueryType(types: readonly string[] | undefined, catalog: TypeCatalog): { type: string; guess: string | undefined; known: string } | undefined {
  const type = types?.find((t) => !catalog.hasRelation(t));
  if (type === undefined) return undefined;
  const ids = catalog.relationTypeIds;
  const shown = ids.slice(0, TYPES_LISTED).join(', ');
  const known = ids.length > TYPES_LISTED ? `${shown} and ${ids.length - TYPES_LISTED} more (GET /api/corpus lists them)` : shown;
  return { type, guess: nearestWord(type, ids), known };
}

/** Articles published inside a window of days (inclusive); either end may be open. */
export interface PublishedWindow {
  since?: string | undefined;
  until?: string | undefined;
}

export type CorpusInfo = z.infer<typeof CorpusInfoSchema>;
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type EntityHit = z.infer<typeof EntityHitSchema>;
export type EvidenceHit = z.infer<typeof EvidenceHitSchema>;
export type SubgraphResponse = z.infer<typeof SubgraphResponseSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type DocumentsPage = z.infer<typeof DocumentsPageSchema>;
export type ApiError = z.infer<typeof ApiErrorSchema>;
export type EditOutcomeResponse = z.infer<typeof EditOutcomeResponseSchema>;
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;
export type SubgraphQuery = z.infer<typeof SubgraphQuerySchema>;
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;
