/**
 * EntityTypeFilter — the entity key is also a filter
 * ==================================================
 *
 * One toggle per entity type in the graph (colour dot, label, count), like
 * the relation legend beside it, plus "hide entities with no visible
 * relation". Toggling changes explorer state only; the graph hides nodes
 * (and the relations touching them) through its reducers.
 */

import type { ReactElement } from 'react';
import { typeCatalog, type Dataset } from '../model/index.ts';
import { setHideUnconnected, showAllEntityTypes, toggleEntityType } from '../state/analystTools.ts';
import type { ExplorerState, Transition } from '../state/explorerState.ts';
import './analystTools.css';

interface EntityTypeFilterProps {
  dataset: Dataset;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function EntityTypeFilter({ dataset, state, dispatch }: EntityTypeFilterProps): ReactElement {
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) counts.set(entity.type, (counts.get(entity.type) ?? 0) + 1);
  const catalog = typeCatalog(dataset);
  const present = catalog.entityTypeIds.filter((type) => counts.has(type));
  const hidden = state.tools.hiddenEntityTypes;
  return (
    <section className="legend-section" aria-labelledby="entity-key-title">
      <div className="legend-heading">
        <h2 id="entity-key-title">Entities</h2>
        <div className="legend-bulk" role="group" aria-label="Show all entity types">
          <button type="button" data-testid="entities-all" disabled={hidden.size === 0} onClick={() => dispatch(showAllEntityTypes())}>
            All
          </button>
        </div>
      </div>
      {/* Above the list, so it stays in view without scrolling on a 900 px tall screen. */}
      <label className="check-row check-row-top">
        <input
          type="checkbox"
          checked={state.tools.hideUnconnected}
          data-testid="hide-unconnected"
          onChange={(event) => dispatch(setHideUnconnected(event.target.checked))}
        />
        Hide entities with no visible relation
      </label>
      <ul className="legend-list">
        {present.map((type) => {
          const shown = !hidden.has(type);
          return (
            <li key={type}>
              <button
                type="button"
                className="legend-toggle"
                aria-pressed={shown}
                title={catalog.entity(type).description}
                data-testid={`entity-toggle-${type}`}
                onClick={() => dispatch(toggleEntityType(type))}
              >
                <span className="dot" style={{ backgroundColor: catalog.entity(type).color }} aria-hidden="true" />
                <span className="legend-label">{catalog.entity(type).label}</span>
                <span className="legend-count">{counts.get(type)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="legend-note">Node size grows with the number of relations.</p>
    </section>
  );
}
