/**
 * Benchmark: an analyst's edit on the 10,000-entity / 50,000-relation dataset, in Node.
 *
 * An edit validates only the records it changed and what touches them
 * (model/review/check.ts), so it should cost a small fraction of validating
 * the whole dataset — the baseline, measured in the same run. The redraw
 * (a new graph with every entity where it was, state/keptPlaces.ts) is
 * measured beside building the same model from scratch without a layout.
 * Goal: edit + redraw under 1/3 of a second for a 50,000-relation dataset,
 * so a review queue can go as fast as the keys are pressed.
 */

import { validateDataset } from '../src/model/index.ts';
import { applyEdit, undoEdit } from '../src/model/review/index.ts';
import { SIZES, syntheticDataset } from '../src/model/syntheticDataset.ts';
import { createExplorerModel } from '../src/state/explorerModel.ts';
import { modelAfterEdit } from '../src/state/keptPlaces.ts';
import { row, timeMedian, type BenchRow } from './measure.ts';

export async function benchReview(): Promise<BenchRow[]> {
  const size = SIZES.find((s) => s.name === 'large')!;
  const dataset = syntheticDataset(size);
  const label = `${size.entities} entities / ${size.relations} relations`;
  const rows: BenchRow[] = [];
  const validateMs = await timeMedian(() => validateDataset(dataset), 3);
  const relations = dataset.relations.slice(0, 9).map((r) => r.id);
  let k = 0;
  const acceptMs = await timeMedian(() => {
    const outcome = applyEdit(dataset, { kind: 'accept', relation: relations[k++ % relations.length]! });
    if (!outcome.ok) throw new Error(outcome.reason);
  }, 9);
  rows.push(row({ section: 'review', size: label, metric: 'accept one relation (edit + its check)', unit: 'ms', value: acceptMs, baselineName: 'validate the whole dataset', baseline: validateMs }));
  const [into, from] = [dataset.entities[0]!, dataset.entities.find((e) => e.type === dataset.entities[0]!.type && e.id !== dataset.entities[0]!.id)!];
  const merged = applyEdit(dataset, { kind: 'merge-entities', into: into.id, from: from.id });
  if (merged.ok) {
    const mergeMs = await timeMedian(() => applyEdit(dataset, { kind: 'merge-entities', into: into.id, from: from.id }), 5);
    rows.push(row({ section: 'review', size: label, metric: 'merge two entities (relations rewired, folded)', unit: 'ms', value: mergeMs, baselineName: 'validate the whole dataset', baseline: validateMs }));
    const undoMs = await timeMedian(() => undoEdit(merged.dataset), 5);
    rows.push(row({ section: 'review', size: label, metric: 'undo the merge', unit: 'ms', value: undoMs, baselineName: 'validate the whole dataset', baseline: validateMs }));
  }
  const rejected = applyEdit(dataset, { kind: 'reject', relation: relations[0]! });
  if (!rejected.ok) throw new Error(rejected.reason);
  const scratchMs = await timeMedian(() => createExplorerModel(rejected.dataset, { iterations: 0 }), 3);
  // Each run rejects on a fresh model of its own (the patch changes the graph it is given).
  const models = [0, 1, 2, 3].map(() => createExplorerModel(dataset, { iterations: 0 }));
  let m = 0;
  const redrawMs = await timeMedian(() => modelAfterEdit(models[m++]!, rejected.dataset), 3);
  const total = acceptMs + redrawMs;
  rows.push(
    row({
      section: 'review',
      size: label,
      metric: 'redraw after an edit (graph changed in place)',
      unit: 'ms',
      value: redrawMs,
      baselineName: 'model from scratch, no layout',
      baseline: scratchMs,
      budget: 'edit + redraw < 333 ms',
      withinBudget: total < 333,
    }),
  );
  return rows;
}
