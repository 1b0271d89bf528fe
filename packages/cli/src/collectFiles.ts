import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

class InputPathError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputPathError';
  }
}

/** Called for a file or directory that exists but cannot be read; it is skipped. */
type OnUnreadable = (path: string, error: NodeJS.ErrnoException) => void;

/** Errors that mean "this entry cannot be read", not "the run is broken". */
const UNREADABLE_CODES = new Set(['EACCES', 'EPERM', 'ELOOP', 'EISDIR', 'ENOENT']);

const isUnreadable = (error: unknown): error is NodeJS.ErrnoException =>
  UNREADABLE_CODES.has((error as NodeJS.ErrnoException).code ?? '');

const walk = async (dir: string, onUnreadable: OnUnreadable): Promise<string[]> => {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    onUnreadable(dir, error);
    return [];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, onUnreadable)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
};

/**
 * Expands the paths given on the command line into files, in a stable order:
 * each directory is walked recursively (hidden entries skipped), sorted by name.
 * Throws `InputPathError` for a path that does not exist; a directory that
 * cannot be listed goes to `onUnreadable` and is skipped.
 */
const collectFiles = async (
  paths: string[],
  onUnreadable: OnUnreadable = () => {},
): Promise<string[]> => {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new InputPathError(`no such file or directory: ${path}`, { cause: error });
    });
    if (info.isDirectory()) files.push(...(await walk(path, onUnreadable)));
    else files.push(path);
  }
  return files;
};

export type { OnUnreadable };
export { collectFiles, InputPathError, isUnreadable };
