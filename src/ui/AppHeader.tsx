/**
 * AppHeader — app name, the article's title and a one-line census of the graph.
 */

import type { ReactElement, ReactNode } from 'react';
import type { Dataset } from '../model/index.ts';

export function AppHeader({ dataset, shownRelations, children }: { dataset: Dataset; shownRelations: number; children?: ReactNode }): ReactElement {
  const title = dataset.title ?? dataset.documents[0]?.title ?? 'Untitled dataset';
  const total = dataset.relations.length;
  return (
    <header className="app-header">
      <div className="brand" aria-label="newsgraph">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M9 22 L16 9 L23 20 Z" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="9" cy="22" r="4" fill="#D55E00" />
          <circle cx="16" cy="9" r="4" fill="#0072B2" />
          <circle cx="23" cy="20" r="4" fill="#009E73" />
        </svg>
        <span className="brand-name">newsgraph</span>
      </div>
      <div className="article">
        <span className="article-kicker">Article</span>
        <h1 className="article-title" data-testid="article-title">
          {title}
        </h1>
      </div>
      <p className="stats" data-testid="stats">
        <strong>{dataset.entities.length}</strong> entities · <strong>{total}</strong> relations
        {shownRelations < total ? <span className="stats-shown"> ({shownRelations} shown)</span> : null}
      </p>
      {children}
    </header>
  );
}
