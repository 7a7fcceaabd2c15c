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

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `input`, or undefined when none is plausibly meant.
 * Plausible: equal after normalizing case and separators, a prefix of at least
 * three characters ("allied" → "allied-with"), or a few typos away.
 */
export function nearestWord(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > 100) return undefined;
  const wanted = normalize(input);
  const exact = candidates.find((c) => normalize(c) === wanted);
  if (exact) return exact;
  if (wanted.length >= 3) {
    const prefixed = candidates.filter((c) => normalize(c).startsWith(wanted) || wanted.startsWith(normalize(c)));
    if (prefixed.length === 1) return prefixed[0];
  }
  const max = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
