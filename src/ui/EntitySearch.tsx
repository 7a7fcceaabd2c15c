/**
 * EntitySearch — find an entity by name or alias
 * ==============================================
 *
 * While the box has text the matching entities are drawn in focus in the
 * graph and listed below it; picking one (click, or Enter for the first)
 * opens its panel. Also the keyboard route to every entity, since nodes on a
 * WebGL canvas cannot take focus.
 */

import { useId, type ReactElement } from 'react';
import { ENTITY_TYPES, type Dataset } from '../model/index.ts';
import { searchEntities } from '../state/entitySearch.ts';
import { selectNode, setSearch, type ExplorerState, type Transition } from '../state/explorerState.ts';

interface EntitySearchProps {
  dataset: Dataset;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function EntitySearch({ dataset, state, dispatch }: EntitySearchProps): ReactElement {
  const listId = useId();
  const query = state.search.query;
  const hits = query.trim() === '' ? [] : searchEntities(dataset.entities, query);
  const open = (id: string) => {
    dispatch(selectNode(id));
    dispatch(setSearch('', dataset.entities));
  };
  return (
    <div className="entity-search" role="search">
      <input
        type="search"
        className="search-input"
        placeholder="Find an entity…"
        aria-label="Find an entity by name"
        aria-controls={listId}
        data-testid="entity-search"
        value={query}
        onChange={(event) => dispatch(setSearch(event.target.value, dataset.entities))}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && hits[0]) open(hits[0].entity.id);
          if (event.key === 'Escape') dispatch(setSearch('', dataset.entities));
        }}
      />
      {query.trim() !== '' ? (
        <ul className="search-results" id={listId} aria-label="Matching entities">
          {hits.length === 0 ? <li className="search-empty">No entity matches “{query.trim()}”.</li> : null}
          {hits.map(({ entity, via }) => (
            <li key={entity.id}>
              <button type="button" className="search-hit" onClick={() => open(entity.id)} data-testid={`search-hit-${entity.id}`}>
                <span className="dot" style={{ backgroundColor: ENTITY_TYPES[entity.type].color }} aria-hidden="true" />
                <span className="search-hit-label">{entity.label}</span>
                {via ? <span className="search-hit-via">“{via}”</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
