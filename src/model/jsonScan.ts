/**
 * What JSON.parse does not tell
 * =============================
 *
 * One linear pass over JSON text, before `JSON.parse`, for three things the
 * parser hides or learns too late:
 *
 *  - a field named twice in one object (`JSON.parse` silently keeps the last
 *    value): each duplicate, with its JSON path and offset;
 *  - nesting deeper than `maxDepth` (a 10,000-deep value parses, then
 *    overflows the stack of whatever walks it: zod, JSON.stringify,
 *    structured clone): the first place past the limit;
 *  - top-level lists longer than their limit (`"entities": [{}, {}, …]` with
 *    33 million items takes gigabytes and tens of seconds to parse before a
 *    count could refuse it): the scan stops at the first item past the limit.
 *
 * The pass allocates per object only for its keys, skips strings with
 * `indexOf`, and uses an explicit stack (no recursion). It does not judge the
 * grammar: on anything it does not expect it stops with `complete: false`,
 * and the caller's `JSON.parse` (and jsonSyntax.ts) says what is wrong.
 */

import type { Problem } from './errors.ts';
import { limitExceeded, nestedTooDeep, type DatasetLimits } from './limits.ts';
import { formatPath } from './validate.ts';

export interface JsonScanOptions {
  /** Most levels of objects and arrays inside each other (the top-level value is level 1). */
  maxDepth: number;
  /** Lists to count: top-level field name → most items allowed. */
  counted?: ReadonlyMap<string, number>;
  /** Stop collecting duplicates after this many. */
  maxDuplicates?: number;
}

export interface JsonPosition {
  /** JSON path, as the validator writes it: `entities[3].attributes.a`. */
  path: string;
  /** UTF-16 offset into the text. */
  offset: number;
  line: number;
  column: number;
}

export interface DuplicateKey extends JsonPosition {
  key: string;
  /** Where the same field first appears in the object. */
  first: { offset: number; line: number; column: number };
}

export interface JsonScan {
  duplicates: DuplicateKey[];
  /** The first value opened past `maxDepth`: scanning stopped there. */
  tooDeep?: JsonPosition & { depth: number };
  /** The first item past its list's limit: scanning stopped there. */
  tooMany?: JsonPosition & { list: string; max: number };
  /** False when the text broke off or broke the grammar before the end: JSON.parse will report it. */
  complete: boolean;
}

interface Frame {
  isArray: boolean;
  /** Items (arrays) or keys (objects) seen so far. */
  count: number;
  /** Where the current key's literal starts and ends (objects), quotes included; -1 before the first. */
  keyStart: number;
  keyEnd: number;
  /**
   * The keys seen, as hash and literal offsets (no string is built for a
   * key unless it is reported); past a handful, or once a key has escapes,
   * a Map of the keys as read takes over.
   */
  hashes: number[];
  starts: number[];
  ends: number[];
  keyMap: Map<string, number> | undefined;
  /** The limit when this is a counted top-level list, else Infinity. */
  max: number;
}

/** Path segments written out in full; deeper paths are cut. */
const LONGEST_PATH = 12;

/** Past this many keys an object's duplicate check uses a Map instead of a scan. */
const FEW_KEYS = 12;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** What the scan expects next. */
const Expect = { Value: 0, FirstValueOrEnd: 1, Key: 2, FirstKeyOrEnd: 3, Colon: 4, AfterValue: 5 } as const;
type Expect = (typeof Expect)[keyof typeof Expect];

type Unplaced<T> = Omit<T, 'line' | 'column' | 'first'>;
interface Found {
  duplicates: Array<Unplaced<DuplicateKey> & { firstOffset: number }>;
  tooDeep?: Unplaced<JsonScan['tooDeep'] & object>;
  tooMany?: Unplaced<JsonScan['tooMany'] & object>;
  complete: boolean;
}

export function scanJson(text: string, options: JsonScanOptions): JsonScan {
  return placed(text, find(text, options));
}

function find(text: string, options: JsonScanOptions): Found {
  const { maxDepth, counted } = options;
  const maxDuplicates = options.maxDuplicates ?? 1_000;
  const duplicates: Found['duplicates'] = [];
  // Reused frame objects, one per level: a 100 MB file opens millions of objects.
  const stack: Frame[] = [];
  let depth = 0;
  const n = text.length;
  let i = 0;
  const pathHere = (): string => {
    const parts: Array<string | number> = [];
    for (let d = 0; d < depth; d++) {
      const frame = stack[d]!;
      if (frame.isArray) parts.push(frame.count - 1);
      else if (frame.keyStart >= 0) parts.push(keyText(text, frame.keyStart, frame.keyEnd));
    }
    // A path 64 levels deep is unreadable: its start says where, the count how deep.
    return parts.length <= LONGEST_PATH ? formatPath(parts) : `${formatPath(parts.slice(0, LONGEST_PATH - 2))}…(${parts.length - LONGEST_PATH + 2} levels more)`;
  };

  let expect: Expect = Expect.Value;
  for (;;) {
    let c = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c === SPACE || c === LF || c === CR || c === TAB) i++;
      else break;
    }
    if (i >= n) return { duplicates, complete: depth === 0 && expect === Expect.AfterValue };

    if (expect === Expect.FirstValueOrEnd || expect === Expect.FirstKeyOrEnd) {
      if (c === (expect === Expect.FirstValueOrEnd ? CLOSE_BRACKET : CLOSE_BRACE)) {
        depth--;
        i++;
        expect = Expect.AfterValue;
        continue;
      }
      expect = expect === Expect.FirstValueOrEnd ? Expect.Value : Expect.Key;
    }
    switch (expect) {
      case Expect.Value: {
        const top = depth > 0 ? stack[depth - 1]! : undefined;
        if (top !== undefined && top.isArray && ++top.count > top.max) {
          return { duplicates, complete: false, tooMany: { path: pathHere(), offset: i, list: keyText(text, stack[0]!.keyStart, stack[0]!.keyEnd), max: top.max } };
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          const isArray: boolean = c === OPEN_BRACKET;
          if (depth >= maxDepth) return { duplicates, complete: false, tooDeep: { path: pathHere(), offset: i, depth: depth + 1 } };
          let frame = stack[depth];
          if (frame === undefined) {
            frame = { isArray, count: 0, keyStart: -1, keyEnd: -1, hashes: [], starts: [], ends: [], keyMap: undefined, max: Infinity };
            stack[depth] = frame;
          } else {
            frame.isArray = isArray;
            frame.count = 0;
            frame.keyStart = -1;
            frame.keyMap = undefined;
            frame.max = Infinity;
          }
          // A top-level list of the root object that has a limit.
          const root = stack[0]!;
          if (isArray && depth === 1 && counted !== undefined && !root.isArray && root.keyStart >= 0) frame.max = counted.get(keyText(text, root.keyStart, root.keyEnd)) ?? Infinity;
          depth++;
          i++;
          expect = isArray ? Expect.FirstValueOrEnd : Expect.FirstKeyOrEnd;
          continue;
        }
        if (c === QUOTE) {
          i = stringEnd(text, i);
          if (i < 0) return { duplicates, complete: false };
        } else {
          // A number or literal: up to the next delimiter.
          const start = i;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === SPACE || d === LF || d === CR || d === TAB) break;
            i++;
          }
          if (i === start) return { duplicates, complete: false };
        }
        expect = Expect.AfterValue;
        continue;
      }
      case Expect.Key: {
        if (c !== QUOTE) return { duplicates, complete: false };
        // The key's hash, and whether it has escapes, in one pass over its (short) literal.
        const start = i;
        let hash = 0;
        let escaped = false;
        for (i = start + 1; i < n; i++) {
          const d = text.charCodeAt(i);
          if (d === QUOTE) break;
          if (d === BACKSLASH) {
            escaped = true;
            i++;
          } else hash = (Math.imul(hash, 31) + d) | 0;
        }
        if (i >= n) return { duplicates, complete: false };
        i++;
        const frame = stack[depth - 1]!;
        frame.keyStart = start;
        frame.keyEnd = i;
        const firstOffset = seenKey(frame, text, start, i, hash, escaped);
        if (firstOffset === UNREADABLE) return { duplicates, complete: false };
        if (firstOffset >= 0 && duplicates.length < maxDuplicates) duplicates.push({ key: keyText(text, start, i), path: pathHere(), offset: start, firstOffset });
        expect = Expect.Colon;
        continue;
      }
      case Expect.Colon:
        if (c !== COLON) return { duplicates, complete: false };
        i++;
        expect = Expect.Value;
        continue;
      case Expect.AfterValue: {
        if (depth === 0) return { duplicates, complete: false };
        const top = stack[depth - 1]!;
        if (c === COMMA) {
          i++;
          expect = top.isArray ? Expect.Value : Expect.Key;
          continue;
        }
        if (c === (top.isArray ? CLOSE_BRACKET : CLOSE_BRACE)) {
          depth--;
          i++;
          continue;
        }
        return { duplicates, complete: false };
      }
    }
  }
}

const UNREADABLE = -2;

/**
 * Records the key whose literal is `text.slice(start, end)` in `frame`; returns
 * the offset of the same key seen earlier in the object, -1 if it is new, or
 * UNREADABLE for a literal JSON.parse would refuse.
 */
function seenKey(frame: Frame, text: string, start: number, end: number, hash: number, escaped: boolean): number {
  const k = frame.count;
  if (frame.keyMap === undefined && !escaped) {
    for (let j = 0; j < k; j++) if (frame.hashes[j] === hash && sameText(text, frame.starts[j]!, frame.ends[j]!, start, end)) return frame.starts[j]!;
    frame.hashes[k] = hash;
    frame.starts[k] = start;
    frame.ends[k] = end;
    frame.count = k + 1;
    if (k < FEW_KEYS) return -1;
  }
  // Many keys, or escapes (`"\u0061"` is `"a"`): compare the keys as read.
  if (frame.keyMap === undefined) {
    frame.keyMap = new Map();
    for (let j = 0; j < frame.count; j++) {
      const key = keyText(text, frame.starts[j]!, frame.ends[j]!);
      if (!frame.keyMap.has(key)) frame.keyMap.set(key, frame.starts[j]!);
    }
    if (!escaped) return -1;
  }
  const key = escaped ? decodeKey(text.slice(start, end)) : text.slice(start + 1, end - 1);
  if (key === undefined) return UNREADABLE;
  const first = frame.keyMap.get(key);
  if (first !== undefined) return first;
  frame.keyMap.set(key, start);
  return -1;
}

function sameText(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let j = 0; j < aEnd - aStart; j++) if (text.charCodeAt(aStart + j) !== text.charCodeAt(bStart + j)) return false;
  return true;
}

/** The key whose literal (quotes included) is `text.slice(start, end)`, as JSON.parse reads it. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (decodeKey(text.slice(start, end)) ?? raw) : raw;
}

/** A key with escapes, as JSON.parse reads it (`"\u0061"` is `"a"`). */
function decodeKey(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The offset just past the string opening at `start`, or -1 if it never closes. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    if (text.charCodeAt(quote - 1) !== BACKSLASH) return quote + 1;
    // Escaped only if an odd number of backslashes precede it.
    let backslashes = 1;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Lines and columns for what was found, in one pass over the line breaks (positions are wanted only when something was found). */
function placed(text: string, found: Found): JsonScan {
  const offsets: number[] = [];
  for (const d of found.duplicates) offsets.push(d.offset, d.firstOffset);
  if (found.tooDeep) offsets.push(found.tooDeep.offset);
  if (found.tooMany) offsets.push(found.tooMany.offset);
  const at = lineColumns(text, offsets);
  const place = (offset: number) => at.get(offset)!;
  const scan: JsonScan = {
    duplicates: found.duplicates.map(({ firstOffset, ...d }) => ({ ...d, ...place(d.offset), first: { offset: firstOffset, ...place(firstOffset) } })),
    complete: found.complete,
  };
  if (found.tooDeep) scan.tooDeep = { ...found.tooDeep, ...place(found.tooDeep.offset) };
  if (found.tooMany) scan.tooMany = { ...found.tooMany, ...place(found.tooMany.offset) };
  return scan;
}

/** 1-based line and column (UTF-16 code units) of each offset, counting line breaks once up to the last. */
function lineColumns(text: string, offsets: readonly number[]): Map<number, { line: number; column: number }> {
  const out = new Map<number, { line: number; column: number }>();
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let line = 1;
  let lineStart = 0;
  // The last line break that matters: no search below runs past it (a 100 MB file may have no line break at all).
  const lastBreak = sorted.length > 0 ? text.lastIndexOf('\n', sorted[sorted.length - 1]! - 1) : -1;
  for (const offset of sorted) {
    while (lineStart <= lastBreak) {
      const next = text.indexOf('\n', lineStart);
      if (next >= offset) break;
      line++;
      lineStart = next + 1;
    }
    out.set(offset, { line, column: offset - lineStart + 1 });
  }
  return out;
}

// ─── In words ────────────────────────────────────────────────────────────────

export interface JsonTextCheck {
  /** A limit was passed: nothing should be parsed. */
  refusal?: Problem;
  /** Fields named twice: the text parses, but not as written. */
  duplicates: Problem[];
}

/**
 * Scans `text` against `limits` (nesting depth, and the top-level lists named
 * in `lists` with the limit each counts against) and says it as problems
 * with path, line and column. `bom` shifts columns on line 1 when the caller
 * stripped a byte-order mark before scanning.
 */
export function checkJsonText(text: string, limits: DatasetLimits, lists: ReadonlyMap<string, keyof DatasetLimits>, bom = false): JsonTextCheck {
  const counted = new Map<string, number>();
  for (const [list, limit] of lists) counted.set(list, limits[limit]);
  const scan = scanJson(text, { maxDepth: limits.maxNestingDepth, counted, maxDuplicates: limits.maxProblems });
  const at = (position: { line: number; column: number }) => ({ line: position.line, column: position.column + (bom && position.line === 1 ? 1 : 0) });
  if (scan.tooMany) {
    const { list, max } = scan.tooMany;
    return { refusal: { ...limitExceeded(formatPath([list]), lists.get(list)!, max, 'more'), ...at(scan.tooMany) }, duplicates: [] };
  }
  if (scan.tooDeep) return { refusal: { ...nestedTooDeep(scan.tooDeep.path, limits.maxNestingDepth), ...at(scan.tooDeep) }, duplicates: [] };
  const duplicates = scan.duplicates.map((duplicate): Problem => {
    const first = at(duplicate.first);
    const name = JSON.stringify(duplicate.key);
    return {
      code: 'duplicate-key',
      path: duplicate.path,
      message: `the field ${name} appears twice in one object (first at line ${first.line}, column ${first.column}): JSON.parse would silently keep only this last value`,
      fix: `delete one of the two ${name} fields, keeping the value you mean`,
      ...at(duplicate),
    };
  });
  return { duplicates };
}
