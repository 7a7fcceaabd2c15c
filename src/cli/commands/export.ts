/**
 * `newsgraph export FILE --format gexf|graphml|json|dataset|csv|neo4j`
 * ====================================================================
 *
 * Writes a dataset (or any file `import` reads) in another tool's format, to
 * stdout or `--out PATH`. `--types allied-with,accused,person` keeps only
 * those relation and entity types, built in or declared by the dataset. Graph formats get the explorer's own
 * deterministic layout as positions, so Gephi opens the file on the picture
 * newsgraph shows (`--no-layout` leaves positions out). `--format neo4j
 * --out DIR` writes a directory of CSV files for `neo4j-admin database import`
 * (exportNeo4j.ts).
 */

import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../graph/buildGraph.ts';
import { FORMAT_IDS, writeFormat, type FormatId, type Position } from '../../graph/formats/index.ts';
import { selectTypes } from '../../graph/formats/select.ts';
import { isBigGraph } from '../../graph/graphSize.ts';
import { applyLayout } from '../../graph/layout.ts';
import { NewsgraphError, resolveLimits, typeCatalog, type Dataset } from '../../model/index.ts';
import { goldOf } from '../../model/review/index.ts';
import { readAnyFile } from '../anyFile.ts';
import { EXIT, UsageError, type Command, type CommandIO } from '../command.ts';
import { outputError, planOutput, writeOutput, type OutputPlan } from '../output.ts';
import { ArrayDelimiterError, importCommand, writeNeo4j } from '../../graph/formats/neo4j/writer.ts';
import { choice, optionValue, parseOptions, type ParsedOptions } from '../valueFlags.ts';
import { plural } from './validate.ts';

const OPTIONS = [
  { name: '--format', value: true },
  { name: '--types', value: true },
  { name: '--out', value: true },
  { name: '--force' },
  { name: '--from', value: true },
  { name: '--no-layout' },
  { name: '--bom' },
  { name: '--gold' },
  { name: '--help' },
] as const;

/** The file formats, and `neo4j`: a directory of files, written by exportNeo4j.ts. */
const EXPORT_FORMATS = [...FORMAT_IDS, 'neo4j'] as const;

const GRAPH_FORMATS: readonly FormatId[] = ['gexf', 'graphml', 'json'];

/** The explorer's layout, as positions by entity id; undefined for graphs too big to lay out synchronously. */
export function layoutPositions(dataset: Dataset): Map<string, Position> | undefined {
  if (isBigGraph(dataset.entities.length)) return undefined;
  const graph = applyLayout(buildGraph(dataset));
  return new Map(graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
}

/** `--types a,b` → the list of names (checked against the dataset's types by `checkTypes`, once it is read). */
export function typesOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const types = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (types.length === 0) throw new UsageError('--types needs at least one type name');
  return types;
}

/** Refuses `--types` names that are neither a built-in type nor one the dataset declares. */
export function checkTypes(types: readonly string[] | undefined, dataset: Dataset): void {
  if (!types) return;
  const catalog = typeCatalog(dataset);
  const unknown = types.filter((t) => !catalog.hasRelation(t) && !catalog.hasEntity(t));
  if (unknown.length === 0) return;
  const declared = [...catalog.declaredRelationTypes, ...catalog.declaredEntityTypes].map((d) => d.id);
  const also = declared.length > 0 ? `; this dataset also declares ${declared.slice(0, 5).join(',')}${declared.length > 5 ? ', …' : ''}` : '';
  throw new UsageError(
    `--types: unknown type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')} (relation types and entity types from the legend, e.g. allied-with,accused,person${also})`,
  );
}

/**
 * A note when the written file is over newsgraph's own import limit (a GEXF
 * of a dataset near the limits is 4–5 times its size): other tools open it,
 * newsgraph would refuse it, so say so and how to get a file it reads.
 */
export function sizeNote(io: CommandIO, parts: readonly string[], format: string): void {
  const { maxFileBytes } = resolveLimits();
  let bytes = 0;
  for (const part of parts) bytes += Buffer.byteLength(part);
  if (bytes <= maxFileBytes) return;
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
  io.stderr(
    `note: this ${format} file is ${mb(bytes)}, over newsgraph's ${mb(maxFileBytes)} import limit: other tools open it, but newsgraph will not read it back. ` +
      'To reopen the graph in newsgraph, export --format dataset, or a part of it with --types.\n',
  );
}

/**
 * `--gold`: the analyst's vouched-for relations (goldOf), with one line on
 * stderr saying what was kept and left out; undefined (and the line saying
 * how to review) when nothing in the file was reviewed.
 */
function goldSet(io: CommandIO, file: string, dataset: Dataset): Dataset | undefined {
  const { dataset: gold, counts } = goldOf(dataset);
  const vouched = counts.accepted + counts.corrected + counts.added;
  if (vouched + counts.rejected === 0) {
    io.stderr(`${file}: no reviewed relations, so there is no gold set to write. Fix: review them first — in the explorer, open the file and use the Review tab (accept, reject, correct), then export the reviewed dataset.\n`);
    return undefined;
  }
  io.stderr(
    `gold: ${plural(vouched, 'relation')} vouched for (${counts.accepted} accepted, ${counts.corrected} corrected, ${counts.added} added); ` +
      `${counts.rejected} rejected and ${counts.unreviewed} unreviewed left out\n`,
  );
  return gold;
}

/** `--out PATH` and `--force`, checked before any work (see output.ts). */
export function outputOption(io: CommandIO, options: ParsedOptions): OutputPlan {
  return planOutput(io, optionValue(options, '--out'), options.flags.has('--force'));
}

/**
 * `--out DIR` for neo4j, checked before any work: required; a file there is
 * refused; an existing directory must be empty unless `--force` (which
 * replaces the four files and keeps anything else); a missing one is created
 * when writing. Listing and creating use node:fs: CommandIO has no directories.
 */
function planNeo4jDirectory(io: CommandIO, out: string | undefined, force: boolean): { path: string; overwrite: boolean } {
  if (out === undefined) throw new UsageError('--format neo4j writes several files: give a directory with --out DIR (created if missing)');
  if (out === '') throw new UsageError('--out needs a directory path (got an empty one)');
  let info: { isFile: boolean; isDirectory?: boolean } | undefined;
  try {
    info = io.stat?.(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UsageError(`--out ${out}: a part of this path is a file, not a directory; choose another path`);
    if (code !== 'ENOENT') throw outputError(out, error);
  }
  if (info && !info.isDirectory) throw new UsageError(`--out ${out} is not a directory; --format neo4j writes a directory of CSV files: give a new or empty directory`);
  if (info) {
    let entries: string[];
    try {
      entries = readdirSync(out);
    } catch (error) {
      throw outputError(out, error);
    }
    if (entries.length > 0 && !force) throw new UsageError(`--out ${out} is not empty (${plural(entries.length, 'entry', 'entries')}); give a new or empty directory, or add --force to replace the neo4j files in it`);
  }
  return { path: out, overwrite: force };
}

/** Writes the four files into the directory (each atomically, as every --out), then the import command on stderr. */
function exportNeo4j(io: CommandIO, dataset: Dataset, directory: { path: string; overwrite: boolean }): void {
  let written: ReturnType<typeof writeNeo4j>;
  try {
    written = writeNeo4j(dataset);
  } catch (error) {
    if (error instanceof ArrayDelimiterError) throw new NewsgraphError(`newsgraph export: cannot write neo4j arrays: ${error.message}. Fix: remove private-use characters from aliases and sentences, or leave the types that hold them out with --types`);
    throw error;
  }
  try {
    mkdirSync(directory.path, { recursive: true });
  } catch (error) {
    throw outputError(directory.path, error);
  }
  for (const file of written.files) {
    const path = join(directory.path, file.name);
    if (io.writeParts) io.writeParts(path, file.parts, { overwrite: directory.overwrite });
    else io.writeFile(path, file.parts.join(''));
  }
  const [entities, documents, relations, mentions] = written.files;
  io.stderr(
    `wrote ${directory.path}: entities.csv (${plural(entities!.rows, 'entity', 'entities')}), documents.csv (${plural(documents!.rows, 'document')}), ` +
      `relations.csv (${plural(relations!.rows, 'relationship')}${written.rejected > 0 ? `; ${written.rejected} rejected left out` : ''}), mentioned_in.csv (${plural(mentions!.rows, 'relationship')})\n` +
      `import into a new Neo4j database (stopped DBMS, database "neo4j" absent or empty) with:\n  ${importCommand(written, (name) => join(directory.path, name))}\n`,
  );
}

/** `--format neo4j`: the options that apply, the directory checked before any work, then the files. */
async function exportNeo4jCommand(io: CommandIO, options: ParsedOptions): Promise<typeof EXIT.ok | typeof EXIT.invalidInput> {
  if (options.operands.length !== 1) throw new UsageError(options.operands.length === 0 ? 'give the dataset file to export' : 'give exactly one file to export');
  for (const flag of ['--bom', '--gold', '--no-layout'] as const) {
    if (options.flags.has(flag)) throw new UsageError(`${flag} does not apply to --format neo4j`);
  }
  const fromValue = optionValue(options, '--from');
  const from = fromValue === undefined ? undefined : choice(fromValue, FORMAT_IDS, 'format');
  const types = typesOption(optionValue(options, '--types'));
  const directory = planNeo4jDirectory(io, optionValue(options, '--out'), options.flags.has('--force'));
  const file = options.operands[0]!;
  const { dataset: read } = await readAnyFile(file, io, from ? { format: from } : {});
  checkTypes(types, read);
  exportNeo4j(io, selectTypes(read, types), directory);
  return EXIT.ok;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export FILE --format gexf|graphml|json|dataset|csv|neo4j [--types a,b] [--out PATH [--force]] [--no-layout] [--bom] [--gold]',
  summary: 'write a dataset for Gephi, networkx, Cytoscape, graphology, a spreadsheet or Neo4j',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${exportCommand.usage}\n\n${exportCommand.summary}.\n` +
          '  --format    gexf (Gephi), graphml (networkx, Cytoscape, yEd), json (graphology), dataset, csv (triples),\n' +
          '              neo4j (a directory of CSV files for neo4j-admin database import; needs --out DIR)\n' +
          '  --types     keep only these relation and/or entity types, comma-separated\n' +
          '  --out       write to PATH instead of stdout (through a temporary file, renamed when complete)\n' +
          '  --force     replace PATH if it exists (otherwise an existing file is kept: exit 2); with neo4j,\n' +
          '              write into a DIR that is not empty (its neo4j files are replaced, other files kept)\n' +
          '  --from      format of FILE when its name does not tell (default: from the name and content)\n' +
          '  --no-layout leave node positions out of gexf/graphml/json\n' +
          '  --bom       start a CSV with a UTF-8 byte-order mark (Excel needs it to read accents and emoji)\n' +
          '  --gold      with --format dataset: only the relations the analyst vouched for (accepted, corrected, added),\n' +
          '              a gold set for `npm run eval -- --gold FILE`; rejected and unreviewed ones are left out\n' +
          'Exit codes: 0 written, 1 the input is invalid, 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    if (options.operands.length !== 1) throw new UsageError(options.operands.length === 0 ? 'give the dataset file to export' : 'give exactly one file to export');
    const formatValue = optionValue(options, '--format');
    if (formatValue === undefined) throw new UsageError(`say which format to write: --format ${EXPORT_FORMATS.join('|')}`);
    const exportFormat = choice(formatValue, EXPORT_FORMATS, 'format');
    if (exportFormat === 'neo4j') return exportNeo4jCommand(io, options);
    const format = exportFormat;
    const fromValue = optionValue(options, '--from');
    const from = fromValue === undefined ? undefined : choice(fromValue, FORMAT_IDS, 'format');
    const types = typesOption(optionValue(options, '--types'));
    if (options.flags.has('--bom') && format !== 'csv') throw new UsageError('--bom applies to --format csv only');
    const gold = options.flags.has('--gold');
    if (gold && format !== 'dataset') throw new UsageError('--gold applies to --format dataset only (a gold set is a newsgraph dataset)');
    const output = outputOption(io, options);

    const file = options.operands[0]!;
    const { dataset: read } = await readAnyFile(file, io, from ? { format: from } : {});
    const input = gold ? goldSet(io, file, read) : read;
    if (!input) return EXIT.invalidInput;
    checkTypes(types, input);
    const dataset = selectTypes(input, types);
    const positions = GRAPH_FORMATS.includes(format) && !options.flags.has('--no-layout') ? layoutPositions(dataset) : undefined;
    const written = await writeFormat(dataset, format, { ...(positions ? { positions } : {}), ...(options.flags.has('--bom') ? { bom: true } : {}) });
    writeOutput(io, output, written.parts, `${format}, ${plural(dataset.entities.length, 'entity', 'entities')}, ${plural(dataset.relations.length, 'relation')}`);
    if (format !== 'dataset') sizeNote(io, written.parts, format);
    return EXIT.ok;
  },
};
