/**
 * RelationGroup — one relation type's relations in the entity panel
 * =================================================================
 *
 * An article's entity has a handful of relations per type; a hub of a
 * year-long corpus can have hundreds, each with its quoted sentences, and
 * rendering them all would hold up the click that opened the panel and bury
 * the other types. A group shows its first `SHOWN_AT_FIRST` relations (and
 * the highlighted one, wherever it is) and a button for the rest.
 */

import { useState, type ReactElement, type ReactNode } from 'react';
import type { RelationGroup as Group, RelationView } from '../state/relationView.ts';

export const SHOWN_AT_FIRST = 10;

interface RelationGroupProps {
  group: Group;
  /** The relation highlighted in the graph: always shown. */
  highlighted: string | null;
  children: (view: RelationView) => ReactNode;
}

export function RelationGroup({ group, highlighted, children }: RelationGroupProps): ReactElement {
  const [expanded, setExpanded] = useState(false);
  const all = group.relations;
  const shown = expanded ? all : all.filter((view, i) => i < SHOWN_AT_FIRST || view.id === highlighted);
  const hidden = all.length - shown.length;
  return (
    <section className="relation-group" aria-label={group.label}>
      <h3 className="group-title">
        <span className="swatch" style={{ backgroundColor: group.color }} aria-hidden="true" />
        {group.label}
        <span className="legend-count">{all.length}</span>
      </h3>
      {shown.map(children)}
      {hidden > 0 ? (
        <button type="button" className="tool-button show-more" onClick={() => setExpanded(true)} data-testid="show-more-relations">
          Show {hidden} more “{group.label}”
        </button>
      ) : null}
    </section>
  );
}
