import * as z from 'zod/mini';
import { DocumentRecordSchema } from './documentRecord.ts';
import { NearBandRecordSchema } from './nearBandRecord.ts';
import { RejectionRecordSchema } from './rejectionRecord.ts';
import { SourceRecordSchema } from './sourceRecord.ts';
import { TopicRecordSchema } from './topicRecord.ts';

/** Any item of the document table, discriminated by `kind`. */
const TableRecordSchema = z.union([
  DocumentRecordSchema,
  SourceRecordSchema,
  TopicRecordSchema,
  RejectionRecordSchema,
  NearBandRecordSchema,
]);

type TableRecord = z.infer<typeof TableRecordSchema>;

export type { TableRecord };
export { TableRecordSchema };
