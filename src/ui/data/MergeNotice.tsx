/**
 * MergeNotice — what an "add to this graph" merge joined
 * ======================================================
 *
 * After an article is merged into the graph on screen, the spellings the
 * merge found to be one entity ("joined Volodymyr Zelensky and Volodymyr
 * Zelenskyy"), so the analyst can check them. A status line at the foot of
 * the page, dismissed by hand or by the next data change.
 */

import type { ReactElement } from 'react';

interface MergeNoticeProps {
  name: string;
  joined: readonly string[];
  onDismiss: () => void;
}

export function MergeNotice({ name, joined, onDismiss }: MergeNoticeProps): ReactElement {
  return (
    <div className="import-progress merge-notice" role="status" aria-live="polite" data-testid="merge-notice">
      <span>
        Added “<bdi>{name}</bdi>”: {joined.join("; ")}.
      </span>
      <button type="button" className="tool-button" onClick={onDismiss} data-testid="merge-notice-dismiss">
        Dismiss
      </button>
    </div>
  );
}
