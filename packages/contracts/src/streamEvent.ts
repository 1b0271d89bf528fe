import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod/mini';
import { ItemKind } from './constants.ts';
import type { DocumentRecord } from './documentRecord.ts';
import { RecordSchemaViolationError } from './errors.ts';
import { type TableRecord, TableRecordSchema } from './tableRecord.ts';

/** The parts of a DynamoDB Stream record the decoder reads, as Lambda or the SDK delivers it. */
const StreamRecordSchema = z.object({
  eventID: z.optional(z.string()),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.optional(z.string()),
    // Epoch seconds in Lambda events; a Date from the SDK's GetRecords.
    ApproximateCreationDateTime: z.optional(z.union([z.number(), z.date()])),
    NewImage: z.optional(z.record(z.string(), z.unknown())),
    OldImage: z.optional(z.record(z.string(), z.unknown())),
  }),
});

type StreamRecord = z.input<typeof StreamRecordSchema>;

/** A typed change of the document table. */
interface TableChange {
  eventId?: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sequenceNumber?: string;
  /** When DynamoDB recorded the change (ISO, second precision), when the record says. */
  approximateCreationTime?: string;
  newRecord?: TableRecord;
  oldRecord?: TableRecord;
}

const decodeImage = (
  image: Record<string, unknown> | undefined,
  which: string,
): TableRecord | undefined => {
  if (image === undefined) return undefined;
  const plain = unmarshall(image as Record<string, AttributeValue>);
  const parsed = TableRecordSchema.safeParse(plain);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RecordSchemaViolationError(
      `${which} of kind ${String(plain.kind)} violates the record contract`,
      issues,
    );
  }
  return parsed.data;
};

/**
 * Turns a DynamoDB Stream record of the document table into a typed change.
 * Throws `RecordSchemaViolationError` when an image breaks the contract.
 *
 * @example
 * const change = parseTableChange(event.Records[0]);
 * if (isDocumentInsert(change)) console.log(change.newRecord.topics);
 */
const parseTableChange = (record: unknown): TableChange => {
  const stream = StreamRecordSchema.parse(record);
  const change: TableChange = { eventName: stream.eventName };
  if (stream.eventID !== undefined) change.eventId = stream.eventID;
  if (stream.dynamodb.SequenceNumber !== undefined)
    change.sequenceNumber = stream.dynamodb.SequenceNumber;
  const created = stream.dynamodb.ApproximateCreationDateTime;
  if (created !== undefined) {
    const date = typeof created === 'number' ? new Date(created * 1000) : created;
    if (!Number.isNaN(date.getTime())) change.approximateCreationTime = date.toISOString();
  }
  const newRecord = decodeImage(stream.dynamodb.NewImage, 'NewImage');
  const oldRecord = decodeImage(stream.dynamodb.OldImage, 'OldImage');
  if (newRecord !== undefined) change.newRecord = newRecord;
  if (oldRecord !== undefined) change.oldRecord = oldRecord;
  return change;
};

/** A new canonical document: the event most consumers want. */
const isDocumentInsert = (
  change: TableChange,
): change is TableChange & { eventName: 'INSERT'; newRecord: DocumentRecord } =>
  change.eventName === 'INSERT' && change.newRecord?.kind === ItemKind.DOCUMENT;

export type { StreamRecord, TableChange };
export { isDocumentInsert, parseTableChange, StreamRecordSchema };
