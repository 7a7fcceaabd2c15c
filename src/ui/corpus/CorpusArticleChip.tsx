/**
 * CorpusArticleChip — over the graph while it shows only some articles
 * (an article opened from the corpus list), with the way back to all that
 * is loaded. Corpus mode has no per-article checkboxes, so this chip is the
 * article filter's only control there (Escape does not clear it).
 */

import type { ReactElement } from 'react';
import { showAllDocuments } from '../../state/corpusView.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../../state/explorerState.ts';

interface CorpusArticleChipProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

export function CorpusArticleChip({ model, state, dispatch }: CorpusArticleChipProps): ReactElement | null {
  const shown = state.documents;
  if (shown === null) return null;
  const titles = model.dataset.documents.filter((document) => shown.has(document.id)).map((document) => document.title || 'Untitled article');
  const what = titles.length === 1 ? `“${titles[0]}”` : `${titles.length} articles`;
  return (
    <div className="corpus-chip-row">
      <span className="view-chip canvas-overlay" data-testid="chip-articles">
        <span>
          Only <strong>{what}</strong>
        </span>
        <button type="button" onClick={() => dispatch(showAllDocuments())} data-testid="chip-articles-clear">
          Show all
        </button>
      </span>
    </div>
  );
}
