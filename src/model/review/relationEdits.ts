import { idFromName } from '../ids.ts';
import { freeId } from '../merge.ts';
import type { Edit, Evidence, Relation, Review } from '../schema.ts';
import { isSentenceEnd, isSentenceStart } from '../spans.ts';
import { typeCatalog } from '../typeCatalog.ts';
import { claimOf, claimSentence, duplicateOf } from './claims.ts';
import type { Draft } from './draft.ts';
import { ensureNamedIn } from './names.ts';

/** A refusal's reason, or undefined when the edit was made on the draft. */
type Refusal = string | undefined;
type EditOf<K extends Edit['kind']> = Extract<Edit, { kind: K }>;

const unknownRelation = (id: string) => `there is no relation "${id}"`;
const unknownEntity = (id: string) => `there is no entity "${id}"`;

export function accept(draft: Draft, edit: EditOf<'accept'>): Refusal {
  const relation = draft.relation(edit.relation);
  if (!relation) return unknownRelation(edit.relation);
  const status = relation.review?.status;
  if (status === 'corrected' || status === 'added') return `it is already ${status} by hand`;
  if (status === 'accepted') return 'it is already accepted';
  draft.putRelation({ ...relation, review: { status: 'accepted' } });
  return undefined;
}

export function reject(draft: Draft, edit: EditOf<'reject'>): Refusal {
  const relation = draft.relation(edit.relation);
  if (!relation) return unknownRelation(edit.relation);
  if (relation.review?.status === 'rejected') return 'it is already rejected';
  const review: Review = { status: 'rejected' };
  const reason = edit.reason?.trim();
  if (reason) review.reason = reason;
  if (relation.review?.proposed) review.proposed = relation.review.proposed;
  draft.putRelation({ ...relation, review });
  return undefined;
}

/**
 * A rejected relation back as it was before: corrected (its `proposed`
 * kept), added by hand (the history says so: a rejected review keeps no
 * earlier status), or not reviewed.
 */
export function restore(draft: Draft, edit: EditOf<'restore'>): Refusal {
  const relation = draft.relation(edit.relation);
  if (!relation) return unknownRelation(edit.relation);
  if (relation.review?.status !== 'rejected') return 'only a rejected relation can be restored';
  const { review: _rejected, ...rest } = relation;
  const restored: Relation = rest;
  if (relation.review.proposed) restored.review = { status: 'corrected', proposed: relation.review.proposed };
  else if (wasAddedByHand(draft, relation.id)) restored.review = { status: 'added' };
  draft.putRelation(restored);
  return undefined;
}

/** Whether the applied history shows the relation as added by hand just before its latest rejection. */
function wasAddedByHand(draft: Draft, id: string): boolean {
  const history = draft.dataset.history;
  if (!history) return false;
  for (let i = history.position - 1; i >= 0; i--) {
    for (const change of history.entries[i]?.changes ?? []) {
      if (change.kind !== 'relation' || change.id !== id || change.after?.review?.status !== 'rejected') continue;
      if (change.before?.review?.status === 'rejected') continue;
      return change.before?.review?.status === 'added';
    }
  }
  return false;
}

export function correct(draft: Draft, edit: EditOf<'correct'>): Refusal {
  const relation = draft.relation(edit.relation);
  if (!relation) return unknownRelation(edit.relation);
  const dataset = draft.dataset;
  const catalog = typeCatalog(dataset);
  const type = edit.type ?? relation.type;
  if (!catalog.hasRelation(type)) return `"${type}" is not a known relation type`;
  let source = relation.source;
  let target = relation.target;
  if (edit.swap) [source, target] = [target, source];
  if (edit.source !== undefined) source = edit.source;
  if (edit.target !== undefined) target = edit.target;
  for (const id of [source, target, ...(typeof edit.attributedTo === 'string' ? [edit.attributedTo] : [])]) if (!draft.entity(id)) return unknownEntity(id);
  if (source === target) return 'the source and the target must be different entities';

  const corrected: Relation = { ...relation, type, source, target };
  setFlag(corrected, 'negated', edit.negated);
  setFlag(corrected, 'hedged', edit.hedged);
  if (edit.attributedTo === null) delete corrected.attributedTo;
  else if (edit.attributedTo !== undefined) corrected.attributedTo = edit.attributedTo;

  if (edit.dropEvidence && edit.dropEvidence.length > 0) {
    const count = relation.evidence.length;
    const bad = edit.dropEvidence.find((i) => i >= count);
    if (bad !== undefined) return `there is no sentence ${bad} to drop (the relation has ${count}, numbered from 0)`;
    const drop = new Set(edit.dropEvidence);
    if (drop.size >= count) return 'a relation needs at least one sentence; reject it instead';
    corrected.evidence = relation.evidence.filter((_, i) => !drop.has(i));
  }
  if (sameClaim(relation, corrected)) return 'the correction changes nothing';

  // A new end must be named in every sentence that remains.
  for (const end of [source, target]) {
    if (end === relation.source || end === relation.target) continue;
    const refusal = namedInEvidence(draft, end, corrected.evidence);
    if (refusal) return refusal;
  }
  const duplicate = duplicateOf(dataset, draft.relations(), corrected);
  if (duplicate) return `that relation already exists (${claimSentence(dataset, duplicate)})`;

  corrected.review =
    relation.review?.status === 'added' ? { status: 'added' } : { status: 'corrected', proposed: relation.review?.proposed ?? claimOf(relation) };
  draft.putRelation(corrected);
  return undefined;
}

/** A flag set true, or removed when false, so "not negated" has one spelling; unchanged when the edit does not say. */
function setFlag(relation: Relation, key: 'negated' | 'hedged', value: boolean | undefined): void {
  if (value === undefined) return;
  if (value) relation[key] = true;
  else delete relation[key];
}

function sameClaim(a: Relation, b: Relation): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    (a.negated === true) === (b.negated === true) &&
    (a.hedged === true) === (b.hedged === true) &&
    a.attributedTo === b.attributedTo &&
    a.evidence.length === b.evidence.length
  );
}

function namedInEvidence(draft: Draft, entityId: string, evidence: readonly Evidence[]): Refusal {
  for (const sentence of evidence) {
    const text = draft.dataset.documents.find((d) => d.id === sentence.document)?.text;
    if (text === undefined || !ensureNamedIn(draft, entityId, sentence, text)) {
      const quoted = text === undefined ? sentence.document : text.slice(sentence.start, sentence.end);
      return `the sentence "${shorten(quoted)}" does not name ${draft.entity(entityId)?.label ?? entityId}`;
    }
  }
  return undefined;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function addRelation(draft: Draft, edit: EditOf<'add-relation'>): Refusal {
  const dataset = draft.dataset;
  if (!typeCatalog(dataset).hasRelation(edit.type)) return `"${edit.type}" is not a known relation type`;
  for (const id of [edit.source, edit.target]) if (!draft.entity(id)) return unknownEntity(id);
  if (edit.source === edit.target) return 'the source and the target must be different entities';
  const document = dataset.documents.find((d) => d.id === edit.evidence.document);
  if (!document) return `there is no document "${edit.evidence.document}"`;
  const { text } = document;
  if (edit.evidence.start >= edit.evidence.end || edit.evidence.end > text.length) return `the selection ${edit.evidence.start}–${edit.evidence.end} is not inside the document's text (0–${text.length})`;
  let start = edit.evidence.start;
  let end = edit.evidence.end;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return 'the selected text is empty';
  const selection = { document: document.id, start, end };
  for (const id of [edit.source, edit.target]) {
    if (!ensureNamedIn(draft, id, selection, text)) return `the selected text "${shorten(text.slice(start, end))}" does not name ${draft.entity(id)?.label ?? id}`;
  }
  // Evidence quotes whole sentences (the validator's rule): the selection grows to the sentences it lies in.
  while (start > 0 && !isSentenceStart(text, start)) start--;
  while (end < text.length && !isSentenceEnd(text, end)) end++;
  const relation: Relation = { id: '', type: edit.type, source: edit.source, target: edit.target, evidence: [{ document: document.id, start, end }] };
  if (edit.hedged) relation.hedged = true;
  if (edit.negated) relation.negated = true;
  relation.review = { status: 'added' };
  const duplicate = duplicateOf(dataset, draft.relations(), relation);
  if (duplicate) return `that relation already exists (${claimSentence(dataset, duplicate)})`;
  const taken = new Set(dataset.relations.map((r) => r.id));
  relation.id = freeId(idFromName(`${edit.source}-${edit.type}-${edit.target}`, 'relation'), taken);
  draft.putRelation(relation);
  return undefined;
}
