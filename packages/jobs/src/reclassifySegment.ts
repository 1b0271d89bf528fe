import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { CompiledTaxonomy } from '@doc-ingest/core';
import * as z from 'zod/mini';
import { JobInputError } from './errors.ts';
import { type ReclassifyReport, reclassifyDocuments } from './reclassifyDocuments.ts';

/** DynamoDB allows at most 1,000,000 parallel-scan segments. */
const MAX_SEGMENTS = 1_000_000;

const count = z.number().check(z.int(), z.gte(0));

const SegmentInputSchema = z.object({
  segment: z.number().check(z.int(), z.gte(0)),
  totalSegments: z.number().check(z.int(), z.gte(1), z.lte(MAX_SEGMENTS)),
  dryRun: z.optional(z.boolean()),
  // A LastEvaluatedKey from the previous round of this segment, passed back unchanged.
  startKey: z.optional(z.nullable(z.record(z.string(), z.any()))),
  // Counts of the segment's earlier rounds, carried round to round by the state machine.
  scanned: z.optional(count),
  upToDate: z.optional(count),
  newer: z.optional(count),
  reclassified: z.optional(count),
  topicsChanged: z.optional(count),
  conflicts: z.optional(count),
});

type SegmentInput = z.infer<typeof SegmentInputSchema>;

/** What a segment round returns: its input to go round again, and its counts. */
interface SegmentResult extends Omit<ReclassifyReport, 'nextKey'> {
  segment: number;
  totalSegments: number;
  dryRun: boolean;
  /** Set when the segment is not finished: the state machine calls again with it. */
  startKey?: ReclassifyReport['nextKey'];
  done: boolean;
}

/**
 * One round of one parallel-scan segment of a distributed reclassify. It
 * stops at a page boundary while `hasTime()` says there is time for another
 * page, and returns where to resume; the state machine loops until `done`.
 * Counts add up over the rounds: the last round's result is the segment's.
 * Updates are conditional on the version read, so a retried round is harmless.
 *
 * @example
 * // With the taxonomy deployed beside the function:
 * const result = await reclassifySegment(clients, table, event, () => left() > 60_000, taxonomy);
 */
const reclassifySegment = async (
  clients: { dynamodb: DynamoDBClient; s3: S3Client },
  tableName: string,
  input: unknown,
  hasTime: () => boolean,
  taxonomy: CompiledTaxonomy,
): Promise<SegmentResult> => {
  const parsed = SegmentInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new JobInputError(`not a scan segment: ${parsed.error.message}`);
  }
  const { segment, totalSegments, startKey } = parsed.data;
  if (segment >= totalSegments) {
    throw new JobInputError(`segment ${segment} is not below totalSegments ${totalSegments}`);
  }
  const dryRun = parsed.data.dryRun === true;
  const { nextKey, ...round } = await reclassifyDocuments(clients, {
    tableName,
    dryRun,
    segment: { segment, totalSegments },
    ...(startKey == null ? {} : { startKey }),
    continueAfterPage: hasTime,
    taxonomy,
  });
  const before = parsed.data;
  const counts = {
    taxonomyVersion: round.taxonomyVersion,
    scanned: (before.scanned ?? 0) + round.scanned,
    upToDate: (before.upToDate ?? 0) + round.upToDate,
    newer: (before.newer ?? 0) + round.newer,
    reclassified: (before.reclassified ?? 0) + round.reclassified,
    topicsChanged: (before.topicsChanged ?? 0) + round.topicsChanged,
    conflicts: (before.conflicts ?? 0) + round.conflicts,
  };
  return nextKey === undefined
    ? { ...counts, segment, totalSegments, dryRun, done: true }
    : { ...counts, segment, totalSegments, dryRun, startKey: nextKey, done: false };
};

export type { SegmentInput, SegmentResult };
export { MAX_SEGMENTS, reclassifySegment };
