/**
 * Words into a full-text query
 * ============================
 *
 * FTS5 has a query language (AND, OR, NOT, NEAR, quotes, `*`, column
 * filters, parentheses); users type words. Each word becomes a quoted
 * string (FTS5 then splits it with the same tokenizer as the sentences, so
 * "Zelenskyy's" and "al-Shabaab" match as written), all words required, in
 * any order. Nothing the user types can be read as syntax, so a query can
 * only match or not, never fail.
 */

/** At most this many words: a pasted paragraph is not a question. */
const MAX_WORDS = 16;

/**
 * The FTS5 query for these words, or undefined when they hold no letter or
 * digit. `prefix`: the last word may be the start of a word (search as you type).
 */
export function ftsQuery(words: string, options: { prefix?: boolean } = {}): string | undefined {
  // FTS5 reads a NUL as the end of the query text ("unterminated string"): none can be searched for anyway.
  const terms = words
    .replace(/\u0000/g, '')
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS);
  if (terms.length === 0) return undefined;
  return terms.map((term, i) => `"${term.replace(/"/g, '""')}"${options.prefix && i === terms.length - 1 ? ' *' : ''}`).join(' ');
}
