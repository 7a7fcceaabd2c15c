/**
 * WorkspaceRow — one saved workspace in the Workspaces dialog
 * ===========================================================
 *
 * Its name, where it came from, its size and when it was last opened, with
 * Open, Rename (an inline field: Enter keeps, Escape cancels) and Delete
 * (an inline confirmation whose safe choice has the focus). Names are the
 * user's text: React text nodes inside <bdi>, so a right-to-left or
 * bidi-override name cannot reorder the words around it.
 */

import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { describeOrigin } from '../../state/dataSource.ts';
import { cleanWorkspaceName, describeCounts, describeWhen, WORKSPACE_NAME_MAX, type WorkspaceMeta } from '../../state/workspaces.ts';

export type RowMode = 'view' | 'rename' | 'confirm-delete';

interface WorkspaceRowProps {
  meta: WorkspaceMeta;
  current: boolean;
  now: number;
  mode: RowMode;
  busy: boolean;
  onMode: (mode: RowMode) => void;
  onOpen: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}

export function WorkspaceRow({ meta, current, now, mode, busy, onMode, onOpen, onRename, onDelete }: WorkspaceRowProps): ReactElement {
  const [draft, setDraft] = useState(meta.name);
  const inputRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const cleaned = cleanWorkspaceName(draft);

  useEffect(() => {
    if (mode === 'rename') {
      setDraft(meta.name);
      inputRef.current?.select();
    }
    if (mode === 'confirm-delete') keepRef.current?.focus();
  }, [mode, meta.name]);

  const stopEscape = (event: KeyboardEvent, then: () => void) => {
    if (event.key !== 'Escape') return;
    // Escape steps back out of the edit, not out of the dialog.
    event.preventDefault();
    event.stopPropagation();
    then();
  };

  return (
    <li className={current ? 'workspace-row is-current' : 'workspace-row'} aria-current={current ? 'true' : undefined} data-testid="workspace-row" data-workspace-id={meta.id}>
      {mode === 'rename' ? (
        <form
          className="workspace-rename"
          onSubmit={(event) => {
            event.preventDefault();
            if (cleaned !== null) onRename(cleaned);
          }}
        >
          <label className="workspace-field-label" htmlFor={`rename-${meta.id}`}>
            New name
          </label>
          <input
            ref={inputRef}
            id={`rename-${meta.id}`}
            type="text"
            value={draft}
            maxLength={WORKSPACE_NAME_MAX * 2}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => stopEscape(event, () => onMode('view'))}
            aria-invalid={cleaned === null}
            data-testid="workspace-rename-input"
          />
          <div className="workspace-actions">
            <button type="submit" className="tool-button tool-primary" disabled={cleaned === null || busy} data-testid="workspace-rename-save">
              Save name
            </button>
            <button type="button" className="tool-button" onClick={() => onMode('view')} data-testid="workspace-rename-cancel">
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="workspace-main">
            <p className="workspace-name">
              <bdi data-testid="workspace-name">{meta.name}</bdi>
              {current ? (
                <span className="workspace-badge" data-testid="workspace-current">
                  Open now
                </span>
              ) : null}
            </p>
            <p className="workspace-meta">
              <span>
                <bdi>{describeOrigin(meta.origin)}</bdi>
              </span>
              <span>{describeCounts(meta)}</span>
              <span>opened {describeWhen(meta.openedAt, now)}</span>
            </p>
          </div>
          {mode === 'confirm-delete' ? (
            <div className="workspace-confirm" role="group" aria-labelledby={`confirm-${meta.id}`} onKeyDown={(event) => stopEscape(event, () => onMode('view'))}>
              <p id={`confirm-${meta.id}`}>
                Delete “<bdi>{meta.name}</bdi>” from this browser? This cannot be undone.
                {current ? ' The graph stays on screen until you open something else.' : ''}
              </p>
              <div className="workspace-actions">
                <button type="button" className="tool-button tool-danger" onClick={onDelete} disabled={busy} data-testid="workspace-confirm-delete">
                  Delete
                </button>
                <button ref={keepRef} type="button" className="tool-button" onClick={() => onMode('view')} data-testid="workspace-keep">
                  Keep it
                </button>
              </div>
            </div>
          ) : (
            <div className="workspace-actions">
              {current ? null : (
                <button type="button" className="tool-button tool-primary" onClick={onOpen} disabled={busy} data-testid="workspace-open" aria-label={`Open ${meta.name}`}>
                  Open
                </button>
              )}
              <button type="button" className="tool-button" onClick={() => onMode('rename')} disabled={busy} data-testid="workspace-rename" aria-label={`Rename ${meta.name}`}>
                Rename
              </button>
              <button type="button" className="tool-button" onClick={() => onMode('confirm-delete')} disabled={busy} data-testid="workspace-delete" aria-label={`Delete ${meta.name}`}>
                Delete
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
