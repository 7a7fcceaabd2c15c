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

import type { Clauses, Slot } from './sentenceModel.ts';
import { CLAUSE_OPENERS, CLAUSE_PUNCTUATION, RELATIVE_PRONOUNS } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** Shared by the sentences with no relative clause; never written to. */
const NO_ANTECEDENTS: ReadonlyMap<number, Slot> = new Map();

type Kind = 'main' | 'sub' | 'leading' | 'relative' | 'quote' | 'paren' | 'dash';

/**
 * The clauses open at a point of the sentence, innermost last. Clauses never
 * closed pile up here (a long sentence of "while …, while …"), so neither a
 * comma nor a closing mark searches the stack: each entry knows where a comma
 * would cut, and the kinds open are counted, so a mark with nothing to close
 * costs nothing. (A class, not closures made per sentence: a text can hold a
 * million one-word sentences.)
 */
class ClauseStack {
  private readonly entries: Array<{
    id: number;
    kind: Kind;
    /** The nearest relative or leading clause at or below this entry and above any quotation or bracket: where a comma cuts; 0 for none. */
    cut: number;
  }> = [{ id: 0, kind: 'main', cut: 0 }];
  /** How many clauses of each kind are open. */
  private readonly open: Record<Kind, number> = { main: 1, sub: 0, leading: 0, relative: 0, quote: 0, paren: 0, dash: 0 };
  /** Parent clause of each clause, by id. */
  readonly parent: number[] = [0];

  get top(): { id: number; kind: Kind } {
    return this.entries[this.entries.length - 1]!;
  }

  get depth(): number {
    return this.entries.length;
  }

  push(kind: Kind): number {
    const id = this.parent.length;
    const below = this.entries[this.entries.length - 1]!;
    this.parent.push(below.id);
    const cut = kind === 'relative' || kind === 'leading' ? this.entries.length : kind === 'quote' || kind === 'paren' ? 0 : below.cut;
    this.entries.push({ id, kind, cut });
    this.open[kind]++;
    return id;
  }

  /** Closes the innermost clause of `kind` and all inside it; false when none is open. */
  close(kind: Kind): boolean {
    if (this.open[kind] === 0) return false;
    for (let k = this.entries.length - 1; k > 0; k--) {
      if (this.entries[k]!.kind === kind) {
        this.truncate(k);
        return true;
      }
    }
    return false;
  }

  /** A comma ends a relative or leading clause, with anything opened inside it (but never leaves a quotation or a bracket). */
  comma(): void {
    const cut = this.entries[this.entries.length - 1]!.cut;
    if (cut > 0) this.truncate(cut);
  }

  pop(): void {
    this.truncate(this.entries.length - 1);
  }

  private truncate(length: number): void {
    while (this.entries.length > length) {
      const { kind } = this.entries.pop()!;
      this.open[kind]--;
    }
  }
}

export function findClauses(tokens: readonly Token[], slotAt: ReadonlyArray<Slot | undefined>, startsInQuote: boolean): Clauses {
  const clause = new Array<number>(tokens.length).fill(0);
  // Made only for a sentence that has a relative clause.
  let antecedent: Map<number, Slot> | undefined;
  const stack = new ClauseStack();
  if (startsInQuote) stack.push('quote');
  let wordsSeen = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'open-quote') {
      clause[i] = stack.push('quote');
      wordsSeen = 0;
      continue;
    }
    if (token.kind === 'close-quote') {
      clause[i] = stack.top.id;
      stack.close('quote');
      continue;
    }
    if (token.text === ',') {
      clause[i] = stack.top.id;
      stack.comma();
      continue;
    }
    if (CLAUSE_PUNCTUATION.has(token.text)) {
      if (token.text === ')' || token.text === ']') {
        stack.close('paren');
        clause[i] = stack.top.id;
      } else if (token.text === '(' || token.text === '[') {
        clause[i] = stack.push('paren');
      } else if (token.text === '—' || token.text === '–') {
        if (!stack.close('dash')) stack.push('dash');
        clause[i] = stack.top.id;
      } else {
        // ; and : start a sibling clause.
        if (stack.depth > 1 && stack.top.kind !== 'quote') stack.pop();
        clause[i] = stack.push('sub');
      }
      continue;
    }
    if (token.kind === 'word' && CLAUSE_OPENERS.has(token.norm)) {
      const before = tokens[i - 1];
      const previousSlot = before?.text === ',' ? slotAt[i - 2] : slotAt[i - 1];
      if (RELATIVE_PRONOUNS.has(token.norm) && (before?.text === ',' || previousSlot) && previousSlot && (token.norm !== 'that' || before?.text !== ',')) {
        const id = stack.push('relative');
        (antecedent ??= new Map()).set(id, previousSlot);
        clause[i] = id;
      } else if (RELATIVE_PRONOUNS.has(token.norm) && before?.text === ',') {
        clause[i] = stack.push('relative');
      } else {
        clause[i] = stack.push(wordsSeen === 0 ? 'leading' : 'sub');
      }
      wordsSeen++;
      continue;
    }
    clause[i] = stack.top.id;
    if (token.kind === 'word' || token.kind === 'number') wordsSeen++;
  }
  return { clause, parent: stack.parent, antecedent: antecedent ?? NO_ANTECEDENTS };
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
