/**
 * The validator's fast path (src/model/wellFormed.ts) against zod itself:
 * whatever it vouches for, zod accepts, and it returns exactly zod's output
 * (same values, same key order, `undefined`-valued optional keys kept). It may
 * decline what zod accepts (then zod is asked), but it must not decline the
 * ordinary well-formed records, or the speed-up silently disappears.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, EntitySchema, EventDateSchema, EvidenceSchema, ProposedClaimSchema, RelationSchema, ReviewSchema, SpanSchema, SpellSchema } from '../../../src/model/schema.ts';
import {
  WELL_FORMED_KEYS,
  wellFormedDocument,
  wellFormedEntity,
  wellFormedEventDate,
  wellFormedEvidence,
  wellFormedProposed,
  wellFormedRelation,
  wellFormedReview,
  wellFormedSpan,
  wellFormedSpell,
} from '../../../src/model/wellFormed.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS } from '../../../src/model/index.ts';
import type { z } from 'zod';
import { publishedArbitrary } from '../formats/datasetArbitrary.ts';

/** Keys in order, recursively: zod's output order is part of what must match (JSON written from a dataset follows it). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return value;
}

function agreesWithZod(fast: (raw: unknown) => unknown, schema: z.ZodType, raw: unknown): boolean {
  const quick = fast(raw);
  if (quick === undefined) return true;
  const parsed = schema.safeParse(raw);
  expect(parsed.success).toBe(true);
  expect(shape(quick)).toEqual(shape(parsed.data));
  expect(quick).not.toBe(raw);
  return true;
}

// Values near the edges of each field's rules, so random records land on both sides of them.
const edgy = fc.oneof(
  fc.constantFrom(undefined, null, '', 'x', 'seed', 0, -0, -1, 1, 0.5, 2 ** 53, NaN, Infinity, true, false, [], {}, 'person', 'accused'),
  fc.constantFrom(...BUILT_IN_ENTITY_TYPE_IDS, ...BUILT_IN_RELATION_TYPE_IDS),
  // Dates on both sides of published.ts's rule.
  fc.constantFrom('2023-09-21', '2024-02-29', '2023-02-29', '2023-02-30', '2023-13-01', '2023-09-21T14:05:00Z', '2023-09-21T14:05+0200', '2023-09-21 14:05', '2023-9-21', 'yesterday'),
  // Event dates (a year, month or day) on both sides of days.ts's rule.
  fc.constantFrom('2022', '2022-03', '2022-12', '2022-00', '2022-13', '2022-3', '22', '20222', '0000', '2022-03-'),
  publishedArbitrary,
  fc.string(),
  fc.integer(),
  fc.double(),
);
const valueOrMissing = fc.option(edgy, { nil: undefined });

function recordOf(keys: readonly string[], extra: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), extra), fc.shuffledSubarray([...keys]))
    .map(([record, order]) => {
      // Random key order, some keys present with the value undefined.
      const out: Record<string, unknown> = {};
      for (const key of order) if (key in record) out[key] = record[key];
      for (const key of Object.keys(record)) if (!(key in out)) Object.defineProperty(out, key, { value: record[key], enumerable: true, writable: true, configurable: true });
      return out;
    });
}

const validSpan = fc.record({ document: fc.string({ minLength: 1 }), start: fc.nat(), end: fc.nat() });
const validDay = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validEventDate = fc.record({ date: fc.oneof(validDay, validDay.map((d) => d.slice(0, 7)), validDay.map((d) => d.slice(0, 4))), start: fc.nat(), end: fc.nat() });
const validSpell = fc.record({ from: validDay, to: validDay });
const eventLike = recordOf([...WELL_FORMED_KEYS.eventDate], valueOrMissing);
const spellLike = recordOf([...WELL_FORMED_KEYS.spell], valueOrMissing);
const validEvidence = fc.record(
  { document: fc.string({ minLength: 1 }), start: fc.nat(), end: fc.nat(), note: fc.option(fc.string({ minLength: 1 }), { nil: undefined }), event: fc.option(validEventDate, { nil: undefined }) },
  { requiredKeys: ['document', 'start', 'end'] },
);
const attributes = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)));
const validEntity = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    label: fc.string({ minLength: 1 }),
    type: fc.constantFrom(...BUILT_IN_ENTITY_TYPE_IDS),
    aliases: fc.array(fc.string({ minLength: 1 })),
    mentions: fc.array(validSpan),
    attributes,
  },
  { requiredKeys: ['id', 'label', 'type', 'aliases', 'mentions'] },
);
const validProposed = fc.record(
  { type: fc.constantFrom(...BUILT_IN_RELATION_TYPE_IDS), source: fc.string({ minLength: 1 }), target: fc.string({ minLength: 1 }), negated: fc.boolean(), hedged: fc.boolean(), attributedTo: fc.string({ minLength: 1 }) },
  { requiredKeys: ['type', 'source', 'target'] },
);
const validReview = fc.record(
  { status: fc.constantFrom('accepted', 'rejected', 'corrected', 'added'), reason: fc.string(), proposed: validProposed },
  { requiredKeys: ['status'] },
);
const proposedLike = recordOf([...WELL_FORMED_KEYS.proposed], valueOrMissing);
const reviewLike = recordOf([...WELL_FORMED_KEYS.review], fc.oneof(valueOrMissing, fc.constantFrom('accepted', 'rejected', 'corrected', 'added', 'unreviewed'), proposedLike, validProposed));
const validRelation = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    type: fc.constantFrom(...BUILT_IN_RELATION_TYPE_IDS),
    source: fc.string({ minLength: 1 }),
    target: fc.string({ minLength: 1 }),
    evidence: fc.array(validEvidence),
    hedged: fc.boolean(),
    negated: fc.boolean(),
    attributedTo: fc.string({ minLength: 1 }),
    reported: fc.array(validSpell),
    attributes,
    review: validReview,
  },
  { requiredKeys: ['id', 'type', 'source', 'target', 'evidence'] },
);
const validDocument = fc.record(
  { id: fc.string({ minLength: 1 }), title: fc.string(), text: fc.string(), source: fc.string(), url: fc.oneof(fc.webUrl(), fc.string({ minLength: 1 })), published: publishedArbitrary },
  { requiredKeys: ['id', 'title', 'text'] },
);

// Thousands of random records per test: more than the default 5 s on a machine busy with other work (no speed goal here).
describe('wellFormed fast path', { timeout: 60_000 }, () => {
  it('knows exactly the fields of each schema', () => {
    expect([...WELL_FORMED_KEYS.span]).toEqual(Object.keys(SpanSchema.shape));
    expect([...WELL_FORMED_KEYS.evidence]).toEqual(Object.keys(EvidenceSchema.shape));
    expect([...WELL_FORMED_KEYS.eventDate]).toEqual(Object.keys(EventDateSchema.shape));
    expect([...WELL_FORMED_KEYS.spell]).toEqual(Object.keys(SpellSchema.shape));
    expect([...WELL_FORMED_KEYS.document]).toEqual(Object.keys(DocumentSchema.shape));
    expect([...WELL_FORMED_KEYS.entity]).toEqual(Object.keys(EntitySchema.shape));
    expect([...WELL_FORMED_KEYS.relation]).toEqual(Object.keys(RelationSchema.shape));
    expect([...WELL_FORMED_KEYS.review]).toEqual(Object.keys(ReviewSchema.shape));
    expect([...WELL_FORMED_KEYS.proposed]).toEqual(Object.keys(ProposedClaimSchema.shape));
  });

  it('agrees with zod on reviews and proposed claims, alone and inside relations', () => {
    fc.assert(fc.property(fc.oneof(proposedLike, validProposed, edgy, fc.anything()), (raw) => agreesWithZod(wellFormedProposed, ProposedClaimSchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(fc.oneof(reviewLike, validReview, edgy, fc.anything()), (raw) => agreesWithZod(wellFormedReview, ReviewSchema, raw)), { numRuns: 2000 });
    fc.assert(fc.property(validReview, (raw) => wellFormedReview(raw) !== undefined));
    const withReview = fc.tuple(validRelation, fc.oneof(reviewLike, validReview, edgy)).map(([relation, review]) => ({ ...relation, review }));
    fc.assert(fc.property(withReview, (raw) => agreesWithZod(wellFormedRelation, RelationSchema, raw)), { numRuns: 1000 });
  });

  it('vouches only for what zod accepts, returning what zod returns', () => {
    const spanLike = recordOf([...WELL_FORMED_KEYS.evidence], fc.oneof(valueOrMissing, eventLike, validEventDate));
    fc.assert(fc.property(fc.oneof(eventLike, validEventDate, edgy, fc.anything()), (raw) => agreesWithZod(wellFormedEventDate, EventDateSchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(fc.oneof(spellLike, validSpell, edgy, fc.anything()), (raw) => agreesWithZod(wellFormedSpell, SpellSchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(fc.oneof(spanLike, edgy, fc.anything()), (raw) => agreesWithZod(wellFormedSpan, SpanSchema, raw) && agreesWithZod(wellFormedEvidence, EvidenceSchema, raw)), { numRuns: 2000 });
    fc.assert(fc.property(fc.oneof(recordOf([...WELL_FORMED_KEYS.document], valueOrMissing), fc.anything()), (raw) => agreesWithZod(wellFormedDocument, DocumentSchema, raw)), { numRuns: 1000 });
    const nested = fc.oneof(valueOrMissing, fc.array(fc.oneof(edgy, spanLike)), fc.array(fc.oneof(spellLike, validSpell)), attributes, fc.dictionary(fc.string(), fc.anything()), reviewLike);
    fc.assert(fc.property(recordOf([...WELL_FORMED_KEYS.entity], nested), (raw) => agreesWithZod(wellFormedEntity, EntitySchema, raw)), { numRuns: 2000 });
    fc.assert(fc.property(recordOf([...WELL_FORMED_KEYS.relation], nested), (raw) => agreesWithZod(wellFormedRelation, RelationSchema, raw)), { numRuns: 2000 });
  });

  it('agrees with zod on valid records changed in one field', () => {
    const mutated = <T extends Record<string, unknown>>(valid: fc.Arbitrary<T>) =>
      fc.tuple(valid, fc.constantFrom(...new Set([...WELL_FORMED_KEYS.relation, ...WELL_FORMED_KEYS.entity, ...WELL_FORMED_KEYS.evidence, 'extra'])), edgy).map(([record, key, value]) => ({ ...record, [key]: value }));
    fc.assert(fc.property(mutated(validEntity), (raw) => agreesWithZod(wellFormedEntity, EntitySchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(mutated(validRelation), (raw) => agreesWithZod(wellFormedRelation, RelationSchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(mutated(validEvidence), (raw) => agreesWithZod(wellFormedEvidence, EvidenceSchema, raw)), { numRuns: 1000 });
    const mutatedSmall = <T extends Record<string, unknown>>(valid: fc.Arbitrary<T>, keys: ReadonlySet<string>) => fc.tuple(valid, fc.constantFrom(...keys, 'extra'), edgy).map(([record, key, value]) => ({ ...record, [key]: value }));
    fc.assert(fc.property(mutatedSmall(validEventDate, WELL_FORMED_KEYS.eventDate), (raw) => agreesWithZod(wellFormedEventDate, EventDateSchema, raw)), { numRuns: 1000 });
    fc.assert(fc.property(mutatedSmall(validSpell, WELL_FORMED_KEYS.spell), (raw) => agreesWithZod(wellFormedSpell, SpellSchema, raw)), { numRuns: 1000 });
    const mutatedDocument = fc.tuple(validDocument, fc.constantFrom(...WELL_FORMED_KEYS.document, 'extra'), edgy).map(([record, key, value]) => ({ ...record, [key]: value }));
    fc.assert(fc.property(mutatedDocument, (raw) => agreesWithZod(wellFormedDocument, DocumentSchema, raw)), { numRuns: 2000 });
  });

  it('vouches for every ordinary well-formed record (so the fast path is taken)', () => {
    fc.assert(fc.property(validEntity, (raw) => wellFormedEntity(raw) !== undefined && agreesWithZod(wellFormedEntity, EntitySchema, raw)));
    fc.assert(fc.property(validRelation, (raw) => wellFormedRelation(raw) !== undefined && agreesWithZod(wellFormedRelation, RelationSchema, raw)));
    fc.assert(fc.property(validDocument, (raw) => wellFormedDocument(raw) !== undefined && agreesWithZod(wellFormedDocument, DocumentSchema, raw)));
    fc.assert(fc.property(validEvidence, (raw) => wellFormedEvidence(raw) !== undefined && agreesWithZod(wellFormedEvidence, EvidenceSchema, raw)));
    fc.assert(fc.property(validEventDate, (raw) => wellFormedEventDate(raw) !== undefined && agreesWithZod(wellFormedEventDate, EventDateSchema, raw)));
    fc.assert(fc.property(validSpell, (raw) => wellFormedSpell(raw) !== undefined && agreesWithZod(wellFormedSpell, SpellSchema, raw)));
  });

  it('keeps an optional key written as undefined, as zod does', () => {
    const raw = { id: 'r', type: 'accused', source: 'a', target: 'b', evidence: [{ document: 'd', start: 0, end: 1, note: undefined, event: undefined }], hedged: undefined, reported: undefined };
    const quick = wellFormedRelation(raw)!;
    expect(Object.keys(quick)).toEqual(['id', 'type', 'source', 'target', 'evidence', 'hedged', 'reported']);
    expect(Object.keys(quick.evidence[0]!)).toEqual(['document', 'start', 'end', 'note', 'event']);
    agreesWithZod(wellFormedRelation, RelationSchema, raw);
  });

  it('declines what it need not judge: inherited keys, unsafe integers, getters that throw', () => {
    const inherited = Object.assign(Object.create({ extra: 1 }), { document: 'd', start: 0, end: 1 });
    expect(wellFormedSpan(inherited)).toBeUndefined();
    expect(wellFormedSpan({ document: 'd', start: 2 ** 53, end: 1 })).toBeUndefined();
    expect(() => wellFormedSpan({ document: 'd', start: 0, get end(): number { throw new Error('boom'); } })).toThrow('boom');
  });
});
