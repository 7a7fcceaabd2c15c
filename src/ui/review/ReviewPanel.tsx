/**
 * ReviewPanel — the side panel's Review tab
 * =========================================
 *
 * The review queue: how many relations are left to review, the current one
 * as a card with its sentences in full, Previous / Next / Accept / Reject
 * (buttons and keys: J/→ next, K/← previous, A accept, R reject), moving on
 * to the next unreviewed relation after each verdict and selecting it in the
 * graph as it goes. Below: acceptance per relation type, the rejected
 * relations with their reasons (Restore), and the edit history.
 */

import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { reviewQueue } from '../../model/review/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { selectEdge, type ExplorerState, type Transition } from '../../state/explorerState.ts';
import { describeRelation } from '../../state/relationView.ts';
import type { Scene } from '../../state/scene.ts';
import { RelationCard } from '../RelationCard.tsx';
import { useEditActions } from './editFeedback.ts';
import { ReviewSummary } from './ReviewSummary.tsx';
import { afterReview, currentOf, moved, type ReviewCursor } from './reviewCursor.ts';
import { isTypingIn } from './typingTarget.ts';
import './review.css';

interface ReviewPanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  scene: Scene;
  dispatch: (transition: Transition) => void;
}

export function ReviewPanel({ model, state, scene, dispatch }: ReviewPanelProps): ReactElement {
  const actions = useEditActions();
  const full = model.full;
  const queue = useMemo(() => reviewQueue(full), [full]);
  const [cursor, setCursor] = useState<ReviewCursor>({ id: null, at: 0 });
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const current = currentOf(queue, cursor);
  const relation = current ? model.data.relations.get(current.id) : undefined;
  const panelRef = useRef<HTMLDivElement>(null);

  // The graph follows the queue: the current relation is selected and its edge highlighted.
  const currentId = current?.id ?? null;
  useEffect(() => {
    if (currentId !== null) dispatch(selectEdge(currentId));
  }, [currentId, dispatch]);

  const go = (delta: number) => {
    setRefusal(null);
    setCursor(moved(queue, cursor, delta));
  };
  const verdict = (kind: 'accept' | 'reject') => {
    if (!actions || !current) return;
    const trimmed = reason.trim();
    const edit = kind === 'accept' ? { kind, relation: current.id } : { kind, relation: current.id, ...(trimmed ? { reason: trimmed } : {}) };
    const refused = actions.apply(edit, full);
    setRefusal(refused);
    if (refused !== null) return;
    setReason('');
    setCursor(afterReview(queue, cursor));
  };

  // The queue's keys, while this tab is open; never while typing, never with a modifier (Ctrl+Z is undo).
  const keys = useRef({ go, verdict });
  keys.current = { go, verdict };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingIn(event.target)) return;
      const target = event.target instanceof Element ? event.target : null;
      // Arrows belong to the tabs, the canvas, the timeline…: here only on the page itself or inside this panel.
      const arrowsHere = target === null || target === document.body || (panelRef.current?.contains(target) ?? false);
      if (target?.closest('[role="dialog"]')) return;
      const key = event.key;
      if (key === 'j' || key === 'J' || (key === 'ArrowRight' && arrowsHere)) keys.current.go(1);
      else if (key === 'k' || key === 'K' || (key === 'ArrowLeft' && arrowsHere)) keys.current.go(-1);
      else if (key === 'a' || key === 'A') keys.current.verdict('accept');
      else if (key === 'r' || key === 'R') keys.current.verdict('reject');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const total = full.relations.length;
  return (
    <div className="details review-panel" ref={panelRef} data-testid="review-panel">
      <h2 className="visually-hidden">Review</h2>
      <p className="review-progress" data-testid="review-progress">
        {queue.length === 0 ? 'All relations reviewed' : `${queue.length} of ${total} relations not reviewed`}
      </p>
      {current && relation ? (
        <section aria-label="The relation to review" className="review-queue" data-testid="review-current" data-relation={current.id}>
          <RelationCard
            view={describeRelation(model.data, relation)}
            data={model.data}
            highlighted={state.highlightedRelation === current.id}
            filteredOut={!scene.isRelationOn(current.id)}
            onPick={() => dispatch(selectEdge(current.id))}
            reviewControls={false}
          />
          {actions ? (
            <>
              <div className="review-queue-buttons" role="group" aria-label="Verdict">
                <button type="button" className="tool-button tool-primary" aria-keyshortcuts="A" onClick={() => verdict('accept')} data-testid="queue-accept">
                  Accept<kbd aria-hidden="true">A</kbd>
                </button>
                <button type="button" className="tool-button" aria-keyshortcuts="R" onClick={() => verdict('reject')} data-testid="queue-reject">
                  Reject<kbd aria-hidden="true">R</kbd>
                </button>
              </div>
              <label className="review-reason">
                Reason to reject (optional){' '}
                <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} data-testid="queue-reason" />
              </label>
              <div className="review-queue-buttons" role="group" aria-label="Move along the queue">
                <button type="button" className="tool-button" aria-keyshortcuts="K ArrowLeft" disabled={current.at === 0} onClick={() => go(-1)} data-testid="queue-previous">
                  Previous<kbd aria-hidden="true">K</kbd>
                </button>
                <button
                  type="button"
                  className="tool-button"
                  aria-keyshortcuts="J ArrowRight"
                  disabled={current.at >= queue.length - 1}
                  onClick={() => go(1)}
                  data-testid="queue-next"
                >
                  Next<kbd aria-hidden="true">J</kbd>
                </button>
              </div>
              {refusal !== null ? (
                <p className="review-refusal" role="alert" data-testid="queue-refusal">
                  Not done: {refusal}.
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      <ReviewSummary model={model} />
    </div>
  );
}
