/**
 * A JSON Lines file → articles
 * ============================
 *
 * One article per line: `{"title": …, "text": …, "url": …, "source": …,
 * "published": …}`; only `text` is required, other keys are ignored (feeds
 * and scrapers add their own). Blank lines are skipped. A line that is not
 * such an object is one failure naming `FILE:LINE` and the fix; the other
 * lines go on. Without a title, an article takes its first line when short
 * enough for a headline, else `FILE:LINE`.
 */

import type { ArticleInput } from '../../extract/extractDataset.ts';
import { quoteValue } from '../../model/errors.ts';
import { DEFAULT_LIMITS, formatCount } from '../../model/limits.ts';
import { isPublished, PUBLISHED_FORMAT } from '../../model/published.ts';
import { fileTitle, MAX_TITLE_LINE } from './textArticle.ts';
import { InputProblem, type ArticleUnit, type IngestFailure } from './types.ts';

const EXAMPLE = '{"title": "…", "text": "…", "url": "https://…", "source": "…", "published": "2024-03-01"}';

function optionalString(record: Record<string, unknown>, key: string, nonEmpty: boolean): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputProblem(`field "${key}" must be a string (got ${quoteValue(value)})`, `write "${key}" as a JSON string, or leave it out`);
  if (nonEmpty && value.trim() === '') return undefined;
  return value;
}

/** One line's JSON → an article; throws InputProblem with the reason and fix. */
export function readArticleLine(line: string, fallbackTitle: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputProblem(`not valid JSON (${detail})`, `write one JSON object per line, e.g. ${EXAMPLE}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputProblem(`expected a JSON object, got ${Array.isArray(value) ? 'an array' : quoteValue(value)}`, `write one object per line, e.g. ${EXAMPLE}`);
  }
  const record = value as Record<string, unknown>;
  // Own properties only: a key "__proto__" or "constructor" is data here, never a prototype.
  const own = (key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
  const fields = Object.fromEntries(['title', 'text', 'url', 'source', 'published'].map((key) => [key, own(key)]));
  if (typeof fields.text !== 'string' || fields.text.trim() === '') {
    throw new InputProblem(
      fields.text === undefined ? 'field "text" is missing' : `field "text" must be the article as a non-empty string (got ${quoteValue(fields.text)})`,
      `give each line the article's text, e.g. ${EXAMPLE}`,
    );
  }
  const text = fields.text.trim();
  if (text.length > DEFAULT_LIMITS.maxDocumentLength) {
    throw new InputProblem(
      `the text has ${formatCount(text.length)} characters, more than the ${formatCount(DEFAULT_LIMITS.maxDocumentLength)} a newsgraph document holds`,
      'split the article into several lines (for example one per section)',
    );
  }
  const published = optionalString(fields, 'published', true);
  if (published !== undefined && !isPublished(published)) throw new InputProblem(`field "published" is not a real date (got ${quoteValue(published)})`, `write it as ${PUBLISHED_FORMAT}`);
  const url = optionalString(fields, 'url', true);
  const source = optionalString(fields, 'source', true);
  let title = optionalString(fields, 'title', false)?.trim();
  if (title === undefined || title === '') {
    const first = text.split('\n', 1)[0]!.trim();
    title = first.length <= MAX_TITLE_LINE ? first : fallbackTitle;
  }
  return { text, title, ...(url !== undefined ? { url } : {}), ...(source !== undefined ? { source } : {}), ...(published !== undefined ? { published } : {}) };
}

/** Every line of `content` (the decoded file): articles in order, and a failure for each bad line. */
export function readJsonLines(path: string, content: string): { units: ArticleUnit[]; failures: IngestFailure[] } {
  const units: ArticleUnit[] = [];
  const failures: IngestFailure[] = [];
  const lines = content.split('\n');
  const name = fileTitle(path);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const origin = `${path}:${index + 1}`;
    try {
      units.push({ kind: 'article', origin, article: readArticleLine(line, `${name}:${index + 1}`) });
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      failures.push({ origin, reason: error.message });
    }
  });
  if (units.length === 0 && failures.length === 0) failures.push({ origin: path, reason: `the file holds no lines. Fix: write one article per line, e.g. ${EXAMPLE}` });
  return { units, failures };
}
