/**
 * How corpus mode writes an article's provenance in its lists: "Reuters · 21 Sep 2023"
 * (dates as the panels write them: articleMeta.ts).
 */

import { readableDate } from '../articleMeta.ts';

export const formatDay = readableDate;

/** Outlet and date, whichever are known, joined; '' when neither is. */
export function provenance(document: { source?: string | undefined; published?: string | undefined }): string {
  return [document.source, document.published === undefined ? undefined : readableDate(document.published)].filter((part) => part !== undefined && part !== '').join(' · ');
}
