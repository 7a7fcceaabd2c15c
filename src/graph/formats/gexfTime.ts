/**
 * GEXF time markup → reporting days
 * =================================
 *
 * A dynamic GEXF (Gephi's timeline) says when each edge exists in one of
 * three ways, tried in this order per edge:
 *
 *   <edge …><spells><spell start="2023-01-03" end="2023-01-05"/></spells></edge>
 *   <edge … start="2023-01-03" end="2023-01-05">           (GEXF 1.1–1.3)
 *   <attvalue for="…" value="…" start="…" end="…"/>       (dynamic values)
 *
 * Each becomes the relation's `reported` spells, in days (the day part of a
 * `timeformat="dateTime"` value; `timestamp` is a one-day spell; an open
 * bound, `startopen`/`endopen`, counts as its day). A spell with one bound
 * runs to the graph's `start`/`end` when it has them, else to the earliest
 * or latest day the file names, as Gephi would show it. Overlapping spells
 * are merged (model/reporting.ts `mergeSpells`).
 *
 * Times that are numbers (`timeformat="integer"` or `"double"`, GEXF's
 * default) are not calendar days: one warning, and those edges stay
 * undated. A value that is neither a number nor a date is a problem naming
 * the edge and the markup.
 */

import { dayNumber, mergeSpells, spellsAsReported, type Problem } from '../../model/index.ts';
import type { DateReading } from './edgeDates.ts';
import { dateFault, dayOf } from './spellText.ts';
import { childrenNamed, type XmlElement } from './xml.ts';
import type { XmlGraphEdge } from './xmlGraphCheck.ts';

export interface EdgeTimes {
  /** By edge id; an edge with no time markup is absent. */
  readings: ReadonlyMap<string, DateReading>;
  warnings: Problem[];
}

interface Bound {
  text: string;
  /** Where it is written, for a problem: `<spell> start`. */
  at: string;
}

interface RawSpell {
  start?: Bound;
  end?: Bound;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIME_FIX = 'write GEXF times as days, YYYY-MM-DD with timeformat="date" on <graph> (or date-times with timeformat="dateTime"), or remove the time';

/** The bounds an element's time attributes give: start/end, their open forms, or one timestamp. */
function rawSpell(element: XmlElement): RawSpell | undefined {
  const a = element.attributes;
  const tag = `<${element.name}>`;
  const bound = (...names: string[]): Bound | undefined => {
    for (const name of names) {
      const text = a[name];
      if (text !== undefined && text.trim() !== '') return { text, at: `${tag} ${name}` };
    }
    return undefined;
  };
  const start = bound('start', 'startopen', 'timestamp');
  const end = bound('end', 'endopen', 'timestamp');
  if (start === undefined && end === undefined) return undefined;
  const spell: RawSpell = {};
  if (start) spell.start = start;
  if (end) spell.end = end;
  return spell;
}

/** An edge's time markup, in the order GEXF readers give it precedence. */
function edgeSpells(element: XmlElement): RawSpell[] {
  const spells = childrenNamed(element, 'spells').flatMap((block) => childrenNamed(block, 'spell').flatMap((spell) => rawSpell(spell) ?? []));
  if (spells.length > 0) return spells;
  const own = rawSpell(element);
  if (own) return [own];
  return childrenNamed(element, 'attvalues').flatMap((values) => childrenNamed(values, 'attvalue').flatMap((value) => rawSpell(value) ?? []));
}

/**
 * The reporting spells of every edge with time markup in a GEXF `<graph>`.
 * `describeEdge` names an edge in a problem.
 */
export function readGexfEdgeTimes(graph: XmlElement, edges: readonly XmlGraphEdge[], describeEdge: (key: string) => string): EdgeTimes {
  const timeformat = (graph.attributes.timeformat ?? '').toLowerCase();
  const numeric = timeformat === 'integer' || timeformat === 'double';
  const readings = new Map<string, DateReading>();
  const warnings: Problem[] = [];
  const raw = new Map<string, RawSpell[]>();
  let numberTimes: { count: number; first: string } | undefined;
  // The file's earliest and latest days: where a spell with one bound runs to, unless <graph start end> says.
  let earliest = dayOf(graph.attributes.start ?? '');
  let latest = dayOf(graph.attributes.end ?? '');
  let fileEarliest: string | undefined;
  let fileLatest: string | undefined;

  for (const { element, id } of edges) {
    const spells = edgeSpells(element);
    if (spells.length === 0) continue;
    const bounds = spells.flatMap((s) => [s.start, s.end]).filter((b): b is Bound => b !== undefined);
    // Numbers are times Gephi counts, not calendar days.
    if (numeric || bounds.every((b) => NUMBER.test(b.text.trim()))) {
      if (numberTimes) numberTimes.count++;
      else numberTimes = { count: 1, first: describeEdge(id) };
      continue;
    }
    const bad = bounds.find((b) => dayOf(b.text) === undefined);
    if (bad) {
      readings.set(id, {
        kind: 'invalid',
        problem: { code: 'invalid-value', path: `${describeEdge(id)} › ${bad.at}`, message: dateFault(bad.text), fix: TIME_FIX, value: bad.text },
      });
      continue;
    }
    for (const b of bounds) {
      const day = dayOf(b.text)!;
      if (fileEarliest === undefined || day < fileEarliest) fileEarliest = day;
      if (fileLatest === undefined || day > fileLatest) fileLatest = day;
    }
    raw.set(id, spells);
  }
  earliest ??= fileEarliest;
  latest ??= fileLatest;

  for (const [id, spells] of raw) {
    const ranges: Array<readonly [number, number]> = [];
    let backwards: Bound | undefined;
    for (const spell of spells) {
      const start = spell.start && dayOf(spell.start.text)!;
      const end = spell.end && dayOf(spell.end.text)!;
      // One bound: to the other end of the graph's time, or that one day if the graph's end lies before it.
      const from = start ?? (earliest! < end! ? earliest! : end!);
      const to = end ?? (latest! > start! ? latest! : start!);
      if (to < from) backwards = spell.end;
      else ranges.push([dayNumber(from), dayNumber(to)]);
    }
    if (backwards) {
      readings.set(id, {
        kind: 'invalid',
        problem: {
          code: 'invalid-value',
          path: `${describeEdge(id)} › ${backwards.at}`,
          message: `the spell ends (${dayOf(backwards.text)}) before it starts`,
          fix: 'make each spell end on or after its start',
          value: backwards.text,
        },
      });
      continue;
    }
    readings.set(id, { kind: 'spells', spells: spellsAsReported(mergeSpells(ranges)), consumed: [] });
  }

  if (numberTimes) {
    const more = numberTimes.count > 1 ? ` (and ${numberTimes.count - 1} more edges like it)` : '';
    warnings.push({
      code: 'invalid-value',
      path: numberTimes.first,
      message: `the edges' times are numbers (timeformat="${timeformat || 'double'}"), not calendar days; imported without reporting dates${more}`,
      fix: 'to play the graph on newsgraph\u2019s timeline, export it from Gephi with dates (timeformat="date")',
    });
  }
  return { readings, warnings };
}
