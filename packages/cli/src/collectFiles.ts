import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

class InputPathError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputPathError';
  }
}

const walk = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
};

/**
 * Expands the paths given on the command line into files, in a stable order:
 * each directory is walked recursively (hidden entries skipped), sorted by name.
 * Throws `InputPathError` for a path that does not exist.
 */
const collectFiles = async (paths: string[]): Promise<string[]> => {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new InputPathError(`no such file or directory: ${path}`, { cause: error });
    });
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
};

export { collectFiles, InputPathError };
