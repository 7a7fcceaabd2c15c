/**
 * Finding titles of office in a sentence
 * ======================================
 *
 * Longest match of the title list (`gazetteer/titles.ts`) over the tokens
 * that are not already names, without regard to case ("President",
 * "the president himself"). Used by the name finder (a title announces a
 * person), the role rules (leader-of, official-of) and title references.
 */

import { TITLES, type TitleEntry } from './gazetteer/titles.ts';
import type { TitleMatch } from './sentenceModel.ts';
import { tokenize, type Token } from './tokens.ts';
import { TokenTrie } from './trie.ts';

let trie: TokenTrie<TitleEntry> | undefined;

function buildTrie(): TokenTrie<TitleEntry> {
  const built = new TokenTrie<TitleEntry>();
  for (const title of TITLES) built.add(tokenize(title.phrase).map((t) => t.norm), title);
  return built;
}

/** Titles in `tokens`, skipping tokens for which `taken` is true (already part of a name). */
export function matchTitles(tokens: readonly Token[], taken: (index: number) => boolean): TitleMatch[] {
  trie ??= buildTrie();
  const keys = tokens.map((t) => t.norm);
  const found: TitleMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (taken(i) || tokens[i]!.kind !== 'word') {
      i++;
      continue;
    }
    const match = trie.matchesAt(keys, i).find(([end]) => {
      for (let k = i; k < end; k++) if (taken(k)) return false;
      return true;
    });
    if (!match) {
      i++;
      continue;
    }
    const [end, titles] = match;
    found.push({ title: titles[0]!, tokenStart: i, tokenEnd: end });
    i = end;
  }
  return found;
}

/** The words of a title match, normalised: the key persons' titles are stored under. */
export function titleKey(tokens: readonly Token[], match: TitleMatch): string {
  return tokens
    .slice(match.tokenStart, match.tokenEnd)
    .map((t) => t.norm)
    .join(' ');
}
