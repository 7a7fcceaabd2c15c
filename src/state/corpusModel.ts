/**
 * Corpus mode: the explorer model as the loaded part of the corpus grows
 * ======================================================================
 *
 * The first load (the overview) is laid out like any dataset
 * (`createExplorerModel`). Every later load makes a new model from the grown
 * dataset, built so the picture changes as little as the new data allows:
 *  - only sentences or mentions arrived (no new entity or relation): the
 *    same graph, its per-edge evidence and per-node mention counts updated
 *    in place, and the same graph index, so the drawing is not rebuilt;
 *  - new entities or relations: a new graph where every entity already
 *    drawn keeps its position and the new ones are placed near their
 *    relatives (corpusPlacement.ts), never re-running the layout.
 */

import type { NewsGraph } from '../graph/attributes.ts';
import type { Dataset } from '../model/index.ts';
import { createExplorerModel, explorerModelOf, type ExplorerModel } from './explorerModel.ts';
import { modelKeepingPlaces } from './keptPlaces.ts';

/** The overview: laid out from scratch, like any dataset the explorer opens. */
export function firstCorpusModel(dataset: Dataset): ExplorerModel {
  return createExplorerModel(dataset);
}

function sameStructure(graph: NewsGraph, dataset: Dataset): boolean {
  if (graph.order !== dataset.entities.length || graph.size !== dataset.relations.length) return false;
  return dataset.entities.every((entity) => graph.hasNode(entity.id)) && dataset.relations.every((relation) => graph.hasEdge(relation.id));
}


/**
 * The model for `dataset`, grown from `previous` (whose dataset it
 * contains). `anchor`: the entity the load was about (an expanded node),
 * near which new entities are placed first.
 */
export function grownCorpusModel(previous: ExplorerModel, dataset: Dataset, anchor?: string): ExplorerModel {
  const old = previous.graph;
  if (sameStructure(old, dataset)) {
    // Counts only: sigma hears these attribute events and redraws what it must.
    for (const relation of dataset.relations)
      if (old.getEdgeAttribute(relation.id, 'evidenceCount') !== relation.evidence.length) old.setEdgeAttribute(relation.id, 'evidenceCount', relation.evidence.length);
    for (const entity of dataset.entities)
      if (old.getNodeAttribute(entity.id, 'mentionCount') !== entity.mentions.length) old.setNodeAttribute(entity.id, 'mentionCount', entity.mentions.length);
    return explorerModelOf(dataset, old, previous.index);
  }
  return modelKeepingPlaces(previous, dataset, anchor);
}
