export { collectFiles, InputPathError } from './collectFiles.ts';
export type { CliIo } from './io.ts';
export { ExitCode, UsageError } from './io.ts';
export type { CliClients } from './main.ts';
export { main } from './main.ts';
export type { FileResult } from './processFiles.ts';
export { processFiles } from './processFiles.ts';
export type {
  RepublishClients,
  RepublishOptions,
  RepublishReport,
  RepublishSelection,
} from './republishEvents.ts';
export { republishEvents } from './republishEvents.ts';
