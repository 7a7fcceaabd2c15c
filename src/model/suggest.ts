/**
 * "Did you mean …?"
 * =================
 *
 * Finds the allowed word a user most likely meant: a relation type typed as
 * "allied" or "Allied_With", a field typed as "lable". Used by the validator
 * so a message can offer the fix instead of only the list of choices.
 */

/** Lower case, `_`/space/camelCase boundaries as `-`: "AlliedWith" and "allied_with" both read "allied-with". */
function normalize(word: string): string {
  return word
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

// Rows reused across calls: suggestions compare one word with thousands of ids, and allocating per call dominated.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prevPrev, prev, current] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prevPrev[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  const distance = prev[b.length]!;
  return distance > max ? max + 1 : distance;
}

/**
 * The candidate closest to `input`, or undefined when none is plausibly meant.
 * Plausible: equal after normalizing case and separators, a prefix of at least
 * three characters ("allied" → "allied-with"), or a few typos away.
 */
export function nearestWord(input: string, candidates: readonly string[]): string | undefined {
  return createSuggester(candidates)(input);
}

/**
 * `nearestWord` for many inputs against one candidate list (all entity ids):
 * the candidates are normalized once, not once per question.
 */
export function createSuggester(candidates: readonly string[]): (input: string) => string | undefined {
  const normalized = candidates.map((candidate) => [candidate, normalize(candidate)] as const);
  return (input) => {
    if (input.length === 0 || input.length > 100) return undefined;
    const wanted = normalize(input);
    const exact = normalized.find(([, n]) => n === wanted);
    if (exact) return exact[0];
    if (wanted.length >= 3) {
      const prefixed = normalized.filter(([, n]) => n.startsWith(wanted) || wanted.startsWith(n));
      if (prefixed.length === 1) return prefixed[0]![0];
    }
    const max = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const [candidate, n] of normalized) {
      if (Math.abs(n.length - wanted.length) >= bestDistance) continue;
      const distance = editDistance(wanted, n, bestDistance - 1);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/**
 * "Did you mean" for ids, bounded: the candidates are prepared only when a
 * reference dangles, only the first few dozen dangling references get a
 * suggestion (a file where thousands dangle has one systematic mistake, and
 * comparing each with 100,000 ids would freeze the validator), and huge id
 * lists get none.
 */
export function lazySuggester(candidates: () => string[], budget = 50, maxCandidates = 10_000): (input: string) => string | undefined {
  let suggest: ((input: string) => string | undefined) | undefined;
  let left = budget;
  return (input) => {
    if (left <= 0) return undefined;
    left--;
    if (!suggest) {
      const list = candidates();
      suggest = list.length <= maxCandidates ? createSuggester(list) : () => undefined;
    }
    return suggest(input);
  };
}
