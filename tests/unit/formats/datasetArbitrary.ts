/**
 * fast-check arbitrary for small valid datasets
 * =============================================
 *
 * Builds datasets that pass `validateDataset` by construction: each relation
 * with evidence gets its own line "‹source› ‹filler› ‹target›." in a
 * document, the two names recorded as mentions and the line as the evidence
 * sentence; documents join their lines with LF or CRLF and may hold extra
 * free-text lines.
 *
 * Documents may carry an outlet (`source`), a `url` and a `published` date.
 * Relations may declare reporting days (`reported`: sorted spells, never
 * overlapping, sometimes touching, sometimes an empty list), and evidence an
 * event date (`event`: a year, month or day, its phrase a stretch inside the
 * evidence sentence).
 *
 * A dataset may declare its own relation types (directed or symmetric, with
 * or without a negated label, colour and description) and entity types,
 * and its relations and entities then use them beside the built-in ones.
 *
 * Strings that XML writes as plain attribute or text values (ids, labels) are
 * drawn from a pool of awkward but XML-representable characters; everything
 * else (titles, text, aliases, notes, attribute values) is arbitrary Unicode,
 * control characters and lone surrogates included, since it travels as JSON.
 */

import fc from 'fast-check';
import {
  BUILT_IN_ENTITY_TYPE_IDS,
  BUILT_IN_RELATION_TYPE_IDS,
  dayString,
  type Attributes,
  type Dataset,
  type Entity,
  type EntityTypeDeclaration,
  type Evidence,
  type NewsDocument,
  type Relation,
  type RelationTypeDeclaration,
  type Spell,
} from '../../../src/model/index.ts';

const AWKWARD_CHARS = [
  ...'abcXYZ019 -_.,;:!?',
  ...'&<>"\'`=/\\[]{}()#%',
  '\t',
  'é',
  'ß',
  'İ',
  'ı',
  '’',
  '“',
  '”',
  '—',
  '\u00a0',
  '\u2029',
  '\u2028',
  '\u0085',
  'ش',
  'ع',
  'ب',
  'א',
  'ש',
  '日',
  '本',
  '😀',
  '🇺🇦',
  '🌍',
];

/** Names that start and end with a visible, unmodified character (the validator rejects spans that split characters). */
const plainText = (maxLength: number) => fc.array(fc.constantFrom(...AWKWARD_CHARS), { maxLength }).map((chars) => chars.join(''));
const name = fc
  .tuple(fc.constantFrom('A', 'z', '<', '&', '"', 'ش', 'א', '日', '😀', '9'), plainText(8), fc.constantFrom('a', '>', '&', "'", 'ب', '🌍', '.', ')'))
  .map(([first, middle, last]) => `${first}${middle}${last}`);
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const attributeValue = fc.oneof(
  anyText(12),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
const two = (n: number) => String(n).padStart(2, '0');
/** Valid `published` values in every shape published.ts accepts: a date, a date-time with or without seconds, fraction and zone, 29 February of leap years. */
export const publishedArbitrary: fc.Arbitrary<string> = fc
  .record({
    date: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
    time: fc.option(
      fc.record({
        seconds: fc.option(fc.tuple(fc.nat({ max: 59 }), fc.option(fc.stringMatching(/^\.\d{1,9}$/), { nil: undefined })), { nil: undefined }),
        zone: fc.option(fc.constantFrom('Z', '+02:00', '-05:00', '+0530', '-1200', '+14:00'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ date, time }) => {
    const day = date.toISOString().slice(0, 10);
    if (!time) return day;
    const seconds = time.seconds ? `:${two(time.seconds[0])}${time.seconds[1] ?? ''}` : '';
    return `${day}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${seconds}${time.zone ?? ''}`;
  });
/** Sorted, non-overlapping spells of days (a gap of 0 makes two spells touch), from 1990 to about 2045. */
export const reportedArbitrary: fc.Arbitrary<Spell[]> = fc
  .tuple(fc.integer({ min: 7300, max: 20000 }), fc.array(fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 30 })), { maxLength: 3 }))
  .map(([first, stretches]) => {
    const spells: Spell[] = [];
    let day = first;
    for (const [gap, length] of stretches) {
      const from = day + gap;
      spells.push({ from: dayString(from), to: dayString(from + length) });
      day = from + length + 1;
    }
    return spells;
  });
/** An event date at the precision a phrase gives: "1998", "1998-03" or "1998-03-05". */
export const eventDateArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(4, 7, 10))
  .map(([date, precision]) => date.toISOString().slice(0, precision));
/** Any non-empty string (the schema asks no more of a url), often a real web address. */
const urlArbitrary = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), anyText(20).filter((s) => s.length > 0));
const attributes: fc.Arbitrary<Attributes> = fc.dictionary(
  anyText(6).filter((k) => k !== '__proto__'),
  attributeValue,
  { maxKeys: 3, noNullPrototype: true },
);

const hexColor = fc.tuple(fc.nat({ max: 0xffffff }), fc.boolean()).map(([n, upper]) => {
  const hex = `#${n.toString(16).padStart(6, '0')}`;
  return upper ? hex.toUpperCase() : hex;
});
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Declarations the dataset may carry (absent, an empty list, or a few): labels are any text, since they travel as JSON. */
const declarationPlans = fc.option(
  fc.array(
    fc.record({
      label: anyText(10).filter((s) => s.length > 0),
      negatedLabel: optional(anyText(10).filter((s) => s.length > 0)),
      directed: fc.boolean(),
      color: optional(hexColor),
      description: optional(anyText(12)),
    }),
    { maxLength: 3 },
  ),
  { nil: undefined },
);

interface RelationPlan {
  /** A built-in type or a declared one. */
  type: string;
  source: number;
  target: number;
  hedged: boolean | undefined;
  negated: boolean | undefined;
  attributedTo: number | undefined;
  attributes: Attributes | undefined;
  /** Which document carries the evidence line, or undefined for none. */
  document: number | undefined;
  filler: string;
  note: string | undefined;
  reported: Spell[] | undefined;
  /** The event date, and which stretch of the evidence line is its phrase. */
  event: { date: string; phrase: 'line' | 'filler' | 'source' } | undefined;
}

export const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record({
    title: fc.option(anyText(20), { nil: undefined }),
    relationDeclarations: declarationPlans,
    entityDeclarations: declarationPlans,
    /** Ids of the declared types, relation ones first: unique, and never a built-in id (a name never is). */
    declaredIds: fc.uniqueArray(name, { minLength: 6, maxLength: 6 }),
    entityIds: fc.uniqueArray(name, { minLength: 1, maxLength: 5 }),
    relationIds: fc.uniqueArray(name, { maxLength: 6 }),
    documents: fc.uniqueArray(
      fc.record({
        id: anyText(6).filter((s) => s.length > 0),
        title: anyText(12),
        source: fc.option(anyText(12), { nil: undefined }),
        url: fc.option(urlArbitrary, { nil: undefined }),
        published: fc.option(publishedArbitrary, { nil: undefined }),
        crlf: fc.boolean(),
        extraLines: fc.array(anyText(20), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 2, selector: (d) => d.id },
    ),
  })
  .chain(({ title, relationDeclarations, entityDeclarations, declaredIds, entityIds, relationIds, documents }) => {
    const relationTypes: RelationTypeDeclaration[] | undefined = relationDeclarations?.map((plan, i) => {
      const declaration: RelationTypeDeclaration = { id: declaredIds[i]!, label: plan.label, directed: plan.directed };
      if (plan.negatedLabel !== undefined) declaration.negatedLabel = plan.negatedLabel;
      if (plan.color !== undefined) declaration.color = plan.color;
      if (plan.description !== undefined) declaration.description = plan.description;
      return declaration;
    });
    const entityTypes: EntityTypeDeclaration[] | undefined = entityDeclarations?.map((plan, i) => {
      const declaration: EntityTypeDeclaration = { id: declaredIds[3 + i]!, label: plan.label };
      if (plan.color !== undefined) declaration.color = plan.color;
      if (plan.description !== undefined) declaration.description = plan.description;
      return declaration;
    });
    const relationTypeIds = [...BUILT_IN_RELATION_TYPE_IDS, ...(relationTypes ?? []).map((d) => d.id)];
    const entityTypeIds = [...BUILT_IN_ENTITY_TYPE_IDS, ...(entityTypes ?? []).map((d) => d.id)];
    return fc
      .record({
        entities: fc.tuple(
          ...entityIds.map(() =>
            fc.record({
              label: name,
              // Declared types about as often as built-in ones, when there are some.
              type: entityTypes?.length ? fc.oneof(fc.constantFrom(...BUILT_IN_ENTITY_TYPE_IDS), fc.constantFrom(...entityTypeIds.slice(BUILT_IN_ENTITY_TYPE_IDS.length))) : fc.constantFrom(...entityTypeIds),
              aliases: fc.array(anyText(8).filter((s) => s.length > 0), { maxLength: 2 }),
              attributes: fc.option(attributes, { nil: undefined }),
            }),
          ),
        ),
        relations: fc.tuple(
          ...relationIds.map(() =>
            fc.record<RelationPlan>({
              type: relationTypes?.length
                ? fc.oneof(fc.constantFrom(...BUILT_IN_RELATION_TYPE_IDS), fc.constantFrom(...relationTypeIds.slice(BUILT_IN_RELATION_TYPE_IDS.length)))
                : fc.constantFrom(...relationTypeIds),
              source: fc.nat({ max: entityIds.length - 1 }),
              target: fc.nat({ max: entityIds.length - 1 }),
              hedged: fc.option(fc.boolean(), { nil: undefined }),
              negated: fc.option(fc.boolean(), { nil: undefined }),
              attributedTo: fc.option(fc.nat({ max: entityIds.length - 1 }), { nil: undefined }),
              attributes: fc.option(attributes, { nil: undefined }),
              document: fc.option(fc.nat({ max: documents.length - 1 }), { nil: undefined }),
              filler: plainText(10),
              note: fc.option(anyText(10).filter((s) => s.length > 0), { nil: undefined }),
              reported: fc.option(reportedArbitrary, { nil: undefined }),
              event: fc.option(fc.record({ date: eventDateArbitrary, phrase: fc.constantFrom('line' as const, 'filler' as const, 'source' as const) }), { nil: undefined }),
            }),
          ),
        ),
      })
      .map(({ entities: entityPlans, relations: relationPlans }) => {
        const entities: Entity[] = entityPlans.map((plan, i) => {
          const entity: Entity = { id: entityIds[i]!, label: plan.label, type: plan.type, aliases: plan.aliases, mentions: [] };
          if (plan.attributes !== undefined) entity.attributes = plan.attributes;
          return entity;
        });
        const lines: string[][] = documents.map((d) => [...d.extraLines.filter((l) => !/[\r\n\u2028\u2029\u0085]/.test(l))]);
        const pending: Array<{ relation: Relation; doc: number; line: number; plan: RelationPlan }> = [];
        const relations: Relation[] = relationPlans.map((plan, i) => {
          const relation: Relation = { id: relationIds[i]!, type: plan.type, source: entities[plan.source]!.id, target: entities[plan.target]!.id, evidence: [] };
          if (plan.hedged !== undefined) relation.hedged = plan.hedged;
          if (plan.negated !== undefined) relation.negated = plan.negated;
          if (plan.attributedTo !== undefined) relation.attributedTo = entities[plan.attributedTo]!.id;
          if (plan.reported !== undefined) relation.reported = plan.reported;
          if (plan.attributes !== undefined) relation.attributes = plan.attributes;
          if (plan.document !== undefined) {
            const source = entities[plan.source]!.label;
            const target = entities[plan.target]!.label;
            lines[plan.document]!.push(`${source} ${plan.filler} ${target}.`);
            pending.push({ relation, doc: plan.document, line: lines[plan.document]!.length - 1, plan });
          }
          return relation;
        });
        const docs: NewsDocument[] = documents.map((d, i) => {
          const doc: NewsDocument = { id: d.id, title: d.title, text: lines[i]!.join(d.crlf ? '\r\n' : '\n') };
          if (d.source !== undefined) doc.source = d.source;
          if (d.url !== undefined) doc.url = d.url;
          if (d.published !== undefined) doc.published = d.published;
          return doc;
        });
        for (const { relation, doc, line, plan } of pending) {
          const document = documents[doc]!;
          const separator = document.crlf ? 2 : 1;
          const start = lines[doc]!.slice(0, line).reduce((sum, l) => sum + l.length + separator, 0);
          const text = lines[doc]![line]!;
          const evidence: Evidence = { document: document.id, start, end: start + text.length };
          if (plan.note !== undefined) evidence.note = plan.note;
          const source = entities[plan.source]!;
          const target = entities[plan.target]!;
          if (plan.event !== undefined) {
            // A stretch of whole characters inside the line: all of it, the filler between the names (when there is one), or the source's name.
            const fillerStart = start + source.label.length + 1;
            const [from, to] =
              plan.event.phrase === 'filler' && plan.filler.length > 0
                ? [fillerStart, fillerStart + plan.filler.length]
                : plan.event.phrase === 'source'
                  ? [start, start + source.label.length]
                  : [start, start + text.length];
            evidence.event = { date: plan.event.date, start: from, end: to };
          }
          relation.evidence.push(evidence);
          source.mentions.push({ document: document.id, start, end: start + source.label.length });
          const targetStart = start + text.length - 1 - target.label.length;
          target.mentions.push({ document: document.id, start: targetStart, end: targetStart + target.label.length });
        }
        const dataset: Dataset = { version: 1, documents: docs, entities, relations };
        if (title !== undefined) dataset.title = title;
        if (relationTypes !== undefined) dataset.relationTypes = relationTypes;
        if (entityTypes !== undefined) dataset.entityTypes = entityTypes;
        return dataset;
      });
  });
