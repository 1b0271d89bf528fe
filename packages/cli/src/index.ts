export { collectFiles, InputPathError } from './collectFiles.ts';
export type { CliIo } from './io.ts';
export { ExitCode } from './io.ts';
export { main } from './main.ts';
export type { FileResult } from './processFiles.ts';
export { processFiles } from './processFiles.ts';
