/**
 * EntityEditor — "Edit entity" in an entity's panel
 * =================================================
 *
 * Rename, retype, add an alias, merge another entity into this one, split
 * some of its names off into a new entity. Each form builds one Edit and
 * hands it to the data shell (useEdits().apply); the edit rules live in
 * model/review. A refusal is shown beside the form that asked (role=alert)
 * and focus stays where it was. Absent where the data cannot be edited
 * (corpus mode).
 */

import { useState, type FormEvent, type ReactElement } from 'react';
import { describeEdit } from '../../model/review/index.ts';
import type { Edit, Entity } from '../../model/index.ts';
import { mergePreview, splitPreview } from '../../state/entityEditPreview.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { EntityCombobox } from '../EntityCombobox.tsx';
import { useEdits } from '../review/editsContext.ts';
import '../review/editForms.css';
import './entityEdit.css';

interface EntityEditorProps {
  entity: Entity;
  model: ExplorerModel;
}

type Form = 'rename' | 'type' | 'alias' | 'merge' | 'split';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function EntityEditor({ entity, model }: EntityEditorProps): ReactElement | null {
  const edits = useEdits();
  const [label, setLabel] = useState('');
  const [alias, setAlias] = useState('');
  /** The type chosen in the select; null shows the entity's own (so an undo shows through). */
  const [type, setType] = useState<string | null>(null);
  const [mergeQuery, setMergeQuery] = useState('');
  const [mergeFrom, setMergeFrom] = useState<Entity | null>(null);
  const [splitNames, setSplitNames] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<{ form: Form; reason: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (edits === null) return null;

  const catalog = model.data.catalog;
  const names = [entity.label, ...entity.aliases];
  const others = [...model.data.entities.values()].filter((e) => e.id !== entity.id);
  const chosenSplit = names.filter((n) => splitNames.has(n));
  const split = chosenSplit.length > 0 ? splitPreview(model.full, entity.id, chosenSplit) : null;

  /** Applies the edit; true when it was made. The message says what it did, in the history's words. */
  const run = (form: Form, edit: Edit): boolean => {
    const words = describeEdit(model.full, edit);
    const reason = edits.apply(edit);
    if (reason !== null) {
      setRefusal({ form, reason: `Not done: ${reason}.` });
      setDone(null);
      return false;
    }
    setRefusal(null);
    // Sent to a server (corpus mode): its answer is said in the notice line, not claimed here before it comes.
    setDone(edits.answersLater === true ? null : words);
    return true;
  };
  const submit = (form: Form, edit: () => Edit | null, after: () => void) => (event: FormEvent) => {
    event.preventDefault();
    const made = edit();
    if (made && run(form, made)) after();
  };
  const alertFor = (form: Form) =>
    refusal?.form === form ? (
      <p className="entity-edit-refusal" role="alert" data-testid={`entity-edit-refusal-${form}`}>
        {refusal.reason}
      </p>
    ) : null;

  return (
    <details className="entity-edit" data-testid="entity-edit">
      <summary>Edit entity</summary>
      {done ? (
        <p className="entity-edit-done" role="status" data-testid="entity-edit-done">
          {done}
        </p>
      ) : null}

      <form className="entity-edit-form" onSubmit={submit('rename', () => ({ kind: 'rename-entity', entity: entity.id, label }), () => setLabel(''))}>
        <label className="entity-edit-label">
          Rename
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={entity.label} data-testid="entity-rename-input" />
        </label>
        <button type="submit" data-testid="entity-rename">
          Rename
        </button>
        <p className="entity-edit-hint">The old name stays as an alias, so the sentences that use it still name this entity.</p>
        {alertFor('rename')}
      </form>

      <form className="entity-edit-form" onSubmit={submit('type', () => ({ kind: 'retype-entity', entity: entity.id, type: type ?? entity.type }), () => setType(null))}>
        <label className="entity-edit-label">
          Type
          <select value={type ?? entity.type} onChange={(e) => setType(e.target.value)} data-testid="entity-type-select">
            {catalog.entityTypeIds.map((id) => (
              <option key={id} value={id}>
                {catalog.entity(id).label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="entity-retype">
          Change type
        </button>
        {alertFor('type')}
      </form>

      <form className="entity-edit-form" onSubmit={submit('alias', () => ({ kind: 'add-alias', entity: entity.id, alias }), () => setAlias(''))}>
        <label className="entity-edit-label">
          Add alias
          <input type="text" value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="Another spelling" data-testid="entity-alias-input" />
        </label>
        <button type="submit" data-testid="entity-add-alias">
          Add alias
        </button>
        {alertFor('alias')}
      </form>

      <div className="entity-edit-form" data-testid="entity-merge">
        <EntityCombobox
          entities={others}
          catalog={catalog}
          label="Merge with…"
          placeholder="Another entity, by name"
          query={mergeQuery}
          onQueryChange={(query) => {
            setMergeQuery(query);
            setMergeFrom(null);
          }}
          onChoose={(other) => {
            setMergeQuery(other.label);
            setMergeFrom(other);
            setRefusal(null);
          }}
          testId="entity-merge-input"
        />
        {mergeFrom ? <MergeConfirm model={model} from={mergeFrom} into={entity} onCancel={() => (setMergeFrom(null), setMergeQuery(''))} onMerge={() => {
          if (run('merge', { kind: 'merge-entities', into: entity.id, from: mergeFrom.id })) (setMergeFrom(null), setMergeQuery(''));
        }} /> : null}
        {alertFor('merge')}
      </div>

      <form
        className="entity-edit-form"
        onSubmit={submit('split', () => (chosenSplit.length > 0 ? { kind: 'split-entity', entity: entity.id, names: chosenSplit } : null), () => setSplitNames(new Set()))}
      >
        <fieldset className="entity-edit-split">
          <legend>Split…</legend>
          {names.length < 2 ? (
            <p className="entity-edit-hint">{entity.label} has one name only: there is nothing to split off.</p>
          ) : (
            <>
              <p className="entity-edit-hint">Tick the names that belong to another actor: they become a new entity.</p>
              {names.map((name) => (
                <label key={name} className="entity-edit-check">
                  <input
                    type="checkbox"
                    checked={splitNames.has(name)}
                    data-testid={`entity-split-name-${name}`}
                    onChange={(e) => {
                      const next = new Set(splitNames);
                      if (e.target.checked) next.add(name);
                      else next.delete(name);
                      setSplitNames(next);
                    }}
                  />
                  {name}
                </label>
              ))}
              {split ? (
                <p className="entity-edit-preview" data-testid="entity-split-preview">
                  {split.ok
                    ? `A new entity “${split.label}” would take ${plural(split.mentions, 'mention')} and ${plural(split.relations.length, 'relation')}.`
                    : `Cannot split: ${split.reason}.`}
                </p>
              ) : null}
              <button type="submit" disabled={chosenSplit.length === 0} data-testid="entity-split">
                Split off
              </button>
            </>
          )}
        </fieldset>
        {alertFor('split')}
      </form>
    </details>
  );
}

interface MergeConfirmProps {
  model: ExplorerModel;
  from: Entity;
  into: Entity;
  onMerge: () => void;
  onCancel: () => void;
}

/** The confirm step: what will join this entity. */
function MergeConfirm({ model, from, into, onMerge, onCancel }: MergeConfirmProps): ReactElement {
  const joins = mergePreview(model.full, from);
  return (
    <div className="entity-edit-confirm" data-testid="entity-merge-confirm">
      <p>
        Merge <strong>{from.label}</strong> into <strong>{into.label}</strong>? {into.label} gains {plural(joins.aliases, 'alias', 'aliases')} ({[from.label, ...from.aliases].join(', ')}),{' '}
        {plural(joins.mentions, 'mention')} and {plural(joins.relations, 'relation')}.
      </p>
      <div className="entity-edit-actions">
        <button type="button" onClick={onMerge} data-testid="entity-merge-confirm-button">
          Merge {from.label} into {into.label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
