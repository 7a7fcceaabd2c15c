/**
 * Well-formed records, fast
 * =========================
 *
 * A hand-written fast path in front of the zod schemas of `schema.ts`, for the
 * common case of a record that is already well formed. Running zod on each of
 * a large dataset's 100,000 records cost most of the validator's time; these
 * checks cost a few property reads each.
 *
 * The contract, pinned by tests/unit/model/wellFormed.test.ts against zod
 * itself: each function returns a record only when the zod schema accepts the
 * input, and then returns exactly what zod's `safeParse(...).data` would (a
 * fresh copy, keys in schema order, an optional key written as `undefined`
 * kept). It returns `undefined` for anything else — including inputs zod
 * accepts but this code does not care to vouch for (an object with inherited
 * enumerable keys) — and the caller then asks zod, which also explains what
 * is wrong. So this file can only make validation faster, never looser: when
 * in doubt, it says no.
 */

import { isDay, isEventDate } from './days.ts';
import { isPublished } from './published.ts';
import { isWikidataId } from './wikidata.ts';
import { AttributesSchema, type Attributes, type Entity, type ProposedClaim, type Review, type EventDate, type Evidence, type NewsDocument, type Relation, type Span, type Spell } from './schema.ts';


type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** zod's `.int().nonnegative()`: `int` means a safe integer there too. */
function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/*
 * "Every enumerable key (own or inherited) is one of the schema's": stricter
 * than zod's `Object.keys` check, never looser. Written out per schema, as
 * comparisons with literal (interned) strings: for 100,000 spans this is
 * measurably cheaper than Set lookups. The test checks the lists below
 * against the schemas, and the functions against zod.
 */

function spanKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'document' && key !== 'start' && key !== 'end') return false;
  return true;
}

function evidenceKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'document' && key !== 'start' && key !== 'end' && key !== 'note' && key !== 'event') return false;
  return true;
}

function eventDateKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'date' && key !== 'start' && key !== 'end') return false;
  return true;
}

function spellKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'from' && key !== 'to') return false;
  return true;
}

function documentKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'id' && key !== 'title' && key !== 'text' && key !== 'source' && key !== 'url' && key !== 'published') return false;
  return true;
}

function entityKeysOnly(raw: Raw): boolean {
  for (const key in raw) {
    switch (key) {
      case 'id':
      case 'label':
      case 'type':
      case 'aliases':
      case 'mentions':
      case 'wikidata':
      case 'attributes':
        continue;
      default:
        return false;
    }
  }
  return true;
}

function relationKeysOnly(raw: Raw): boolean {
  for (const key in raw) {
    switch (key) {
      case 'id':
      case 'type':
      case 'source':
      case 'target':
      case 'evidence':
      case 'hedged':
      case 'negated':
      case 'attributedTo':
      case 'reported':
      case 'attributes':
      case 'review':
        continue;
      default:
        return false;
    }
  }
  return true;
}

function reviewKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'status' && key !== 'reason' && key !== 'proposed') return false;
  return true;
}

function proposedKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'type' && key !== 'source' && key !== 'target' && key !== 'negated' && key !== 'hedged' && key !== 'attributedTo') return false;
  return true;
}

function topLevelKeysOnly(raw: Raw): boolean {
  for (const key in raw) if (key !== 'version' && key !== 'title' && key !== 'relationTypes' && key !== 'entityTypes' && key !== 'documents' && key !== 'entities' && key !== 'relations' && key !== 'history') return false;
  return true;
}

const SPAN_KEYS: ReadonlySet<string> = new Set(['document', 'start', 'end']);
const EVIDENCE_KEYS: ReadonlySet<string> = new Set(['document', 'start', 'end', 'note', 'event']);
const EVENT_DATE_KEYS: ReadonlySet<string> = new Set(['date', 'start', 'end']);
const SPELL_KEYS: ReadonlySet<string> = new Set(['from', 'to']);
const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['id', 'title', 'text', 'source', 'url', 'published']);
const ENTITY_KEYS: ReadonlySet<string> = new Set(['id', 'label', 'type', 'aliases', 'mentions', 'wikidata', 'attributes']);
const RELATION_KEYS: ReadonlySet<string> = new Set(['id', 'type', 'source', 'target', 'evidence', 'hedged', 'negated', 'attributedTo', 'reported', 'attributes', 'review']);
const REVIEW_KEYS: ReadonlySet<string> = new Set(['status', 'reason', 'proposed']);
const PROPOSED_KEYS: ReadonlySet<string> = new Set(['type', 'source', 'target', 'negated', 'hedged', 'attributedTo']);
const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['version', 'title', 'relationTypes', 'entityTypes', 'documents', 'entities', 'relations', 'history']);

/** The field names each fast check knows, by schema: a test compares them with the schemas' shapes, and the functions with zod, so a new field cannot slip past. */
export const WELL_FORMED_KEYS = {
  span: SPAN_KEYS,
  evidence: EVIDENCE_KEYS,
  eventDate: EVENT_DATE_KEYS,
  spell: SPELL_KEYS,
  document: DOCUMENT_KEYS,
  entity: ENTITY_KEYS,
  relation: RELATION_KEYS,
  review: REVIEW_KEYS,
  proposed: PROPOSED_KEYS,
  topLevel: TOP_LEVEL_KEYS,
} as const;

/** Marks "not vouched for" in `optional` (where `undefined` is a legal value). */
const NO = Symbol('not well formed');

/**
 * An optional field's value, or NO when it is present with a value `accept`
 * refuses. The caller writes it as zod's object parser does: absent stays
 * absent, present-but-undefined stays present as `undefined`.
 */
function optional<T>(raw: Raw, key: string, accept: (value: unknown) => value is T): T | undefined | typeof NO {
  const value = raw[key];
  if (value === undefined) return undefined;
  return accept(value) ? value : NO;
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Attributes are rare and their keys subtle (`__proto__`, `constructor`): the schema itself parses them (attributeRecords.ts). */
function attributesOf(raw: Raw): Attributes | undefined | typeof NO {
  const value = raw.attributes;
  if (value === undefined) return value;
  const parsed = AttributesSchema.safeParse(value);
  return parsed.success ? parsed.data : NO;
}

export function wellFormedSpan(raw: unknown): Span | undefined {
  if (!isObject(raw) || !spanKeysOnly(raw)) return undefined;
  const { document, start, end } = raw;
  if (!isId(document) || !isOffset(start) || !isOffset(end)) return undefined;
  return { document, start, end };
}

export function wellFormedEvidence(raw: unknown): Evidence | undefined {
  if (!isObject(raw) || !evidenceKeysOnly(raw)) return undefined;
  const { document, start, end } = raw;
  if (!isId(document) || !isOffset(start) || !isOffset(end)) return undefined;
  const out: Evidence = { document, start, end };
  const note = optional(raw, 'note', isId);
  if (note === NO) return undefined;
  if (note !== undefined || 'note' in raw) out.note = note;
  const event = raw.event;
  if (event !== undefined) {
    const date = wellFormedEventDate(event);
    if (date === undefined) return undefined;
    out.event = date;
  } else if ('event' in raw) out.event = undefined;
  return out;
}

export function wellFormedEventDate(raw: unknown): EventDate | undefined {
  if (!isObject(raw) || !eventDateKeysOnly(raw)) return undefined;
  const { date, start, end } = raw;
  if (!isEventDate(date) || !isOffset(start) || !isOffset(end)) return undefined;
  return { date, start, end };
}

export function wellFormedSpell(raw: unknown): Spell | undefined {
  if (!isObject(raw) || !spellKeysOnly(raw)) return undefined;
  const { from, to } = raw;
  if (!isDay(from) || !isDay(to)) return undefined;
  return { from, to };
}

/** A relation's `reported` spells, copied; NO when any is not well formed. */
function spellsOf(raw: Raw): Spell[] | undefined | typeof NO {
  const value = raw.reported;
  if (value === undefined) return value;
  if (!Array.isArray(value)) return NO;
  const copy = new Array<Spell>(value.length);
  for (let i = 0; i < value.length; i++) {
    const spell = wellFormedSpell(value[i]);
    if (spell === undefined) return NO;
    copy[i] = spell;
  }
  return copy;
}

export function wellFormedDocument(raw: unknown): NewsDocument | undefined {
  if (!isObject(raw) || !documentKeysOnly(raw)) return undefined;
  const { id, title, text } = raw;
  if (!isId(id) || typeof title !== 'string' || typeof text !== 'string') return undefined;
  const out: NewsDocument = { id, title, text };
  const source = optional(raw, 'source', isString);
  if (source === NO) return undefined;
  if (source !== undefined || 'source' in raw) out.source = source;
  const url = optional(raw, 'url', isId);
  if (url === NO) return undefined;
  if (url !== undefined || 'url' in raw) out.url = url;
  const published = optional(raw, 'published', isPublished);
  if (published === NO) return undefined;
  if (published !== undefined || 'published' in raw) out.published = published;
  return out;
}

export function wellFormedEntity(raw: unknown): Entity | undefined {
  if (!isObject(raw) || !entityKeysOnly(raw)) return undefined;
  const { id, label, type, aliases, mentions } = raw;
  if (!isId(id) || !isId(label) || !isId(type) || !Array.isArray(aliases) || !Array.isArray(mentions)) return undefined;
  const aliasCopy = new Array<string>(aliases.length);
  for (let i = 0; i < aliases.length; i++) {
    const alias: unknown = aliases[i];
    if (!isId(alias)) return undefined;
    aliasCopy[i] = alias;
  }
  const mentionCopy = new Array<Span>(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const span = wellFormedSpan(mentions[i]);
    if (span === undefined) return undefined;
    mentionCopy[i] = span;
  }
  const out: Entity = { id, label, type, aliases: aliasCopy, mentions: mentionCopy };
  const wikidata = optional(raw, 'wikidata', isWikidataId);
  if (wikidata === NO) return undefined;
  if (wikidata !== undefined || 'wikidata' in raw) out.wikidata = wikidata;
  const attributes = attributesOf(raw);
  if (attributes === NO) return undefined;
  if (attributes !== undefined || 'attributes' in raw) out.attributes = attributes;
  return out;
}

export function wellFormedRelation(raw: unknown): Relation | undefined {
  if (!isObject(raw) || !relationKeysOnly(raw)) return undefined;
  const { id, type, source, target, evidence } = raw;
  if (!isId(id) || !isId(type) || !isId(source) || !isId(target) || !Array.isArray(evidence)) return undefined;
  const evidenceCopy = new Array<Evidence>(evidence.length);
  for (let i = 0; i < evidence.length; i++) {
    const span = wellFormedEvidence(evidence[i]);
    if (span === undefined) return undefined;
    evidenceCopy[i] = span;
  }
  const out: Relation = { id, type, source, target, evidence: evidenceCopy };
  const hedged = optional(raw, 'hedged', isBoolean);
  const negated = optional(raw, 'negated', isBoolean);
  const attributedTo = optional(raw, 'attributedTo', isId);
  if (hedged === NO || negated === NO || attributedTo === NO) return undefined;
  if (hedged !== undefined || 'hedged' in raw) out.hedged = hedged;
  if (negated !== undefined || 'negated' in raw) out.negated = negated;
  if (attributedTo !== undefined || 'attributedTo' in raw) out.attributedTo = attributedTo;
  const reported = spellsOf(raw);
  if (reported === NO) return undefined;
  if (reported !== undefined || 'reported' in raw) out.reported = reported;
  const attributes = attributesOf(raw);
  if (attributes === NO) return undefined;
  if (attributes !== undefined || 'attributes' in raw) out.attributes = attributes;
  const review = optional(raw, 'review', isReview);
  if (review === NO) return undefined;
  if (review !== undefined || 'review' in raw) out.review = review === undefined ? undefined : wellFormedReviewCopy(review);
  return out;
}

const REVIEW_STATUSES: ReadonlySet<unknown> = new Set(['accepted', 'rejected', 'corrected', 'added']);

/** A proposed claim as ProposedClaimSchema parses it, copied in schema key order; undefined when not well formed. */
export function wellFormedProposed(raw: unknown): ProposedClaim | undefined {
  if (!isObject(raw) || !proposedKeysOnly(raw)) return undefined;
  const { type, source, target } = raw;
  if (!isId(type) || !isId(source) || !isId(target)) return undefined;
  const out: ProposedClaim = { type, source, target };
  const negated = optional(raw, 'negated', isBoolean);
  const hedged = optional(raw, 'hedged', isBoolean);
  const attributedTo = optional(raw, 'attributedTo', isId);
  if (negated === NO || hedged === NO || attributedTo === NO) return undefined;
  if (negated !== undefined || 'negated' in raw) out.negated = negated;
  if (hedged !== undefined || 'hedged' in raw) out.hedged = hedged;
  if (attributedTo !== undefined || 'attributedTo' in raw) out.attributedTo = attributedTo;
  return out;
}

/** A relation's review as ReviewSchema parses it, copied; undefined when not well formed. */
export function wellFormedReview(raw: unknown): Review | undefined {
  if (!isObject(raw) || !reviewKeysOnly(raw) || !REVIEW_STATUSES.has(raw.status)) return undefined;
  const out: Review = { status: raw.status as Review['status'] };
  const reason = optional(raw, 'reason', isString);
  if (reason === NO) return undefined;
  if (reason !== undefined || 'reason' in raw) out.reason = reason;
  if (raw.proposed !== undefined) {
    const proposed = wellFormedProposed(raw.proposed);
    if (proposed === undefined) return undefined;
    out.proposed = proposed;
  } else if ('proposed' in raw) out.proposed = undefined;
  return out;
}

const isReview = (value: unknown): value is Review => wellFormedReview(value) !== undefined;
// Parsed twice (check, then copy): reviews are small and few relations have one.
const wellFormedReviewCopy = (value: Review): Review => wellFormedReview(value)!;

/** The top level as validate/datasetCheck.ts's TopLevelSchema checks it (the lists only as arrays): its title, when well formed. */
export function wellFormedTopLevel(raw: unknown, version: number): { title: string | undefined } | undefined {
  if (!isObject(raw) || !topLevelKeysOnly(raw)) return undefined;
  if (raw.version !== version || !Array.isArray(raw.documents) || !Array.isArray(raw.entities) || !Array.isArray(raw.relations)) return undefined;
  // Type declarations are lists too; their records are checked by zod in the dataset check (they are few).
  if (optional(raw, 'relationTypes', Array.isArray) === NO || optional(raw, 'entityTypes', Array.isArray) === NO) return undefined;
  // The history is parsed by zod in the dataset check (HistorySchema): here only its presence as an object.
  if (optional(raw, 'history', isObject) === NO) return undefined;
  const title = optional(raw, 'title', isString);
  return title === NO ? undefined : { title };
}
