/**
 * Checks the time-and-sources tests share: the corpus's copy groups as
 * stored and as `wireCopyGroups` finds them over the same texts; a dataset
 * without the corpus's counts (so `buildSourceIndex` counts from documents
 * alone); the store's timeline against `buildHistogram` over the whole
 * corpus exported through the store.
 */

import { expect } from 'vitest';
import { CORPUS_ATTRIBUTES, TimelineResponseSchema } from '../../../src/model/corpusApi.ts';
import { dayString } from '../../../src/model/days.ts';
import { buildReportingIndex } from '../../../src/model/reporting.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { buildHistogram, type TimelineBucket } from '../../../src/model/timeline.ts';
import { wireCopyGroups } from '../../../src/model/wireCopies.ts';
import type { AnyStore } from './backends.ts';
import { exportWhole } from './corpusFixtures.ts';
import { storeRows } from './storeRows.ts';

export async function copyOf(store: AnyStore): Promise<Map<string, string | null>> {
  const rows = await storeRows<{ id: string; original: string | null }>(store, 'SELECT d.id, o.id AS original FROM documents d LEFT JOIN documents o ON o.pk = d.copy_of ORDER BY d.pk');
  return new Map(rows.map((r) => [r.id, r.original]));
}

/** `wireCopyGroups` over the corpus's texts in the order they were added, as copy_of would say it (an original → null). */
export async function expectedCopyOf(store: AnyStore): Promise<Map<string, string | null>> {
  const rows = await storeRows<{ id: string; text: string; published: string | null }>(store, 'SELECT id, text, published FROM documents ORDER BY pk');
  const groups = wireCopyGroups(rows.map((r) => ({ id: r.id, text: r.text, ...(r.published === null ? {} : { published: r.published }) })));
  return new Map(rows.map((r) => [r.id, groups.get(r.id) === undefined || groups.get(r.id) === r.id ? null : groups.get(r.id)!]));
}

/** The answer's relations without the corpus's counts, so buildSourceIndex counts from the documents alone. */
export function withoutCorpusCounts(dataset: Dataset): Dataset {
  return {
    ...dataset,
    relations: dataset.relations.map((r) => {
      const attributes = { ...r.attributes };
      delete attributes[CORPUS_ATTRIBUTES.articles];
      delete attributes[CORPUS_ATTRIBUTES.outlets];
      return { ...r, attributes };
    }),
  };
}

export async function expectTimelineMatches(store: AnyStore, bucket: TimelineBucket | undefined): Promise<void> {
  const timeline = TimelineResponseSchema.parse(await store.timeline(bucket));
  const whole = await exportWhole(store);
  const histogram = buildHistogram(buildReportingIndex(whole), whole.relations, timeline.types, ...(bucket === undefined ? [] : [bucket]));
  expect(timeline.bucket).toBe(histogram.bucket);
  expect(timeline.starts).toEqual(histogram.starts.map(dayString));
  const width = timeline.types.length;
  expect(timeline.counts).toEqual(histogram.starts.map((_, b) => Array.from(histogram.counts.subarray(b * width, (b + 1) * width))));
  expect(timeline.undated).toEqual(Array.from(histogram.undated));
}
