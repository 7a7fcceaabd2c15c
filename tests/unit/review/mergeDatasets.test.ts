/** Merging datasets with reviews: proposed claims follow their entities, and the merged dataset starts with no history. */

import { expect, it } from 'vitest';
import { mergeDatasets } from '../../../src/model/merge.ts';
import { applyEdit } from '../../../src/model/review/index.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { reviewDataset } from './reviewFixture.ts';

it('remaps a proposed claim’s ends like attributedTo, and drops both histories', () => {
  const first = reviewDataset();
  const second = reviewDataset();
  // The second's Zelensky has another id: the merge maps it to the first's (same type and name).
  second.entities = second.entities.map((e) => (e.id === 'zelensky' ? { ...e, id: 'vz' } : e));
  second.relations = second.relations.map((r) => ({ ...r, id: `${r.id}b`, source: r.source === 'zelensky' ? 'vz' : r.source }));
  second.relations.push({ id: 'extra', type: 'urged', source: 'ukraine', target: 'russia', evidence: [second.relations[0]!.evidence[0]!], review: { status: 'corrected', proposed: { type: 'accused', source: 'vz', target: 'russia', attributedTo: 'vz' } } });
  const edited = applyEdit(second, { kind: 'accept', relation: 'r1b' });
  if (!edited.ok) throw new Error(edited.reason);
  expect(edited.dataset.history?.entries).toHaveLength(1);
  const dataset = mergeDatasets(first, edited.dataset);
  expect(validateDataset(dataset).ok).toBe(true);
  expect(dataset.history).toBeUndefined();
  const extra = dataset.relations.find((r) => r.review?.proposed?.type === 'accused')!;
  expect(extra.review?.proposed).toEqual({ type: 'accused', source: 'zelensky', target: 'russia', attributedTo: 'zelensky' });
  expect(second.relations.at(-1)!.review?.proposed?.source).toBe('vz');
});

it('a dataset with no review and no history merges as before', () => {
  const dataset = mergeDatasets(reviewDataset(), reviewDataset());
  expect(validateDataset(dataset).ok).toBe(true);
  expect(dataset.history).toBeUndefined();
});
