import * as z from 'zod/mini';
import { DocumentIngestedDetailSchema } from './documentIngestedEvent.ts';
import { DocumentPurgedDetailSchema } from './documentPurgedEvent.ts';
import { DocumentReclassifiedDetailSchema } from './documentReclassifiedEvent.ts';
import { DocumentRecordSchema } from './documentRecord.ts';
import { DocumentWithdrawnDetailSchema } from './documentWithdrawnEvent.ts';
import { FailedEventsMessageSchema } from './failedEventsMessage.ts';
import { NearBandRecordSchema } from './nearBandRecord.ts';
import { RejectionRecordSchema } from './rejectionRecord.ts';
import { SourceRecordSchema } from './sourceRecord.ts';
import { TableRecordSchema } from './tableRecord.ts';
import { TaxonomyFileSchema } from './taxonomyFile.ts';
import { TopicRecordSchema } from './topicRecord.ts';

/**
 * Every published shape, by the file name its JSON Schema ships under
 * (`@doc-ingest/contracts/schemas/<name>.schema.json`): one per item kind of
 * the table, the union of them, the `detail` of each bus event, and the
 * messages of the stream-failure queue; and the taxonomy file, for editors.
 */
const PUBLISHED_SCHEMAS = {
  'document-record': DocumentRecordSchema,
  'source-record': SourceRecordSchema,
  'topic-record': TopicRecordSchema,
  'rejection-record': RejectionRecordSchema,
  'near-band-record': NearBandRecordSchema,
  'table-record': TableRecordSchema,
  'document-ingested-detail': DocumentIngestedDetailSchema,
  'document-withdrawn-detail': DocumentWithdrawnDetailSchema,
  'document-purged-detail': DocumentPurgedDetailSchema,
  'document-reclassified-detail': DocumentReclassifiedDetailSchema,
  'failed-events-message': FailedEventsMessageSchema,
  taxonomy: TaxonomyFileSchema,
} as const;

/** zod names `startsWith` checks as a format no JSON Schema validator knows; the pattern says it all. */
const dropZodFormats = (ctx: { jsonSchema: { format?: string } }): void => {
  if (ctx.jsonSchema.format === 'starts_with') delete ctx.jsonSchema.format;
};

type PublishedSchemaName = keyof typeof PUBLISHED_SCHEMAS;

/**
 * The JSON Schemas (draft 2020-12) of the contract, for consumers that do not
 * use TypeScript. Generated from the zod schemas in their input form, so that
 * fields a later minor version adds are allowed, as the versioning rules promise.
 *
 * @example
 * const schemas = contractJsonSchemas();
 * writeFileSync('document-record.schema.json', JSON.stringify(schemas['document-record']));
 */
const contractJsonSchemas = (): Record<PublishedSchemaName, Record<string, unknown>> => {
  const entries = Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => [
    name,
    {
      title: `doc-ingest ${name}`,
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: dropZodFormats }),
    },
  ]);
  return Object.fromEntries(entries) as Record<PublishedSchemaName, Record<string, unknown>>;
};

export type { PublishedSchemaName };
export { contractJsonSchemas, PUBLISHED_SCHEMAS };
