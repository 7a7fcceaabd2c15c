/**
 * Benchmark: time and sources on the 10,000-entity / 50,000-relation dataset
 * (articles dated over two years), in Node.
 *
 *  - reporting index (each relation's days) and source index (outlets, wire
 *    copies), built once per dataset;
 *  - the histogram of 50,000 relations: goal < 50 ms;
 *  - the scene after a window move against the scene after a relation-type
 *    toggle (the same work the reducers then read), and the refresh scope
 *    each asks sigma for. What the brush costs on screen is in the
 *    `browser` section (window move → frame beside relation-type filter → frame).
 */

import { buildHistogram, buildReportingIndex, buildSourceIndex, dayNumber } from '../src/model/index.ts';
import { SIZES, syntheticDataset } from '../src/model/syntheticDataset.ts';
import { createExplorerModel } from '../src/state/explorerModel.ts';
import { initialExplorerState, setWindow, toggleRelationType } from '../src/state/explorerState.ts';
import { refreshScope } from '../src/state/refreshScope.ts';
import { computeScene } from '../src/state/scene.ts';
import { row, timeMedian, type BenchRow } from './measure.ts';

export async function benchTimeline(): Promise<BenchRow[]> {
  const size = SIZES.find((s) => s.name === 'large')!;
  const dataset = syntheticDataset(size);
  const label = `${size.entities} entities / ${size.relations} relations`;
  const rows: BenchRow[] = [];
  const reportingMs = await timeMedian(() => buildReportingIndex(dataset), 9);
  rows.push(row({ section: 'timeline', size: label, metric: 'reporting index (days per relation)', unit: 'ms', value: reportingMs }));
  const sourcesMs = await timeMedian(() => buildSourceIndex(dataset), 5);
  rows.push(row({ section: 'timeline', size: label, metric: 'source index (outlets, wire copies of 250 articles)', unit: 'ms', value: sourcesMs }));
  const reporting = buildReportingIndex(dataset);
  const types = [...new Set(dataset.relations.map((r) => r.type))];
  const histogramMs = await timeMedian(() => buildHistogram(reporting, dataset.relations, types), 15);
  rows.push(row({ section: 'timeline', size: label, metric: 'histogram of 50,000 relations (weeks × types)', unit: 'ms', value: histogramMs, budget: '< 50 ms', withinBudget: histogramMs < 50 }));

  const model = createExplorerModel(dataset, { iterations: 0 });
  void model.reporting;
  void model.sources;
  const initial = initialExplorerState(model.index.relationTypes);
  const windows = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
    const from = dayNumber('2022-01-01') + i * 60;
    return setWindow({ from, to: from + 90 })(initial);
  });
  let w = 0;
  const base = computeScene(model, windows[0]!);
  const windowMs = await timeMedian(() => {
    const next = computeScene(model, windows[(w = (w + 1) % windows.length)]!, base);
    refreshScope(base, next);
  }, 9);
  const type = model.index.relationTypes[0]!;
  const plainBase = computeScene(model, initial);
  const toggled = toggleRelationType(type)(initial);
  const toggleMs = await timeMedian(() => refreshScope(plainBase, computeScene(model, toggled, plainBase)), 9);
  rows.push(
    row({
      section: 'timeline',
      size: label,
      metric: 'window move → scene + refresh scope',
      unit: 'ms',
      value: windowMs,
      baselineName: 'relation-type toggle',
      baseline: toggleMs,
    }),
  );
  return rows;
}
