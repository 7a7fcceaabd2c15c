/**
 * CorrectForm — change what a relation claims, as one edit
 * ========================================================
 *
 * Inline under a relation card: the type (every type the dataset knows,
 * declared ones too), the two ends (with a swap button), negated / hedged,
 * whose claim it is, and which supporting sentences to drop. Apply builds one
 * `correct` edit of what differs (correctionEdit.ts); a refusal is shown here,
 * the form stays open and nothing changes.
 */

import { useId, useState, type ReactElement } from 'react';
import type { Relation } from '../../model/index.ts';
import type { DatasetIndex } from '../../state/datasetIndex.ts';
import { correctionEdit, draftOf, type CorrectionDraft } from './correctionEdit.ts';
import { useEditActions } from './editFeedback.ts';

interface CorrectFormProps {
  relation: Relation;
  data: DatasetIndex;
  onDone: () => void;
}

/** A supporting sentence, cut short for a checkbox label. */
function sentenceText(data: DatasetIndex, relation: Relation, i: number): string {
  const evidence = relation.evidence[i];
  const text = evidence ? data.documents.get(evidence.document)?.text.slice(evidence.start, evidence.end).trim() : undefined;
  if (!text) return `Sentence ${i + 1}`;
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

export function CorrectForm({ relation, data, onDone }: CorrectFormProps): ReactElement | null {
  const actions = useEditActions();
  const [draft, setDraft] = useState<CorrectionDraft>(() => draftOf(relation));
  const [refusal, setRefusal] = useState<string | null>(null);
  const base = useId();
  if (!actions) return null;
  const id = relation.id;
  const set = (change: Partial<CorrectionDraft>) => setDraft((old) => ({ ...old, ...change }));
  const entities = [...data.entities.values()].sort((a, b) => a.label.localeCompare(b.label));
  const entityOptions = entities.map((entity) => (
    <option key={entity.id} value={entity.id}>
      {entity.label}
    </option>
  ));
  const apply = () => {
    const refused = actions.apply(correctionEdit(relation, draft), data.dataset);
    setRefusal(refused);
    if (refused === null) onDone();
  };

  return (
    <form
      className="review-form correct-form"
      aria-label="Correct this relation"
      data-testid={`correct-form-${id}`}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="correct-row">
        <label htmlFor={`${base}-type`}>Type</label>
        <select id={`${base}-type`} value={draft.type} onChange={(event) => set({ type: event.target.value })} data-testid={`correct-type-${id}`}>
          {data.catalog.relationTypeIds.map((type) => (
            <option key={type} value={type}>
              {data.catalog.relation(type).label}
            </option>
          ))}
        </select>
      </div>
      <div className="correct-row">
        <label htmlFor={`${base}-source`}>Source</label>
        <select id={`${base}-source`} value={draft.source} onChange={(event) => set({ source: event.target.value })} data-testid={`correct-source-${id}`}>
          {entityOptions}
        </select>
      </div>
      <button
        type="button"
        className="tool-button correct-swap"
        onClick={() => set({ source: draft.target, target: draft.source })}
        data-testid={`correct-swap-${id}`}
      >
        ⇅ Swap direction
      </button>
      <div className="correct-row">
        <label htmlFor={`${base}-target`}>Target</label>
        <select id={`${base}-target`} value={draft.target} onChange={(event) => set({ target: event.target.value })} data-testid={`correct-target-${id}`}>
          {entityOptions}
        </select>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={draft.negated} onChange={(event) => set({ negated: event.target.checked })} data-testid={`correct-negated-${id}`} />
        Negated (reported as not happening)
      </label>
      <label className="check-row">
        <input type="checkbox" checked={draft.hedged} onChange={(event) => set({ hedged: event.target.checked })} data-testid={`correct-hedged-${id}`} />
        Hedged (a claim or allegation)
      </label>
      <div className="correct-row">
        <label htmlFor={`${base}-said`}>According to</label>
        <select id={`${base}-said`} value={draft.attributedTo} onChange={(event) => set({ attributedTo: event.target.value })} data-testid={`correct-attributed-${id}`}>
          <option value="">Nobody (the article itself)</option>
          {entityOptions}
        </select>
      </div>
      {relation.evidence.length > 0 ? (
        <fieldset className="correct-drop">
          <legend>Drop a sentence that does not say it</legend>
          {relation.evidence.map((_, i) => (
            <label key={i} className="check-row">
              <input
                type="checkbox"
                checked={draft.drop.has(i)}
                onChange={(event) => {
                  const drop = new Set(draft.drop);
                  if (event.target.checked) drop.add(i);
                  else drop.delete(i);
                  set({ drop });
                }}
                data-testid={`correct-drop-${id}-${i}`}
              />
              {sentenceText(data, relation, i)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="review-form-buttons">
        <button type="submit" className="tool-button tool-primary" data-testid={`correct-apply-${id}`}>
          Apply
        </button>
        <button type="button" className="tool-button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {refusal !== null ? (
        <p className="review-refusal" role="alert" data-testid={`correct-refusal-${id}`}>
          Not done: {refusal}.
        </p>
      ) : null}
    </form>
  );
}
