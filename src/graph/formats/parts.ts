/**
 * Building a written file in parts
 * ================================
 *
 * Writers push many small strings; `PartsBuilder` gathers them into parts of
 * about `PART_SIZE` code units, so no writer ever holds the whole file as one
 * string (a big dataset's export would exceed the engine's string limit) and
 * the parts stay few enough for a Blob or a stream. A single pushed value
 * longer than a part (one document's JSON) becomes a part of its own.
 */

import { PART_SIZE } from './types.ts';

export class PartsBuilder {
  readonly parts: string[] = [];
  // A rope: V8 concatenates without copying and flattens once, when the part is taken.
  private pending = '';

  constructor(private readonly partSize = PART_SIZE) {}

  push(text: string): void {
    if (text.length === 0) return;
    if (text.length >= this.partSize) {
      this.flush();
      this.parts.push(text);
      return;
    }
    this.pending += text;
    if (this.pending.length >= this.partSize) this.flush();
  }

  /** The parts, with whatever is still pending. */
  finish(): string[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(this.pending);
    this.pending = '';
  }
}

/**
 * `JSON.stringify(value, null, 2)` for a value written at `depth` levels of
 * two-space indentation inside a bigger pretty-printed document: the same
 * text the whole document's stringify would give for it (JSON strings never
 * hold a raw newline, so re-indenting every line is safe).
 */
export function indentedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pushes `JSON.stringify(value, null, 2)` as it would appear at `depth` inside
 * a bigger pretty-printed document, streaming arrays down to depth
 * `arrayDepth` and objects down to depth `objectDepth` member by member (so a
 * list of half a million edges, or of long documents, is never one string),
 * and stringifying anything deeper whole.
 */
export function pushJson(out: PartsBuilder, value: unknown, depth: number, limits: { arrayDepth: number; objectDepth: number }): void {
  const inner = '  '.repeat(depth + 1);
  if (Array.isArray(value) && depth <= limits.arrayDepth) {
    if (value.length === 0) return out.push('[]');
    value.forEach((item, i) => {
      out.push(`${i === 0 ? '[\n' : ',\n'}${inner}`);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.push('null');
      else pushJson(out, item, depth + 1, limits);
    });
    return out.push(`\n${'  '.repeat(depth)}]`);
  }
  if (isPlainObject(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function' && depth <= limits.objectDepth) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) return out.push('{}');
    entries.forEach(([key, item], i) => {
      out.push(`${i === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      pushJson(out, item, depth + 1, limits);
    });
    return out.push(`\n${'  '.repeat(depth)}}`);
  }
  out.push(indentedJson(value, depth));
}
