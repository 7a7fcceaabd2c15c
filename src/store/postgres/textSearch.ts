/**
 * Words into a PostgreSQL text-search query
 * =========================================
 *
 * sqlite/ftsQuery.ts's rule — every word required, in any order, nothing
 * the user types read as syntax — with PostgreSQL's text search: the words
 * go to `plainto_tsquery('simple', …)`, which splits them with the same
 * parser as the sentences' `tsvector` and ignores operators. For search as
 * you type, the last word's last run of letters and digits is a prefix
 * (`'run':*`), quoted here (a run holds no quote or backslash).
 *
 * How matching differs from FTS5 (unicode61, remove_diacritics 2): accents
 * are not folded ("Zelenskýy" does not find "Zelenskyy"); a hyphenated or
 * apostrophised word is indexed whole and in parts, so it matches as
 * written and by its parts; ranking is `ts_rank` (term frequency) rather
 * than BM25, so equally good hits can come in another order.
 */

const MAX_WORDS = 16;

export interface TextQuery {
  /** SQL for a tsquery, with `?` for each of `params`. */
  sql: string;
  params: string[];
}

/** The query for these words, or undefined when they hold no letter or digit. */
export function textQuery(words: string, options: { prefix?: boolean } = {}): TextQuery | undefined {
  const terms = words
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS);
  if (terms.length === 0) return undefined;
  if (!options.prefix) return { sql: "plainto_tsquery('simple', ?)", params: [terms.join(' ')] };
  const last = terms[terms.length - 1]!;
  const runs = last.match(/[\p{L}\p{N}]+/gu)!;
  const prefix = runs[runs.length - 1]!;
  const before = [...terms.slice(0, -1), last.slice(0, last.lastIndexOf(prefix))].join(' ').trim();
  const prefixSql = "to_tsquery('simple', ?)";
  const prefixParam = `'${prefix}':*`;
  return /[\p{L}\p{N}]/u.test(before) ? { sql: `(plainto_tsquery('simple', ?) && ${prefixSql})`, params: [before, prefixParam] } : { sql: prefixSql, params: [prefixParam] };
}
