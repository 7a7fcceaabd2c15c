/**
 * PairList — one section of the comparison: appeared, disappeared or changed
 * ==========================================================================
 *
 * Each entity pair as one line ("Russia — Ukraine: met with → accused"),
 * opening to its relations in slice A and in slice B, each with the
 * sentences that support it inside that slice (model/storyDiff.ts's
 * `sliceEvidence`), quoted exactly by EvidenceQuote. Long lists show their
 * first `SHOWN_AT_FIRST` pairs and a button for the rest; sentences are
 * rendered only for the pairs opened.
 */

import { useState, type ReactElement } from 'react';
import { sliceEvidence, type PairChange, type Relation, type Slice } from '../../model/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { selectEdge, type Transition } from '../../state/explorerState.ts';
import { EvidenceQuote } from '../EvidenceQuote.tsx';

export const SHOWN_AT_FIRST = 25;

export interface SliceView {
  slice: Slice;
  /** The slice for people: "3 Jan – 14 Feb 2023", "Demo Wire". */
  name: string;
}

interface PairListProps {
  title: string;
  kind: 'appeared' | 'disappeared' | 'changed';
  changes: readonly PairChange[];
  model: ExplorerModel;
  slices: { a: SliceView; b: SliceView };
  publishedDays: ReadonlyMap<string, number>;
  dispatch: (transition: Transition) => void;
}

/** "accused, met with" — each type once, in the relations' order; "did not …" for a negated one. */
function typeLabels(model: ExplorerModel, ids: readonly string[]): string {
  const labels: string[] = [];
  for (const id of ids) {
    const relation = model.data.relations.get(id);
    if (!relation) continue;
    const type = model.data.catalog.relation(relation.type);
    const label = relation.negated ? type.negatedLabel : type.label;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.length === 0 ? '—' : labels.join(', ');
}

export function PairList({ title, kind, changes, model, slices, publishedDays, dispatch }: PairListProps): ReactElement | null {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  if (changes.length === 0) return null;
  const shown = all ? changes : changes.slice(0, SHOWN_AT_FIRST);
  const label = (id: string) => model.data.entities.get(id)?.label ?? id;
  return (
    <section className={`compare-section compare-${kind}`} aria-label={title} data-testid={`compare-${kind}`}>
      <h3 className="group-title">
        {title}
        <span className="legend-count">{changes.length}</span>
      </h3>
      <ul className="compare-pairs">
        {shown.map((change) => {
          const key = `${change.ends[0]}\u0000${change.ends[1]}`;
          const expanded = open.has(key);
          return (
            <li key={key} className="compare-pair" data-testid="compare-pair">
              <button
                type="button"
                className="compare-pair-head"
                aria-expanded={expanded}
                onClick={() => {
                  const next = new Set(open);
                  if (expanded) next.delete(key);
                  else next.add(key);
                  setOpen(next);
                }}
              >
                <span className="compare-pair-ends">
                  {label(change.ends[0])} — {label(change.ends[1])}
                </span>
                <span className="compare-pair-types">
                  {typeLabels(model, change.before)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">then</span> {typeLabels(model, change.after)}
                </span>
              </button>
              {expanded ? (
                <div className="compare-pair-body">
                  <SliceSentences heading={`In A · ${slices.a.name}`} ids={change.before} slice={slices.a.slice} model={model} publishedDays={publishedDays} dispatch={dispatch} />
                  <SliceSentences heading={`In B · ${slices.b.name}`} ids={change.after} slice={slices.b.slice} model={model} publishedDays={publishedDays} dispatch={dispatch} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {changes.length > shown.length ? (
        <button type="button" className="tool-button show-more" onClick={() => setAll(true)}>
          Show {changes.length - shown.length} more
        </button>
      ) : null}
    </section>
  );
}

interface SliceSentencesProps {
  heading: string;
  ids: readonly string[];
  slice: Slice;
  model: ExplorerModel;
  publishedDays: ReadonlyMap<string, number>;
  dispatch: (transition: Transition) => void;
}

function SliceSentences({ heading, ids, slice, model, publishedDays, dispatch }: SliceSentencesProps): ReactElement {
  const relations = ids.map((id) => model.data.relations.get(id)).filter((relation): relation is Relation => relation !== undefined);
  return (
    <div className="compare-slice-sentences" data-testid="compare-slice-sentences">
      <h4>{heading}</h4>
      {relations.length === 0 ? <p className="muted">No relation between them here.</p> : null}
      {relations.map((relation) => {
        const type = model.data.catalog.relation(relation.type);
        const evidence = sliceEvidence(model.dataset, relation, slice, publishedDays);
        const ends = new Set([relation.source, relation.target]);
        return (
          <div key={relation.id} className="compare-relation">
            <p className="compare-relation-head">
              <span className="swatch" style={{ backgroundColor: type.color }} aria-hidden="true" />
              <span>
                {model.data.entities.get(relation.source)?.label ?? relation.source} {relation.negated ? type.negatedLabel : type.label}{' '}
                {model.data.entities.get(relation.target)?.label ?? relation.target}
              </span>
              <button type="button" className="compare-show" onClick={() => dispatch(selectEdge(relation.id))}>
                Show in graph
              </button>
            </p>
            {evidence.length === 0 ? (
              <p className="muted">Reported here without a sentence of its own (the file declares the days).</p>
            ) : (
              evidence.map((item, i) => <EvidenceQuote key={i} data={model.data} evidence={item} ends={ends} />)
            )}
          </div>
        );
      })}
    </div>
  );
}
