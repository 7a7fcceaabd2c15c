/** The CLI's commands, as data: `main.ts` and `--help` are generated from this list. */
import type { Command } from '../command.ts';

export const COMMANDS: Command[] = [];
