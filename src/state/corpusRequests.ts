/**
 * Corpus mode: the requests the explorer sends
 * ============================================
 *
 * The addresses of the corpus API (model/corpusApi.ts), built from the base
 * the server names in the page (`<meta name="newsgraph-corpus"
 * content="api/">`, relative to the page), with every parameter encoded and
 * kept inside the limits the server enforces, so a request the explorer
 * makes is never refused for its shape. Pure: the fetching is in
 * ui/corpus/corpusClient.ts.
 */

import { CORPUS_LIMITS } from '../model/corpusApi.ts';
import { dayString } from '../model/days.ts';
import type { DayWindow } from '../model/reporting.ts';

type Params = Record<string, string | number | undefined>;

function address(base: string, path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return `${base}${path}${search === '' ? '' : `?${search}`}`;
}

export const corpusInfoUrl = (base: string) => address(base, 'corpus');

export const overviewUrl = (base: string, limit: number = CORPUS_LIMITS.overviewDefault) =>
  address(base, 'overview', { limit: Math.min(Math.max(1, Math.floor(limit)), CORPUS_LIMITS.overviewMax) });

/**
 * The overview size a page address asks for (`?overview=N`, clamped to the
 * server's 1…500), or undefined for the server's default: a smaller start
 * for a slow machine, a bigger one for a big screen.
 */
export function overviewSizeOf(search: string): number | undefined {
  const value = new URLSearchParams(search).get('overview');
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Math.min(Math.max(1, Number(value.trim())), CORPUS_LIMITS.overviewMax);
}

export const neighbourhoodUrl = (base: string, entity: string, hops: 1 | 2 = 1) =>
  address(base, 'neighbourhood', { entity, hops, limit: CORPUS_LIMITS.expandRelations });

/** `/api/evidence` takes at most `evidenceRelationsMax` ids: one address per batch. */
export function evidenceUrls(base: string, relationIds: readonly string[]): string[] {
  const unique = [...new Set(relationIds)];
  const urls: string[] = [];
  for (let at = 0; at < unique.length; at += CORPUS_LIMITS.evidenceRelationsMax)
    urls.push(address(base, 'evidence', { relations: unique.slice(at, at + CORPUS_LIMITS.evidenceRelationsMax).join(',') }));
  return urls;
}

/** A page of the article list; with a window of day numbers, only the articles published inside it. */
export const documentsPageUrl = (base: string, offset: number, limit: number, window: DayWindow | null = null) =>
  address(base, 'documents', {
    offset: Math.max(0, Math.floor(offset)),
    limit: Math.min(Math.max(1, Math.floor(limit)), CORPUS_LIMITS.documentsPageMax),
    ...(window === null ? {} : { since: dayString(window.from), until: dayString(window.to) }),
  });

export const documentUrl = (base: string, id: string) => address(base, `documents/${encodeURIComponent(id)}`);

/**
 * The text to search the corpus for, or null when there is nothing worth
 * asking (blank, or a single character, which would match half the corpus).
 * Cut to the server's limit.
 */
export function corpusSearchText(query: string): string | null {
  const text = query.trim().replace(/\s+/g, ' ');
  if (Array.from(text).length < 2) return null;
  // The server counts UTF-16 units, as JavaScript does; never cut a surrogate pair in half.
  let cut = text.slice(0, CORPUS_LIMITS.queryTextMax);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trim();
}

export const searchUrl = (base: string, text: string, limit: number = CORPUS_LIMITS.searchDefault) =>
  address(base, 'search', { q: text, limit: Math.min(Math.max(1, Math.floor(limit)), CORPUS_LIMITS.searchMax) });
