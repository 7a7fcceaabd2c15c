/**
 * The corpus server's timeline as a histogram
 * ===========================================
 *
 * In corpus mode the timeline covers the whole corpus, not only what is
 * loaded: `newsgraph serve` answers /api/timeline with a TimelineResponse
 * (corpusApi.ts, checked by its zod schema in the client), days written
 * YYYY-MM-DD and counts as rows. This turns it into model/timeline.ts's
 * `Histogram` — day numbers, row-major counts, totals and the scale — so
 * the timeline draws and brushes it exactly as a dataset's own.
 */

import type { TimelineResponse } from '../../model/corpusApi.ts';
import { dayNumber, type Histogram } from '../../model/index.ts';

export function histogramOfTimeline(timeline: TimelineResponse): Histogram {
  const width = timeline.types.length;
  const starts = timeline.starts.map(dayNumber);
  const counts = new Uint32Array(starts.length * width);
  const totals = new Uint32Array(starts.length);
  let max = 0;
  timeline.counts.forEach((row, b) => {
    let total = 0;
    for (let t = 0; t < width; t++) {
      const n = row[t] ?? 0;
      counts[b * width + t] = n;
      total += n;
    }
    totals[b] = total;
    if (total > max) max = total;
  });
  return { bucket: timeline.bucket, starts, types: timeline.types, counts, totals, max, undated: Uint32Array.from(timeline.undated) };
}
