/**
 * EntityKey — what the node colours mean, for the entity types in this graph.
 */

import type { ReactElement } from 'react';
import { ENTITY_TYPE_IDS, ENTITY_TYPES, type Dataset } from '../model/index.ts';

export function EntityKey({ dataset }: { dataset: Dataset }): ReactElement {
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) counts.set(entity.type, (counts.get(entity.type) ?? 0) + 1);
  const present = ENTITY_TYPE_IDS.filter((type) => counts.has(type));
  return (
    <section className="legend-section" aria-labelledby="entity-key-title">
      <div className="legend-heading">
        <h2 id="entity-key-title">Entities</h2>
      </div>
      <ul className="entity-key">
        {present.map((type) => (
          <li key={type} title={ENTITY_TYPES[type].description}>
            <span className="dot" style={{ backgroundColor: ENTITY_TYPES[type].color }} aria-hidden="true" />
            <span className="legend-label">{ENTITY_TYPES[type].label}</span>
            <span className="legend-count">{counts.get(type)}</span>
          </li>
        ))}
      </ul>
      <p className="legend-note">Node size grows with the number of relations.</p>
    </section>
  );
}
