/**
 * `newsgraph import FILE [--from FORMAT] [--to dataset]`
 * ======================================================
 *
 * Reads a graph made elsewhere — GEXF (Gephi), GraphML (networkx, yEd,
 * Cytoscape), graphology JSON, a CSV of triples — into a newsgraph dataset,
 * on stdout or `--out PATH`. What had to be guessed (an entity type, a
 * renamed relation type) is listed on stderr as warnings; relation types the
 * registry does not know stop the import with the fix: `--map-type
 * "trade partner=seeks-ties-with"` (repeatable; `*` maps every unknown or
 * missing type). `--to` may also name another format, converting in one step.
 */

import { FORMAT_IDS, writeFormat, type ReadOptions } from '../../graph/formats/index.ts';
import { ENTITY_TYPE_IDS, formatProblem, RELATION_TYPE_IDS, type RelationTypeId } from '../../model/index.ts';
import { readAnyFile } from '../anyFile.ts';
import { EXIT, UsageError, type Command } from '../command.ts';
import { choice, optionValue, parseOptions } from '../valueFlags.ts';
import { writeOutput } from '../output.ts';
import { outputOption } from './export.ts';
import { plural } from './validate.ts';

const OPTIONS = [
  { name: '--from', value: true },
  { name: '--to', value: true },
  { name: '--out', value: true },
  { name: '--force' },
  { name: '--map-type', value: true, repeatable: true },
  { name: '--default-entity-type', value: true },
  { name: '--help' },
] as const;

/** `--map-type "trade partner=seeks-ties-with"` → `{ 'trade partner': 'seeks-ties-with' }`. */
export function relationTypeMap(values: readonly string[]): Record<string, RelationTypeId> {
  // Null prototype: a name like "__proto__" or "constructor" is an ordinary key here (typeMapping.ts reads it with Object.hasOwn).
  const map: Record<string, RelationTypeId> = Object.create(null) as Record<string, RelationTypeId>;
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map-type needs NAME=TYPE, e.g. --map-type "trade partner=seeks-ties-with" (got ${JSON.stringify(value)})`);
    map[value.slice(0, eq).trim()] = choice(value.slice(eq + 1).trim(), RELATION_TYPE_IDS, 'relation type in --map-type');
  }
  return map;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE [--from gexf|graphml|json|csv|dataset] [--to dataset] [--out PATH [--force]] [--map-type NAME=TYPE]…',
  summary: 'read a graph from Gephi, networkx, yEd, graphology or a spreadsheet as a dataset',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${importCommand.usage}\n\n${importCommand.summary}.\n` +
          '  --from                 format of FILE when its name does not tell\n' +
          '  --to                   dataset (default), or another format to convert to\n' +
          '  --out                  write to PATH instead of stdout (through a temporary file, renamed when complete)\n' +
          '  --force                replace PATH if it exists (otherwise an existing file is kept: exit 2)\n' +
          '  --map-type NAME=TYPE   read relation type NAME as TYPE (repeatable; NAME * = every unknown or missing type)\n' +
          `  --default-entity-type  type for nodes with none (default organisation; one of ${ENTITY_TYPE_IDS.join(', ')})\n` +
          'Exit codes: 0 imported, 1 the file cannot be imported (the message says where and how to fix it), 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    if (options.operands.length !== 1) throw new UsageError(options.operands.length === 0 ? 'give the file to import' : 'give exactly one file to import');
    const fromValue = optionValue(options, '--from');
    const from = fromValue === undefined ? undefined : choice(fromValue, FORMAT_IDS, 'format');
    const to = choice(optionValue(options, '--to') ?? 'dataset', FORMAT_IDS, 'format');
    const readOptions: ReadOptions = { relationTypeMap: relationTypeMap(options.values.get('--map-type') ?? []) };
    const defaultType = optionValue(options, '--default-entity-type');
    if (defaultType !== undefined) readOptions.defaultEntityType = choice(defaultType, ENTITY_TYPE_IDS, 'entity type');
    const output = outputOption(io, options);

    const file = options.operands[0]!;
    const { dataset, warnings } = await readAnyFile(file, io, { ...readOptions, ...(from ? { format: from } : {}) });
    for (const warning of warnings) io.stderr(`${file}: warning: ${formatProblem(warning)}\n`);
    const written = await writeFormat(dataset, to);
    writeOutput(io, output, written.parts, `${to}, ${plural(dataset.entities.length, 'entity', 'entities')}, ${plural(dataset.relations.length, 'relation')}`);
    return EXIT.ok;
  },
};
