/**
 * EntityCombobox — pick an entity by typing its name or an alias
 * ==============================================================
 *
 * The WAI-ARIA 1.2 combobox pattern (input + listbox, aria-activedescendant),
 * shared by the search box and the two ends of a path. The query is
 * controlled by the caller (the search box keeps it in explorer state so the
 * graph dims non-matches); the highlighted option is local. Keys: ↓/↑ move,
 * Enter chooses (the first hit when none is highlighted), Escape closes the
 * list, then clears the text.
 */

import { useId, useState, type ReactElement } from 'react';
import type { Entity, TypeCatalog } from '../model/index.ts';
import { searchEntities } from '../state/entitySearch.ts';
import './analystTools.css';
import { onComboboxKey } from './comboboxKeys.ts';

interface EntityComboboxProps {
  entities: readonly Entity[];
  /** The dataset's types, for each hit's colour and type name. */
  catalog: TypeCatalog;
  label: string;
  /** Shown as the input's placeholder. */
  placeholder: string;
  query: string;
  onQueryChange: (query: string) => void;
  onChoose: (entity: Entity) => void;
  testId: string;
  /** Visually hide the label (the search box has a heading above it). */
  hideLabel?: boolean;
  /** Test id prefix of the options (`<prefix>-<entity id>`); defaults to `<testId>-hit`. */
  hitTestId?: string;
}

export function EntityCombobox(props: EntityComboboxProps): ReactElement {
  const { entities, label, placeholder, query, onQueryChange, onChoose, testId, hideLabel = false, hitTestId = `${testId}-hit` } = props;
  const inputId = useId();
  const listId = useId();
  const [active, setActive] = useState(-1);
  // Opens when the reader types or presses ↓, not when the caller fills the box (a chosen path end).
  const [open, setOpen] = useState(false);
  const hits = query.trim() === '' ? [] : searchEntities(entities, query);
  const expanded = open && query.trim() !== '';
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (entity: Entity) => {
    setActive(-1);
    setOpen(false);
    onChoose(entity);
  };

  return (
    <div className="combobox">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : 'combobox-label'}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        className="search-input"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < hits.length ? optionId(active) : undefined}
        data-testid={testId}
        value={query}
        onChange={(event) => {
          setActive(-1);
          setOpen(true);
          onQueryChange(event.target.value);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => onComboboxKey(event, { options: hits, active, expanded, query, setActive, setOpen, choose: (hit) => choose(hit.entity), clear: () => onQueryChange('') })}
      />
      <ul className="search-results" id={listId} role="listbox" aria-label={`${label}: matching entities`} hidden={!expanded}>
        {expanded && hits.length === 0 ? (
          <li className="search-empty" role="presentation">
            No entity matches “{query.trim()}”.
          </li>
        ) : null}
        {expanded
          ? hits.map(({ entity, via }, i) => (
              <li
                key={entity.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'search-hit is-active' : 'search-hit'}
                data-testid={`${hitTestId}-${entity.id}`}
                // mousedown, not click: the input must not lose the text before the choice lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(entity);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="dot" style={{ backgroundColor: props.catalog.entity(entity.type).color }} aria-hidden="true" />
                <span className="search-hit-label">{entity.label}</span>
                <span className="search-hit-type">{props.catalog.entity(entity.type).label}</span>
                {via ? <span className="search-hit-via">“{via}”</span> : null}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
