/**
 * `newsgraph export FILE --format gexf|graphml|json|dataset|csv`
 * ==============================================================
 *
 * Writes a dataset (or any file `import` reads) in another tool's format, to
 * stdout or `--out PATH`. `--types allied-with,accused,person` keeps only
 * those relation and entity types. Graph formats get the explorer's own
 * deterministic layout as positions, so Gephi opens the file on the picture
 * newsgraph shows (`--no-layout` leaves positions out).
 */

import { buildGraph } from '../../graph/buildGraph.ts';
import { FORMAT_IDS, parseTypeList, writeFormat, type FormatId, type Position } from '../../graph/formats/index.ts';
import { selectTypes } from '../../graph/formats/select.ts';
import { applyLayout, SYNC_LAYOUT_MAX_NODES } from '../../graph/layout.ts';
import type { Dataset } from '../../model/index.ts';
import { readAnyFile } from '../anyFile.ts';
import { EXIT, UsageError, type Command, type CommandIO } from '../command.ts';
import { choice, optionValue, parseOptions } from '../valueFlags.ts';
import { plural } from './validate.ts';

const OPTIONS = [
  { name: '--format', value: true },
  { name: '--types', value: true },
  { name: '--out', value: true },
  { name: '--from', value: true },
  { name: '--no-layout' },
  { name: '--bom' },
  { name: '--help' },
] as const;

const GRAPH_FORMATS: readonly FormatId[] = ['gexf', 'graphml', 'json'];

/** The explorer's layout, as positions by entity id; undefined for graphs too big to lay out synchronously. */
export function layoutPositions(dataset: Dataset): Map<string, Position> | undefined {
  if (dataset.entities.length > SYNC_LAYOUT_MAX_NODES) return undefined;
  const graph = applyLayout(buildGraph(dataset));
  return new Map(graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
}

/** `--types a,b` → the list, refusing names in neither registry. */
export function typesOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const types = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const { unknown } = parseTypeList(types);
  if (unknown.length > 0) {
    throw new UsageError(`--types: unknown type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')} (relation types and entity types from the legend, e.g. allied-with,accused,person)`);
  }
  if (types.length === 0) throw new UsageError('--types needs at least one type name');
  return types;
}

/** Writes to `--out` (with a one-line note on stderr) or to stdout. */
export function emit(io: CommandIO, out: string | undefined, content: string, what: string): void {
  if (out === undefined) {
    io.stdout(content);
    return;
  }
  io.writeFile(out, content);
  io.stderr(`wrote ${out} (${what})\n`);
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export FILE --format gexf|graphml|json|dataset|csv [--types a,b] [--out PATH] [--no-layout] [--bom]',
  summary: 'write a dataset for Gephi, networkx, Cytoscape, graphology or a spreadsheet',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${exportCommand.usage}\n\n${exportCommand.summary}.\n` +
          '  --format    gexf (Gephi), graphml (networkx, Cytoscape, yEd), json (graphology), dataset, csv (triples)\n' +
          '  --types     keep only these relation and/or entity types, comma-separated\n' +
          '  --out       write to PATH instead of stdout\n' +
          '  --from      format of FILE when its name does not tell (default: from the name and content)\n' +
          '  --no-layout leave node positions out of gexf/graphml/json\n' +
          '  --bom       start a CSV with a UTF-8 byte-order mark (Excel needs it to read accents and emoji)\n' +
          'Exit codes: 0 written, 1 the input is invalid, 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    if (options.operands.length !== 1) throw new UsageError(options.operands.length === 0 ? 'give the dataset file to export' : 'give exactly one file to export');
    const formatValue = optionValue(options, '--format');
    if (formatValue === undefined) throw new UsageError(`say which format to write: --format ${FORMAT_IDS.join('|')}`);
    const format = choice(formatValue, FORMAT_IDS, 'format');
    const fromValue = optionValue(options, '--from');
    const from = fromValue === undefined ? undefined : choice(fromValue, FORMAT_IDS, 'format');
    const types = typesOption(optionValue(options, '--types'));
    if (options.flags.has('--bom') && format !== 'csv') throw new UsageError('--bom applies to --format csv only');

    const file = options.operands[0]!;
    const { dataset: input } = await readAnyFile(file, io, from ? { format: from } : {});
    const dataset = selectTypes(input, types);
    const positions = GRAPH_FORMATS.includes(format) && !options.flags.has('--no-layout') ? layoutPositions(dataset) : undefined;
    const written = await writeFormat(dataset, format, { ...(positions ? { positions } : {}), ...(options.flags.has('--bom') ? { bom: true } : {}) });
    emit(io, optionValue(options, '--out'), written.content, `${format}, ${plural(dataset.entities.length, 'entity', 'entities')}, ${plural(dataset.relations.length, 'relation')}`);
    return EXIT.ok;
  },
};
