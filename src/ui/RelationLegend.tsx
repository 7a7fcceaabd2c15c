/**
 * RelationLegend — the legend IS the filter
 * =========================================
 *
 * One toggle per relation type present in the graph (colour swatch, label,
 * number of relations in the shown articles, from the scene), plus All/None. Toggling only changes explorer state; the
 * graph view hides edges through its reducers. "Only this type": an "only"
 * button per row (shown on hover and keyboard focus, reachable by Tab) or
 * Alt/Option-click on the row, both composing the existing None + toggle
 * transitions.
 */

import './relationLegend.css';

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
import { setUnreviewedOnly } from '../state/analystTools.ts';

interface RelationLegendProps {
  index: GraphIndex;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

/** Hide every type, then show `type`: the legend's "only this type". */
const onlyType =
  (type: string): Transition =>
  (state) =>
    toggleRelationType(type)(hideAllRelationTypes()(state));

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
      <label className="check-row check-row-top">
        <input
          type="checkbox"
          checked={state.tools.unreviewedOnly}
          data-testid="unreviewed-only"
          onChange={(event) => dispatch(setUnreviewedOnly(event.target.checked))}
        />
        Unreviewed only
      </label>
      <ul className="legend-list">
        {index.relationTypes.map((type) => {
          const definition = index.catalog.relation(type);
          const enabled = state.enabledTypes.has(type);
          const count = scene.visibility.relationCounts.get(type) ?? 0;
          return (
            <li key={type} className="legend-row">
              <button
                type="button"
                className="legend-toggle"
                data-testid={`relation-toggle-${type}`}
                aria-pressed={enabled}
                title={`${definition.description} (Alt-click: only this type)`}
                onClick={(event) => dispatch(event.altKey ? onlyType(type) : toggleRelationType(type))}
              >
                <span className={definition.directed ? 'swatch swatch-arrow' : 'swatch'} style={{ backgroundColor: definition.color }} aria-hidden="true" />
                <span className="legend-label">{definition.label}</span>
                <span className="legend-count">{count}</span>
              </button>
              <button
                type="button"
                className="legend-only"
                data-testid={`relation-only-${type}`}
                aria-label={`Show only ${definition.label}`}
                onClick={() => dispatch(onlyType(type))}
              >
                only
              </button>
            </li>
          );
        })}
      </ul>
      <p className="legend-note">
        <span className="swatch-line swatch-line-hedged" aria-hidden="true" /> pale, thin: a claim or allegation
      </p>
      <p className="legend-note" data-testid="legend-negated">
        <span className="swatch-line swatch-line-negated" aria-hidden="true" /> dashed: reported as not happening (“did not attend”)
      </p>
    </section>
  );
}
