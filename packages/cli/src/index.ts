export { collectFiles, InputPathError } from './collectFiles.ts';
export type { CliCommand } from './commands/CliCommand.ts';
export type { CliContext } from './context.ts';
export { createFileObjectReader } from './fileObjectReader.ts';
export type { CliIo, CliStream } from './io.ts';
export { ExitCode, NotFoundError, UsageError } from './io.ts';
export type { CliClients } from './main.ts';
export { main } from './main.ts';
export type { FileResult } from './processFiles.ts';
export { processFiles } from './processFiles.ts';
export type { PurgeClients, PurgeOptions, PurgeReport, PurgeTarget } from './purgeDocument.ts';
export { purgeDocument } from './purgeDocument.ts';
export type { ReindexOptions, ReindexReport } from './reindexNearBands.ts';
export { reindexNearBands } from './reindexNearBands.ts';
export type {
  RepublishClients,
  RepublishOptions,
  RepublishReport,
  RepublishSelection,
} from './republishEvents.ts';
export { republishEvents } from './republishEvents.ts';
export { readStackOutputs, resolveTargets, stackNameOption } from './stackOutputs.ts';
