/** The CLI's commands, as data: `main.ts` and `--help` are generated from this list. */
import type { Command } from '../command.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { importCommand } from './import.ts';
import { ingestCommand } from './ingest.ts';
import { mergeCommand } from './merge.ts';
import { queryCommand } from './query.ts';
import { serveCommand } from './serve.ts';
import { statsCommand } from './stats.ts';
import { validateCommand } from './validate.ts';

export const COMMANDS: Command[] = [validateCommand, statsCommand, importCommand, exportCommand, mergeCommand, extractCommand, evalCommand, ingestCommand, queryCommand, serveCommand];
