/** The CLI's commands, as data: `main.ts` and `--help` are generated from this list. */
import type { Command } from '../command.ts';
import { statsCommand } from './stats.ts';
import { validateCommand } from './validate.ts';

export const COMMANDS: Command[] = [validateCommand, statsCommand];
