/**
 * SourceFilter — "at least N outlets" and what edge width shows
 * =============================================================
 *
 * A legend section: a stepper keeping relations reported by at least N
 * distinct outlets (copies of one wire story counted once, from the source
 * index), and a switch making edge width follow the number of supporting
 * sentences or of outlets. Shown only when the articles come from more
 * than one outlet: with one outlet everywhere there is nothing to filter or
 * scale. The range comes from the articles (`outletCeiling`), so opening a
 * graph never waits for the wire-copy comparison; the source index is built
 * when the filter or the width is first used.
 */

import { useMemo, type ReactElement } from 'react';
import { outletCeiling } from '../model/index.ts';
import type { ExplorerModel } from '../state/explorerModel.ts';
import { setMinOutlets, setWidthBy, type ExplorerState, type Transition, type WidthBy } from '../state/explorerState.ts';
import './sources.css';

interface SourceFilterProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

const WIDTHS: Array<{ id: WidthBy; label: string }> = [
  { id: 'sentences', label: 'sentences' },
  { id: 'outlets', label: 'outlets' },
];

export function SourceFilter({ model, state, dispatch }: SourceFilterProps): ReactElement | null {
  const max = useMemo(() => outletCeiling(model.dataset), [model.dataset]);
  if (max <= 1) return null;
  const value = Math.min(state.minOutlets, max);
  const set = (n: number) => dispatch(setMinOutlets(Math.max(1, Math.min(max, n))));
  return (
    <section className="legend-section source-filter" aria-labelledby="source-filter-title" data-testid="source-filter">
      <div className="legend-heading">
        <h2 id="source-filter-title">Sources</h2>
      </div>
      <div className="stepper" role="group" aria-label="Keep relations reported by at least this many outlets">
        <span className="stepper-label" id="min-outlets-label">
          At least
        </span>
        <button type="button" className="stepper-button" aria-label="One outlet fewer" disabled={value <= 1} onClick={() => set(value - 1)} data-testid="min-outlets-less">
          −
        </button>
        <input
          type="number"
          className="stepper-input"
          min={1}
          max={max}
          step={1}
          value={value}
          aria-labelledby="min-outlets-label min-outlets-unit"
          onChange={(event) => {
            const n = Number(event.target.value);
            if (event.target.value !== '' && Number.isFinite(n)) set(n);
          }}
          data-testid="min-outlets"
        />
        <button type="button" className="stepper-button" aria-label="One outlet more" disabled={value >= max} onClick={() => set(value + 1)} data-testid="min-outlets-more">
          +
        </button>
        <span className="stepper-label" id="min-outlets-unit">
          {value === 1 ? 'outlet' : 'outlets'}
        </span>
      </div>
      <div className="width-switch" role="radiogroup" aria-label="Edge width shows">
        <span className="stepper-label">Edge width:</span>
        {WIDTHS.map((width) => (
          <button
            key={width.id}
            type="button"
            role="radio"
            aria-checked={state.widthBy === width.id}
            className="width-option"
            onClick={() => dispatch(setWidthBy(width.id))}
            data-testid={`width-${width.id}`}
          >
            {width.label}
          </button>
        ))}
      </div>
    </section>
  );
}
