/**
 * `newsgraph query --db corpus.db --entity NAME [--hops 1|2] …`
 * ============================================================
 *
 * Asks a corpus for one entity's neighbourhood and prints it as a dataset
 * (JSON by default), so every exporter and every other command works on it:
 * `--format gexf|graphml|json|csv` writes another format, `--out FILE` a file
 * (atomically, as export does). Flags are read through the corpus API's
 * `SubgraphQuerySchema`, the same as the server's `/api/neighbourhood`:
 * a bad value is one line and exit 2; an entity the corpus does not know is
 * one line with the names it probably meant, exit 1. `--types` takes the
 * built-in relation types and those the corpus's datasets declared, so it is
 * checked once the corpus is open.
 */

import { FORMAT_IDS, writeFormat, type FormatId } from '../../graph/formats/index.ts';
import { SubgraphQuerySchema, unknownQueryType, type SubgraphQuery } from '../../model/corpusApi.ts';
import { quoteText, typeCatalog, validateDataset, type TypeCatalog } from '../../model/index.ts';
import { openCorpusStore } from '../../store/open.ts';
import { EXIT, UsageError, type Command } from '../command.ts';
import { writeOutput } from '../output.ts';
import { choice, optionValue, parseOptions } from '../valueFlags.ts';
import { layoutPositions, outputOption, sizeNote } from './export.ts';
import { plural } from './validate.ts';

const QUERY_FLAGS = ['entity', 'hops', 'types', 'since', 'until', 'text', 'limit', 'min-outlets'] as const;

/** The query field each flag sets (a flag is kebab-case, the API's parameter camelCase). */
const FIELD: Readonly<Record<(typeof QUERY_FLAGS)[number], keyof SubgraphQuery>> = {
  entity: 'entity',
  hops: 'hops',
  types: 'types',
  since: 'since',
  until: 'until',
  text: 'text',
  limit: 'limit',
  'min-outlets': 'minOutlets',
};

const OPTIONS = [
  { name: '--db', value: true },
  ...QUERY_FLAGS.map((name) => ({ name: `--${name}`, value: true })),
  { name: '--format', value: true },
  { name: '--out', value: true },
  { name: '--force' },
  { name: '--no-layout' },
  { name: '--help' },
] as const;

const GRAPH_FORMATS: readonly FormatId[] = ['gexf', 'graphml', 'json'];

/** The flags' values → a query, or a UsageError naming the flag, what it needs, and what was given. */
export function readQuery(values: Partial<Record<(typeof QUERY_FLAGS)[number], string>>): SubgraphQuery {
  if (values.entity === undefined) throw new UsageError('say which entity: --entity NAME (a name, an alias or an id, e.g. --entity Russia)');
  const input = Object.fromEntries(
    QUERY_FLAGS.filter((flag) => values[flag] !== undefined).map((flag) => [FIELD[flag], values[flag]]),
  );
  const parsed = SubgraphQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'entity');
  const flag = QUERY_FLAGS.find((name) => FIELD[name] === field) ?? 'entity';
  const given = values[flag];
  const message = flag === 'hops' ? 'must be 1 or 2' : issue.message;
  throw new UsageError(`--${flag} ${message}${given !== undefined ? ` (got "${given}")` : ''}`);
}

/** `--types` against the corpus's catalog (built in and declared): a UsageError naming the first unknown type, what it probably meant and the known ones. */
export function checkQueryTypes(types: readonly string[] | undefined, catalog: TypeCatalog): void {
  const unknown = unknownQueryType(types, catalog);
  if (unknown === undefined) return;
  throw new UsageError(
    `--types: unknown relation type ${quoteText(unknown.type, 60)}${unknown.guess ? `; did you mean ${quoteText(unknown.guess, 60)}?` : ''} (comma-separated, from: ${unknown.known})`,
  );
}

export const queryCommand: Command = {
  name: 'query',
  usage: 'query --db corpus.db --entity NAME [--hops 1|2] [--types a,b] [--since DATE] [--until DATE] [--text WORDS] [--limit N] [--min-outlets N] [--format dataset|gexf|graphml|json|csv] [--out FILE [--force]]',
  summary: 'print an entity’s neighbourhood in a corpus as a dataset (or any export format)',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${queryCommand.usage}\n\n${queryCommand.summary}.\n` +
          '  --db FILE      the corpus built by newsgraph ingest\n' +
          '  --entity NAME  the entity: its name, an alias (case and accents ignored) or its id\n' +
          '  --hops 1|2     its direct relations (1, default), or those of its neighbours too (2)\n' +
          '  --types a,b    only these relation types (built in, or declared by the corpus’s datasets: newsgraph serve’s /api/corpus lists them)\n' +
          '  --since DATE   only relations stated in articles published on or after DATE (YYYY-MM-DD)\n' +
          '  --until DATE   … on or before DATE\n' +
          '  --text WORDS   only relations with a sentence containing these words (full-text search)\n' +
          '  --limit N      at most N relations (default 2000)\n' +
          '  --min-outlets N  only relations reported by at least N distinct outlets in the corpus (wire copies count once)\n' +
          '  --format F     dataset (default, JSON), gexf, graphml, json (graphology) or csv\n' +
          '  --out FILE     write to FILE instead of stdout (through a temporary file, renamed when complete); --force replaces it\n' +
          '  --no-layout    leave node positions out of gexf/graphml/json\n' +
          'Exit codes: 0 written, 1 no such entity or corpus (the message says what it probably meant), 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    if (options.operands.length > 0) throw new UsageError(`query takes no file operands (got "${options.operands[0]}"); the corpus is --db FILE`);
    const db = optionValue(options, '--db');
    if (db === undefined || db === '') throw new UsageError('say which corpus to ask: --db corpus.db');
    const query = readQuery(Object.fromEntries(QUERY_FLAGS.map((name) => [name, optionValue(options, `--${name}`)])));
    const format = choice(optionValue(options, '--format') ?? 'dataset', FORMAT_IDS, 'format');
    const output = outputOption(io, options);

    const store = await openCorpusStore(db, { create: false });
    let response;
    try {
      checkQueryTypes(query.types, typeCatalog(await store.declaredTypes()));
      response = await store.subgraph(query);
    } finally {
      await store.close();
    }
    const checked = validateDataset(response.dataset);
    if (!checked.ok) throw new Error(`the corpus answered with an invalid dataset: ${checked.problems[0]?.message ?? 'unknown problem'}`);
    const dataset = checked.dataset;
    const positions = GRAPH_FORMATS.includes(format) && !options.flags.has('--no-layout') ? layoutPositions(dataset) : undefined;
    const written = await writeFormat(dataset, format, positions ? { positions } : {});
    writeOutput(io, output, written.parts, `${format}, ${plural(dataset.entities.length, 'entity', 'entities')}, ${plural(dataset.relations.length, 'relation')}`);
    if (format !== 'dataset') sizeNote(io, written.parts, format);
    if (dataset.relations.length === 0) io.stderr(`note: no relation of "${query.entity}" matches these filters; widen them (--hops 2, fewer --types, a wider --since/--until, other --text)\n`);
    if (response.truncated) io.stderr(`note: ${response.note ?? 'the answer was cut to stay under the limits'}\n`);
    return EXIT.ok;
  },
};
