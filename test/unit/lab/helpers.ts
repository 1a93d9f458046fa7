import type { CliIO } from '../../../local/cli/io.js';

/** An in-memory CLI IO: files served from a map, output captured. */
export function memoryIo(files: Record<string, string> = {}): CliIO & { out: string; err: string; written: Record<string, string> } {
  const io = {
    out: '', err: '', written: {} as Record<string, string>,
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    async readFile(p: string) {
      const c = files[p];
      if (c === undefined) throw new Error(`ENOENT: ${p}`);
      return c;
    },
    async writeFile(p: string, c: string) { io.written[p] = c; },
  };
  return io;
}
