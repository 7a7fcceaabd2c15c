/**
 * Reporting days from another tool's edge attributes
 * ==================================================
 *
 * A graph from Gephi, networkx or a spreadsheet-built GraphML often says when
 * an edge happened in plain columns: `start`/`end`, `first_reported`/
 * `last_reported`, one `date`, `timestamp` or `published`, or a list of
 * spells (`spells`, `reported`: newsgraph's own columns when the file lost
 * its header). Those become the relation's `reported` spells (days, the day
 * part of a date-time), so the timeline plays a foreign graph too.
 *
 * Names are compared without case, `_`, `-` or spaces ("First Reported",
 * "firstReported"). The most precise form present wins — a spell list, then
 * a start/end pair, then a single date — and only the columns used are
 * consumed; any other is kept in `attributes` as before. A value in a date
 * column that is not an ISO date is one problem naming the edge and column,
 * never a guess.
 */

import type { Problem, Spell } from '../../model/index.ts';
import { dateFault, dayOf, orderedSpells, parseSpellList, spellOf, SPELL_LIST_FORMAT } from './spellText.ts';

const normalized = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** Spell-list columns, then start/end pairs, then single dates: the order in which they are tried. */
// `spells` first: in newsgraph's own file it is every reporting day, `reported` only the declared ones.
const LIST_NAMES = ['spells', 'reported'];
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['start', 'end'],
  ['startdate', 'enddate'],
  ['firstreported', 'lastreported'],
];
const SINGLE_NAMES = ['date', 'timestamp', 'published'];

const DATE_FIX = 'write it as an ISO date, YYYY-MM-DD (2023-01-03), or date-time (2023-01-03T10:00:00Z); or rename the column if it is not a date';

export type DateReading =
  | { kind: 'none' }
  | { kind: 'spells'; spells: Spell[]; consumed: string[] }
  | { kind: 'invalid'; problem: Problem };

/** A list column's value: spells as JSON objects ({from,to} or {start,end}), JSON text of them, or spell-list text. */
function listSpells(value: unknown): { ok: true; spells: Spell[] } | { ok: false; reason: string } {
  let list: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('[')) return parseSpellList(text);
    try {
      list = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (!Array.isArray(list)) return { ok: false, reason: 'not a list of spells' };
  const spells: Spell[] = [];
  for (const item of list) {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const start = record.from ?? record.start;
    const end = record.to ?? record.end ?? start;
    if (typeof start !== 'string' || typeof end !== 'string') return { ok: false, reason: `${JSON.stringify(item)} is not a spell ({"from": "2023-01-03", "to": "2023-01-05"})` };
    const read = spellOf(start, end);
    if (!read.ok) return read;
    spells.push(read.spell);
  }
  return { ok: true, spells: orderedSpells(spells) };
}

/** A date column's value, which must be a date written as text (a number is not a calendar day). */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** The reporting spells another tool's edge attributes declare. `where` names the edge for a problem. */
export function datesFromAttributes(attributes: Record<string, unknown>, where: string): DateReading {
  // Attribute name by normalized name; the first spelling in the file wins.
  const byName = new Map<string, string>();
  for (const name of Object.keys(attributes)) {
    const key = normalized(name);
    if (!byName.has(key)) byName.set(key, name);
  }
  const present = (key: string): string | undefined => {
    const name = byName.get(key);
    if (name === undefined) return undefined;
    const text = textOf(attributes[name]);
    return text === undefined || text.trim() === '' ? undefined : name;
  };
  const invalid = (name: string, reason: string, fix = DATE_FIX): DateReading => ({
    kind: 'invalid',
    problem: { code: 'invalid-value', path: `${where} › ${name}`, message: reason, fix, value: attributes[name] },
  });

  for (const key of LIST_NAMES) {
    const name = present(key);
    if (name === undefined) continue;
    const read = listSpells(attributes[name]);
    if (!read.ok) return invalid(name, `not a list of reporting days: ${read.reason}`, `write ${SPELL_LIST_FORMAT}; or rename the column if it is something else`);
    return { kind: 'spells', spells: read.spells, consumed: [name] };
  }
  for (const [startKey, endKey] of PAIRS) {
    const startName = present(startKey);
    const endName = present(endKey);
    if (startName === undefined && endName === undefined) continue;
    for (const name of [startName, endName]) {
      if (name === undefined) continue;
      const text = textOf(attributes[name])!;
      if (dayOf(text) === undefined) return invalid(name, dateFault(text));
    }
    // One bound alone is one day.
    const start = textOf(attributes[(startName ?? endName)!])!;
    const end = textOf(attributes[(endName ?? startName)!])!;
    const read = spellOf(start, end);
    if (!read.ok) return invalid((endName ?? startName)!, read.reason, 'make the end date the same as or later than the start date');
    return { kind: 'spells', spells: [read.spell], consumed: [startName, endName].filter((n): n is string => n !== undefined) };
  }
  for (const key of SINGLE_NAMES) {
    const name = present(key);
    if (name === undefined) continue;
    const text = textOf(attributes[name])!;
    const read = spellOf(text, text);
    if (!read.ok) return invalid(name, dateFault(text));
    return { kind: 'spells', spells: [read.spell], consumed: [name] };
  }
  return { kind: 'none' };
}
