/**
 * Explorer model
 * ==============
 *
 * Everything derived once from a dataset when the explorer opens: the laid-out
 * graph, its graph index (for the reducers and the legend) and the dataset
 * index (for the side panel). Nothing here changes afterwards; what the reader
 * does lives in `ExplorerState`.
 */

import { buildGraph } from '../graph/buildGraph.ts';
import type { NewsGraph } from '../graph/attributes.ts';
import { initialLayout, type LayoutOptions } from '../graph/layout.ts';
import { shortLabel } from '../graph/shortLabel.ts';
import { buildGraphIndex, type GraphIndex } from '../graph/graphIndex.ts';
import { buildReportingIndex, buildSourceIndex, typeCatalog, type Dataset, type ReportingIndex, type SourceIndex } from '../model/index.ts';
import { buildDatasetIndex, type DatasetIndex } from './datasetIndex.ts';

export interface ExplorerModel {
  readonly dataset: Dataset;
  readonly graph: NewsGraph;
  readonly index: GraphIndex;
  /** Built on first use (a panel's first render): for a 50,000-relation corpus it costs a tenth of a second the first frame does not need. */
  readonly data: DatasetIndex;
  /** When each relation was reported (built on first use: the timeline, a window, a panel). */
  readonly reporting: ReportingIndex;
  /** Who reported each relation: articles, outlets, wire copies (built on first use). */
  readonly sources: SourceIndex;
}

/** A model of a built graph; the indexes nobody has asked for yet are built on first use. */
export function explorerModelOf(dataset: Dataset, graph: NewsGraph, index: GraphIndex): ExplorerModel {
  let data: DatasetIndex | undefined;
  let reporting: ReportingIndex | undefined;
  let sources: SourceIndex | undefined;
  return {
    dataset,
    graph,
    index,
    get data() {
      data ??= buildDatasetIndex(dataset);
      return data;
    },
    get reporting() {
      reporting ??= buildReportingIndex(dataset);
      return reporting;
    },
    get sources() {
      sources ??= buildSourceIndex(dataset);
      return sources;
    },
  };
}

export function createExplorerModel(dataset: Dataset, layout: Partial<LayoutOptions> = {}): ExplorerModel {
  const built = buildGraph(dataset);
  // Drawn labels only: the layout and the camera fit measure them; the panel shows `dataset`'s full names.
  built.updateEachNodeAttributes((_node, attributes) => {
    const label = shortLabel(attributes.label);
    return label === attributes.label ? attributes : { ...attributes, label };
  });
  const graph = initialLayout(built, layout);
  return explorerModelOf(dataset, graph, buildGraphIndex(graph, typeCatalog(dataset)));
}
