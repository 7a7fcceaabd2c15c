/**
 * The days each relation was reported on
 * ======================================
 *
 * `relation_days` holds, per relation, every day (a day number, model/days.ts)
 * it was reported on: the publication days of the articles whose sentences
 * support it, and the days of the `reported` spells a dataset declares for
 * it (a Gephi timeline imported). Written as sentences and spells arrive;
 * read back as merged spells (`reported` on every relation the store sends)
 * and counted per bucket by the timeline.
 *
 * A declared spell is expanded to its days, so an absurd one ("0001-01-01 to
 * 9999-12-31", a typo'd year) would write millions of rows: a spell longer
 * than `MAX_SPELL_DAYS` keeps its first `MAX_SPELL_DAYS` days, and the add
 * report's `notes` says which relation was cut and how.
 */

import { dayNumber } from '../../model/days.ts';
import { mergeSpells, spellsAsReported } from '../../model/reporting.ts';
import type { Spell } from '../../model/schema.ts';

/** Ten years of days: longer than any news story is reported, short enough to stay a few kilobytes per relation. */
export const MAX_SPELL_DAYS = 3_660;

export interface SpellDays {
  from: number;
  to: number;
  /** Days left out by the cap. */
  cut: number;
}

/** A declared spell as day numbers, capped (see the header); an inverted spell (to before from) is its one `from` day. */
export function spellDays(spell: Spell): SpellDays {
  const from = dayNumber(spell.from);
  const to = Math.max(from, dayNumber(spell.to));
  const length = to - from + 1;
  return length > MAX_SPELL_DAYS ? { from, to: from + MAX_SPELL_DAYS - 1, cut: length - MAX_SPELL_DAYS } : { from, to, cut: 0 };
}

/** `relation_days` rows (ordered by relation, day) as merged `reported` spells by relation pk; a relation with none is absent. */
export function spellsByRelation(rows: ReadonlyArray<{ relation: number; day: number }>): Map<number, Spell[]> {
  const byRelation = new Map<number, Spell[]>();
  for (let i = 0; i < rows.length; ) {
    const relation = rows[i]!.relation;
    const ranges: Array<readonly [number, number]> = [];
    for (; i < rows.length && rows[i]!.relation === relation; i++) ranges.push([rows[i]!.day, rows[i]!.day]);
    byRelation.set(relation, spellsAsReported(mergeSpells(ranges)));
  }
  return byRelation;
}
