import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ReplyFile } from '../../src/commands/reply.ts';

/**
 * Writes a reply's file into `dir` under its own name, never over an existing file: `name.csv`
 * taken, it is `name-1.csv`, then `name-2.csv`, … (the exclusive flag makes the check and the
 * write one step). Returns the path written.
 */
export const saveFile = async (dir: string, file: ReplyFile): Promise<string> => {
  const ext = extname(file.name);
  const stem = file.name.slice(0, file.name.length - ext.length);
  for (let n = 0; ; n++) {
    const path = join(dir, n === 0 ? file.name : `${stem}-${n}${ext}`);
    try {
      await writeFile(path, file.content, { encoding: 'utf8', flag: 'wx' });
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 10_000) throw e;
    }
  }
};
