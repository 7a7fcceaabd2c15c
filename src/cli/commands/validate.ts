/**
 * `newsgraph validate FILE [FILE…]`
 * =================================
 *
 * Checks each dataset file and prints, for a good one, what it holds
 * (`FILE: valid (1 document, 21 entities, 27 relations)`, stdout) and for a
 * bad one every problem found, one per line with its path and fix (stderr).
 * Each file is checked even when an earlier one failed; the exit code is 1 if
 * any file is invalid or unreadable.
 */

import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';
import { checkDatasetFile, formatFileProblem } from '../datasetFile.ts';

/** `1 document`, `21 entities`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate FILE [FILE…]',
  summary: 'check dataset files; list every problem with its path and fix',
  run(args, io) {
    const { flags, operands } = parseFlags(args, ['--help']);
    if (flags.has('--help')) {
      io.stdout(`usage: newsgraph ${validateCommand.usage}\n\n${validateCommand.summary}.\nExit codes: 0 all valid, 1 a file is invalid or unreadable, 2 wrong usage.\n`);
      return EXIT.ok;
    }
    if (operands.length === 0) throw new UsageError('give at least one dataset file to check');
    let allValid = true;
    for (const file of operands) {
      const result = checkDatasetFile(file, io);
      if (result.ok) {
        const { documents, entities, relations } = result.dataset;
        io.stdout(`${file}: valid (${plural(documents.length, 'document')}, ${plural(entities.length, 'entity', 'entities')}, ${plural(relations.length, 'relation')})\n`);
        continue;
      }
      allValid = false;
      io.stderr(result.problems.map((problem) => `${formatFileProblem(file, problem)}\n`).join(''));
      // A file that could not be read or parsed has one problem, already self-explanatory; a count helps when the list is long.
      if (result.stage === 'validate') io.stderr(`${file}: not a valid dataset (${plural(result.problems.length, 'problem')})\n`);
    }
    return allValid ? EXIT.ok : EXIT.invalidInput;
  },
};
