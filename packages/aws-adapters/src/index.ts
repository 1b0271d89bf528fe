export { getDocument } from './dynamodb/getDocument.ts';
export type { ContentLookup, ContentToLookUp } from './dynamodb/lookUpContent.ts';
export { lookUpContent } from './dynamodb/lookUpContent.ts';
export type {
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
} from './dynamodb/recordIngestion.ts';
export { recordIngestion } from './dynamodb/recordIngestion.ts';
export { recordNearBands } from './dynamodb/recordNearBands.ts';
export { recordRejection } from './dynamodb/recordRejection.ts';
export type { DocumentPage } from './dynamodb/scanDocuments.ts';
export { scanDocuments } from './dynamodb/scanDocuments.ts';
export { scanDocumentsInWindow } from './dynamodb/scanDocumentsInWindow.ts';
export type { TopicUpdate } from './dynamodb/updateDocumentTopics.ts';
export { updateDocumentTopics } from './dynamodb/updateDocumentTopics.ts';
export { AdapterError, TransientDependencyError } from './errors.ts';
export type { DomainEvent } from './eventbridge/publishEvents.ts';
export { publishEvents } from './eventbridge/publishEvents.ts';
export type {
  AnnouncedObject,
  S3NotificationBody,
  S3ObjectNotification,
} from './events/s3Notification.ts';
export {
  announcedObjects,
  decodeNotificationKey,
  encodeNotificationKey,
  S3NotificationBodySchema,
  S3ObjectNotificationSchema,
} from './events/s3Notification.ts';
export { documentTextLocation, putDocumentText, TEXT_PREFIX } from './s3/putDocumentText.ts';
export type { ObjectReadResult, ReadObjectOptions } from './s3/readObject.ts';
export { readObject } from './s3/readObject.ts';
export type { BackfillOptions, BackfillReport } from './sqs/enqueueBackfill.ts';
export { BACKFILL_EVENT_NAME, enqueueBackfill } from './sqs/enqueueBackfill.ts';
export type { MoveMessagesOptions, MoveReport } from './sqs/moveMessages.ts';
export { moveMessages } from './sqs/moveMessages.ts';
export type { OutgoingMessage } from './sqs/sendMessages.ts';
export { sendMessages } from './sqs/sendMessages.ts';
