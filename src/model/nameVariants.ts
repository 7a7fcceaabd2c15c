/**
 * One person, many spellings
 * ==========================
 *
 * `personNameKey` maps the spellings of one person's name to one key, so that
 * "Zelensky", "Zelenskyy" and "Zelenskiy", "Volodymyr" and "Volodimir",
 * "Erdoğan" and "Erdogan" are one entity in an article and across a merged
 * corpus. Conservative by design: it folds only what is a spelling of the
 * same written name —
 *
 *  - diacritics and letters outside ASCII that English copy drops
 *    (ğ → g, ł → l, ı → i, ß → ss);
 *  - case, hyphens, apostrophes and full stops ("al-Sisi" / "Al Sisi");
 *  - the Arabic article's two romanisations at the start of a word
 *    ("el-" / "al-");
 *  - the endings that romanisations of Slavic names write in several ways:
 *    a final run of i and y (-yy, -iy, -ii, -yi) → -y, on words of five
 *    letters or more
 *    ("Zelenskyy" / "Zelenskiy" / "Zelensky", "Dmitriy" / "Dmitry");
 *  - a short table of given names romanised in several ways
 *    (GIVEN_NAME_VARIANTS), each group one name in its source language.
 *
 * It never folds one name into another (Vladimir ≠ Volodymyr, Alexander ≠
 * Aleksandr's diminutives, Maria ≠ Mario), never drops a word, and never
 * changes consonants between names; tests/unit/nameVariants.test.ts holds
 * near-miss pairs that must stay apart. Pure, no state.
 */

/** Letters that NFKD does not decompose into a base letter and a mark. */
const LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Romanisations of one given name (each list one name as written in its own
 * script), canonical form first. Only variants that differ in spelling, not
 * different names of the same origin.
 */
const GIVEN_NAME_VARIANTS: readonly (readonly string[])[] = [
  ['volodymyr', 'volodimir', 'wolodymyr'],
  ['oleksandr', 'olexandr', 'oleksander'],
  ['oleksiy', 'oleksii', 'olexiy'],
  ['andriy', 'andrii', 'andrij'],
  ['serhiy', 'serhii', 'sergiy', 'sergii'],
  ['sergei', 'sergey'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmitrii'],
  ['yuri', 'yury', 'yuriy', 'yurii', 'iouri'],
  ['yevgeny', 'yevgeniy', 'evgeny', 'evgeniy', 'yevgenii', 'evgenii'],
  ['aleksandr', 'alexandr'],
  ['aleksei', 'alexei', 'aleksey', 'alexey'],
  ['mikhail', 'mikhael'],
  ['nikolai', 'nikolay'],
  ['andrei', 'andrey'],
  ['arkady', 'arkadiy', 'arkadii'],
  ['maksim', 'maxim'],
  ['muhammad', 'mohammad', 'mohammed', 'mohamed', 'muhammed', 'mohamad'],
  ['abdel', 'abdul', 'abd al'],
];

const GIVEN: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of GIVEN_NAME_VARIANTS) for (const variant of group) map.set(variant, group[0]!);
  return map;
})();

/** Lower case, diacritics folded, letters outside ASCII replaced. */
export function foldName(text: string): string {
  // Most names are plain ASCII: no decomposition needed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøđðþßæœ]/g, (c) => LETTERS[c] ?? c);
}

/** One word's canonical spelling: a given-name variant, else the Slavic endings folded. */
function canonicalWord(word: string): string {
  const given = GIVEN.get(word);
  if (given) return given;
  // The whole run of i and y at the end, so the key is the same when applied twice.
  if (word.length >= 5 && /[iy]{2,}$/.test(word)) return word.replace(/[iy]{2,}$/, 'y');
  return word;
}

/**
 * The key two spellings of one person's name share: "Volodymyr Zelenskyy"
 * and "Volodimir Zelensky" → "volodymyr zelensky"; "Erdoğan" → "erdogan".
 * Empty for a name with no letters.
 */
export function personNameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    // Bounded: a long-running server sees ever new names.
    if (nameKeys.size >= MAX_CACHED_NAME_KEYS) nameKeys.clear();
    nameKeys.set(name, (key = computeNameKey(name)));
  }
  return key;
}

/**
 * Keys already computed: extraction asks for the same names many times per article (the registry, office-holders,
 * Wikidata ids), and folding one costs a dozen regex passes.
 */
const nameKeys = new Map<string, string>();
const MAX_CACHED_NAME_KEYS = 20_000;

function computeNameKey(name: string): string {
  const words = foldName(name)
    .replace(/['’‘`.]/g, '')
    .replace(/\b(?:el|al)[-\s]+(?=\p{L})/gu, 'al ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  // "abd al" is one given name written in two words.
  const joined = words.join(' ').replace(/\babd al\b/g, 'abdel');
  return joined
    .split(' ')
    .filter((word) => word.length > 0)
    .map(canonicalWord)
    .join(' ');
}

/** The two names are spellings of one name (same key, not empty). */
export function sameNameVariant(a: string, b: string): boolean {
  const key = personNameKey(a);
  return key.length > 0 && key === personNameKey(b);
}
