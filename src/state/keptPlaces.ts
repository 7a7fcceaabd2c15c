/**
 * A new model drawn where the old one was
 * =======================================
 *
 * When the dataset on screen changes in place — the corpus grows (corpus
 * mode), the analyst edits it (review) — the new graph keeps every entity
 * already drawn where it was, and puts new ones near their relatives
 * (corpusPlacement.ts); the layout is never run again, so the reader's
 * mental map survives an edit.
 */

import { buildGraphIndex } from '../graph/graphIndex.ts';
import { patchGraph } from '../graph/patchGraph.ts';
import { shortLabel } from '../graph/shortLabel.ts';
import { typeCatalog, type Dataset } from '../model/index.ts';
import { withoutRejected } from '../model/review/index.ts';
import { placeNewNodes, type Point } from './corpusPlacement.ts';
import { explorerModelOf, unplacedGraph, type ExplorerModel } from './explorerModel.ts';

/** The model of `full`, its entities placed where `previous` drew them; `anchor`: the entity new ones go near first. */
export function modelKeepingPlaces(previous: ExplorerModel, full: Dataset, anchor?: string): ExplorerModel {
  const dataset = withoutRejected(full);
  const graph = unplacedGraph(dataset);
  const known = new Map<string, Point>();
  previous.graph.forEachNode((node, { x, y }) => known.set(node, { x, y }));
  placeNewNodes(graph, known, anchor);
  return explorerModelOf(dataset, graph, buildGraphIndex(graph, typeCatalog(dataset)), full);
}

/**
 * After an analyst's edit: the same graph, changed in place where `full`
 * differs from what `previous` drew (graph/patchGraph.ts), so sigma keeps
 * drawing it on the reader's camera; entities the edit brought (a split)
 * are placed near their relatives.
 */
export function modelAfterEdit(previous: ExplorerModel, full: Dataset): ExplorerModel {
  const dataset = withoutRejected(full);
  const graph = previous.graph;
  const known = new Map<string, Point>();
  graph.forEachNode((node, { x, y }) => known.set(node, { x, y }));
  const added = patchGraph(graph, previous.dataset, dataset, shortLabel);
  if (added.length > 0) placeNewNodes(graph, known);
  return explorerModelOf(dataset, graph, buildGraphIndex(graph, typeCatalog(dataset)), full);
}
