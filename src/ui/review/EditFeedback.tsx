/**
 * EditFeedback — the live region and the undo/redo keys
 * =====================================================
 *
 * Wraps the explorer: provides `announce` to the review controls
 * (editFeedback.ts), renders the polite live region they speak through, and
 * listens for Ctrl/Cmd+Z (undo), Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y (redo)
 * anywhere on the page except while typing in a field, where the browser's
 * own text undo belongs.
 */

import { useCallback, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useEdits } from './editsContext.ts';
import { AnnounceContext, undoRedo } from './editFeedback.ts';
import { isTypingIn } from './typingTarget.ts';

export function EditFeedback({ children }: { children: ReactNode }): ReactElement {
  const [said, setSaid] = useState({ message: '', count: 0 });
  const announce = useCallback((message: string) => setSaid((old) => ({ message, count: old.count + 1 })), []);
  const edits = useEdits();

  useEffect(() => {
    if (!edits) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTypingIn(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      const undo = key === 'z' && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo) undoRedo(edits.undo, edits.undoLabel, 'Undone', announce, edits.answersLater === true);
      else undoRedo(edits.redo, edits.redoLabel, 'Redone', announce, edits.answersLater === true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edits, announce]);

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="edit-announcer">
        {/* A new node per message: the same words twice are announced twice. */}
        <span key={said.count}>{said.message}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
