/**
 * Clauses
 * =======
 *
 * A rule's subject must be found in the clause of its verb: "Putin didn’t
 * attend the summit after the ICC issued a warrant" must not make Putin the
 * issuer. Without a parser, clauses are cut at words and marks that open
 * them — while, after, since, because, which, who, that…, semicolons, dashes,
 * brackets and quotation marks — and numbered so that
 *
 *  - a subordinate clause runs to the end of its sentence (or, when the
 *    sentence opens with it, to the first comma: "After X did Y, Z …");
 *  - a relative clause after a name ("Armenia, which is …,") runs to the next
 *    comma and takes that name as its subject; the clause around it resumes after;
 *  - a quotation is a clause of its own, resumed outside after it closes.
 *
 * Walking left or right "within a clause" skips the tokens of clauses nested
 * inside it and stops at its edge.
 */

import type { Slot } from './analysis.ts';
import { CLAUSE_OPENERS, CLAUSE_PUNCTUATION, RELATIVE_PRONOUNS } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface Clauses {
  clause: number[];
  parent: number[];
  antecedent: Map<number, Slot>;
}

type Kind = 'main' | 'sub' | 'leading' | 'relative' | 'quote' | 'paren' | 'dash';

export function findClauses(tokens: Token[], slotAt: Array<Slot | undefined>, startsInQuote: boolean): Clauses {
  const clause = new Array<number>(tokens.length).fill(0);
  const parent: number[] = [0];
  const antecedent = new Map<number, Slot>();
  const stack: Array<{ id: number; kind: Kind }> = [{ id: 0, kind: 'main' }];
  if (startsInQuote) open('quote');
  let wordsSeen = 0;

  function open(kind: Kind): number {
    const id = parent.length;
    parent.push(stack[stack.length - 1]!.id);
    stack.push({ id, kind });
    return id;
  }
  function close(kinds: Kind[]): boolean {
    for (let k = stack.length - 1; k > 0; k--) {
      if (kinds.includes(stack[k]!.kind)) {
        stack.length = k;
        return true;
      }
    }
    return false;
  }
  const top = () => stack[stack.length - 1]!;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'open-quote') {
      open('quote');
      clause[i] = top().id;
      wordsSeen = 0;
      continue;
    }
    if (token.kind === 'close-quote') {
      clause[i] = top().id;
      close(['quote']);
      continue;
    }
    if (token.text === ',') {
      clause[i] = top().id;
      // A comma ends a relative or leading clause, with anything opened inside it (but never leaves a quotation).
      for (let k = stack.length - 1; k > 0 && stack[k]!.kind !== 'quote' && stack[k]!.kind !== 'paren'; k--) {
        if (stack[k]!.kind === 'relative' || stack[k]!.kind === 'leading') {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    if (CLAUSE_PUNCTUATION.has(token.text)) {
      if (token.text === ')' || token.text === ']') {
        close(['paren']);
        clause[i] = top().id;
      } else if (token.text === '(' || token.text === '[') {
        clause[i] = open('paren');
      } else if (token.text === '—' || token.text === '–') {
        if (!close(['dash'])) open('dash');
        clause[i] = top().id;
      } else {
        // ; and : start a sibling clause.
        if (stack.length > 1 && top().kind !== 'quote') stack.pop();
        clause[i] = open('sub');
      }
      continue;
    }
    if (token.kind === 'word' && CLAUSE_OPENERS.has(token.norm)) {
      const before = tokens[i - 1];
      const previousSlot = before?.text === ',' ? slotAt[i - 2] : slotAt[i - 1];
      if (RELATIVE_PRONOUNS.has(token.norm) && (before?.text === ',' || previousSlot) && previousSlot && (token.norm !== 'that' || before?.text !== ',')) {
        const id = open('relative');
        antecedent.set(id, previousSlot);
        clause[i] = id;
      } else if (RELATIVE_PRONOUNS.has(token.norm) && before?.text === ',') {
        clause[i] = open('relative');
      } else {
        clause[i] = open(wordsSeen === 0 ? 'leading' : 'sub');
      }
      wordsSeen++;
      continue;
    }
    clause[i] = top().id;
    if (token.kind === 'word' || token.kind === 'number') wordsSeen++;
  }
  return { clause, parent, antecedent };
}

/** True when clause `inner` is `outer` or nested inside it. */
export function within(clauses: Clauses, inner: number, outer: number): boolean {
  let c = inner;
  for (let guard = 0; guard < 64; guard++) {
    if (c === outer) return true;
    if (c === 0) return false;
    c = clauses.parent[c]!;
  }
  return false;
}

/**
 * Token indices reachable from `from` in its clause, walking in `direction`
 * (−1 left, +1 right), nested clauses skipped, stopping at the clause's edge.
 */
export function* walkClause(clauses: Clauses, from: number, direction: -1 | 1): Generator<number> {
  const own = clauses.clause[from]!;
  for (let i = from + direction; i >= 0 && i < clauses.clause.length; i += direction) {
    const c = clauses.clause[i]!;
    if (c === own) yield i;
    else if (!within(clauses, c, own)) return;
  }
}
