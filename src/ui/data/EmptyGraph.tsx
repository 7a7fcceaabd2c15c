/**
 * Empty states: an article in which nothing was found gets a sentence saying
 * so instead of a blank canvas; entities without relations get a notice over
 * the (edgeless) graph.
 */

import type { ReactElement } from 'react';
import type { Dataset } from '../../model/index.ts';

export function EmptyGraph({ dataset }: { dataset: Dataset }): ReactElement {
  const documents = dataset.documents.length;
  return (
    <div className="graph-area graph-empty" data-testid="graph-empty" role="status">
      <div>
        <h2>No entities found</h2>
        <p>
          {documents === 0
            ? 'This dataset holds no documents and no entities, so there is nothing to draw.'
            : `newsgraph found no people, countries, organisations, places or events in ${documents === 1 ? 'this article' : `these ${documents} articles`}. Try a news report that names who did what, or import a curated dataset.`}
        </p>
      </div>
    </div>
  );
}

/** The notice over a graph that has entities but no relations (null otherwise). */
export function graphNotice(dataset: Dataset): ReactElement | null {
  if (dataset.entities.length === 0 || dataset.relations.length > 0) return null;
  return (
    <p className="graph-notice" data-testid="graph-notice" role="status">
      {dataset.entities.length === 1 ? 'One entity was found' : `${dataset.entities.length} entities were found`}, but no relation between them is
      stated in the text. Click an entity to see where it is named.
    </p>
  );
}
