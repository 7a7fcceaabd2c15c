/**
 * RelationSources — who reported a relation, and when
 * ===================================================
 *
 * "3 articles · 2 outlets", the outlets by name (an article with no outlet
 * named shows as "unnamed outlet"), "1 copy of a wire story" when some
 * supporting articles are near-identical copies (counted once), and "first
 * reported 3 Jan 2023 · last 14 Feb 2023" — or "undated" when none of its
 * articles carries a date (never guessed). From the model's source and
 * reporting indexes; a corpus server's whole-corpus counts win (relationSources.ts).
 */

import type { ReactElement } from 'react';
import { dayString, formatDate } from '../model/index.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import './sources.css';

interface RelationSourcesProps {
  model: ExplorerModel;
  relationId: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 copy of a wire story, counted once": copies may be of several stories, each counted as its original. */
export function copiesText(copies: number): string {
  return copies === 1 ? '1 copy of a wire story, counted once' : `${copies} copies of wire stories, counted once`;
}

export function RelationSources({ model, relationId }: RelationSourcesProps): ReactElement | null {
  const sources = model.sources.byRelation.get(relationId);
  if (sources === undefined) return null;
  const time = model.reporting.times.get(relationId);
  const unnamed = sources.outlets.filter((outlet) => outlet === '').length;
  const named = sources.outlets.filter((outlet) => outlet !== '');
  return (
    <section className="relation-sources" aria-label="Sources and dates" data-testid="relation-sources">
      <p>
        <span className="sources-counts" data-testid="sources-counts">
          {plural(sources.articleCount, 'article', 'articles')} · {plural(sources.outletCount, 'outlet', 'outlets')}
        </span>
        {sources.outletCount === 1 ? (
          <>
            {' '}
            <span className="badge badge-single" title="Only one outlet reports this relation" data-testid="single-outlet">
              single outlet
            </span>
          </>
        ) : null}
      </p>
      {sources.outlets.length > 0 ? (
        <ul className="sources-outlets" aria-label="Outlets" data-testid="sources-outlets">
          {named.map((outlet) => (
            <li key={outlet}>{outlet}</li>
          ))}
          {unnamed > 0 ? <li className="is-unnamed">{unnamed === 1 ? 'unnamed outlet' : `${unnamed} unnamed outlets`}</li> : null}
        </ul>
      ) : null}
      {sources.copies > 0 ? (
        <p className="sources-copies" data-testid="sources-copies">
          {copiesText(sources.copies)}
        </p>
      ) : null}
      <p className="sources-dates" data-testid="sources-dates">
        {time === undefined ? (
          'undated'
        ) : time.first === time.last ? (
          <>reported {formatDate(dayString(time.first))}</>
        ) : (
          <>
            first reported {formatDate(dayString(time.first))} · last {formatDate(dayString(time.last))}
          </>
        )}
      </p>
    </section>
  );
}
