/**
 * DataToolbar — the header's data controls: where the graph came from, the
 * seed article, the saved workspaces (with whether the graph on screen is
 * saved), import (file picker; dropping works anywhere), the opened file's
 * types (while that file is what is on screen), open an article, export,
 * and Undo / Redo of the analyst's edits (named in their titles).
 */

import { useRef, type ReactElement, type Ref } from 'react';
import { describeOrigin, type DataOrigin } from '../../state/dataSource.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { Scene } from '../../state/scene.ts';
import type { SaveState } from '../workspaces/saveQueue.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { UndoRedoButtons } from '../review/UndoRedoButtons.tsx';
import { OPEN_ARTICLE_BUTTON_ID } from './OpenArticleDialog.tsx';
import '../workspaces/workspaces.css';

interface DataToolbarProps {
  model: ExplorerModel;
  origin: DataOrigin;
  /** What the filters show, for "export only what the filters show". */
  scene: Scene;
  onSeed: () => void;
  onFile: (file: File) => void;
  onOpenArticle: () => void;
  onError: (error: unknown) => void;
  /** Opens the Workspaces dialog; without it there is no Workspaces button (a shell that keeps nothing). */
  onWorkspaces?: () => void;
  workspacesButtonRef?: Ref<HTMLButtonElement>;
  /** Whether the graph on screen is kept in this browser. */
  saveState?: SaveState;
  /** Reopens the mapping dialog of the file on screen; without it there is no Types button (the data is not an opened file). */
  onTypes?: () => void;
  typesButtonRef?: Ref<HTMLButtonElement>;
}

const SAVE_STATE_WORDS: Record<SaveState, string> = {
  idle: 'Your saved graphs',
  saving: 'Saving in this browser…',
  saved: 'Saved in this browser',
  failed: 'Not saved in this browser',
};

export const IMPORT_ACCEPT = '.json,.gexf,.graphml,.xml,.csv,.tsv,.txt,.md';

export function DataToolbar(props: DataToolbarProps): ReactElement {
  const { model, origin, scene, onSeed, onFile, onOpenArticle, onError, onWorkspaces, workspacesButtonRef, saveState = 'idle', onTypes, typesButtonRef } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="data-toolbar" role="toolbar" aria-label="Data">
      <span className="data-origin" data-testid="data-origin" data-kind={origin.kind} title={describeOrigin(origin)}>
        {describeOrigin(origin)}
      </span>
      <button type="button" className="tool-button" onClick={onSeed} disabled={origin.kind === 'seed'} data-testid="seed-button">
        Seed article
      </button>
      {onWorkspaces ? (
        <button
          ref={workspacesButtonRef}
          type="button"
          className="tool-button workspaces-button"
          onClick={onWorkspaces}
          aria-haspopup="dialog"
          title={SAVE_STATE_WORDS[saveState]}
          data-testid="workspaces-button"
          data-save-state={saveState}
        >
          <span className="save-dot" data-state={saveState} aria-hidden="true" />
          Workspaces
          {saveState === 'idle' ? null : <span className="visually-hidden"> ({SAVE_STATE_WORDS[saveState]})</span>}
        </button>
      ) : null}
      <button type="button" className="tool-button" onClick={() => inputRef.current?.click()} data-testid="import-button">
        Import…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Reset so picking the same file again fires a change.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      {onTypes ? (
        <button
          ref={typesButtonRef}
          type="button"
          className="tool-button"
          onClick={onTypes}
          aria-haspopup="dialog"
          title="What the file’s relation names and node types became: keep them, read them as newsgraph’s types, or drop them"
          data-testid="types-button"
        >
          Types…
        </button>
      ) : null}
      <button
        id={OPEN_ARTICLE_BUTTON_ID}
        type="button"
        className="tool-button tool-primary"
        onClick={onOpenArticle}
        aria-haspopup="dialog"
        data-testid="open-article-button"
      >
        Open article…
      </button>
      <ExportMenu model={model} scene={scene} onError={onError} />
      <UndoRedoButtons />
    </div>
  );
}
