/**
 * `newsgraph import FILE [--from FORMAT] [--to dataset]`
 * ======================================================
 *
 * Reads a graph made elsewhere — GEXF (Gephi), GraphML (networkx, yEd,
 * Cytoscape), graphology JSON, a CSV of triples — into a newsgraph dataset,
 * on stdout or `--out PATH`. Nothing is refused for its type names: a
 * relation name or node type the built-in types do not know is kept as the
 * dataset's own type, unless `--map-type "trade partner=seeks-ties-with"`
 * (or `=keep`, `=drop`) or `--map-entity-type "Character=person"` (or
 * `=keep`, `=infer`, `=drop`) says otherwise (repeatable; NAME `*` = every
 * name without a choice of its own, `""` = no type at all). Nodes without a
 * type get the one newsgraph knows for their name (Russia → country), else
 * `--default-entity-type`, else "Unknown type". What was kept, inferred or
 * guessed is listed on stderr. `--to` may also name another format,
 * converting in one step.
 */

import { FORMAT_IDS, writeFormat, type ReadOptions, type ReadResult } from '../../graph/formats/index.ts';
import type { EntityTypeChoice, RelationTypeChoice, TypeNameUse } from '../../graph/formats/types.ts';
import { BUILT_IN_ENTITY_TYPE_IDS, BUILT_IN_RELATION_TYPE_IDS, formatProblem, typeCatalog } from '../../model/index.ts';
import { readAnyFile } from '../anyFile.ts';
import { EXIT, UsageError, type Command, type CommandIO } from '../command.ts';
import { choice, choiceMap, optionValue, parseOptions } from '../valueFlags.ts';
import { writeOutput } from '../output.ts';
import { outputOption } from './export.ts';
import { plural } from './validate.ts';

const OPTIONS = [
  { name: '--from', value: true },
  { name: '--to', value: true },
  { name: '--out', value: true },
  { name: '--force' },
  { name: '--map-type', value: true, repeatable: true },
  { name: '--map-entity-type', value: true, repeatable: true },
  { name: '--entity-type-attribute', value: true },
  { name: '--default-entity-type', value: true },
  { name: '--help' },
] as const;

const RELATION_CHOICES: readonly RelationTypeChoice[] = [...BUILT_IN_RELATION_TYPE_IDS, 'keep', 'drop'];
const ENTITY_CHOICES: readonly EntityTypeChoice[] = [...BUILT_IN_ENTITY_TYPE_IDS, 'keep', 'infer', 'drop'];

/** `--map-type "trade partner=seeks-ties-with"` → `{ 'trade partner': 'seeks-ties-with' }` (also `=keep`, `=drop`). */
export function relationTypeMap(values: readonly string[]): Record<string, RelationTypeChoice> {
  return choiceMap(values, '--map-type', RELATION_CHOICES, 'relation type', 'trade partner=seeks-ties-with');
}

/** `--map-entity-type "Character=person"` → `{ Character: 'person' }` (also `=keep`, `=infer`, `=drop`). */
export function entityTypeMap(values: readonly string[]): Record<string, EntityTypeChoice> {
  return choiceMap(values, '--map-entity-type', ENTITY_CHOICES, 'entity type', 'Character=person');
}

/** How the type options read: shared with `ingest`, which reads graph files the same way. */
/** The help lines of the type flags import and ingest share, names padded to `column` characters. */
export function typeFlagsHelp(column: number): string {
  const line = (flag: string, text: string) => `  ${flag.padEnd(column - 3)} ${text}\n`;
  const more = (text: string) => `${' '.repeat(column)}${text}\n`;
  return (
    line('--map-type NAME=TYPE', `read relation name NAME as TYPE: ${BUILT_IN_RELATION_TYPE_IDS.join(', ')};`) +
    more('keep (its own type, the default for unknown names) or drop (leave its edges out).') +
    more('Repeatable; NAME * = every name without a choice, "" = edges with no type') +
    line('--map-entity-type NAME=TYPE', `read node type NAME as TYPE: ${BUILT_IN_ENTITY_TYPE_IDS.join(', ')};`) +
    more("keep (the default), infer (from the node's name) or drop (the nodes and their edges)") +
    line('--entity-type-attribute', 'the node attribute (CSV: column pair, e.g. category for subject_category) holding types') +
    line('--default-entity-type', `type for nodes with none that newsgraph cannot infer (default: Unknown type; one of ${BUILT_IN_ENTITY_TYPE_IDS.join(', ')})`)
  );
}

export function typeReadOptions(values: ReadonlyMap<string, readonly string[]>): ReadOptions {
  const options: ReadOptions = {
    relationTypeMap: relationTypeMap(values.get('--map-type') ?? []),
    entityTypeMap: entityTypeMap(values.get('--map-entity-type') ?? []),
  };
  const attribute = values.get('--entity-type-attribute')?.[0];
  if (attribute !== undefined) {
    if (!attribute.trim()) throw new UsageError('--entity-type-attribute needs the name of a node attribute or CSV column, e.g. --entity-type-attribute category');
    options.entityTypeAttribute = attribute.trim();
  }
  const defaultType = values.get('--default-entity-type')?.[0];
  if (defaultType !== undefined) options.defaultEntityType = choice(defaultType, BUILT_IN_ENTITY_TYPE_IDS, 'entity type');
  return options;
}

const quoted = (rows: readonly TypeNameUse[], unit: string, units: string) =>
  rows.map((row) => `${JSON.stringify(row.name)} (${plural(row.count, unit, units)})`).join(', ');

/** The names kept as the dataset's own types, and the edges given the generic one, as stderr lines. */
export function printTypeReading(io: Pick<CommandIO, 'stderr'>, file: string, { dataset, types }: Pick<ReadResult, 'dataset' | 'types'>): void {
  if (!types) return;
  const keptRelations = types.relations.filter((row) => row.choice === 'keep' && row.name && row.count > 0);
  if (keptRelations.length > 0) io.stderr(`${file}: kept ${plural(keptRelations.length, 'relation name')} as their own types: ${quoted(keptRelations, 'edge', 'edges')}\n`);
  const untyped = types.relations.find((row) => !row.name && row.count > 0 && row.type !== undefined);
  if (untyped) io.stderr(`${file}: ${plural(untyped.count, 'edge')} without a type: ${typeCatalog(dataset).relation(untyped.type!).label}\n`);
  const keptEntities = types.entities.filter((row) => row.choice === 'keep' && row.name && row.count > 0);
  if (keptEntities.length > 0) {
    io.stderr(`${file}: kept ${plural(keptEntities.length, 'entity type')} of attribute "${types.entityTypeAttribute ?? ''}" as their own: ${quoted(keptEntities, 'node', 'nodes')}\n`);
  }
}

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE [--from gexf|graphml|json|csv|dataset] [--to dataset] [--out PATH [--force]] [--map-type NAME=TYPE]… [--map-entity-type NAME=TYPE]… [--entity-type-attribute NAME] [--default-entity-type TYPE]',
  summary: 'read a graph from Gephi, networkx, yEd, graphology or a spreadsheet as a dataset',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${importCommand.usage}\n\n${importCommand.summary}.\n` +
          '  --from                     format of FILE when its name does not tell\n' +
          '  --to                       dataset (default), or another format to convert to\n' +
          '  --out                      write to PATH instead of stdout (through a temporary file, renamed when complete)\n' +
          '  --force                    replace PATH if it exists (otherwise an existing file is kept: exit 2)\n' +
          typeFlagsHelp(29) +
          'Exit codes: 0 imported, 1 the file cannot be imported (the message says where and how to fix it), 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    if (options.operands.length !== 1) throw new UsageError(options.operands.length === 0 ? 'give the file to import' : 'give exactly one file to import');
    const fromValue = optionValue(options, '--from');
    const from = fromValue === undefined ? undefined : choice(fromValue, FORMAT_IDS, 'format');
    const to = choice(optionValue(options, '--to') ?? 'dataset', FORMAT_IDS, 'format');
    const readOptions = typeReadOptions(options.values);
    const output = outputOption(io, options);

    const file = options.operands[0]!;
    const read = await readAnyFile(file, io, { ...readOptions, ...(from ? { format: from } : {}) });
    const { dataset, warnings } = read;
    for (const warning of warnings) io.stderr(`${file}: warning: ${formatProblem(warning)}\n`);
    printTypeReading(io, file, read);
    const written = await writeFormat(dataset, to);
    writeOutput(io, output, written.parts, `${to}, ${plural(dataset.entities.length, 'entity', 'entities')}, ${plural(dataset.relations.length, 'relation')}`);
    return EXIT.ok;
  },
};
