/**
 * Dataset schema
 * ==============
 *
 * The one source of truth for the newsgraph dataset format. The TypeScript
 * types below are inferred from it, so the validator, the graph builder, the
 * CLI and the app cannot disagree about a field.
 *
 * Offsets (`start`, `end`) are JavaScript string indices — UTF-16 code units —
 * into the document's `text`, end exclusive, exactly as `text.slice(start, end)`.
 *
 * Structure is checked here; cross-references and offsets are checked in
 * `validate.ts`, which reports every problem at once. A change to a record
 * schema here needs the same change in `wellFormed.ts`, the validator's fast
 * path for well-formed records (tests/unit/model/wellFormed.test.ts compares
 * the two on random records).
 */

import { z } from 'zod';
import { readAttributes, type Attributes } from './attributeRecords.ts';
import { isEventDate, isDay, EVENT_DATE_FORMAT, DAY_FORMAT } from './days.ts';
import { isPublished, publishedFault } from './published.ts';
import { isWikidataId, WIKIDATA_ID_FORMAT } from './wikidata.ts';

export const DATASET_VERSION = 1;

const Id = z.string().min(1, 'must be a non-empty string');
const Offset = z.number().int('must be a whole number').nonnegative('must be 0 or more');

/**
 * Values of attributes that newsgraph does not interpret but keeps (imported
 * from other tools): string, number, boolean or null, under any key. Not
 * `z.record`, which drops a `__proto__` key and refuses an object whose
 * `constructor` key holds a string: keys are kept exactly (attributeRecords.ts).
 */
export const AttributesSchema = z.unknown().transform((input, ctx): Attributes => {
  const checked = readAttributes(input);
  if (checked.ok) return checked.attributes;
  if (checked.notARecord) ctx.addIssue({ code: 'invalid_type', expected: 'record', input, message: 'Invalid input: expected record' });
  for (const { key, value } of checked.bad) ctx.addIssue({ code: 'invalid_union', errors: [], input: value, path: [key], message: 'Invalid input' });
  return z.NEVER;
});

/** A stretch of a document's text: `text.slice(start, end)`. */
export const SpanSchema = z.strictObject({
  document: Id,
  start: Offset,
  end: Offset,
});

/**
 * When the sentence says the event happened ("on 24 February 2022", "last
 * year", "in March"): the phrase, as offsets inside the evidence sentence,
 * and the date it names, normalised against the article's publication date
 * to the precision the phrase has ("2022-02-24", "2022-03", "2022").
 */
export const EventDateSchema = z.strictObject({
  date: z.string().refine(isEventDate, `must be ${EVENT_DATE_FORMAT}`),
  start: Offset,
  end: Offset,
});

/** A supporting sentence. `note` says why it need not name both ends (a pronoun: "us", "he"). */
export const EvidenceSchema = z.strictObject({
  document: Id,
  start: Offset,
  end: Offset,
  note: z.string().min(1).optional(),
  event: EventDateSchema.optional(),
});

/** Days a relation was reported on, from `from` to `to` inclusive (a Gephi spell). */
export const SpellSchema = z.strictObject({
  from: z.string().refine(isDay, `must be ${DAY_FORMAT}`),
  to: z.string().refine(isDay, `must be ${DAY_FORMAT}`),
});

export const DocumentSchema = z.strictObject({
  id: Id,
  title: z.string(),
  text: z.string(),
  /** Who published it (the outlet, e.g. "Reuters"), or where the text came from. */
  source: z.string().optional(),
  /** Where the article can be read. */
  url: z.string().min(1, 'must be a non-empty string').optional(),
  /** When it was published: ISO 8601 date or date-time (published.ts). */
  published: z.string().refine(isPublished, { error: (issue) => publishedFault(issue.input) }).optional(),
});

/** A #rrggbb colour. */
export const HEX_COLOR_FORMAT = 'a #rrggbb colour, e.g. "#8800FF"';
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, `must be ${HEX_COLOR_FORMAT}`);

/**
 * A relation type the dataset brings with it, next to the built-in ones
 * (relationTypes.ts): typically a free-text relation name of an imported file
 * ("supplies drones to"), or `related-to` for edges that had no type. Its id
 * may not be a built-in relation or entity type id (checked in
 * validate/datasetCheck.ts); without a colour it gets one from
 * typePalette.ts, without a negated label "not: <label>".
 */
export const RelationTypeDeclarationSchema = z.strictObject({
  id: Id,
  label: z.string().min(1, 'must be a non-empty string'),
  negatedLabel: z.string().min(1, 'must be a non-empty string').optional(),
  /** False for a symmetric relation (no direction, drawn without arrows). */
  directed: z.boolean(),
  color: HexColor.optional(),
  description: z.string().optional(),
});

/** An entity type the dataset brings with it (a node category of an imported file). */
export const EntityTypeDeclarationSchema = z.strictObject({
  id: Id,
  label: z.string().min(1, 'must be a non-empty string'),
  color: HexColor.optional(),
  description: z.string().optional(),
});

export const EntitySchema = z.strictObject({
  id: Id,
  label: z.string().min(1, 'must be a non-empty string'),
  /** A built-in entity type (entityTypes.ts) or one the dataset declares in `entityTypes`. */
  type: Id,
  aliases: z.array(z.string().min(1, 'must be a non-empty string')),
  mentions: z.array(SpanSchema),
  /** The entity's Wikidata item ("Q159" for Russia), when the extractor's gazetteer or the file knows it. */
  wikidata: z.string().refine(isWikidataId, WIKIDATA_ID_FORMAT).optional(),
  attributes: AttributesSchema.optional(),
});

/**
 * What the analyst decided about a relation (review/: the edits that set it).
 * Absent: proposed by the extractor or the file, not reviewed yet.
 */
export const ReviewStatusSchema = z.enum(['accepted', 'rejected', 'corrected', 'added']);

/** The claim as the extractor proposed it, kept when the analyst corrects it (the gold set and the acceptance rates read it). */
export const ProposedClaimSchema = z.strictObject({
  type: Id,
  source: Id,
  target: Id,
  negated: z.boolean().optional(),
  hedged: z.boolean().optional(),
  attributedTo: Id.optional(),
});

export const ReviewSchema = z.strictObject({
  status: ReviewStatusSchema,
  /** Why it was rejected, in the analyst's words (optional). */
  reason: z.string().optional(),
  /** For a corrected relation: what was proposed before the first correction. */
  proposed: ProposedClaimSchema.optional(),
});

export const RelationSchema = z.strictObject({
  id: Id,
  /** A built-in relation type (relationTypes.ts) or one the dataset declares in `relationTypes`. */
  type: Id,
  source: Id,
  target: Id,
  evidence: z.array(EvidenceSchema),
  /** The text reports this as a claim, allegation or intention, not as established fact. */
  hedged: z.boolean().optional(),
  /** The text says it did not happen ("didn’t attend"). */
  negated: z.boolean().optional(),
  /** The entity whose claim or words this relation reports. */
  attributedTo: Id.optional(),
  /**
   * When it was reported, as the file declares it (a graph with no dated
   * articles: a Gephi timeline, a corpus server's whole-corpus days):
   * sorted, not overlapping. The days of its evidence articles' `published`
   * add to these (reporting.ts).
   */
  reported: z.array(SpellSchema).optional(),
  attributes: AttributesSchema.optional(),
  /** The analyst's review; absent = not reviewed. A rejected relation is kept but not drawn. */
  review: ReviewSchema.optional(),
});

/**
 * One edit the analyst asked for, as asked (review/edits.ts applies it). The
 * history keeps it to name the step ("Rejected Russia sanctioned Ukraine").
 */
export const EditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accept'), relation: Id }),
  z.strictObject({ kind: z.literal('reject'), relation: Id, reason: z.string().optional() }),
  /** A rejected relation shown again, unreviewed. */
  z.strictObject({ kind: z.literal('restore'), relation: Id }),
  z.strictObject({
    kind: z.literal('correct'),
    relation: Id,
    type: Id.optional(),
    /** Swap source and target. */
    swap: z.literal(true).optional(),
    negated: z.boolean().optional(),
    hedged: z.boolean().optional(),
    /** Whose claim it is; null clears it. */
    attributedTo: Id.nullable().optional(),
    source: Id.optional(),
    target: Id.optional(),
    /** Evidence sentences to drop, by index into the relation's evidence. */
    dropEvidence: z.array(z.number().int().nonnegative()).optional(),
  }),
  z.strictObject({
    kind: z.literal('add-relation'),
    type: Id,
    source: Id,
    target: Id,
    /** The selected text (a sentence or part of one) that says it. */
    evidence: z.strictObject({ document: Id, start: Offset, end: Offset }),
    negated: z.boolean().optional(),
    hedged: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('merge-entities'), into: Id, from: Id }),
  /** The names (label or aliases) that belong to another actor split off into a new entity, with its mentions and relations. */
  z.strictObject({ kind: z.literal('split-entity'), entity: Id, names: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ kind: z.literal('rename-entity'), entity: Id, label: z.string().min(1) }),
  z.strictObject({ kind: z.literal('retype-entity'), entity: Id, type: Id }),
  z.strictObject({ kind: z.literal('add-alias'), entity: Id, alias: z.string().min(1) }),
]);

/** One record before and after an edit (null: absent), and where it stood in its list, so an undo puts it back in place. */
export const RecordChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entity'), id: Id, index: Offset, before: EntitySchema.nullable(), after: EntitySchema.nullable() }),
  z.strictObject({ kind: z.literal('relation'), id: Id, index: Offset, before: RelationSchema.nullable(), after: RelationSchema.nullable() }),
]);

export const HistoryEntrySchema = z.strictObject({
  edit: EditSchema,
  /** What the step did, in words ("Merged Zelenskyy into Zelensky"). */
  label: z.string(),
  /** When it was made (ISO 8601). */
  at: z.string(),
  changes: z.array(RecordChangeSchema),
});

/** The edits made to this dataset, oldest first; the first `position` are applied, the rest were undone and can be redone. */
export const HistorySchema = z
  .strictObject({ entries: z.array(HistoryEntrySchema), position: Offset })
  .refine((h) => h.position <= h.entries.length, { message: 'position must not be past the last entry', path: ['position'] });

export const DatasetSchema = z.strictObject({
  version: z.literal(DATASET_VERSION),
  title: z.string().optional(),
  /** Relation types of the dataset's own, beyond the built-in ones. */
  relationTypes: z.array(RelationTypeDeclarationSchema).optional(),
  /** Entity types of the dataset's own, beyond the built-in ones. */
  entityTypes: z.array(EntityTypeDeclarationSchema).optional(),
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema),
  relations: z.array(RelationSchema),
  /** The analyst's edits, for undo and redo across reloads and exports (review/history.ts). */
  history: HistorySchema.optional(),
});

export type { Attributes, AttributeValue } from './attributeRecords.ts';
export type Span = z.infer<typeof SpanSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type EventDate = z.infer<typeof EventDateSchema>;
export type Spell = z.infer<typeof SpellSchema>;
export type NewsDocument = z.infer<typeof DocumentSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type RelationTypeDeclaration = z.infer<typeof RelationTypeDeclarationSchema>;
export type EntityTypeDeclaration = z.infer<typeof EntityTypeDeclarationSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type ProposedClaim = z.infer<typeof ProposedClaimSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Edit = z.infer<typeof EditSchema>;
export type EditKind = Edit['kind'];
export type RecordChange = z.infer<typeof RecordChangeSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type History = z.infer<typeof HistorySchema>;
