/**
 * Gazetteer matching
 * ==================
 *
 * Finds the gazetteer's names in a sentence's tokens: longest match first,
 * left to right, never overlapping. Names are compared as written (so "US"
 * is the United States and "us" is not), except group phrases ("western
 * nations"), which match in any case. A leading "the" is part of a name only
 * where the gazetteer lists the name with it ("the Kremlin"), and is matched
 * separately so "the United Nations General Assembly" is not cut after
 * "the United Nations".
 */

import { gazetteerEntries, type GazetteerEntry, type GazetteerName } from './gazetteer/index.ts';
import { tokenize, type Token } from './tokens.ts';
import { TokenTrie } from './trie.ts';

export interface GazetteerMatch {
  entry: GazetteerEntry;
  name: GazetteerName;
  /** Token indices in the sentence, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
}

interface TrieValue {
  entry: GazetteerEntry;
  name: GazetteerName;
  /** The name's tokens as written, for the case check. */
  words: string[];
  /** The gazetteer also lists "the …" for this name. */
  takesThe: boolean;
}

let trie: TokenTrie<TrieValue> | undefined;

function buildTrie(): TokenTrie<TrieValue> {
  const built = new TokenTrie<TrieValue>();
  for (const entry of gazetteerEntries()) {
    const withThe = new Set(entry.names.filter((n) => /^the /i.test(n.text)).map((n) => n.text.replace(/^the /i, '')));
    const seen = new Set<string>();
    for (const name of entry.names) {
      const bare = name.text.replace(/^the /i, '');
      const tokens = tokenize(bare);
      const key = tokens.map((t) => t.norm).join(' ');
      const words = tokens.map((t) => t.text.replace(/’/g, "'"));
      const dedupe = `${key}\u0000${words.join(' ')}\u0000${name.caseless}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      built.add(
        tokens.map((t) => t.norm),
        { entry, name: { ...name, text: bare }, words, takesThe: withThe.has(bare) },
      );
    }
  }
  return built;
}

function caseMatches(value: TrieValue, tokens: readonly Token[], from: number): boolean {
  if (value.name.caseless) return true;
  for (let i = 0; i < value.words.length; i++) {
    const text = tokens[from + i]!.text;
    // A regex replace only for the few words that hold a typographic apostrophe.
    if ((text.includes('’') ? text.replace(/’/g, "'") : text) !== value.words[i]) return false;
  }
  return true;
}

/** Every gazetteer name in `tokens`, longest first, left to right, without overlaps. */
export function matchGazetteer(tokens: readonly Token[]): GazetteerMatch[] {
  trie ??= buildTrie();
  const keys = tokens.map((t) => t.norm);
  const matches: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = findAt(keys, tokens, i);
    if (!found) {
      i++;
      continue;
    }
    let tokenStart = i;
    const previous = tokens[i - 1];
    if (found.value.takesThe && previous && previous.norm === 'the' && (matches.length === 0 || matches[matches.length - 1]!.tokenEnd < i)) tokenStart = i - 1;
    matches.push({ entry: found.value.entry, name: found.value.name, tokenStart, tokenEnd: found.end });
    i = found.end;
  }
  return matches;
}

function findAt(keys: string[], tokens: readonly Token[], from: number): { end: number; value: TrieValue } | undefined {
  for (const [end, values] of trie!.matchesAt(keys, from)) {
    for (const value of values) {
      if (!caseMatches(value, tokens, from)) continue;
      // "Jordan Bardella", "Chad Smith": a name that is also a given name does not count before another capitalised word.
      const next = tokens[end];
      if (value.name.ambiguous && next && next.kind === 'word' && next.capitalised) continue;
      if (value.name.caseless && !anyCaseOk(tokens, from, end)) continue;
      return { end, value };
    }
  }
  return undefined;
}

/** Case-free group phrases still need their first word in lower or title case, not inside an all-caps headline word. */
function anyCaseOk(tokens: readonly Token[], from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const text = tokens[i]!.text;
    if (text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase()) return false;
  }
  return true;
}

/** Exposed for the speed report: how many names the trie holds. */
export function gazetteerNameCount(): number {
  return gazetteerEntries().reduce((sum, entry) => sum + entry.names.length, 0);
}

