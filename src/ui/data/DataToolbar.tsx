/**
 * DataToolbar — the header's data controls: where the graph came from, the
 * seed article, import (file picker; dropping works anywhere), open an
 * article, export.
 */

import { useRef, type ReactElement } from 'react';
import { describeOrigin, type DataOrigin } from '../../state/dataSource.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { Scene } from '../../state/scene.ts';
import { ExportMenu } from './ExportMenu.tsx';

interface DataToolbarProps {
  model: ExplorerModel;
  origin: DataOrigin;
  /** What the filters show, for "export only what the filters show". */
  scene: Scene;
  onSeed: () => void;
  onFile: (file: File) => void;
  onOpenArticle: () => void;
  onError: (error: unknown) => void;
}

export const IMPORT_ACCEPT = '.json,.gexf,.graphml,.xml,.csv,.tsv,.txt,.md';

export function DataToolbar({ model, origin, scene, onSeed, onFile, onOpenArticle, onError }: DataToolbarProps): ReactElement {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="data-toolbar" role="toolbar" aria-label="Data">
      <span className="data-origin" data-testid="data-origin" data-kind={origin.kind} title={describeOrigin(origin)}>
        {describeOrigin(origin)}
      </span>
      <button type="button" className="tool-button" onClick={onSeed} disabled={origin.kind === 'seed'} data-testid="seed-button">
        Seed article
      </button>
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
      <button type="button" className="tool-button tool-primary" onClick={onOpenArticle} data-testid="open-article-button">
        Open article…
      </button>
      <ExportMenu model={model} scene={scene} onError={onError} />
    </div>
  );
}
