/**
 * DocumentFilter — one checkbox per article when the dataset is a corpus:
 * the graph then shows only what the checked articles say (the article
 * filter, `ExplorerState.documents`; what it hides is decided in
 * state/scene.ts). Under a timeline window, the articles published outside
 * it are greyed and counted: they support nothing the graph now shows.
 */

import type { ReactElement } from 'react';
import { dayNumber, publishedDay, type Dataset, type NewsDocument } from '../../model/index.ts';
import { toggleDocument, type ExplorerState, type Transition } from '../../state/explorerState.ts';

interface DocumentFilterProps {
  dataset: Dataset;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function DocumentFilter({ dataset, state, dispatch }: DocumentFilterProps): ReactElement | null {
  if (dataset.documents.length < 2) return null;
  const enabled = state.documents;
  const shown = (id: string) => enabled === null || enabled.has(id);
  const shownCount = dataset.documents.filter((document) => shown(document.id)).length;
  const all = dataset.documents.map((document) => document.id);
  const window = state.window;
  const inWindow = (document: NewsDocument) => {
    if (window === null) return true;
    if (document.published === undefined) return false;
    const day = dayNumber(publishedDay(document.published));
    return day >= window.from && day <= window.to;
  };
  const outside = window === null ? 0 : dataset.documents.filter((document) => !inWindow(document)).length;
  return (
    <section className="legend-section document-filter" aria-labelledby="document-filter-title" data-testid="document-filter">
      <div className="legend-heading">
        <h2 id="document-filter-title">Articles</h2>
      </div>
      {outside > 0 ? (
        <p className="document-window-note" data-testid="document-window-note">
          {outside} of {dataset.documents.length} outside the timeline’s window
        </p>
      ) : null}
      {dataset.documents.map((document) => (
        <label key={document.id} className={inWindow(document) ? 'document-option' : 'document-option is-outside-window'} title={document.title}>
          <input
            type="checkbox"
            checked={shown(document.id)}
            disabled={shown(document.id) && shownCount === 1}
            onChange={() => dispatch(toggleDocument(all, document.id))}
            data-testid={`document-${document.id}`}
          />
          <span className="document-name">{document.title}</span>
        </label>
      ))}
    </section>
  );
}
