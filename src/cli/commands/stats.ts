/**
 * `newsgraph stats FILE [--json]`
 * ===============================
 *
 * What a dataset holds at a glance: entities per type, relations per type
 * with how many are hedged (reported claims) or negated, the five most
 * connected entities, and when and by whom it was reported: the first and
 * last reporting day, undated relations, outlets, wire copies, and how many
 * relations rest on a single outlet. Degrees come from the same graph the explorer draws
 * (`buildGraph`), so the numbers match the node sizes on screen.
 *
 * Labels are untrusted text: the table escapes control and bidi characters
 * and shortens long names so a hostile label cannot garble the terminal.
 */

import { buildGraph } from '../../graph/buildGraph.ts';
import { buildReportingIndex, buildSourceIndex, dayString, escapeInvisible, type Dataset } from '../../model/index.ts';
import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';
import { loadDatasetFile } from '../datasetFile.ts';
import { plural } from './validate.ts';

export interface DatasetStats {
  documents: number;
  entities: number;
  relations: number;
  /** Entity type → count, most frequent first (types with no entity are left out). */
  entityTypes: Record<string, number>;
  relationTypes: Record<string, { count: number; hedged: number; negated: number }>;
  hedged: number;
  negated: number;
  topDegree: Array<{ id: string; label: string; type: string; degree: number }>;
  /** First and last reporting day (YYYY-MM-DD), null when nothing is dated. */
  reported: { first: string; last: string } | null;
  undatedRelations: number;
  /** Distinct outlets (`document.source`) of the documents. */
  outlets: number;
  /** Documents that are copies of another document's wire story. */
  wireCopies: number;
  /** Relations reported by one outlet only (copies counted once). */
  singleOutletRelations: number;
}

const TOP = 5;

export function datasetStats(dataset: Dataset): DatasetStats {
  const entityTypes = new Map<string, number>();
  for (const entity of dataset.entities) entityTypes.set(entity.type, (entityTypes.get(entity.type) ?? 0) + 1);
  const relationTypes = new Map<string, { count: number; hedged: number; negated: number }>();
  let hedged = 0;
  let negated = 0;
  for (const relation of dataset.relations) {
    const row = relationTypes.get(relation.type) ?? { count: 0, hedged: 0, negated: 0 };
    row.count++;
    if (relation.hedged) {
      row.hedged++;
      hedged++;
    }
    if (relation.negated) {
      row.negated++;
      negated++;
    }
    relationTypes.set(relation.type, row);
  }
  const graph = buildGraph(dataset);
  const topDegree = graph
    .mapNodes((id, attributes) => ({ id, label: attributes.label, type: attributes.entityType, degree: attributes.degree }))
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, TOP);
  const byCount = <T>(entries: Iterable<[string, T]>, count: (value: T) => number): Array<[string, T]> =>
    [...entries].sort((a, b) => count(b[1]) - count(a[1]) || a[0].localeCompare(b[0]));
  const reporting = buildReportingIndex(dataset);
  const sources = buildSourceIndex(dataset);
  let singleOutletRelations = 0;
  for (const relation of sources.byRelation.values()) if (relation.outletCount === 1) singleOutletRelations += 1;
  const copies = [...sources.wireCopies].filter(([id, original]) => id !== original).length;
  const outlets = new Set(dataset.documents.map((document) => document.source?.trim() ?? '').filter((outlet) => outlet !== ''));
  return {
    documents: dataset.documents.length,
    entities: dataset.entities.length,
    relations: dataset.relations.length,
    entityTypes: Object.fromEntries(byCount(entityTypes, (n) => n)),
    relationTypes: Object.fromEntries(byCount(relationTypes, (row) => row.count)),
    hedged,
    negated,
    topDegree,
    reported: reporting.span === null ? null : { first: dayString(reporting.span.first), last: dayString(reporting.span.last) },
    undatedRelations: reporting.undated,
    outlets: outlets.size,
    wireCopies: copies,
    singleOutletRelations,
  };
}

/** Aligned plain-text columns: the first left-aligned, numbers right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 || !/^[\d,]+$/.test(cell) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A label safe to print: invisible and direction-changing characters escaped, shortened past 40 characters (never inside an emoji). */
function terminalLabel(label: string): string {
  const characters = Array.from(label);
  return escapeInvisible(characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : label);
}

const n = (value: number) => value.toLocaleString('en-US');

export function formatStats(file: string, stats: DatasetStats): string {
  const sections = [
    `${file}: ${plural(stats.documents, 'document')}, ${plural(stats.entities, 'entity', 'entities')}, ${plural(stats.relations, 'relation')}`,
    formatTable(
      ['Entity type', 'Entities'],
      Object.entries(stats.entityTypes).map(([type, count]) => [type, n(count)]),
    ),
    formatTable(['Relation type', 'Relations', 'Hedged', 'Negated'], [
      ...Object.entries(stats.relationTypes).map(([type, row]) => [type, n(row.count), n(row.hedged), n(row.negated)]),
      ['all types', n(stats.relations), n(stats.hedged), n(stats.negated)],
    ]),
    formatTable(
      [`Top ${TOP} by degree`, 'Type', 'Relations'],
      stats.topDegree.map((entry) => [terminalLabel(entry.label), entry.type, n(entry.degree)]),
    ),
    [
      stats.reported === null ? 'Reported: no dated articles' : `Reported: ${stats.reported.first} to ${stats.reported.last}${stats.undatedRelations > 0 ? ` (${plural(stats.undatedRelations, 'relation')} undated)` : ''}`,
      `Sources: ${plural(stats.outlets, 'outlet')}, ${plural(stats.wireCopies, 'wire copy', 'wire copies')} counted once, ${plural(stats.singleOutletRelations, 'relation')} from a single outlet`,
    ].join('\n'),
  ];
  return sections.join('\n\n') + '\n';
}

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats FILE [--json]',
  summary: 'counts per entity and relation type, hedged/negated, top-5 by degree',
  run(args, io) {
    const { flags, operands } = parseFlags(args, ['--json', '--help']);
    if (flags.has('--help')) {
      io.stdout(`usage: newsgraph ${statsCommand.usage}\n\n${statsCommand.summary}.\n  --json  print one JSON object instead of tables\n`);
      return EXIT.ok;
    }
    if (operands.length !== 1) throw new UsageError(operands.length === 0 ? 'give the dataset file to describe' : `give one dataset file, not ${operands.length}`);
    const file = operands[0]!;
    const stats = datasetStats(loadDatasetFile(file, io));
    io.stdout(flags.has('--json') ? `${JSON.stringify({ file, ...stats }, null, 2)}\n` : formatStats(file, stats));
    return EXIT.ok;
  },
};
