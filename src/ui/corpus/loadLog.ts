/**
 * The loads that built what corpus mode shows
 * ===========================================
 *
 * What is on screen in corpus mode is the union of the server's answers
 * (CorpusShell). After an edit the server's records change — a relation is
 * accepted, rejected, corrected, an entity merged away — and a union cannot
 * forget a record, so the shell asks the same questions again and unions the
 * fresh answers from nothing (corpusReplay.ts). This is the list of those
 * questions, in the order they were first asked (an article opened later is
 * put first again, as it was). Pure.
 */

import type { Edit } from '../../model/index.ts';

/** One question to the server whose answer was added to what is shown. */
export type LoadStep =
  | { kind: 'overview'; limit: number | undefined }
  | { kind: 'neighbourhood'; entity: string }
  | { kind: 'evidence'; relations: readonly string[] }
  | { kind: 'document'; document: string };

const stepKey = (step: LoadStep): string => {
  switch (step.kind) {
    case 'overview':
      return 'overview';
    case 'neighbourhood':
      return `n\u0000${step.entity}`;
    case 'evidence':
      return `e\u0000${step.relations.join('\u0000')}`;
    case 'document':
      return `d\u0000${step.document}`;
  }
};

/**
 * `log` with `step` asked: a question already asked moves to the end (an
 * article opened again comes first again; answers are unioned in order).
 * Evidence asked for relations all already asked for adds nothing.
 */
export function recordStep(log: readonly LoadStep[], step: LoadStep): LoadStep[] {
  if (step.kind === 'evidence') {
    const asked = new Set(log.flatMap((s) => (s.kind === 'evidence' ? s.relations : [])));
    const fresh = [...new Set(step.relations)].filter((id) => !asked.has(id));
    return fresh.length === 0 ? [...log] : [...log, { kind: 'evidence', relations: fresh }];
  }
  const key = stepKey(step);
  return [...log.filter((s) => stepKey(s) !== key), step];
}

/**
 * The questions to ask after `edit` was made, so what it touched is shown:
 * the edited relation with its sentences (a corrected one may now join
 * entities no other answer brings; a rejected one stays known, for the
 * Review tab and for undo), the article a hand-added relation quotes, and a
 * merged-away entity's neighbourhood asked of the entity it was merged into.
 */
export function stepsAfterEdit(log: readonly LoadStep[], edit: Edit): LoadStep[] {
  switch (edit.kind) {
    case 'accept':
    case 'reject':
    case 'restore':
    case 'correct':
      return recordStep(log, { kind: 'evidence', relations: [edit.relation] });
    case 'add-relation':
      return log.some((s) => s.kind === 'document' && s.document === edit.evidence.document) ? [...log] : recordStep(log, { kind: 'document', document: edit.evidence.document });
    case 'merge-entities': {
      const moved = log.map((s): LoadStep => (s.kind === 'neighbourhood' && s.entity === edit.from ? { kind: 'neighbourhood', entity: edit.into } : s));
      // The entity merged into may now be asked twice: keep its first place.
      const seen = new Set<string>();
      return moved.filter((s) => {
        if (s.kind !== 'neighbourhood') return true;
        if (seen.has(s.entity)) return false;
        seen.add(s.entity);
        return true;
      });
    }
    default:
      return [...log];
  }
}

/** The log without the questions whose record has left the corpus (the server answered 404). */
export function withoutStep(log: readonly LoadStep[], gone: LoadStep): LoadStep[] {
  const key = stepKey(gone);
  return log.filter((s) => stepKey(s) !== key);
}
