/**
 * Reporting days as file text
 * ===========================
 *
 * How the exchange formats write and read a relation's reporting spells
 * (`reported`, model/reporting.ts) where a format has no element for them:
 * a CSV cell, a GraphML column, another tool's date attribute.
 *
 *   "2023-01-03/2023-01-05;2023-02-01"
 *
 * Spells joined by ";", each an ISO 8601 interval of days "from/to"
 * (inclusive) or one day on its own. Reading also takes "from..to", commas
 * between spells, and date-times (the day part, as written: no time-zone
 * shift, the rule `publishedDay` follows).
 */

import { dayNumber, isPublished, mergeSpells, publishedDay, publishedFault, spellsAsReported, type Spell } from '../../model/index.ts';

/** What a spell list cell holds, said in a problem's fix. */
export const SPELL_LIST_FORMAT = 'days as YYYY-MM-DD, a stretch as from/to (2023-01-03/2023-01-05), several separated by ";"';

/** "2023-01-03/2023-01-05;2023-02-01": one day written once. */
export function formatSpellList(spells: readonly Spell[]): string {
  return spells.map(({ from, to }) => (from === to ? from : `${from}/${to}`)).join(';');
}

/** The day of an ISO 8601 date or date-time, as written; undefined when it is neither. */
export function dayOf(value: string): string | undefined {
  const text = value.trim();
  return isPublished(text) ? publishedDay(text) : undefined;
}

/** Why a date value is not a date, for a problem's message. */
export function dateFault(value: string): string {
  return `${JSON.stringify(value)} is not a date: ${publishedFault(value.trim())}`;
}

export type SpellListReading = { ok: true; spells: Spell[] } | { ok: false; reason: string };

/**
 * Spells as a file declares them, in order: kept exactly when sorted and not
 * overlapping (the schema's rule), else merged (overlapping and touching
 * ones join), so a hand-written or foreign list becomes a valid `reported`.
 */
export function orderedSpells(spells: readonly Spell[]): Spell[] {
  let ordered = true;
  for (let i = 1; i < spells.length && ordered; i++) ordered = spells[i]!.from > spells[i - 1]!.to;
  if (ordered) return [...spells];
  return spellsAsReported(mergeSpells(spells.map(({ from, to }) => [dayNumber(from), dayNumber(to)] as const)));
}

/** One spell from its two written bounds (either may be a date-time); a bound that is not a date, or an end before the start, is the reason it fails. */
export function spellOf(start: string, end: string): { ok: true; spell: Spell } | { ok: false; reason: string } {
  const from = dayOf(start);
  if (from === undefined) return { ok: false, reason: dateFault(start) };
  const to = dayOf(end);
  if (to === undefined) return { ok: false, reason: dateFault(end) };
  if (to < from) return { ok: false, reason: `the spell ends (${to}) before it starts (${from})` };
  return { ok: true, spell: { from, to } };
}

/** Reads "2023-01-03/2023-01-05;2023-02-01" (also "a..b", commas between spells); an empty text is no spells. */
export function parseSpellList(text: string): SpellListReading {
  const spells: Spell[] = [];
  for (const item of text.split(/[;,]/)) {
    const written = item.trim();
    if (!written) continue;
    const bounds = written.includes('..') ? written.split('..') : written.split('/');
    if (bounds.length > 2) return { ok: false, reason: `${JSON.stringify(written)} has more than two dates` };
    const read = spellOf(bounds[0]!, bounds[1] ?? bounds[0]!);
    if (!read.ok) return read;
    spells.push(read.spell);
  }
  return { ok: true, spells: orderedSpells(spells) };
}
