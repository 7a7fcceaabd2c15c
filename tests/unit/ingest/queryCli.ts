/** `newsgraph query --db DB …` through runCli with the real file system, its output captured. */

import type { CommandIO } from '../../../src/cli/command.ts';
import { nodeIO, runCli } from '../../../src/cli/main.ts';

export async function queryCli(db: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { ...nodeIO, stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
  const code = await runCli(['query', '--db', db, ...args], io);
  return { code, out, err };
}
