import * as z from 'zod/mini';
import { DocumentEvents } from './constants.ts';
import { ContentHashSchema, IsoTimestampSchema, SchemaVersionSchema } from './primitives.ts';

/** Type tag of the messages the stream consumer writes to its failure queue. */
const FAILED_EVENTS_MESSAGE_TYPE = 'doc-ingest.failed-stream-record';

/** Why the stream consumer gave up on a table change. */
const EventFailureReason = {
  /** EventBridge refused the events for the whole retry window. */
  PUBLISH_FAILED: 'publish-failed',
  /** The change's images break the record contract: retrying cannot help. */
  CONTRACT_VIOLATION: 'contract-violation',
} as const;

/**
 * A message of the stream-failure queue (schema 1.3+): one table change whose
 * events were not published, self-contained so that it can be re-published
 * after the stream record expired. `ingest republish --from-failure-queue`
 * reads the document again by `contentHash` (the table is the source of
 * truth) and falls back on the `events` carried here for a purged document.
 */
const FailedEventsMessageSchema = z.object({
  type: z.literal(FAILED_EVENTS_MESSAGE_TYPE),
  schemaVersion: SchemaVersionSchema,
  reason: z.enum(Object.values(EventFailureReason)),
  /** The last error, for the operator. */
  error: z.string(),
  failedAt: IsoTimestampSchema,
  change: z.object({
    eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
    sequenceNumber: z.optional(z.string()),
    approximateCreationTime: z.optional(IsoTimestampSchema),
    /** The item's table keys (`pk`, `sk`). */
    keys: z.record(z.string(), z.string()),
  }),
  /** The document the change is about, from its key. */
  contentHash: z.optional(ContentHashSchema),
  /** The events the change meant, when its images could be read. */
  events: z.array(
    z.object({
      detailType: z.enum(Object.values(DocumentEvents).filter((v) => v !== DocumentEvents.SOURCE)),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

type FailedEventsMessage = z.infer<typeof FailedEventsMessageSchema>;
type EventFailureReasonCode = FailedEventsMessage['reason'];

export type { EventFailureReasonCode, FailedEventsMessage };
export { EventFailureReason, FAILED_EVENTS_MESSAGE_TYPE, FailedEventsMessageSchema };
