/**
 * ReviewSummary — under the review queue: how the proposals fared
 * ===============================================================
 *
 * Acceptance per relation type (a corrected relation counts under the type
 * proposed), the rejected relations with their reasons and a Restore button,
 * and the edit history, newest first, the undone steps marked.
 */

import { useState, type ReactElement } from 'react';
import { acceptanceByType, isRejected } from '../../model/review/index.ts';
import { claimSentence } from '../../model/review/claims.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { useEditActions } from './editFeedback.ts';

/** The table's number columns: full name (read out, and the title) and the short one shown, so six columns fit a narrow panel. */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['Accepted', 'Acc.'],
  ['Corrected', 'Corr.'],
  ['Rejected', 'Rej.'],
  ['Not reviewed', 'Not rev.'],
  ['Acceptance rate', 'Rate'],
];

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export function ReviewSummary({ model }: { model: ExplorerModel }): ReactElement {
  const actions = useEditActions();
  const full = model.full;
  const catalog = model.data.catalog;
  const rows = acceptanceByType(full);
  const rejected = full.relations.filter(isRejected);
  const history = full.history;
  const [refusal, setRefusal] = useState<{ id: string; reason: string } | null>(null);

  return (
    <>
      <h3 id="review-acceptance-title">Acceptance by relation type</h3>
      {rows.length === 0 ? (
        <p className="details-meta">No proposed relations.</p>
      ) : (
        // Scrolls sideways in a narrow panel rather than widening it; focusable, so a keyboard can scroll it too.
        <div className="review-table-wrap" role="region" aria-labelledby="review-acceptance-title" tabIndex={0}>
          <table className="review-table" aria-labelledby="review-acceptance-title" data-testid="acceptance-table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                {COLUMNS.map(([full, short]) => (
                  <th key={full} scope="col" title={full}>
                    <span aria-hidden="true">{short}</span>
                    <span className="visually-hidden">{full}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.type} data-testid={`acceptance-${row.type}`}>
                  <th scope="row">{catalog.relation(row.type).label}</th>
                  <td>{row.accepted}</td>
                  <td>{row.corrected}</td>
                  <td>{row.rejected}</td>
                  <td>{row.unreviewed}</td>
                  <td>{percent(row.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Rejected relations</h3>
      {rejected.length === 0 ? (
        <p className="details-meta" data-testid="rejected-none">
          None rejected.
        </p>
      ) : (
        <ul className="review-list" data-testid="rejected-list">
          {rejected.map((relation) => (
            <li key={relation.id} data-testid={`rejected-${relation.id}`}>
              {claimSentence(full, relation)}
              {relation.review?.reason ? <span className="details-meta"> — reason: {relation.review.reason}</span> : null}{' '}
              {actions ? (
                <button
                  type="button"
                  className="tool-button"
                  aria-label={`Restore ${claimSentence(full, relation)}`}
                  onClick={() => {
                    const reason = actions.apply({ kind: 'restore', relation: relation.id }, full);
                    setRefusal(reason === null ? null : { id: relation.id, reason });
                  }}
                  data-testid={`restore-${relation.id}`}
                >
                  Restore
                </button>
              ) : null}
              {refusal?.id === relation.id ? (
                <p className="review-refusal" role="alert">
                  Not done: {refusal.reason}.
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3>Edit history</h3>
      {!history || history.entries.length === 0 ? (
        <p className="details-meta" data-testid="history-none">
          No edits yet.
        </p>
      ) : (
        <ol className="review-list" reversed data-testid="history-list">
          {history.entries
            .map((entry, i) => ({ entry, i, undone: i >= history.position }))
            .reverse()
            .map(({ entry, i, undone }) => (
              <li key={i} className={undone ? 'history-undone' : undefined} data-undone={undone} data-testid={`history-${i}`}>
                {entry.label}
                {undone ? <span className="history-mark"> (undone)</span> : null}
              </li>
            ))}
        </ol>
      )}
    </>
  );
}
