/**
 * ComparePanel — what changed between two windows, or two outlets
 * ===============================================================
 *
 * The side panel's "Changes" tab. The reader picks two slices of the story
 * — two windows of reporting days (by default the timeline's window and the
 * same length just before it, model/storyDiff.ts compares them) or two
 * outlets — and reads the entity pairs that appeared, disappeared or
 * changed relation type between them, each opening to its sentences in each
 * slice, quoted exactly (EvidenceQuote). Pure rendering over compareSlices;
 * the dates typed here are the panel's own, the timeline's window is not moved.
 */

import { useMemo, useState, type ReactElement } from 'react';
import { compareSlices, outletsOf, publishedDayNumbers, type DayWindow, type Slice } from '../../model/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import type { ExplorerState, Transition } from '../../state/explorerState.ts';
import { dateInputValue, dayOfDateInput, formatWindow } from '../timeline/windowText.ts';
import { defaultWindows } from './compareWindows.ts';
import { PairList, type SliceView } from './PairList.tsx';
import './compare.css';

interface ComparePanelProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

type Mode = 'windows' | 'outlets';

/** Dates as typed (YYYY-MM-DD strings), per window. */
interface TypedWindows {
  a: { from: string; to: string };
  b: { from: string; to: string };
}

function typed(window: DayWindow): { from: string; to: string } {
  return { from: dateInputValue(window.from), to: dateInputValue(window.to) };
}

function parsedWindow(value: { from: string; to: string }): DayWindow | null {
  const from = dayOfDateInput(value.from);
  const to = dayOfDateInput(value.to);
  return from === null || to === null || from > to ? null : { from, to };
}

export function ComparePanel({ model, state, dispatch }: ComparePanelProps): ReactElement {
  const span = model.reporting.span;
  const outlets = useMemo(() => outletsOf(model.dataset), [model]);
  const [mode, setMode] = useState<Mode>(span === null && outlets.length >= 2 ? 'outlets' : 'windows');
  // Null: follow the timeline (defaultWindows); set once the reader types a date.
  const [edited, setEdited] = useState<TypedWindows | null>(null);
  const [outletA, setOutletA] = useState(outlets[0] ?? '');
  const [outletB, setOutletB] = useState(outlets[1] ?? outlets[0] ?? '');
  const publishedDays = useMemo(() => publishedDayNumbers(model.dataset), [model]);

  const defaults = span === null ? null : defaultWindows(state.window, span);
  const shownWindows: TypedWindows | null = edited ?? (defaults === null ? null : { a: typed(defaults.a), b: typed(defaults.b) });

  let slices: { a: SliceView; b: SliceView } | null = null;
  let problem: string | null = null;
  if (mode === 'windows') {
    if (shownWindows === null) problem = 'No article is dated: there are no windows to compare. Compare two outlets instead.';
    else {
      const a = parsedWindow(shownWindows.a);
      const b = parsedWindow(shownWindows.b);
      if (a === null || b === null) problem = `Window ${a === null ? 'A' : 'B'}: choose a first and a last day, the first not after the last.`;
      else slices = { a: { slice: { kind: 'window', window: a }, name: formatWindow(a) }, b: { slice: { kind: 'window', window: b }, name: formatWindow(b) } };
    }
  } else if (outlets.length < 2) problem = 'The articles name fewer than two outlets: there is nothing to compare.';
  else slices = { a: { slice: { kind: 'outlet', outlet: outletA }, name: outletA }, b: { slice: { kind: 'outlet', outlet: outletB }, name: outletB } };

  const sliceA = slices?.a.slice;
  const sliceB = slices?.b.slice;
  const diff = useMemo(
    () => (sliceA && sliceB ? compareSlices(model.dataset, model.reporting, sliceA, sliceB) : null),
    // Slices are rebuilt each render: compare them by what they say.
    [model, sliceKey(sliceA), sliceKey(sliceB)],
  );

  const editWindow = (which: 'a' | 'b', end: 'from' | 'to', value: string) => {
    if (shownWindows === null) return;
    setEdited({ ...shownWindows, [which]: { ...shownWindows[which], [end]: value } });
  };

  return (
    <div className="details compare-panel" data-testid="compare-panel">
      <header className="details-header">
        <h2 className="details-title">What changed</h2>
        <p className="details-meta">Entity pairs whose relations appeared, disappeared or changed type between two windows of reporting days, or between two outlets.</p>
      </header>
      <div className="compare-mode" role="radiogroup" aria-label="Compare">
        {(['windows', 'outlets'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={mode === option}
            className="width-option"
            onClick={() => setMode(option)}
            data-testid={`compare-mode-${option}`}
          >
            Two {option}
          </button>
        ))}
      </div>
      {mode === 'windows' && shownWindows !== null ? (
        <div className="compare-slices">
          {(['a', 'b'] as const).map((which) => (
            <fieldset key={which} className="compare-slice" data-testid={`compare-window-${which}`}>
              <legend>{which === 'a' ? 'Window A (before)' : 'Window B (after)'}</legend>
              <label>
                <span>from</span>
                <input type="date" value={shownWindows[which].from} onChange={(event) => editWindow(which, 'from', event.target.value)} data-testid={`compare-${which}-from`} />
              </label>
              <label>
                <span>to</span>
                <input type="date" value={shownWindows[which].to} onChange={(event) => editWindow(which, 'to', event.target.value)} data-testid={`compare-${which}-to`} />
              </label>
            </fieldset>
          ))}
          {edited !== null ? (
            <button type="button" className="tool-button" onClick={() => setEdited(null)} data-testid="compare-follow">
              Use the timeline’s window
            </button>
          ) : (
            <p className="muted compare-hint">B follows the timeline’s window, A is as long, just before it.</p>
          )}
        </div>
      ) : null}
      {mode === 'outlets' && outlets.length >= 2 ? (
        <div className="compare-slices">
          {(['a', 'b'] as const).map((which) => (
            <label key={which} className="compare-outlet">
              <span>{which === 'a' ? 'Outlet A' : 'Outlet B'}</span>
              <select
                value={which === 'a' ? outletA : outletB}
                onChange={(event) => (which === 'a' ? setOutletA : setOutletB)(event.target.value)}
                data-testid={`compare-outlet-${which}`}
              >
                {outlets.map((outlet) => (
                  <option key={outlet} value={outlet}>
                    {outlet}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
      <div aria-live="polite" data-testid="compare-result">
        {problem !== null ? (
          <p className="path-message" data-testid="compare-problem">
            {problem}
          </p>
        ) : diff !== null && slices !== null ? (
          <>
            <p className="path-message" data-testid="compare-summary">
              {diff.appeared.length} appeared · {diff.disappeared.length} disappeared · {diff.changed.length} changed · {diff.unchanged} unchanged
            </p>
            <PairList title="Appeared" kind="appeared" changes={diff.appeared} model={model} slices={slices} publishedDays={publishedDays} dispatch={dispatch} />
            <PairList title="Disappeared" kind="disappeared" changes={diff.disappeared} model={model} slices={slices} publishedDays={publishedDays} dispatch={dispatch} />
            <PairList title="Changed" kind="changed" changes={diff.changed} model={model} slices={slices} publishedDays={publishedDays} dispatch={dispatch} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function sliceKey(slice: Slice | undefined): string {
  if (slice === undefined) return '';
  return slice.kind === 'window' ? `w:${slice.window.from}:${slice.window.to}` : `o:${slice.outlet}`;
}
