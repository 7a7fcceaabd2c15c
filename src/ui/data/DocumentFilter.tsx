/**
 * DocumentFilter — one checkbox per article when the dataset is a corpus:
 * the graph then shows only what the checked articles say.
 */

import type { ReactElement } from 'react';
import type { Dataset } from '../../model/index.ts';

interface DocumentFilterProps {
  dataset: Dataset;
  enabled: ReadonlySet<string> | null;
  onToggle: (id: string) => void;
}

export function DocumentFilter({ dataset, enabled, onToggle }: DocumentFilterProps): ReactElement | null {
  if (dataset.documents.length < 2) return null;
  const shown = (id: string) => enabled === null || enabled.has(id);
  const shownCount = dataset.documents.filter((document) => shown(document.id)).length;
  return (
    <section className="legend-section document-filter" aria-labelledby="document-filter-title" data-testid="document-filter">
      <div className="legend-heading">
        <h2 id="document-filter-title">Articles</h2>
      </div>
      {dataset.documents.map((document) => (
        <label key={document.id} className="document-option" title={document.title}>
          <input
            type="checkbox"
            checked={shown(document.id)}
            disabled={shown(document.id) && shownCount === 1}
            onChange={() => onToggle(document.id)}
            data-testid={`document-${document.id}`}
          />
          <span className="document-name">{document.title}</span>
        </label>
      ))}
    </section>
  );
}
