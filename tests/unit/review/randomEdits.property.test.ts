/**
 * Random sequences of random edits on the seed dataset: every applied edit
 * leaves a valid dataset (the small per-edit check misses nothing), undoing
 * them all gives back the seed, redoing them all gives the final dataset, and
 * the input is never modified (it is deeply frozen, and compared after).
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { applyEdit, redoEdit, undoEdit } from '../../../src/model/review/index.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { choice, editFor } from './randomEdit.ts';
import { deepFreeze, withoutHistory } from './reviewFixture.ts';

const seed: Dataset = JSON.parse(readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8'));

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
