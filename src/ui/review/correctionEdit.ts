import type { Edit, Relation } from '../../model/index.ts';

/** What the correct form holds: the claim as the analyst wants it. */
export interface CorrectionDraft {
  type: string;
  source: string;
  target: string;
  negated: boolean;
  hedged: boolean;
  /** '' = nobody. */
  attributedTo: string;
  /** Evidence sentences to drop, by index. */
  drop: ReadonlySet<number>;
}

export function draftOf(relation: Relation): CorrectionDraft {
  return {
    type: relation.type,
    source: relation.source,
    target: relation.target,
    negated: relation.negated === true,
    hedged: relation.hedged === true,
    attributedTo: relation.attributedTo ?? '',
    drop: new Set(),
  };
}

/** The one `correct` edit that turns `relation` into `draft`: only what differs (the model refuses a correction that changes nothing). */
export function correctionEdit(relation: Relation, draft: CorrectionDraft): Edit {
  const edit: Extract<Edit, { kind: 'correct' }> = { kind: 'correct', relation: relation.id };
  if (draft.type !== relation.type) edit.type = draft.type;
  // Both ends exchanged is a swap; anything else names the new ends.
  if (draft.source === relation.target && draft.target === relation.source && draft.source !== draft.target) edit.swap = true;
  else {
    if (draft.source !== relation.source) edit.source = draft.source;
    if (draft.target !== relation.target) edit.target = draft.target;
  }
  if (draft.negated !== (relation.negated === true)) edit.negated = draft.negated;
  if (draft.hedged !== (relation.hedged === true)) edit.hedged = draft.hedged;
  if (draft.attributedTo !== (relation.attributedTo ?? '')) edit.attributedTo = draft.attributedTo === '' ? null : draft.attributedTo;
  if (draft.drop.size > 0) edit.dropEvidence = [...draft.drop].sort((a, b) => a - b);
  return edit;
}
