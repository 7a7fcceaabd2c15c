/**
 * A small hand dataset for the review model's tests: offsets computed from
 * the text, so the fixture is right by construction (validateDataset agrees).
 */

import { expect } from 'vitest';
import { applyEdit, redoEdit, undoEdit } from '../../../src/model/review/index.ts';
import type { Dataset, Edit, Entity, Relation, Span } from '../../../src/model/index.ts';
import { validateDataset } from '../../../src/model/validate.ts';

/** Every test edit's time. */
export const AT = new Date('2026-01-02T03:04:05Z');

export const TEXT = [
  'Russia sanctioned Ukraine.', // 0
  'Moscow accused Kyiv and Zelensky.', // 1
  'Zelensky met Putin.', // 2
  'Zelenskyy urged Putin to talk.', // 3
  'The ICC issued a warrant for Putin.', // 4
  'Moscow said Russia will not yield.', // 5
].join(' ');

/** The span of the `nth` (0-based) occurrence of `word` in the text. */
export function at(word: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(word, start + 1);
  if (start < 0) throw new Error(`no ${word} #${nth}`);
  return { document: 'd1', start, end: start + word.length };
}

/** The span of sentence `n` (0-based). */
export function sentence(n: number): Span {
  const parts = TEXT.split(' ').join(' ');
  const sentences = parts.match(/[^.]+\./g)!;
  let start = 0;
  for (let i = 0; i < n; i++) start += sentences[i]!.length;
  while (TEXT[start] === ' ') start++;
  const end = TEXT.indexOf('.', start) + 1;
  return { document: 'd1', start, end };
}

const entity = (id: string, label: string, type: string, aliases: string[], mentions: Span[], wikidata?: string): Entity => ({
  id,
  label,
  type,
  aliases,
  mentions,
  ...(wikidata ? { wikidata } : {}),
});

const relation = (id: string, type: string, source: string, target: string, sentences: number[]): Relation => ({
  id,
  type,
  source,
  target,
  evidence: sentences.map(sentence),
});

export function reviewDataset(): Dataset {
  return {
    version: 1,
    relationTypes: [{ id: 'supplies', label: 'supplies', directed: true }],
    documents: [{ id: 'd1', title: 'Fixture', text: TEXT }],
    entities: [
      entity('russia', 'Russia', 'country', ['Moscow'], [at('Russia'), at('Moscow'), at('Moscow', 1), at('Russia', 1)], 'Q159'),
      entity('ukraine', 'Ukraine', 'country', ['Kyiv'], [at('Ukraine'), at('Kyiv')], 'Q212'),
      // Zelensky's mention in sentence 1 is not recorded: edits must add it.
      entity('zelensky', 'Zelensky', 'person', [], [at('Zelensky', 1)]),
      entity('zelenskyy', 'Zelenskyy', 'person', [], [at('Zelenskyy')]),
      entity('putin', 'Putin', 'person', [], [at('Putin'), at('Putin', 1), at('Putin', 2)]),
      entity('icc', 'ICC', 'organisation', [], [at('ICC')]),
    ],
    relations: [
      relation('r1', 'sanctioned', 'russia', 'ukraine', [0]),
      relation('r2', 'accused', 'russia', 'ukraine', [1]),
      relation('r3', 'met-with', 'zelensky', 'putin', [2]),
      relation('r4', 'urged', 'zelenskyy', 'putin', [3]),
      relation('r5', 'issued-warrant', 'icc', 'putin', [4]),
      relation('r6', 'met-with', 'putin', 'zelenskyy', [3]),
    ],
  };
}

/** A dataset without its history, for comparing with one that never had any. */
export function withoutHistory(dataset: Dataset): Dataset {
  const { history: _history, ...rest } = dataset;
  return rest;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** `edit` applied to a frozen `dataset`: valid, undone to exactly the dataset before, redone to exactly the result. */
export function applied(dataset: Dataset, edit: Edit): Dataset {
  const outcome = applyEdit(deepFreeze(dataset), edit, AT);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  expect(validateDataset(outcome.dataset).ok).toBe(true);
  const undone = undoEdit(outcome.dataset);
  if (!undone?.ok) throw new Error('undo refused');
  expect(withoutHistory(undone.dataset)).toStrictEqual(withoutHistory(dataset));
  const redone = redoEdit(undone.dataset);
  if (!redone?.ok) throw new Error('redo refused');
  expect(redone.dataset).toStrictEqual(outcome.dataset);
  return outcome.dataset;
}

/** `edit` refused with `reason`, and `dataset` left as it was. */
export function refused(dataset: Dataset, edit: Edit, reason: string | RegExp): void {
  const before = structuredClone(dataset);
  const outcome = applyEdit(deepFreeze(dataset), edit, AT);
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.reason).toMatch(reason);
  expect(dataset).toStrictEqual(before);
}
