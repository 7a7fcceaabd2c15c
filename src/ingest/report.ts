/**
 * What ingest prints: the progress line and the summary
 * =====================================================
 *
 * Pure text, so the wording is tested without a terminal; the CLI decides
 * when to draw (a terminal: one line redrawn in place; otherwise only the
 * summary).
 *
 *   ingesting  123/812 [######..............]  15% · 45.2 articles/s · ETA 15 s · 3 held · 2 failed
 *   ingested 812 articles (3 already held, 2 failed) → corpus.db: +1,204 entities, +3,310 relations, +5,022 sentences, 29 wire copies in 41 s
 */

import type { IngestProgress, IngestSummary } from './ingest.ts';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** 0.8 s, 4.2 s, 41 s, 2 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes - hours * 60).padStart(2, '0')} min`;
}

function rate(perSecond: number): string {
  return perSecond >= 100 ? count(Math.round(perSecond)) : perSecond.toFixed(1);
}

/** The progress line, cut to `columns` characters (a wrapped line could not be redrawn in place). */
export function progressLine(progress: IngestProgress, columns = 100): string {
  const { done, total, elapsedMs } = progress;
  const width = String(total).length;
  const fraction = total === 0 ? 1 : done / total;
  const barWidth = 20;
  const filled = Math.round(fraction * barWidth);
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = perSecond > 0 && done < total ? ` · ETA ${formatDuration(((total - done) / perSecond) * 1000)}` : '';
  const extras = [progress.held > 0 ? `${count(progress.held)} held` : '', progress.failed > 0 ? `${count(progress.failed)} failed` : ''].filter(Boolean);
  const line =
    `ingesting ${String(done).padStart(width)}/${total} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%` +
    ` · ${rate(perSecond)} articles/s${eta}${extras.map((e) => ` · ${e}`).join('')}`;
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}

/** The summary line, then (when any failed) a line naming them. */
export function summaryLines(summary: IngestSummary, maxNamed = 10): string[] {
  const what = [plural(summary.articles, 'article'), ...(summary.datasets > 0 ? [plural(summary.datasets, 'dataset')] : [])].join(' and ');
  const notes = [summary.held > 0 ? `${count(summary.held)} already held` : '', summary.failures.length > 0 ? `${count(summary.failures.length)} failed` : ''].filter(Boolean);
  const counts = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  const lines = [
    summary.store === undefined
      ? `ingested nothing${counts}: no file could be read, so no corpus was opened`
      : `ingested ${what}${counts} → ${summary.store}: ` +
        `+${plural(summary.entitiesAdded, 'entity', 'entities')}, +${plural(summary.relationsAdded, 'relation')}, +${plural(summary.sentencesAdded, 'sentence')}` +
        `${summary.wireCopies > 0 ? `, ${plural(summary.wireCopies, 'wire copy', 'wire copies')}` : ''} in ${formatDuration(summary.elapsedMs)}`,
    ...summary.notes.map((note) => `note: ${note}`),
  ];
  if (summary.failures.length > 0) {
    const named = summary.failures.slice(0, maxNamed).map((f) => f.origin);
    const more = summary.failures.length - named.length;
    lines.push(`failed: ${named.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''} (reasons above; fix them and run the same command again: what is held is skipped)`);
  }
  return lines;
}
