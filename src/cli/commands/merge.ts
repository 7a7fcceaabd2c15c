/**
 * `newsgraph merge A.json B.json … > corpus.json`
 * ===============================================
 *
 * Folds several datasets (or graphs `import` reads) into one corpus, left to
 * right, with the rules of `mergeDatasets` (src/model/merge.ts): the same
 * actor across articles becomes one entity, identical relations pool their
 * evidence, clashing document ids are renamed. The corpus goes to stdout or
 * `--out`; what was merged or renamed is summarised on stderr.
 */

import { joinedNames, mergeDatasetsWithReport, type MergeReport } from '../../model/merge.ts';
import type { Dataset } from '../../model/index.ts';
import { readAnyFile } from '../anyFile.ts';
import { EXIT, UsageError, type Command } from '../command.ts';
import { parseOptions } from '../valueFlags.ts';
import { datasetJsonParts } from '../../graph/formats/datasetJson.ts';
import { writeOutput } from '../output.ts';
import { outputOption } from './export.ts';
import { plural } from './validate.ts';

const OPTIONS = [{ name: '--out', value: true }, { name: '--force' }, { name: '--help' }] as const;

function summary(file: string, report: MergeReport): string {
  // Which differently written names were taken for one actor ("joined Zelensky and Zelenskyy"), the first ten.
  const joined = joinedNames(report);
  const parts = [
    report.mergedEntities.length > 0 ? `${plural(report.mergedEntities.length, 'entity', 'entities')} matched` : '',
    ...joined.slice(0, 10),
    joined.length > 10 ? `and ${joined.length - 10} more names joined` : '',
    report.mergedRelations.length > 0 ? `${plural(report.mergedRelations.length, 'relation')} pooled` : '',
    report.sharedDocuments.length > 0 ? `${plural(report.sharedDocuments.length, 'document')} already present` : '',
    ...report.renamedDocuments.map((r) => `document "${r.from}" renamed "${r.to}"`),
    ...report.renamedEntities.map((r) => `entity "${r.from}" renamed "${r.to}"`),
    report.renamedRelations.length > 0 ? `${plural(report.renamedRelations.length, 'relation id')} renamed` : '',
    ...report.renamedTypes.map((r) => `${r.kind} type "${r.from}" renamed "${r.to}"`),
  ].filter(Boolean);
  return `merged ${file}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}\n`;
}

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'merge FILE FILE… [--out PATH [--force]]',
  summary: 'fold several datasets into one corpus (same actors merged, evidence kept per document)',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(`usage: newsgraph ${mergeCommand.usage}\n\n${mergeCommand.summary}.\nExit codes: 0 merged, 1 an input is invalid, 2 wrong usage.\n`);
      return EXIT.ok;
    }
    if (options.operands.length < 2) throw new UsageError('give at least two files to merge');
    const output = outputOption(io, options);
    let corpus: Dataset | undefined;
    for (const file of options.operands) {
      const { dataset } = await readAnyFile(file, io);
      if (!corpus) {
        corpus = dataset;
        continue;
      }
      const { dataset: merged, report } = mergeDatasetsWithReport(corpus, dataset);
      corpus = merged;
      io.stderr(summary(file, report));
    }
    const result = corpus!;
    writeOutput(
      io,
      output,
      datasetJsonParts(result),
      `${plural(result.documents.length, 'document')}, ${plural(result.entities.length, 'entity', 'entities')}, ${plural(result.relations.length, 'relation')}`,
    );
    return EXIT.ok;
  },
};
