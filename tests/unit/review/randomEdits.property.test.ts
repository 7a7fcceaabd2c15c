/**
 * Random sequences of random edits on the seed dataset: every applied edit
 * leaves a valid dataset (the small per-edit check misses nothing), undoing
 * them all gives back the seed, redoing them all gives the final dataset, and
 * the input is never modified (it is deeply frozen, and compared after).
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS } from '../../../src/model/index.ts';
import { applyEdit, redoEdit, undoEdit } from '../../../src/model/review/index.ts';
import type { Dataset, Edit } from '../../../src/model/schema.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { deepFreeze, withoutHistory } from './reviewFixture.ts';

const seed: Dataset = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8'));

const choice = fc.record({ kind: fc.nat(9), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), flag: fc.boolean() });
type Choice = typeof choice extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** An edit built from the dataset as it now stands, so most name real records (some are refused, which is tested too). */
function editFor(d: Dataset, { kind, a, b, c, flag }: Choice): Edit {
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

it('random edits keep the seed valid, and undo and redo walk back and forth exactly', { timeout: 120_000 }, () => {
  const original = structuredClone(seed);
  const frozen = deepFreeze(structuredClone(seed));
  let appliedCount = 0;
  let refusedCount = 0;
  fc.assert(
    fc.property(fc.array(choice, { minLength: 1, maxLength: 14 }), (choices) => {
      let dataset = frozen;
      const steps: Dataset[] = [frozen];
      for (const c of choices) {
        const outcome = applyEdit(dataset, editFor(dataset, c));
        if (!outcome.ok) {
          refusedCount++;
          expect(outcome.reason).toMatch(/^\S.*[^.]$/);
          continue;
        }
        appliedCount++;
        const checked = validateDataset(outcome.dataset);
        if (!checked.ok) throw new Error(`${outcome.entry.label}: ${JSON.stringify(checked.problems.slice(0, 2))}`);
        dataset = deepFreeze(outcome.dataset);
        steps.push(dataset);
      }
      const final = dataset;
      for (let i = steps.length - 1; i > 0; i--) {
        const undone = undoEdit(dataset);
        if (!undone?.ok) throw new Error('undo refused');
        dataset = deepFreeze(undone.dataset);
        expect(withoutHistory(dataset)).toStrictEqual(withoutHistory(steps[i - 1]!));
      }
      expect(undoEdit(dataset)).toBeNull();
      for (let i = 1; i < steps.length; i++) {
        const redone = redoEdit(dataset);
        if (!redone?.ok) throw new Error('redo refused');
        dataset = redone.dataset;
      }
      expect(dataset).toStrictEqual(final);
    }),
    { numRuns: 150, seed: 17 },
  );
  expect(seed).toStrictEqual(original);
  // The generator must exercise both outcomes, or the property proves little.
  expect(appliedCount).toBeGreaterThan(150);
  expect(refusedCount).toBeGreaterThan(50);
});
