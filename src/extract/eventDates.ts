/**
 * When the sentence says it happened
 * ==================================
 *
 * Finds the date phrases of a sentence ("on 24 February 2022", "last year",
 * "in March", "on Tuesday", "a week earlier") and names the date each one
 * means, normalised against the article's publication day, at the precision
 * the phrase has: a day ("2022-02-24"), a month ("2022-03") or a year
 * ("2022"). The phrase is kept as offsets into the text given, so evidence
 * can show it exactly; the schema's `event` (EventDateSchema) holds both.
 *
 * Absolute dates need nothing else: "24 February 2022", "24 Feb 2022",
 * "February 24, 2022", "2022-02-24", "in March 2023", "in 2021". A phrase
 * relative to the article's date needs that date, and an undated article
 * gets no date for it — never a guess. The rules, as news writes:
 *
 *  - "yesterday", "last night" = the day before; "today", "tonight", "this
 *    morning" = the day; "tomorrow" = the day after.
 *  - "on Tuesday", "last Tuesday", bare "Tuesday": the most recent Tuesday
 *    *before* the article's day (an article of a Tuesday means the one a
 *    week earlier; news says "today" for the same day). "next Tuesday",
 *    "this Tuesday", "by Friday", "Good Friday" are not read.
 *  - "in March", "since March", "early March" with no year: the most recent
 *    March not after the article's month; "last March" the one before it;
 *    "in April this year", "in March last year" as they say;
 *    "on 3 March", "March 3": the most recent such day not after the
 *    article's day (29 February: the most recent leap year's).
 *  - "last/this/next year" → "YYYY"; "last/this/next month", "earlier/later
 *    this month" → "YYYY-MM"; "earlier this year" → "YYYY".
 *  - "last/this/next week": the schema has no week, so the week (Monday to
 *    Sunday) is given as the month that holds all of it, or the year when it
 *    straddles two months, or nothing when it straddles two years — coarser,
 *    never falsely precise.
 *  - "two days ago", "three weeks ago", "a week earlier" → the day;
 *    "two months ago" → "YYYY-MM"; "a year ago" → "YYYY". "Earlier" is
 *    counted from the article's day: the sentence's own reference time (a
 *    week earlier than *what*) is not known here.
 *
 * Not read: numeric dates like 03/04/2022 (day or month first?), decades,
 * "the past year" (the last twelve months, not a calendar year), and a
 * phrase whose date does not exist (31 June).
 *
 * Which phrase dates which relation of a sentence: `eventDateNear` (the
 * only one; else the one after the relation's own verb; else the nearest).
 *
 * Pure and cheap: a dozen regular expressions compiled once, run over one
 * sentence at a time, then the longest match wins where two overlap.
 */

import { dayNumber, dayString, isDay } from '../model/days.ts';
import type { EventDate } from '../model/schema.ts';
import type { Candidate } from './sentenceModel.ts';

// ─── Vocabulary ──────────────────────────────────────────────────────────────

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);
/** Sunday = 0, as `Date.prototype.getUTCDay`. */
const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
]);

/** Month and weekday names are capitalised in English: "may" and "march" lower case are other words. */
const FULL_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A full name, or an abbreviation with its full stop ("Feb."): a full name's following full stop ends the sentence. */
const MONTH = `(?:${FULL_MONTH}|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\\p{L})\\.?)`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORDINAL = '(?:st|nd|rd|th)?';
/** Relative words may open a sentence: "Last year, …". */
const cap = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** "early March", "mid-2021", "late in" is not read. */
const PART = `(?:(?:${cap('early')}|${cap('late')}|${cap('mid')}) |${cap('mid')}-)`;
/** "on Thursday, 24 February 2022": the weekday is part of the phrase. */
const ON_WEEKDAY = `(?:${cap('on')} )?(?:${WEEKDAY},? )?`;
const YEAR = '(?:1[89]\\d\\d|2[01]\\d\\d)';
const QUANTITY = `(?:\\d{1,3}|${[...NUMBER_WORDS.keys()].map(cap).join('|')})`;

type Kind = 'dmy' | 'mdy' | 'iso' | 'monthYear' | 'year' | 'dm' | 'md' | 'month' | 'weekday' | 'dayWord' | 'period' | 'quantity';

const PATTERNS: ReadonlyArray<readonly [Kind, RegExp]> = [
  ['dmy', new RegExp(`${START}${ON_WEEKDAY}(?:the )?(?<d>\\d{1,2})${ORDINAL} (?:of )?(?<m>${MONTH}),? (?<y>\\d{4})${END}`, 'gu')],
  ['mdy', new RegExp(`${START}${ON_WEEKDAY}(?<m>${MONTH}) (?<d>\\d{1,2})${ORDINAL},? (?<y>\\d{4})${END}`, 'gu')],
  ['iso', new RegExp(`${START}(?:${cap('on')} )?(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?![\\p{N}])`, 'gu')],
  ['monthYear', new RegExp(`${START}(?:(?:${cap('in')}|${cap('since')}|${cap('during')}) )?${PART}?(?<m>${MONTH}),? (?<y>\\d{4})${END}`, 'gu')],
  ['year', new RegExp(`${START}(?:${cap('in')}|${cap('during')}|${cap('since')}) ${PART}?(?<y>${YEAR})(?![\\p{L}\\p{N}]|-\\d|[.,]\\d)`, 'gu')],
  ['dm', new RegExp(`${START}${ON_WEEKDAY}(?:the )?(?<d>\\d{1,2})${ORDINAL} (?:of )?(?<m>${MONTH})${END}`, 'gu')],
  ['md', new RegExp(`${START}${ON_WEEKDAY}(?<m>${MONTH}) (?<d>\\d{1,2})${ORDINAL}${END}`, 'gu')],
  // A bare month needs a preposition or "early"/"mid-": "May" alone is also a name ("Theresa May").
  ['month', new RegExp(`${START}(?:(?:(?<which>${cap('in')}|${cap('since')}|${cap('during')}|${cap('last')}|${cap('this')}) )${PART}?|${PART})(?<m>${FULL_MONTH})(?: (?<year>this|last) year)?${END}`, 'gu')],
  [
    'weekday',
    new RegExp(
      `${START}(?:(?:${cap('late')}|${cap('early')}) )?(?:(?:${cap('on')}|${cap('last')}|${cap('this past')}) (?<wd>${WEEKDAY})` +
        // A bare weekday, unless it is a future one, a habit, or part of a name ("Good Friday", "Super Tuesday").
        `|(?<!(?:${['next', 'this', 'coming', 'following', 'until', 'till', 'by', 'every', 'each', 'from'].map(cap).join('|')}|\\p{Lu}[\\p{L}\\p{M}.'’-]*) )(?<bare>${WEEKDAY}))` +
        `(?: (?:morning|afternoon|evening|night))?${END}`,
      'gu',
    ),
  ],
  ['dayWord', new RegExp(`${START}(?<word>${cap('yesterday')}|${cap('today')}|${cap('tomorrow')}|${cap('tonight')}|${cap('last night')}|${cap('this')} (?:morning|afternoon|evening))${END}`, 'gu')],
  // "the last year" is the last twelve months, not last year.
  ['period', new RegExp(`${START}(?<![Tt]he )(?<which>(?:${cap('earlier')}|${cap('later')}) this|${cap('this')}|${cap('last')}|${cap('next')}) (?<unit>week|month|year)${END}`, 'gu')],
  ['quantity', new RegExp(`${START}(?<n>${QUANTITY}) (?<unit>day|week|month|year)s? (?:ago|earlier)${END}`, 'gu')],
];

/** Every pattern needs one of these: most sentences have none and are passed over in one scan. */
const ANY_DATE_WORD = /\d|day|week|month|year|night|morrow|morning|afternoon|evening|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

/**
 * What each pattern cannot match without, tested once per sentence so that a sentence runs only the patterns
 * it could match (a dozen Unicode regexes per evidence sentence were most of assembling's time).
 */
const DIGIT = /\d/;
/** Every full month name and abbreviation begins with one of these. */
const MONTH_START = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const PATTERN_NEEDS: Readonly<Record<Kind, readonly RegExp[]>> = {
  dmy: [DIGIT, MONTH_START],
  mdy: [DIGIT, MONTH_START],
  iso: [/\d{4}-\d{2}-\d{2}/],
  monthYear: [DIGIT, MONTH_START],
  year: [/\d{4}/],
  dm: [DIGIT, MONTH_START],
  md: [DIGIT, MONTH_START],
  month: [new RegExp(FULL_MONTH)],
  weekday: [new RegExp(WEEKDAY)],
  dayWord: [/day|morrow|night|morning|afternoon|evening/],
  period: [/week|month|year/],
  quantity: [/ago|earlier/],
};

// ─── Finding ─────────────────────────────────────────────────────────────────

interface Found {
  start: number;
  end: number;
  date: string | undefined;
}

/**
 * The date phrases of `text` (one sentence, or any text), each with the date
 * it names and its offsets in `text`, in order. `published` is the article's
 * publication date ("2023-09-21" or a date-time); without it, only absolute
 * dates are given.
 */
export function findEventDates(text: string, published?: string): EventDate[] {
  const articleDay = published !== undefined && isDay(published.slice(0, 10)) ? dayNumber(published.slice(0, 10)) : undefined;
  if (!ANY_DATE_WORD.test(text)) return [];
  const found: Found[] = [];
  for (const [kind, pattern] of PATTERNS) {
    if (!PATTERN_NEEDS[kind].every((needed) => needed.test(text))) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push({ start: match.index, end: match.index + match[0].length, date: dateOf(kind, match.groups ?? {}, articleDay) });
    }
  }
  // Where two overlap, the longer wins ("on 24 February 2022" over "on 24 February"), then the earlier.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = []; // by start, not overlapping
  for (const phrase of found) {
    const k = firstStartingAtOrAfter(kept, phrase.end);
    if (k > 0 && kept[k - 1]!.end > phrase.start) continue;
    kept.splice(k, 0, phrase);
  }
  const dates: EventDate[] = [];
  // A relative phrase in an undated article still holds its place, so no shorter phrase inside it is read.
  for (const { date, start, end } of kept) if (date !== undefined) dates.push({ date, start, end });
  return dates;
}

/** The index of the first phrase in `sorted` (by start) that starts at or after `offset`. */
function firstStartingAtOrAfter(sorted: readonly Found[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The phrase that dates a relation stated in the sentence, whose trigger
 * word starts at offset `at` (in the same text as the phrases):
 *
 *  - the only phrase, for every relation of the sentence;
 *  - else, when the sentence's other triggers are known (`triggers`, every
 *    relation's trigger offset in the sentence), the nearest of the phrases
 *    this trigger owns: English puts the date after its verb ("sanctioned
 *    Russia on 24 February and Britain sanctioned Belarus in March"), so a
 *    phrase belongs to the last trigger before it, or to the first trigger
 *    when it comes before them all ("The court on Monday issued …");
 *  - else the nearest phrase (distance in code units, the earlier on a tie);
 *  - the first phrase when `at` is not known.
 */
export function eventDateNear(phrases: readonly EventDate[], at?: number, triggers?: readonly number[]): EventDate | undefined {
  if (phrases.length <= 1 || at === undefined) return phrases[0];
  const owned = triggers === undefined || triggers.length === 0 ? [] : phrases.filter((phrase) => ownerOf(phrase, triggers) === at);
  return nearest(owned.length > 0 ? owned : phrases, at);
}

/** The trigger a phrase belongs to: the last one at or before its start, else the first. */
function ownerOf(phrase: EventDate, triggers: readonly number[]): number {
  let owner: number | undefined;
  for (const trigger of triggers) if (trigger <= phrase.start && (owner === undefined || trigger > owner)) owner = trigger;
  return owner ?? Math.min(...triggers);
}

function nearest(phrases: readonly EventDate[], at: number): EventDate {
  let best = phrases[0]!;
  let bestDistance = distance(best, at);
  for (let k = 1; k < phrases.length; k++) {
    const d = distance(phrases[k]!, at);
    if (d < bestDistance) {
      best = phrases[k]!;
      bestDistance = d;
    }
  }
  return best;
}

function distance(phrase: EventDate, at: number): number {
  if (at < phrase.start) return phrase.start - at;
  if (at >= phrase.end) return at - phrase.end + 1;
  return 0;
}

/** Where a relation was found: its sentence (document offsets) and its trigger word's offset, when known. */
export interface TriggerPlace {
  document: string;
  start: number;
  end: number;
  trigger: number | undefined;
}

/** A candidate relation's place: `at` is its trigger's token index in the sentence. */
export function triggerPlace(candidate: Candidate): TriggerPlace {
  const { span, tokens } = candidate.sentence;
  return { document: candidate.document, start: span.start, end: span.end, trigger: tokens[candidate.at]?.start };
}

/**
 * The event date of each evidence sentence of a set of documents, in
 * document offsets: phrases are found once per sentence, as several
 * relations often share one; `found` are all the relations found, so each
 * sentence knows its triggers.
 */
export class SentenceEventDates {
  private readonly documents: ReadonlyMap<string, { text: string; published: string | undefined }>;
  private readonly phrases = new Map<string, EventDate[]>();
  private readonly triggers = new Map<string, number[]>();

  constructor(documents: ReadonlyArray<{ id: string; text: string; published?: string | undefined }>, found: Iterable<TriggerPlace>) {
    this.documents = new Map(documents.map((d) => [d.id, { text: d.text, published: d.published }]));
    for (const place of found) {
      if (place.trigger === undefined) continue;
      const key = sentenceKey(place.document, place.start, place.end);
      const list = this.triggers.get(key);
      if (list === undefined) this.triggers.set(key, [place.trigger]);
      else if (!list.includes(place.trigger)) list.push(place.trigger);
    }
  }

  /** The date of a relation stated by the sentence `start`–`end` of `document`, whose trigger word starts at offset `trigger` (when known). */
  dateOf(document: string, start: number, end: number, trigger?: number): EventDate | undefined {
    const key = sentenceKey(document, start, end);
    let phrases = this.phrases.get(key);
    if (phrases === undefined) {
      const source = this.documents.get(document);
      phrases = source === undefined ? [] : findEventDates(source.text.slice(start, end), source.published).map((p) => ({ date: p.date, start: start + p.start, end: start + p.end }));
      this.phrases.set(key, phrases);
    }
    return eventDateNear(phrases, trigger, this.triggers.get(key));
  }
}

const sentenceKey = (document: string, start: number, end: number) => `${document}\u0000${start}\u0000${end}`;

// ─── Normalising ─────────────────────────────────────────────────────────────

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthString = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;

function yearString(year: number): string | undefined {
  return year >= 1 && year <= 9999 ? pad(year, 4) : undefined;
}

/** A real day, written YYYY-MM-DD, or undefined (31 June). */
function dayOf(year: number, month: number, day: number): string | undefined {
  const written = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isDay(written) ? written : undefined;
}

/** Month `index` counted from January of year 0, back to a "YYYY-MM". */
function monthFromIndex(index: number): string | undefined {
  const year = Math.floor(index / 12);
  return year >= 1 && year <= 9999 ? monthString(year, (index % 12) + 1) : undefined;
}

/** The month, or else the year, that holds every day from `from` to `to`: a week, at the precision the schema has. */
function holding(from: number, to: number): string | undefined {
  const first = dayString(from);
  const last = dayString(to);
  if (first.slice(0, 7) === last.slice(0, 7)) return first.slice(0, 7);
  if (first.slice(0, 4) === last.slice(0, 4)) return first.slice(0, 4);
  return undefined;
}

/** Sunday = 0: day number 0 (1 January 1970) was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

function dateOf(kind: Kind, groups: Record<string, string | undefined>, articleDay: number | undefined): string | undefined {
  const month = groups.m === undefined ? 0 : (MONTH_NUMBERS.get(groups.m.replace('.', '').toLowerCase()) ?? Number(groups.m));
  switch (kind) {
    case 'dmy':
    case 'mdy':
    case 'iso':
      return dayOf(Number(groups.y), month, Number(groups.d));
    case 'monthYear':
      return month >= 1 && month <= 12 ? monthString(Number(groups.y), month) : undefined;
    case 'year':
      return groups.y;
    default:
      return articleDay === undefined ? undefined : relativeDate(kind, groups, month, articleDay);
  }
}

function relativeDate(kind: Kind, groups: Record<string, string | undefined>, month: number, articleDay: number): string | undefined {
  const today = dayString(articleDay);
  const year = Number(today.slice(0, 4));
  const monthIndex = year * 12 + Number(today.slice(5, 7)) - 1;
  switch (kind) {
    case 'dm':
    case 'md': {
      // The most recent such day not after the article's: back a year at a time (29 February: to a leap year).
      for (let y = year; y >= year - 8; y--) {
        const day = dayOf(y, month, Number(groups.d));
        if (day !== undefined && day <= today) return day;
      }
      return undefined;
    }
    case 'month': {
      const which = groups.which?.toLowerCase();
      const thisYears = year * 12 + month - 1;
      // "in April this year", "in March last year": the year is said.
      if (groups.year === 'this' || which === 'this') return monthFromIndex(thisYears);
      if (groups.year === 'last') return monthFromIndex(thisYears - 12);
      // "last March" is before this month; "in March" may be this month.
      const latest = which === 'last' ? monthIndex - 1 : monthIndex;
      return monthFromIndex(thisYears <= latest ? thisYears : thisYears - 12);
    }
    case 'weekday': {
      const name = (groups.wd ?? groups.bare)!.toLowerCase();
      const back = (weekdayOf(articleDay) - WEEKDAY_NUMBERS.get(name)! + 7) % 7 || 7;
      return dayString(articleDay - back);
    }
    case 'dayWord': {
      const word = groups.word!.toLowerCase();
      const shift = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      return dayString(articleDay + shift);
    }
    case 'period': {
      const which = groups.which!.toLowerCase();
      const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      if (groups.unit === 'year') return yearString(year + step);
      if (groups.unit === 'month') return monthFromIndex(monthIndex + step);
      const monday = articleDay - ((weekdayOf(articleDay) + 6) % 7);
      if (which === 'earlier this') return holding(monday, articleDay);
      if (which === 'later this') return holding(articleDay, monday + 6);
      return holding(monday + 7 * step, monday + 7 * step + 6);
    }
    case 'quantity': {
      const count = NUMBER_WORDS.get(groups.n!.toLowerCase()) ?? Number(groups.n);
      if (groups.unit === 'day') return dayString(articleDay - count);
      if (groups.unit === 'week') return dayString(articleDay - 7 * count);
      if (groups.unit === 'month') return monthFromIndex(monthIndex - count);
      return yearString(year - count);
    }
    default:
      return undefined;
  }
}
