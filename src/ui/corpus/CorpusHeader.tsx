/**
 * CorpusHeader — the header in corpus mode
 * ========================================
 *
 * Says this is a corpus, not an article: its title, how many articles,
 * entities and relations it holds, and how much of it is loaded ("showing
 * 150 of 4,210 entities"); then the export menu, which writes what is
 * loaded (or what the filters show of it); Undo and Redo where the
 * server takes edits.
 */

import type { ReactElement } from 'react';
import type { CorpusInfo } from '../../model/corpusApi.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { Scene } from '../../state/scene.ts';
import { counted } from '../../state/corpusTotals.ts';
import { ExportMenu } from '../data/ExportMenu.tsx';
import { formatDay } from './corpusFormat.ts';
import { useCorpus } from './corpusContext.ts';
import { Brand } from '../Brand.tsx';
import { UndoRedoButtons } from '../review/UndoRedoButtons.tsx';
import './corpus.css';

interface CorpusHeaderProps {
  info: CorpusInfo;
  model: ExplorerModel;
  scene: Scene;
  shownRelations: number;
}

export function CorpusHeader({ info, model, scene, shownRelations }: CorpusHeaderProps): ReactElement {
  const corpus = useCorpus();
  const { entities, relations } = model.dataset;
  const span =
    info.firstPublished !== undefined && info.lastPublished !== undefined
      ? info.firstPublished === info.lastPublished
        ? formatDay(info.firstPublished)
        : `${formatDay(info.firstPublished)} – ${formatDay(info.lastPublished)}`
      : null;
  return (
    <header className="app-header corpus-header">
      <Brand />
      <div className="article">
        <span className="article-kicker">Corpus{span ? ` · ${span}` : ''}</span>
        <h1 className="article-title" data-testid="article-title">
          {info.title}
        </h1>
        <p className="corpus-census" data-testid="corpus-census">
          {counted(info.documents, 'article')} · {counted(info.entities, 'entity', 'entities')} · {counted(info.relations, 'relation')}
        </p>
      </div>
      <p className="stats" data-testid="stats">
        showing <strong>{entities.length.toLocaleString('en-US')}</strong> of {counted(info.entities, 'entity', 'entities')} · <strong>{relations.length.toLocaleString('en-US')}</strong>{' '}
        {relations.length === 1 ? 'relation' : 'relations'}
        {shownRelations < relations.length ? <span className="stats-shown"> ({shownRelations.toLocaleString('en-US')} shown)</span> : null}
      </p>
      <div className="data-toolbar" role="toolbar" aria-label="Data">
        {/* Only where the server takes edits (absent otherwise). */}
        <UndoRedoButtons />
        <ExportMenu model={model} scene={scene} onError={(error) => corpus?.notify({ tone: 'error', text: `The export failed: ${error instanceof Error ? error.message : String(error)}` })} />
      </div>
    </header>
  );
}
