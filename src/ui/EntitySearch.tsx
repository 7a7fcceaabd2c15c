/**
 * EntitySearch — find an entity by name or alias
 * ==============================================
 *
 * An ARIA combobox (EntityCombobox). While the box has text the matching
 * entities are drawn in focus in the graph and offered below it; choosing one
 * (click, Enter, or arrows then Enter) selects it, opens its panel and glides
 * the camera to it. Also the keyboard route to every entity, since nodes on a
 * WebGL canvas cannot take focus. In corpus mode the box searches the whole
 * corpus instead (corpus/CorpusSearch.tsx).
 */

import type { ReactElement } from 'react';
import { typeCatalog, type Dataset } from '../model/index.ts';
import { selectNode, setSearch, type ExplorerState, type Transition, requestCamera } from '../state/explorerState.ts';
import { useCorpus } from './corpus/corpusContext.ts';
import { CorpusSearch } from './corpus/CorpusSearch.tsx';
import { EntityCombobox } from './EntityCombobox.tsx';

interface EntitySearchProps {
  dataset: Dataset;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function EntitySearch({ dataset, state, dispatch }: EntitySearchProps): ReactElement {
  const corpus = useCorpus();
  if (corpus) return <CorpusSearch dataset={dataset} state={state} dispatch={dispatch} />;
  return (
    <div className="entity-search" role="search">
      <EntityCombobox
        entities={dataset.entities}
        catalog={typeCatalog(dataset)}
        label="Find an entity by name"
        hideLabel
        placeholder="Find an entity…"
        query={state.search.query}
        testId="entity-search"
        hitTestId="search-hit"
        onQueryChange={(query) => dispatch(setSearch(query, dataset.entities))}
        onChoose={(entity) => {
          dispatch(selectNode(entity.id));
          dispatch(requestCamera(entity.id));
          dispatch(setSearch('', dataset.entities));
        }}
      />
    </div>
  );
}
