/**
 * Timeline — when relations were reported, under the graph
 * ========================================================
 *
 * A histogram of relations by reporting day, week or month, stacked in the
 * relation-type colours (types switched off in the legend drawn faded), with
 * a brush: drag on the bars to choose a window, drag the window to move it,
 * drag its edges to resize it; from the keyboard, arrows move it one bar,
 * Shift+arrows resize it, Home/End jump, Escape or "All time" clears it.
 * Play steps the window forward by its own length once a second. The window
 * is explorer state (`setWindow`, in days), so the graph, the legend counts,
 * the panels and the URL follow it; this component only draws and dispatches.
 * Folds to its header line; absent when nothing in the data is dated.
 */

import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { dayString, formatDate, type Histogram, type RelationTypeId, type TypeCatalog } from '../../model/index.ts';
import type { ExplorerModel } from '../../state/explorerModel.ts';
import { setWindow, type ExplorerState, type Transition } from '../../state/explorerState.ts';
import { axisTicks } from './axisTicks.ts';
import {
  bucketAtX,
  bucketEnd,
  defaultRange,
  dragRange,
  grabAt,
  rangeOfWindow,
  resizeRange,
  shiftRange,
  windowOfRange,
  type BrushGrab,
  type BucketRange,
} from './brushGeometry.ts';
import { useElementWidth } from './useElementWidth.ts';
import { useTimelineHistogram } from './useTimelineHistogram.ts';
import { usePlay } from './usePlay.ts';
import { countWindow, describeCounts, formatWindow } from './windowText.ts';
import './timeline.css';

/** Pixel layout of the SVG: bars, then the axis labels under them. */
const BARS_HEIGHT = 64;
const AXIS_HEIGHT = 18;
const PAD_X = 8;

interface TimelineProps {
  model: ExplorerModel;
  state: ExplorerState;
  dispatch: (transition: Transition) => void;
}

interface Drag {
  grab: BrushGrab;
  start: BucketRange | null;
  from: number;
}

export function Timeline({ model, state, dispatch }: TimelineProps): ReactElement | null {
  const { histogram, origin, catalog } = useTimelineHistogram(model);
  const [collapsed, setCollapsed] = useState(false);
  const [plotRef, width] = useElementWidth();
  const play = usePlay(histogram, state.window, dispatch);
  const drag = useRef<Drag | null>(null);
  const count = histogram.starts.length;
  const plotWidth = Math.max(0, width - 2 * PAD_X);
  const chosen = state.window;
  const range = chosen !== null && count > 0 ? rangeOfWindow(histogram, chosen) : null;
  const counts = useMemo(() => (chosen === null ? null : countWindow(model.reporting, chosen)), [model, chosen]);
  const undated = useMemo(() => histogram.undated.reduce((sum, n) => sum + n, 0), [histogram]);
  const present = model.index.relationTypes;
  const bars = useMemo(
    () => <Bars histogram={histogram} plotWidth={plotWidth} enabled={state.enabledTypes} present={present} catalog={catalog} />,
    [histogram, plotWidth, state.enabledTypes, present, catalog],
  );
  const ticks = useMemo(() => axisTicks(histogram, plotWidth), [histogram, plotWidth]);

  if (count === 0) return null;

  const span = { from: histogram.starts[0]!, to: bucketEnd(histogram, count - 1) };
  const dated = model.reporting.times.size;
  const moveTo = (next: BucketRange) => dispatch(setWindow(windowOfRange(histogram, next)));
  const xOf = (event: PointerEvent<SVGSVGElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left - PAD_X;

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    play.pause();
    const x = xOf(event);
    const grab = grabAt(count, plotWidth, range, x);
    const from = bucketAtX(count, plotWidth, x);
    drag.current = { grab, start: range, from };
    event.currentTarget.setPointerCapture(event.pointerId);
    if (grab === 'new') moveTo({ first: from, last: from });
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const x = xOf(event);
    const current = drag.current;
    if (current === null) {
      // The cursor says what a press would grab.
      event.currentTarget.dataset.grab = grabAt(count, plotWidth, range, x);
      return;
    }
    moveTo(dragRange(count, current.grab, current.start, current.from, bucketAtX(count, plotWidth, x)));
  };
  const endDrag = (event: PointerEvent<SVGSVGElement>) => {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    let next: BucketRange | null = null;
    if (event.key === 'Escape') {
      if (chosen === null) return;
      play.pause();
      dispatch(setWindow(null));
      // The window is what Escape steps back from here, not the selection.
      event.stopPropagation();
      event.preventDefault();
      return;
    }
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      if (range === null) next = defaultRange(count, step > 0 ? 'start' : 'end');
      else if (event.shiftKey) next = resizeRange(count, range, 'last', step);
      else next = shiftRange(count, range, step);
    } else if (event.key === 'Home') next = shiftRange(count, range ?? defaultRange(count), -count);
    else if (event.key === 'End') next = shiftRange(count, range ?? defaultRange(count), count);
    if (next === null) return;
    play.pause();
    moveTo(next);
    event.preventDefault();
  };

  const windowText = chosen === null ? `All time: ${formatWindow(span)}` : formatWindow(chosen);
  // The counts are of the loaded graph; in corpus mode the bars are the whole corpus's.
  const loaded = origin === 'corpus' ? ' loaded' : '';
  const countText = counts === null ? `${dated}${loaded} dated ${dated === 1 ? 'relation' : 'relations'}` : `${describeCounts(counts)}${loaded === '' ? '' : ', loaded'}`;
  const left = range === null ? 0 : (range.first / count) * plotWidth;
  const right = range === null ? 0 : ((range.last + 1) / count) * plotWidth;

  return (
    <section className={collapsed ? 'timeline is-collapsed' : 'timeline'} aria-label="Timeline" data-testid="timeline">
      <div className="timeline-head">
        <button
          type="button"
          className="timeline-fold"
          aria-expanded={!collapsed}
          aria-controls="timeline-body"
          onClick={() => setCollapsed((value) => !value)}
          data-testid="timeline-toggle"
        >
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> Timeline
        </button>
        <p className="timeline-window" aria-live="polite" data-testid="timeline-window">
          <strong>{windowText}</strong> · {countText}
        </p>
        {undated > 0 ? (
          <span className="timeline-undated" title="Relations whose articles carry no date: hidden while a window is chosen" data-testid="timeline-undated">
            undated: {undated}
          </span>
        ) : null}
        {origin === 'corpus' ? <span className="timeline-undated">whole corpus</span> : null}
        <div className="timeline-actions">
          {play.playing ? (
            <button type="button" className="tool-button" onClick={play.pause} data-testid="timeline-pause">
              <span aria-hidden="true">⏸</span> Pause
            </button>
          ) : (
            <button type="button" className="tool-button" onClick={play.play} title="Move the window forward, one window-length a second" data-testid="timeline-play">
              <span aria-hidden="true">▶</span> Play
            </button>
          )}
          <button
            type="button"
            className="tool-button"
            disabled={chosen === null}
            onClick={() => {
              play.pause();
              dispatch(setWindow(null));
            }}
            data-testid="timeline-all"
          >
            All time
          </button>
        </div>
      </div>
      {collapsed ? null : (
        <div
          id="timeline-body"
          className="timeline-plot"
          ref={plotRef}
          role="slider"
          tabIndex={0}
          aria-label="Time window: arrows move it, Shift+arrows resize it, Escape shows all time"
          aria-valuemin={0}
          aria-valuemax={count - 1}
          aria-valuenow={range?.first ?? 0}
          aria-valuetext={chosen === null ? 'All time' : formatWindow(chosen)}
          onKeyDown={onKeyDown}
          data-testid="timeline-plot"
        >
          {width > 0 ? (
            <svg
              height={BARS_HEIGHT + AXIS_HEIGHT}
              className="timeline-svg"
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
              data-testid="timeline-svg"
              data-buckets={count}
              data-bucket={histogram.bucket}
            >
              <g transform={`translate(${PAD_X},0)`}>
                {bars}
                {range !== null ? (
                  <g className="timeline-brush" data-testid="timeline-brush">
                    <rect className="timeline-shade" x={0} y={0} width={left} height={BARS_HEIGHT} />
                    <rect className="timeline-shade" x={right} y={0} width={Math.max(0, plotWidth - right)} height={BARS_HEIGHT} />
                    <rect className="timeline-selection" x={left} y={0.5} width={right - left} height={BARS_HEIGHT - 1} />
                    <rect className="timeline-handle" x={left - 3} y={BARS_HEIGHT / 2 - 12} width={6} height={24} rx={2} />
                    <rect className="timeline-handle" x={right - 3} y={BARS_HEIGHT / 2 - 12} width={6} height={24} rx={2} />
                  </g>
                ) : null}
                <line className="timeline-baseline" x1={0} x2={plotWidth} y1={BARS_HEIGHT + 0.5} y2={BARS_HEIGHT + 0.5} />
                {ticks.map((tick) => {
                  const x = (tick.bucket / count) * plotWidth;
                  const nearEnd = x > plotWidth - 60;
                  return (
                    <g key={tick.bucket} className="timeline-tick">
                      <line x1={x} x2={x} y1={BARS_HEIGHT} y2={BARS_HEIGHT + 4} />
                      <text x={nearEnd ? plotWidth : x} y={BARS_HEIGHT + 14} textAnchor={nearEnd ? 'end' : 'start'}>
                        {tick.text}
                      </text>
                    </g>
                  );
                })}
              </g>
            </svg>
          ) : null}
        </div>
      )}
    </section>
  );
}

interface BarsProps {
  histogram: Histogram;
  plotWidth: number;
  enabled: ReadonlySet<RelationTypeId>;
  /** Types in the loaded graph: only those can be switched off (a corpus's bars hold types not loaded yet). */
  present: readonly RelationTypeId[];
  catalog: TypeCatalog;
}

/** The stacked bars, each with a tooltip naming its days and count (memoised: the brush moves over them). */
function Bars({ histogram, plotWidth, enabled, present, catalog }: BarsProps): ReactElement {
  const { starts, types, counts, totals, max } = histogram;
  const count = starts.length;
  const barWidth = plotWidth / Math.max(1, count);
  const gap = barWidth > 4 ? 1 : 0;
  const scale = max === 0 ? 0 : (BARS_HEIGHT - 4) / max;
  const rects: ReactElement[] = [];
  for (let b = 0; b < count; b++) {
    const x = b * barWidth + gap / 2;
    let y = BARS_HEIGHT;
    for (let t = 0; t < types.length; t++) {
      const n = counts[b * types.length + t]!;
      if (n === 0) continue;
      const height = n * scale;
      y -= height;
      const type = types[t]!;
      rects.push(
        <rect
          key={`${b}:${t}`}
          x={x}
          y={y}
          width={Math.max(1, barWidth - gap)}
          height={height}
          fill={catalog.relation(type).color}
          className={enabled.has(type) || !present.includes(type) ? 'timeline-bar' : 'timeline-bar is-off'}
        />,
      );
    }
    const from = dayString(starts[b]!);
    const to = dayString(bucketEnd(histogram, b));
    const total = totals[b]!;
    rects.push(
      <rect key={`hit:${b}`} className="timeline-hit" x={b * barWidth} y={0} width={barWidth} height={BARS_HEIGHT}>
        <title>{`${from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`}: ${total} ${total === 1 ? 'relation' : 'relations'}`}</title>
      </rect>,
    );
  }
  return <g className="timeline-bars">{rects}</g>;
}
