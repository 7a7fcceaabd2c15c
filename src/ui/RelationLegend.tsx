/**
 * RelationLegend — the legend IS the filter
 * =========================================
 *
 * One toggle per relation type present in the graph (colour swatch, label,
 * number of relations in the shown articles, from the scene), plus All/None. Toggling only changes explorer state; the
 * graph view hides edges through its reducers.
 */

import type { ReactElement } from 'react';
import type { GraphIndex } from '../graph/graphIndex.ts';
import {
  hideAllRelationTypes,
  showAllRelationTypes,
  toggleRelationType,
  type ExplorerState,
  type Transition,
} from '../state/explorerState.ts';
import type { Scene } from '../state/scene.ts';

interface RelationLegendProps {
  index: GraphIndex;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

export function RelationLegend({ index, state, scene, dispatch }: RelationLegendProps): ReactElement {
  const shown = index.relationTypes.filter((type) => state.enabledTypes.has(type)).length;
  return (
    <section className="legend-section" aria-labelledby="relation-legend-title">
      <div className="legend-heading">
        <h2 id="relation-legend-title">Relations</h2>
        <div className="legend-bulk" role="group" aria-label="Show or hide all relation types">
          <button
            type="button"
            data-testid="relations-all"
            disabled={shown === index.relationTypes.length}
            onClick={() => dispatch(showAllRelationTypes(index.relationTypes))}
          >
            All
          </button>
          <button type="button" data-testid="relations-none" disabled={shown === 0} onClick={() => dispatch(hideAllRelationTypes())}>
            None
          </button>
        </div>
      </div>
      <ul className="legend-list">
        {index.relationTypes.map((type) => {
          const definition = index.catalog.relation(type);
          const enabled = state.enabledTypes.has(type);
          const count = scene.visibility.relationCounts.get(type) ?? 0;
          return (
            <li key={type}>
              <button
                type="button"
                className="legend-toggle"
                data-testid={`relation-toggle-${type}`}
                aria-pressed={enabled}
                title={definition.description}
                onClick={() => dispatch(toggleRelationType(type))}
              >
                <span className={definition.directed ? 'swatch swatch-arrow' : 'swatch'} style={{ backgroundColor: definition.color }} aria-hidden="true" />
                <span className="legend-label">{definition.label}</span>
                <span className="legend-count">{count}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="legend-note">
        <span className="swatch-line swatch-line-hedged" aria-hidden="true" /> pale, thin: a claim or allegation
      </p>
    </section>
  );
}
