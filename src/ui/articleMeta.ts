/**
 * An article's outlet, date and link, as the panels show them
 * ===========================================================
 *
 * Pure helpers behind ArticleMeta.tsx. A document's `url` is untrusted text
 * from a file or a server: only an http(s) address may become a link
 * (`javascript:`, `data:` and the rest stay text). Its `published` date is
 * written readably ("21 Sep 2023") from the day as written — no time-zone
 * shift, so an article is never shown a day off from its dateline — and in
 * the form HTML's <time datetime> accepts.
 */

import { formatDate, isPublished, publishedDay, type NewsDocument } from '../model/index.ts';

/** "2023-09-21T14:05:00Z" → "21 Sep 2023"; a value that is not a valid date is returned as written. */
export function readableDate(published: string): string {
  return isPublished(published) ? formatDate(publishedDay(published)) : published;
}

/** The value for <time datetime>: HTML allows at most three digits of a second's fraction. */
export function timeDatetime(published: string): string {
  return published.replace(/(\.\d{3})\d+/, '$1');
}

/** The address to link to when `url` is an absolute http or https URL (normalised by the URL parser); otherwise undefined. */
export function httpLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // relative or malformed: shown as text
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** Whether a document has anything to say about where it is from (outlet, link or date). */
export function hasArticleMeta(document: NewsDocument): boolean {
  return Boolean(document.source) || document.url !== undefined || document.published !== undefined;
}
