/**
 * AppHeader — app name, the article's title and a one-line census of the graph.
 * A graph from another tool has no article: it is headed "Graph", with its
 * file's name when it carries no title of its own. The census counts what is
 * drawn: `shownRelations` and `shownEntities` are the scene's visible edges
 * and nodes, every filter applied (relation and entity types, focus, window,
 * outlets, articles).
 */

import type { ReactElement, ReactNode } from 'react';
import type { Dataset } from '../model/index.ts';
import { Brand } from './Brand.tsx';
import { useDataOrigin } from './data/dataOrigin.ts';

interface AppHeaderProps {
  dataset: Dataset;
  /** Relations drawn: the scene's `visibleEdges.size`. */
  shownRelations: number;
  /** Entities drawn: `visibleNodes?.size`; all when omitted. */
  shownEntities?: number;
  children?: ReactNode;
}

export function AppHeader({ dataset, shownRelations, shownEntities, children }: AppHeaderProps): ReactElement {
  const origin = useDataOrigin();
  const title = dataset.title ?? dataset.documents[0]?.title ?? (origin.kind === 'file' ? origin.name : 'Untitled dataset');
  const total = dataset.relations.length;
  return (
    <header className="app-header">
      <Brand />
      <div className="article">
        <span className="article-kicker">{dataset.documents.length === 0 ? 'Graph' : 'Article'}</span>
        <h1 className="article-title" data-testid="article-title">
          {title}
        </h1>
      </div>
      <p className="stats" data-testid="stats">
        <strong>{dataset.entities.length}</strong> entities
        {shownEntities !== undefined && shownEntities < dataset.entities.length ? <span className="stats-shown"> ({shownEntities} shown)</span> : null} ·{' '}
        <strong>{total}</strong> relations
        {shownRelations < total ? <span className="stats-shown"> ({shownRelations} shown)</span> : null}
      </p>
      {children}
    </header>
  );
}
