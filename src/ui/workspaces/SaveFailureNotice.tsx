/**
 * SaveFailureNotice — the browser would not keep the graph
 * ========================================================
 *
 * Non-blocking (a status, not a dialog): the graph on screen is untouched
 * and stays usable; the notice says why it is not kept (quota, a private
 * window, storage blocked) and offers the one way to keep it anyway, a file.
 */

import type { ReactElement } from 'react';
import './workspaces.css';

interface SaveFailureNoticeProps {
  reason: string;
  onExport: () => void;
  onDismiss: () => void;
}

export function SaveFailureNotice({ reason, onExport, onDismiss }: SaveFailureNoticeProps): ReactElement {
  return (
    <div className="save-failure" role="status" aria-live="polite" data-testid="save-failure">
      <p>
        <strong>Not saved in this browser:</strong> {reason}. The graph stays open as it is; export it as a file to keep a copy.
      </p>
      <div className="save-failure-actions">
        <button type="button" className="tool-button tool-primary" onClick={onExport} data-testid="save-failure-export">
          Export dataset file
        </button>
        <button type="button" className="tool-button" onClick={onDismiss} data-testid="save-failure-dismiss">
          Dismiss
        </button>
      </div>
    </div>
  );
}
