/**
 * ReviewControls — a relation card's Accept / Reject / Correct…
 * ==============================================================
 *
 * Under a relation card where the data can be edited: Accept, Reject (with
 * an optional reason, in a small inline form) and Correct… (CorrectForm).
 * Each builds one edit and hands it to the data shell; a refusal is shown
 * next to the control that asked, and nothing else changes.
 */

import { useId, useState, type ReactElement } from 'react';
import type { Relation } from '../../model/index.ts';
import { provenanceOf } from '../../model/review/index.ts';
import type { DatasetIndex } from '../../state/datasetIndex.ts';
import { CorrectForm } from './CorrectForm.tsx';
import { useEditActions } from './editFeedback.ts';
import './review.css';

interface ReviewControlsProps {
  relation: Relation;
  data: DatasetIndex;
}

type Open = 'none' | 'reject' | 'correct';

export function ReviewControls({ relation, data }: ReviewControlsProps): ReactElement | null {
  const actions = useEditActions();
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const reasonId = useId();
  if (!actions) return null;
  const status = provenanceOf(relation);
  const id = relation.id;

  const reject = () => {
    const trimmed = reason.trim();
    const refused = actions.apply({ kind: 'reject', relation: id, ...(trimmed ? { reason: trimmed } : {}) }, data.dataset);
    setRefusal(refused);
    if (refused === null) setOpen('none');
  };

  return (
    <div className="review-controls" data-testid={`review-controls-${id}`}>
      <div className="review-buttons" role="group" aria-label="Review this relation">
        {status === 'accepted' || status === 'added' ? null : (
          <button
            type="button"
            className="tool-button"
            data-testid={`review-accept-${id}`}
            onClick={() => setRefusal(actions.apply({ kind: 'accept', relation: id }, data.dataset))}
          >
            Accept
          </button>
        )}
        <button
          type="button"
          className="tool-button"
          aria-expanded={open === 'reject'}
          data-testid={`review-reject-${id}`}
          onClick={() => {
            setRefusal(null);
            setOpen(open === 'reject' ? 'none' : 'reject');
          }}
        >
          Reject…
        </button>
        <button
          type="button"
          className="tool-button"
          aria-expanded={open === 'correct'}
          data-testid={`review-correct-${id}`}
          onClick={() => {
            setRefusal(null);
            setOpen(open === 'correct' ? 'none' : 'correct');
          }}
        >
          Correct…
        </button>
      </div>
      {refusal !== null && open === 'none' ? (
        <p className="review-refusal" role="alert" data-testid={`review-refusal-${id}`}>
          Not done: {refusal}.
        </p>
      ) : null}
      {open === 'reject' ? (
        <form
          className="review-form"
          aria-label="Reject this relation"
          data-testid={`reject-form-${id}`}
          onSubmit={(event) => {
            event.preventDefault();
            reject();
          }}
        >
          <label htmlFor={reasonId}>Reason (optional)</label>
          <input id={reasonId} type="text" value={reason} onChange={(event) => setReason(event.target.value)} data-testid={`reject-reason-${id}`} />
          <div className="review-form-buttons">
            <button type="submit" className="tool-button tool-primary" data-testid={`reject-confirm-${id}`}>
              Reject
            </button>
            <button type="button" className="tool-button" onClick={() => setOpen('none')}>
              Cancel
            </button>
          </div>
          {refusal !== null ? (
            <p className="review-refusal" role="alert" data-testid={`review-refusal-${id}`}>
              Not done: {refusal}.
            </p>
          ) : null}
        </form>
      ) : null}
      {open === 'correct' ? <CorrectForm relation={relation} data={data} onDone={() => setOpen('none')} /> : null}
    </div>
  );
}
