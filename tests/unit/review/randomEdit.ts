/**
 * Random edits for property tests: a choice of numbers turned into an edit
 * that names records of the dataset as it now stands (so most are applied;
 * some are refused, which the tests count too).
 */

import fc from 'fast-check';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS } from '../../../src/model/index.ts';
import type { Dataset, Edit } from '../../../src/model/schema.ts';

export const choice = fc.record({ kind: fc.nat(9), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), flag: fc.boolean() });
export type Choice = typeof choice extends fc.Arbitrary<infer T> ? T : never;


const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** An edit built from the dataset as it now stands, so most name real records (some are refused, which is tested too). */
export function editFor(d: Dataset, { kind, a, b, c, flag }: Choice): Edit {
  const relation = pick(d.relations, a);
  const e1 = pick(d.entities, b);
  const e2 = pick(d.entities, c);
  switch (kind) {
    case 0:
      return { kind: 'accept', relation: relation.id };
    case 1:
      return flag ? { kind: 'reject', relation: relation.id, reason: 'wrong' } : { kind: 'reject', relation: relation.id };
    case 2:
      return { kind: 'restore', relation: relation.id };
    case 3: {
      const variants: Edit[] = [
        { kind: 'correct', relation: relation.id, type: pick(BUILT_IN_RELATION_TYPE_IDS, c) },
        { kind: 'correct', relation: relation.id, swap: true },
        { kind: 'correct', relation: relation.id, negated: flag, hedged: !flag },
        { kind: 'correct', relation: relation.id, attributedTo: flag ? e1.id : null },
        { kind: 'correct', relation: relation.id, source: e1.id },
        { kind: 'correct', relation: relation.id, target: e2.id },
        { kind: 'correct', relation: relation.id, dropEvidence: [c % (relation.evidence.length + 1)] },
      ];
      return pick(variants, b + c);
    }
    case 4: {
      const sentence = pick(relation.evidence, b);
      const inside = d.entities.filter((e) => e.mentions.some((m) => m.document === sentence.document && m.start >= sentence.start && m.end <= sentence.end));
      const source = inside.length > 0 ? pick(inside, b) : e1;
      const target = inside.length > 1 ? pick(inside, c) : e2;
      return { kind: 'add-relation', type: pick(BUILT_IN_RELATION_TYPE_IDS, a + c), source: source.id, target: target.id, evidence: { document: sentence.document, start: sentence.start, end: sentence.end }, negated: flag };
    }
    case 5:
      return { kind: 'merge-entities', into: e1.id, from: e2.id };
    case 6: {
      const names = [e1.label, ...e1.aliases];
      const chosen = names.filter((_, i) => ((c >> i) & 1) === 1);
      return { kind: 'split-entity', entity: e1.id, names: chosen.length > 0 ? chosen : [pick(names, c)] };
    }
    case 7:
      return { kind: 'rename-entity', entity: e1.id, label: flag ? pick([e1.label, ...e1.aliases, e2.label], c) : `Name ${c}` };
    case 8:
      return { kind: 'retype-entity', entity: e1.id, type: pick(BUILT_IN_ENTITY_TYPE_IDS, c) };
    default:
      return { kind: 'add-alias', entity: e1.id, alias: flag ? pick([e1.label, ...e1.aliases], c) : `Alias ${c}` };
  }
}
