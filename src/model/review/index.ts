/**
 * Review and correction — the analyst's edits, as pure functions on a dataset
 * ============================================================================
 *
 * CONTRACT (filled in by the review model; signatures are fixed):
 * every edit is a function Dataset → Dataset that also appends one history
 * entry (record-level before/after snapshots) to `dataset.history`, so one
 * value carries the data and its undo/redo stack into browser storage,
 * exports and the corpus store.
 */

export { applyEdit, type EditOutcome } from './edits.ts';
export { undoEdit, redoEdit, canUndo, canRedo, undoLabel, redoLabel } from './history.ts';
export { describeEdit } from './describe.ts';
export { provenanceOf, PROVENANCE_LABELS, isRejected, withoutRejected, type Provenance } from './provenance.ts';
export { reviewQueue } from './queue.ts';
export { acceptanceByType, type TypeAcceptance } from './acceptance.ts';
export { goldOf, type GoldCounts } from './gold.ts';
