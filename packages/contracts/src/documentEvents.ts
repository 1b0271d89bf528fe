import { DocumentEvents, ItemKind } from './constants.ts';
import { type DocumentIngestedDetail, toDocumentIngestedDetail } from './documentIngestedEvent.ts';
import { type DocumentPurgedDetail, toDocumentPurgedDetail } from './documentPurgedEvent.ts';
import {
  type DocumentReclassifiedDetail,
  toDocumentReclassifiedDetail,
} from './documentReclassifiedEvent.ts';
import type { DocumentRecord } from './documentRecord.ts';
import {
  type DocumentWithdrawnDetail,
  toDocumentWithdrawnDetail,
} from './documentWithdrawnEvent.ts';
import type { TableChange } from './streamEvent.ts';

/** One event about a document, as the stream consumer and `ingest republish` publish it. */
type DocumentEvent =
  | { detailType: typeof DocumentEvents.DOCUMENT_INGESTED; detail: DocumentIngestedDetail }
  | { detailType: typeof DocumentEvents.DOCUMENT_WITHDRAWN; detail: DocumentWithdrawnDetail }
  | { detailType: typeof DocumentEvents.DOCUMENT_PURGED; detail: DocumentPurgedDetail }
  | {
      detailType: typeof DocumentEvents.DOCUMENT_RECLASSIFIED;
      detail: DocumentReclassifiedDetail;
    };

const asDocument = (record: TableChange['newRecord']): DocumentRecord | undefined =>
  record?.kind === ItemKind.DOCUMENT ? record : undefined;

/**
 * The events a stored document stands for, read from the table (the source of
 * truth): `DocumentIngested`, then `DocumentWithdrawn` when it is withdrawn.
 * Ids are those the stream consumer gave the same facts.
 *
 * @example
 * const events = documentEventsOfRecord(DocumentRecordSchema.parse(item));
 */
const documentEventsOfRecord = (doc: DocumentRecord): DocumentEvent[] => [
  { detailType: DocumentEvents.DOCUMENT_INGESTED, detail: toDocumentIngestedDetail(doc) },
  ...(doc.withdrawnAt === undefined
    ? []
    : [
        {
          detailType: DocumentEvents.DOCUMENT_WITHDRAWN,
          detail: toDocumentWithdrawnDetail(doc, doc.withdrawnAt),
        } as const,
      ]),
];

/**
 * The events one table change means: a new document is `DocumentIngested`; a
 * MODIFY that sets (or moves) `withdrawnAt` is `DocumentWithdrawn`; a MODIFY
 * that changes `taxonomyVersion` (`ingest reclassify`) is `DocumentReclassified`;
 * a REMOVE of a document is `DocumentPurged`. Every other change (sources,
 * topics, rejections, bands, source counts) means no event.
 *
 * @example
 * const events = documentEventsOfChange(parseTableChange(record));
 */
const documentEventsOfChange = (change: TableChange): DocumentEvent[] => {
  const next = asDocument(change.newRecord);
  const previous = asDocument(change.oldRecord);
  switch (change.eventName) {
    case 'INSERT':
      return next === undefined ? [] : documentEventsOfRecord(next);
    case 'MODIFY': {
      const events: DocumentEvent[] = [];
      if (next?.withdrawnAt !== undefined && next.withdrawnAt !== previous?.withdrawnAt) {
        events.push({
          detailType: DocumentEvents.DOCUMENT_WITHDRAWN,
          detail: toDocumentWithdrawnDetail(next, next.withdrawnAt),
        });
      }
      if (
        next !== undefined &&
        previous !== undefined &&
        next.taxonomyVersion !== previous.taxonomyVersion
      ) {
        events.push({
          detailType: DocumentEvents.DOCUMENT_RECLASSIFIED,
          detail: toDocumentReclassifiedDetail(next, previous),
        });
      }
      return events;
    }
    case 'REMOVE':
      return previous === undefined
        ? []
        : [
            {
              detailType: DocumentEvents.DOCUMENT_PURGED,
              detail: toDocumentPurgedDetail(previous, change.approximateCreationTime),
            },
          ];
  }
};

export type { DocumentEvent };
export { documentEventsOfChange, documentEventsOfRecord };
