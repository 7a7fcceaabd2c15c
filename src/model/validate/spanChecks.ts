/**
 * Span checks
 * ===========
 *
 * The rules on one span, whether it is an entity's mention or a relation's
 * evidence: it names a known document, its offsets are inside the text and
 * on whole characters; a mention quotes one of its entity's names; evidence
 * quotes whole sentences, and the date phrase it may carry (`event`) lies
 * inside that sentence. Each failure is reported with the offset or name
 * that was most likely meant, because shifted offsets are the commonest
 * mistake and the hardest to find by eye.
 *
 * Also the spans of days a relation declares it was reported on
 * (`reported`): each from a day to a later one, sorted, not overlapping.
 */

import { quoteText, type Problem } from '../errors.ts';
import { formatCount } from '../limits.ts';
import { SpellSchema, type Evidence, type Span, type Spell } from '../schema.ts';
import { characterSplitAt, isSentenceEnd, isSentenceStart } from '../spans.ts';
import { lazySuggester } from '../suggest.ts';
import type { Report } from './report.ts';

/** Checks a span's document and offsets; returns the document's text when the span can be read. */
export class SpanChecker {
  private readonly idList: string[];
  private readonly suggest: (input: string) => string | undefined;
  constructor(
    private readonly report: Report,
    private readonly ids: Set<string>,
    private readonly texts: Map<string, string>,
    private readonly resolvable: boolean,
  ) {
    this.idList = [...ids];
    this.suggest = lazySuggester(() => this.idList);
  }

  // Consecutive spans mostly quote the same document: remember the last one found.
  private lastId: string | undefined;
  private lastText: string | undefined;

  /** The path (`entities[3].mentions[0]`) is built only when there is a problem to report: most spans have none. */
  check(span: Span, list: string, i: number, field: string, j: number): string | undefined {
    const text = span.document === this.lastId ? this.lastText : this.texts.get(span.document);
    if (text === undefined) {
      // A known document without a usable text was reported where it is defined.
      if (this.ids.has(span.document) || !this.resolvable) return undefined;
      const guess = this.suggest(span.document);
      this.report.add({
        code: 'dangling-reference',
        path: `${spanPath(list, i, field, j)}.document`,
        message: `no document has this id${guess ? `; did you mean "${guess}"?` : ''}`,
        fix: `use the id of one of the documents (${this.idList.slice(0, 5).map((id) => quoteText(id, 40)).join(', ') || 'none is defined: add one to "documents"'}${this.idList.length > 5 ? ', …' : ''})`,
        value: span.document,
      });
      return undefined;
    }
    this.lastId = span.document;
    this.lastText = text;
    const length = text.length;
    if (span.start > length || span.end > length) {
      if (span.start > length) this.report.add(outOfRange(`${spanPath(list, i, field, j)}.start`, span.document, length, span.start));
      if (span.end > length) this.report.add(outOfRange(`${spanPath(list, i, field, j)}.end`, span.document, length, span.end));
      return undefined;
    }
    if (span.start >= span.end) {
      this.report.add({
        code: 'empty-span',
        path: `${spanPath(list, i, field, j)}.start`,
        message: `start must be less than end (${span.end}): the span covers no text`,
        fix: 'make the span cover at least one character: start < end (end is exclusive)',
        value: span.start,
      });
      return undefined;
    }
    const startSplit = characterSplitAt(text, span.start);
    const endSplit = characterSplitAt(text, span.end);
    if (startSplit === undefined && endSplit === undefined) return text;
    if (startSplit !== undefined) this.report.add(splitCharacter(`${spanPath(list, i, field, j)}.start`, text, span.start, 'start', startSplit));
    if (endSplit !== undefined) this.report.add(splitCharacter(`${spanPath(list, i, field, j)}.end`, text, span.end, 'end', endSplit));
    return undefined;
  }
}

function spanPath(list: string, i: number, field: string, j: number): string {
  return `${list}[${i}].${field}[${j}]`;
}

function outOfRange(path: string, document: string, length: number, offset: number): Problem {
  return {
    code: 'offset-out-of-range',
    path,
    message: `offset is past the end of document ${quoteText(document, 40)}, whose text is ${formatCount(length)} UTF-16 code units long`,
    fix: `use an offset from 0 to ${length}, counted in UTF-16 code units as JavaScript strings do (an emoji counts 2)`,
    value: offset,
  };
}

function splitCharacter(path: string, text: string, offset: number, field: 'start' | 'end', reason: string): Problem {
  return {
    code: 'split-character',
    path,
    message: `the offset cuts a character in two: ${reason} (text around it: ${quoteText(text.slice(Math.max(0, offset - 8), offset + 8), 40)})`,
    fix: `move ${field} to ${wholeCharacterBoundaries(text, offset).join(' or ')}, the whole-character boundaries either side (offsets count UTF-16 code units, so an emoji counts 2 or more)`,
    value: offset,
  };
}

/** The whole-character boundaries either side of `offset` (looking at most 32 code units: no real character is longer). */
function wholeCharacterBoundaries(text: string, offset: number): [number, number] {
  let before = offset;
  while (before > 0 && offset - before < 32 && characterSplitAt(text, before)) before--;
  let after = offset;
  while (after < text.length && after - offset < 32 && characterSplitAt(text, after)) after++;
  return [before, after];
}

/** Called when a mention's text is not literally a name: accepts it if only the Unicode normalization differs, else reports it with the likeliest fix. */
export function checkMentionIsName(
  report: Report,
  text: string,
  span: Span,
  quoted: string,
  entityIndex: number,
  mentionIndex: number,
  entityId: string,
  names: string[],
): void {
  // The same name in another Unicode normalization (é as one code point or as e + ◌́) is the same name.
  const normalized = quoted.normalize('NFC');
  if (names.some((name) => name.normalize('NFC') === normalized)) return;
  let fix = `move the span onto the name as written, or add ${quoteText(quoted, 60)} to entities[${entityIndex}].aliases`;
  const trimmed = quoted.trim();
  if (trimmed !== quoted && names.includes(trimmed)) {
    const start = span.start + quoted.indexOf(trimmed);
    fix = `the span includes white space around the name: use start ${start} and end ${start + trimmed.length}`;
  } else {
    const found = nearestOccurrence(text, names, span.start);
    if (found) {
      fix = `the name ${quoteText(found.name, 60)} appears at start ${found.start}, end ${found.start + found.name.length} (${found.start - span.start > 0 ? '+' : ''}${found.start - span.start} from here): if the offsets were counted differently (bytes, code points, CRLF as one), recount them in UTF-16 code units; otherwise ${fix}`;
    }
  }
  report.add({
    code: 'mention-not-a-name',
    path: `entities[${entityIndex}].mentions[${mentionIndex}]`,
    message: `the text at ${span.start}–${span.end} is neither the label nor an alias of entity ${quoteText(entityId, 60)}`,
    fix,
    value: quoted,
  });
}

/** The occurrence of any of `names` closest to `offset`, looking at most 1,000 code units either way. */
function nearestOccurrence(text: string, names: string[], offset: number): { name: string; start: number } | undefined {
  const from = Math.max(0, offset - 1_000);
  const to = Math.min(text.length, offset + 1_000);
  const window = text.slice(from, to);
  let best: { name: string; start: number } | undefined;
  for (const name of names) {
    for (let at = window.indexOf(name); at >= 0; at = window.indexOf(name, at + 1)) {
      const start = from + at;
      if (!best || Math.abs(start - offset) < Math.abs(best.start - offset)) best = { name, start };
    }
  }
  return best;
}

/** Reports evidence that starts or ends mid-sentence, with the nearest sentence boundary as the likely fix. */
export function checkEvidenceIsSentence(report: Report, text: string, span: Evidence, relationIndex: number, evidenceIndex: number): void {
  if (!isSentenceStart(text, span.start)) {
    const candidate = nearestWhere(span.start, text.length, (k) => isSentenceStart(text, k));
    report.add({
      code: 'evidence-not-sentence',
      path: `relations[${relationIndex}].evidence[${evidenceIndex}].start`,
      message: `evidence must quote whole sentences, but this starts mid-sentence (text from there: ${quoteText(text.slice(span.start, span.start + 30), 40)})`,
      fix: `move start to the first character of the sentence${candidate !== undefined ? ` (probably ${candidate}: ${quoteText(text.slice(candidate, candidate + 30), 40)})` : ''}`,
      value: span.start,
    });
  }
  if (!isSentenceEnd(text, span.end)) {
    const candidate = nearestWhere(span.end, text.length, (k) => isSentenceEnd(text, k));
    report.add({
      code: 'evidence-not-sentence',
      path: `relations[${relationIndex}].evidence[${evidenceIndex}].end`,
      message: `evidence must quote whole sentences, but this ends mid-sentence (text before it: ${quoteText(text.slice(Math.max(0, span.end - 30), span.end), 40)})`,
      fix: `move end just past the sentence's closing punctuation and closing quote mark${candidate !== undefined ? ` (probably ${candidate}: ${quoteText(text.slice(Math.max(0, candidate - 30), candidate), 40)})` : ''}`,
      value: span.end,
    });
  }
}

/** The offset nearest to `from` (within 600, earlier first on a tie) where `test` holds: the likely intended sentence boundary. Bounded, as it runs once per bad span. */
function nearestWhere(from: number, length: number, test: (offset: number) => boolean): number | undefined {
  for (let distance = 1; distance <= 600; distance++) {
    if (from - distance >= 0 && test(from - distance)) return from - distance;
    if (from + distance <= length && test(from + distance)) return from + distance;
    if (from - distance < 0 && from + distance > length) return undefined;
  }
  return undefined;
}

/** `names.includes(text.slice(span.start, span.end))`, without building the slice for each of a large dataset's mentions. */
export function quotesOneOf(text: string, span: Span, names: readonly string[]): boolean {
  const length = span.end - span.start;
  for (const name of names) if (name.length === length && text.startsWith(name, span.start)) return true;
  return false;
}

/**
 * Reports an evidence's date phrase (`event`) that covers no text, lies
 * outside its sentence, or cuts a character in two. Called once the
 * evidence span itself is known to be good.
 */
export function checkEventInEvidence(report: Report, text: string, evidence: Evidence, relationIndex: number, evidenceIndex: number): void {
  const event = evidence.event;
  if (event === undefined) return;
  const path = `relations[${relationIndex}].evidence[${evidenceIndex}].event`;
  if (event.start >= event.end) {
    report.add({
      code: 'empty-span',
      path: `${path}.start`,
      message: `the date phrase's start must be less than its end (${event.end}): it covers no text`,
      fix: 'put start and end around the date phrase as written in the sentence (end is exclusive), or remove "event"',
      value: event.start,
    });
    return;
  }
  if (event.start < evidence.start || event.end > evidence.end) {
    const field = event.start < evidence.start || event.start >= evidence.end ? 'start' : 'end';
    // The likeliest slip: offsets counted from the sentence's start instead of the document's.
    const shifted = { start: evidence.start + event.start, end: evidence.start + event.end };
    const relative = shifted.end <= evidence.end && characterSplitAt(text, shifted.start) === undefined && characterSplitAt(text, shifted.end) === undefined;
    report.add({
      code: 'invalid-value',
      path: `${path}.${field}`,
      message: `the date phrase (${event.start}–${event.end}) must lie inside its evidence sentence (${evidence.start}–${evidence.end})`,
      fix: relative
        ? `offsets count from the start of the document, not of the sentence: if the phrase is ${quoteText(text.slice(shifted.start, shifted.end), 40)}, use start ${shifted.start} and end ${shifted.end}; otherwise move start and end onto the date phrase inside the sentence, or remove "event"`
        : `move start and end onto the date phrase inside the sentence (between ${evidence.start} and ${evidence.end}), or remove "event"`,
      value: event[field],
    });
    return;
  }
  const startSplit = characterSplitAt(text, event.start);
  const endSplit = characterSplitAt(text, event.end);
  if (startSplit !== undefined) report.add(splitCharacter(`${path}.start`, text, event.start, 'start', startSplit));
  if (endSplit !== undefined) report.add(splitCharacter(`${path}.end`, text, event.end, 'end', endSplit));
}

/** The well-formed spells of a possibly broken `reported` list, at their original indices; `undefined` where one is malformed (zod reports it). */
export function readSpells(list: unknown): Array<Spell | undefined> {
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const parsed = SpellSchema.safeParse(item);
    return parsed.success ? parsed.data : undefined;
  });
}

/**
 * Reports spells that run backwards (each one), and the first spell that is
 * out of order or overlaps the one before it (one problem per relation: the
 * fix, sorting or joining, mends the rest). Days written YYYY-MM-DD compare
 * as strings. Touching spells (to 3 May, from 4 May) are allowed.
 */
export function checkReportedSpells(report: Report, spells: ReadonlyArray<Spell | undefined>, relationIndex: number): void {
  const path = (k: number) => `relations[${relationIndex}].reported[${k}]`;
  let previous: { spell: Spell; index: number } | undefined;
  let ordered = true;
  spells.forEach((spell, k) => {
    if (spell === undefined) return;
    if (spell.from > spell.to) {
      report.add({
        code: 'invalid-value',
        path: path(k),
        message: `the spell runs backwards: from ${spell.from} is after to ${spell.to}`,
        fix: `swap the two days: "from": "${spell.to}", "to": "${spell.from}"`,
        value: spell,
      });
      return;
    }
    if (ordered && previous !== undefined) {
      const before = previous.spell;
      if (spell.from < before.from) {
        ordered = false;
        report.add({
          code: 'invalid-value',
          path: path(k),
          message: `spells must be sorted by day, but this one (${spell.from} to ${spell.to}) starts before the one before it (${path(previous.index)}: ${before.from} to ${before.to})`,
          fix: 'sort the spells by "from", and join any that overlap',
          value: spell,
        });
      } else if (spell.from <= before.to) {
        ordered = false;
        report.add({
          code: 'invalid-value',
          path: path(k),
          message: `this spell (${spell.from} to ${spell.to}) overlaps the one before it (${path(previous.index)}: ${before.from} to ${before.to})`,
          fix: `join the two into one spell: "from": "${before.from}", "to": "${spell.to > before.to ? spell.to : before.to}"`,
          value: spell,
        });
      }
    }
    previous = { spell, index: k };
  });
}
