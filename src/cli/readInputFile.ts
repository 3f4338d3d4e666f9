import { readFile } from 'node:fs/promises';

/** Reads a file named on the command line, with a message that says what is wrong with it. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(error);
    throw new Error(`${path}: cannot read (${reason})`, { cause: error });
  }
}
