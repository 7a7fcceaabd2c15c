/**
 * Explorer model
 * ==============
 *
 * Everything derived once from a dataset when the explorer opens: the laid-out
 * graph, its graph index (for the reducers and the legend) and the dataset
 * index (for the side panel). Nothing here changes afterwards; what the reader
 * does lives in `ExplorerState`. An analyst's edit makes a new model from the
 * edited dataset (editedModel.ts), keeping where every entity was drawn.
 *
 * Two datasets: `full` is the one kept, saved and exported — with the
 * relations the analyst rejected and the edit history; `dataset` is what the
 * explorer shows, the rejected relations left out (model/review).
 */

import { buildGraph } from '../graph/buildGraph.ts';
import type { NewsGraph } from '../graph/attributes.ts';
import { initialLayout, type LayoutOptions } from '../graph/layout.ts';
import { shortLabel } from '../graph/shortLabel.ts';
import { buildGraphIndex, type GraphIndex } from '../graph/graphIndex.ts';
import { buildReportingIndex, buildSourceIndex, typeCatalog, type Dataset, type ReportingIndex, type SourceIndex } from '../model/index.ts';
import { withoutRejected } from '../model/review/index.ts';
import { buildDatasetIndex, type DatasetIndex } from './datasetIndex.ts';

export interface ExplorerModel {
  /** What the explorer shows: `full` without the rejected relations. */
  readonly dataset: Dataset;
  /** The dataset as kept (saved, exported, edited): rejected relations and the edit history included. */
  readonly full: Dataset;
  readonly graph: NewsGraph;
  readonly index: GraphIndex;
  /** Built on first use (a panel's first render): for a 50,000-relation corpus it costs a tenth of a second the first frame does not need. */
  readonly data: DatasetIndex;
  /** When each relation was reported (built on first use: the timeline, a window, a panel). */
  readonly reporting: ReportingIndex;
  /** Who reported each relation: articles, outlets, wire copies (built on first use). */
  readonly sources: SourceIndex;
}

/** A model of a built graph (built from `dataset`, the shown part of `full`); the indexes nobody has asked for yet are built on first use. */
export function explorerModelOf(dataset: Dataset, graph: NewsGraph, index: GraphIndex, full: Dataset = dataset): ExplorerModel {
  let data: DatasetIndex | undefined;
  let reporting: ReportingIndex | undefined;
  let sources: SourceIndex | undefined;
  return {
    dataset,
    full,
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

/** The graph of `dataset`'s shown part, its drawn labels cut short; not laid out. */
export function unplacedGraph(dataset: Dataset): NewsGraph {
  const built = buildGraph(dataset);
  // Drawn labels only: the layout and the camera fit measure them; the panel shows `dataset`'s full names.
  built.updateEachNodeAttributes((_node, attributes) => {
    const label = shortLabel(attributes.label);
    return label === attributes.label ? attributes : { ...attributes, label };
  });
  return built;
}

export function createExplorerModel(full: Dataset, layout: Partial<LayoutOptions> = {}): ExplorerModel {
  const dataset = withoutRejected(full);
  const graph = initialLayout(unplacedGraph(dataset), layout);
  return explorerModelOf(dataset, graph, buildGraphIndex(graph, typeCatalog(dataset)), full);
}
