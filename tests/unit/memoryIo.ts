/** The CLI's file and stream access over an in-memory map of files, for running commands through runCli in tests. */

import type { CommandIO } from '../../src/cli/command.ts';

/** `readFile` replaces the map's reading (to make reads fail). */
export function memoryIo(initial: Record<string, string>, readFile?: (path: string) => string) {
  const files = new Map(Object.entries(initial));
  let out = '';
  let err = '';
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT', path });
  const io: CommandIO = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readFile:
      readFile ??
      ((path) => {
        const text = files.get(path);
        if (text === undefined) throw missing(path);
        return text;
      }),
    writeFile: (path, content) => void files.set(path, content),
    stat: (path) => {
      const text = files.get(path);
      if (text === undefined) throw missing(path);
      return { size: text.length, isFile: true };
    },
  };
  return { io, files, out: () => out, err: () => err };
}
