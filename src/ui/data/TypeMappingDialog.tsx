/**
 * TypeMappingDialog — what an opened file's own types become
 * ==========================================================
 *
 * Opens over the freshly drawn graph when the file calls its relations or
 * node types by names newsgraph does not have (and again from the toolbar's
 * "Types…"). Each relation name, with how many edges carry it: keep it as its
 * own type (the default), read it as one of newsgraph's types, or drop those
 * relations; each node type value the same, plus "infer from the name"; and
 * which node attribute is the entity type at all. A choice applies at once:
 * the shell reads the same file again with it and redraws (DataShell
 * `remap`); "Done" only closes. The rows and words come from
 * state/typeChoices.ts.
 *
 * A modal dialog (useModalDialog: focus kept inside, Escape closes and the
 * focus goes back). Names come from the file: React text inside <bdi>, so a
 * right-to-left name cannot reorder the line around it.
 */

import { useId, useRef, type ReactElement } from 'react';
import type { EntityTypeChoice, RelationTypeChoice, TypeNameUse, TypeReading } from '../../graph/formats/types.ts';
import {
  entityChoiceOf,
  entityChoiceOptions,
  entityTypeAttributeOf,
  entityTypeAttributeOptions,
  inferenceSummary,
  relationChoiceOf,
  relationChoiceOptions,
  rowCount,
  rowName,
  showsEntityValues,
  withEntityChoice,
  withEntityTypeAttribute,
  withRelationChoice,
  type ChoiceOptions,
  type TypeChoices,
} from '../../state/typeChoices.ts';
import { useModalDialog } from '../workspaces/useModalDialog.ts';
import './typeMapping.css';

interface TypeMappingDialogProps {
  fileName: string;
  /** How the file was read with the choices now drawn. */
  reading: TypeReading;
  /** The choices shown: those drawn, or those being applied. */
  choices: TypeChoices;
  /** The file is being read again with `choices`. */
  applying: boolean;
  /** Why the last choice could not be applied (the graph drawn before it stays). */
  failure: string | null;
  onChoose: (choices: TypeChoices) => void;
  onClose: () => void;
  /** Where the focus goes on closing when what opened the dialog is gone (the graph was redrawn). */
  returnFocus: () => HTMLElement | null;
}

/** The <option>s of one row's select. */
function ChoiceList<T extends string>({ options }: { options: ChoiceOptions<T> }): ReactElement {
  return (
    <>
      {options.own.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      <optgroup label="newsgraph’s types">
        {options.builtIn.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </optgroup>
      <option value={options.drop.value}>{options.drop.label}</option>
    </>
  );
}

interface TypeRowProps<T extends string> {
  row: TypeNameUse;
  kind: 'relation' | 'entity';
  value: T;
  options: ChoiceOptions<T>;
  onChange: (value: T) => void;
}

function TypeRow<T extends string>({ row, kind, value, options, onChange }: TypeRowProps<T>): ReactElement {
  const id = useId();
  const allowed = new Set<string>([...options.own, ...options.builtIn, options.drop].map((option) => option.value));
  return (
    <li className="type-row" data-testid={`${kind}-type-row`} data-type-name={row.name} data-choice={value}>
      <label htmlFor={id} className="type-row-name">
        <bdi className={row.name === '' ? 'type-name is-untyped' : 'type-name'}>{rowName(row, kind)}</bdi>
        <span className="type-count">{rowCount(row, kind)}</span>
        {row.automatic ? (
          <span className="type-auto" title="A name newsgraph reads as one of its own types">
            recognised
          </span>
        ) : null}
      </label>
      <select
        id={id}
        className="type-select"
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (allowed.has(next)) onChange(next as T);
        }}
      >
        <ChoiceList options={options} />
      </select>
    </li>
  );
}

/** The attribute select's values: attribute names are the file's, so each option is addressed by its place in the list. */
const NONE_VALUE = 'none';
const attributeValue = (index: number) => `attribute-${index}`;

export function TypeMappingDialog(props: TypeMappingDialogProps): ReactElement {
  const { fileName, reading, choices, applying, failure, onChoose, onClose, returnFocus } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const handlers = useModalDialog(dialogRef, onClose, { returnFocus });
  const titleId = useId();
  const subId = useId();
  const relationsId = useId();
  const entitiesId = useId();
  const attributeId = useId();

  const attributes = entityTypeAttributeOptions(reading);
  const attribute = entityTypeAttributeOf(choices, reading);
  const attributeIndex = attributes.findIndex((option) => option.value === attribute);
  const summary = inferenceSummary(reading);
  const entityRows = showsEntityValues(choices) ? reading.entities : [];
  // Only a choice between attributes is worth a select: "none" alone is what the summary already says.
  const attributeChoice = attributes.length > 1;

  return (
    <dialog ref={dialogRef} className="modal-card type-mapping-dialog" aria-labelledby={titleId} aria-describedby={subId} data-testid="type-mapping-dialog" {...handlers}>
      <div className="type-mapping-inner">
        <div className="type-mapping-head">
          <div>
            <h2 id={titleId}>
              Types in <bdi className="type-mapping-file">{fileName}</bdi>
            </h2>
            <p id={subId} className="type-mapping-sub">
              The graph behind this is drawn with the choices below, and redrawn as soon as you change one. A name newsgraph does not know is kept as a
              type of its own unless you read it as one of newsgraph’s types or drop it.
            </p>
          </div>
        </div>

        {reading.relations.length > 0 ? (
          <section className="type-mapping-section" aria-labelledby={relationsId}>
            <h3 id={relationsId}>Relation names</h3>
            <ul className="type-rows" data-testid="relation-type-rows">
              {reading.relations.map((row) => (
                <TypeRow<RelationTypeChoice>
                  key={`r ${row.name}`}
                  row={row}
                  kind="relation"
                  value={relationChoiceOf(choices, row)}
                  options={relationChoiceOptions(row)}
                  onChange={(choice) => onChoose(withRelationChoice(choices, row.name, choice))}
                />
              ))}
            </ul>
          </section>
        ) : null}

        <section className="type-mapping-section" aria-labelledby={entitiesId}>
          <h3 id={entitiesId}>Entity types</h3>
          {attributeChoice ? (
            <div className="type-attribute">
              <label htmlFor={attributeId}>Entity type from the node attribute</label>
              <select
                id={attributeId}
                className="type-select"
                data-testid="entity-type-attribute"
                value={attributeIndex < 0 || attribute === null ? NONE_VALUE : attributeValue(attributeIndex)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  const chosen = attributes.find((option, i) => (option.value === null ? value === NONE_VALUE : value === attributeValue(i)));
                  if (chosen) onChoose(withEntityTypeAttribute(choices, chosen.value));
                }}
              >
                {attributes.map((option, i) =>
                  option.value === null ? (
                    <option key={NONE_VALUE} value={NONE_VALUE}>
                      {option.label}
                    </option>
                  ) : (
                    <option key={attributeValue(i)} value={attributeValue(i)}>
                      {option.label}
                    </option>
                  ),
                )}
              </select>
            </div>
          ) : null}
          {summary ? (
            <p className="type-inference" data-testid="type-inference">
              {summary}
            </p>
          ) : null}
          {entityRows.length > 0 ? (
            <ul className="type-rows" data-testid="entity-type-rows" aria-label="Node type values">
              {entityRows.map((row) => (
                <TypeRow<EntityTypeChoice>
                  key={`e ${row.name}`}
                  row={row}
                  kind="entity"
                  value={entityChoiceOf(choices, row)}
                  options={entityChoiceOptions(row)}
                  onChange={(choice) => onChoose(withEntityChoice(choices, row.name, choice))}
                />
              ))}
            </ul>
          ) : summary || attributeChoice ? null : (
            <p className="type-inference">Every entity type in the file is one of newsgraph’s.</p>
          )}
        </section>

        <div className="type-mapping-foot">
          <p className="type-mapping-status" role="status" aria-live="polite" data-testid="type-mapping-status" data-applying={applying}>
            {applying ? 'Redrawing the graph…' : ''}
          </p>
          {failure ? (
            <p className="type-mapping-failure" role="alert" data-testid="type-mapping-failure">
              {failure}
            </p>
          ) : null}
          <button type="button" className="tool-button tool-primary" onClick={onClose} data-testid="type-mapping-done">
            Done
          </button>
        </div>
      </div>
    </dialog>
  );
}
