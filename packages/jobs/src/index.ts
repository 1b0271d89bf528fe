export type { ListedBatch } from './backfillBatch.ts';
export { backfillBatch } from './backfillBatch.ts';
export { EnqueueIncompleteError, JobError, JobInputError } from './errors.ts';
export type { ReclassifyOptions, ReclassifyReport } from './reclassifyDocuments.ts';
export { reclassifyDocuments } from './reclassifyDocuments.ts';
export type { SegmentInput, SegmentResult } from './reclassifySegment.ts';
export { MAX_SEGMENTS, reclassifySegment } from './reclassifySegment.ts';
