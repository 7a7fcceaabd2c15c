/**
 * CorpusToasts — over the graph, what corpus mode is loading and what the
 * last load did (or why it failed, with "Try again"). Bottom centre of the
 * graph, clear of the zoom controls.
 */

import type { ReactElement } from 'react';
import { useCorpus } from './corpusContext.ts';

export function CorpusToasts(): ReactElement | null {
  const corpus = useCorpus();
  if (!corpus) return null;
  const { notice, pending, notify, saving } = corpus;
  const working = [...new Set(pending.values())];
  if (working.length === 0 && notice === null && saving === 0) return null;
  return (
    <div className="corpus-toasts">
      {saving > 0 ? (
        <p className="corpus-toast is-working" role="status" aria-live="polite" data-testid="corpus-saving">
          <progress aria-hidden="true" />
          <span>{saving === 1 ? 'Saving your edit…' : `Saving ${saving} edits…`}</span>
        </p>
      ) : null}
      {working.length > 0 ? (
        <p className="corpus-toast is-working" role="status" aria-live="polite" data-testid="corpus-working">
          <progress aria-hidden="true" />
          <span>Loading {working.join(', ')}…</span>
        </p>
      ) : null}
      {notice ? (
        <p className={`corpus-toast is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="corpus-notice" data-tone={notice.tone}>
          <span>{notice.text}</span>
          {notice.retry ? (
            <button
              type="button"
              className="tool-button"
              onClick={() => {
                notify(null);
                notice.retry?.();
              }}
            >
              Try again
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => notify(null)}>
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
