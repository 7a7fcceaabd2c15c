/**
 * AddRelationFromSelection — a relation the extractor missed, from the article
 * ===========================================================================
 *
 * Text selected in the article pane (mouse, or Shift+arrows from a name)
 * brings up "Add relation from selection". Its form offers as ends the
 * entities the selected text names (then every other entity, so a wrong
 * choice is refused with the model's reason rather than impossible to
 * express), a type, negated/hedged, and Add: one `add-relation` edit whose
 * evidence is the selection's offsets. On success the caller selects the
 * new relation.
 */

import { useEffect, useId, useState, type ReactElement } from 'react';
import type { Edit, Entity } from '../../model/index.ts';
import { createdIdOf } from '../../state/entityEditPreview.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { entitiesNamedIn } from '../../state/namedEntities.ts';
import { useEdits } from '../review/editsContext.ts';
import '../review/editForms.css';
import './addRelation.css';

interface Props {
  model: ExplorerModel;
  documentId: string;
  text: string;
  /** The live selection in the article (null when none). */
  selection: { start: number; end: number } | null;
  /** Called with the new relation's id once it is added. */
  onAdded: (relationId: string) => void;
}

const MAX_QUOTE = 240;

export function AddRelationFromSelection({ model, documentId, text, selection, onAdded }: Props): ReactElement | null {
  const edits = useEdits();
  const formId = useId();
  /** The selection the open form works on; kept while the reader moves into the form. */
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [type, setType] = useState(model.data.catalog.relationTypeIds[0] ?? '');
  const [negated, setNegated] = useState(false);
  const [hedged, setHedged] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const quote = span ? text.slice(span.start, span.end) : '';
  const named = span ? entitiesNamedIn(quote, model.data.entities.values()) : [];
  const namedIds = new Set(named.map((e) => e.id));
  const others = [...model.data.entities.values()].filter((e) => !namedIds.has(e.id)).sort((a, b) => a.label.localeCompare(b.label));

  function open(next: { start: number; end: number }) {
    const names = entitiesNamedIn(text.slice(next.start, next.end), model.data.entities.values());
    const rest = [...model.data.entities.values()].filter((e) => !names.includes(e)).sort((a, b) => a.label.localeCompare(b.label));
    setSpan(next);
    setSource(names[0]?.id ?? rest[0]?.id ?? '');
    setTarget(names[1]?.id ?? rest.find((e) => e.id !== names[0]?.id)?.id ?? '');
    setRefusal(null);
    setAdded(null);
  }

  // A new selection made while the form is open replaces the one it works on.
  useEffect(() => {
    if (span && selection && (selection.start !== span.start || selection.end !== span.end)) open(selection);
    // Only a new selection re-opens: `span` and `open` are read as they are then.
  }, [selection]);

  if (edits === null) return null;

  if (span === null) {
    return (
      <div className="add-relation-bar" data-testid="add-relation-bar">
        {added ? (
          <p className="add-relation-done" role="status" data-testid="add-relation-done">
            {added}
          </p>
        ) : null}
        {selection ? (
          <button type="button" className="add-relation-open" onClick={() => open(selection)} data-testid="add-relation-open">
            Add relation from selection
          </button>
        ) : (
          <p className="add-relation-hint">Select text in the article (or Shift+arrows from a name) to add a relation it states.</p>
        )}
      </div>
    );
  }

  const add = () => {
    const edit: Edit = { kind: 'add-relation', type, source, target, evidence: { document: documentId, start: span.start, end: span.end } };
    if (negated) edit.negated = true;
    if (hedged) edit.hedged = true;
    const id = createdIdOf(model.full, edit, 'relation');
    const reason = edits.apply(edit);
    if (reason !== null) {
      setRefusal(`Not added: ${reason}.`);
      return;
    }
    setSpan(null);
    setAdded('Added the relation; it is selected in the graph and shown in Details.');
    window.getSelection()?.removeAllRanges();
    if (id) onAdded(id);
  };
  const entityOptions = (list: readonly Entity[]) =>
    list.map((e) => (
      <option key={e.id} value={e.id}>
        {e.label}
      </option>
    ));
  const endSelect = (label: string, value: string, onChange: (id: string) => void, testId: string, first = false) => (
    <label className="add-relation-field">
      {label}
      {/* The form replaces the button that opened it: focus goes to its first field. */}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} autoFocus={first}>
        {named.length > 0 ? <optgroup label="Named in the selection">{entityOptions(named)}</optgroup> : null}
        <optgroup label="Other entities">{entityOptions(others)}</optgroup>
      </select>
    </label>
  );

  return (
    <form
      className="add-relation-form"
      aria-labelledby={`${formId}-title`}
      data-testid="add-relation-form"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation(); // the explorer's Escape must not also step back
        setSpan(null);
      }}
    >
      <h3 id={`${formId}-title`} className="add-relation-title">
        Add relation from selection
      </h3>
      <blockquote className="add-relation-quote" data-testid="add-relation-quote">
        {quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE)}…` : quote}
      </blockquote>
      <p className="add-relation-named">
        {named.length === 0 ? 'The selection names no entity.' : `Named here: ${named.map((e) => e.label).join(', ')}.`}
      </p>
      <div className="add-relation-fields">
        {endSelect('Source', source, setSource, 'add-relation-source', true)}
        <label className="add-relation-field">
          Type
          <select value={type} onChange={(e) => setType(e.target.value)} data-testid="add-relation-type">
            {model.data.catalog.relationTypeIds.map((id) => (
              <option key={id} value={id}>
                {model.data.catalog.relation(id).label}
              </option>
            ))}
          </select>
        </label>
        {endSelect('Target', target, setTarget, 'add-relation-target')}
      </div>
      <div className="add-relation-flags">
        <label>
          <input type="checkbox" checked={negated} onChange={(e) => setNegated(e.target.checked)} data-testid="add-relation-negated" /> Negated (the text denies it)
        </label>
        <label>
          <input type="checkbox" checked={hedged} onChange={(e) => setHedged(e.target.checked)} data-testid="add-relation-hedged" /> Hedged (alleged, reportedly)
        </label>
      </div>
      {refusal ? (
        <p className="add-relation-refusal" role="alert" data-testid="add-relation-refusal">
          {refusal}
        </p>
      ) : null}
      <div className="add-relation-actions">
        <button type="submit" className="add-relation-add" data-testid="add-relation-add">
          Add
        </button>
        <button type="button" onClick={() => setSpan(null)} data-testid="add-relation-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
