/**
 * Options that take a value
 * =========================
 *
 * `parseFlags` (command.ts) knows on/off flags; the format commands also need
 * `--format gexf`, `--out PATH` and a repeatable `--map-type a=b`. Same
 * rules: unknown options are usage errors with a "did you mean", `--` ends
 * the options. Both `--out PATH` and `--out=PATH` are read.
 */

import { nearestWord } from '../model/suggest.ts';
import { UsageError } from './command.ts';

export interface OptionSpec {
  name: string;
  /** Takes a value (`--out PATH`); otherwise an on/off flag. */
  value?: boolean;
  /** May be given more than once; otherwise a second use is a usage error. */
  repeatable?: boolean;
}

export interface ParsedOptions {
  values: Map<string, string[]>;
  flags: Set<string>;
  operands: string[];
}

export function parseOptions(args: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const parsed: ParsedOptions = { values: new Map(), flags: new Set(), operands: [] };
  const names = specs.map((s) => s.name);
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (ended || arg === '-' || !arg.startsWith('-')) {
      parsed.operands.push(arg);
      continue;
    }
    if (arg === '--') {
      ended = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const close = nearestWord(name, names);
      throw new UsageError(`unknown option "${name}"${close ? `; did you mean "${close}"?` : ''} (options: ${names.join(', ')})`);
    }
    if (!spec.value) {
      if (eq > 0) throw new UsageError(`option ${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`option ${name} needs a value`);
      i++;
    }
    const list = parsed.values.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`option ${name} given twice`);
    list.push(value);
    parsed.values.set(name, list);
  }
  return parsed;
}

/** The one value of an option, or undefined. */
export function optionValue(parsed: ParsedOptions, name: string): string | undefined {
  return parsed.values.get(name)?.[0];
}

/** A value that must be one of `choices`; a usage error with a "did you mean" otherwise. */
export function choice<T extends string>(value: string, choices: readonly T[], what: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  const close = nearestWord(value, choices);
  throw new UsageError(`unknown ${what} "${value}"${close ? `; did you mean "${close}"?` : ''} (one of: ${choices.join(', ')})`);
}

/**
 * Repeated `--option "NAME=CHOICE"` values as a map: `--map-type "trade
 * partner=keep"` → `{ 'trade partner': 'keep' }`. The name is everything
 * before the last `=`, trimmed (`*` and `""` are names too); each choice must
 * be one of `choices`. The map has no prototype, so a name like "__proto__"
 * or "constructor" is an ordinary key (readers look names up with
 * Object.hasOwn).
 */
export function choiceMap<T extends string>(values: readonly string[], option: string, choices: readonly T[], what: string, example: string): Record<string, T> {
  const map = Object.create(null) as Record<string, T>;
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq < 0) throw new UsageError(`${option} needs NAME=TYPE, e.g. ${option} "${example}" (got ${JSON.stringify(value)})`);
    map[value.slice(0, eq).trim()] = choice(value.slice(eq + 1).trim(), choices, `${what} in ${option}`);
  }
  return map;
}
