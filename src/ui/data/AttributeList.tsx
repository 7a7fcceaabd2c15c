/**
 * AttributeList — attributes newsgraph has no meaning for (Gephi's
 * modularity class, a spreadsheet's extra column), shown as key/value text
 * so nothing an import carried is silently lost from view.
 */

import type { ReactElement } from 'react';

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function AttributeList({ attributes }: { attributes: Readonly<Record<string, unknown>> | undefined }): ReactElement | null {
  const entries = attributes ? Object.entries(attributes) : [];
  if (entries.length === 0) return null;
  return (
    <dl className="attribute-list" data-testid="attribute-list" aria-label="Other attributes">
      {entries.map(([key, value]) => (
        <div key={key} className="attribute-row">
          <dt>{key}</dt>
          <dd>{asText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
