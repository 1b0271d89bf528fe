export { awsErrorCode } from './awsErrorCode.ts';
export { claimNearBands } from './dynamodb/claimNearBands.ts';
export { deleteItems } from './dynamodb/deleteItems.ts';
export type { DocumentItemSet, ItemKey } from './dynamodb/findDocumentItems.ts';
export { findDocumentItems } from './dynamodb/findDocumentItems.ts';
export { findRejectionsOfKey } from './dynamodb/findRejectionsOfKey.ts';
export { findSourcesOfKey } from './dynamodb/findSourcesOfKey.ts';
export { getDocument } from './dynamodb/getDocument.ts';
export type { ContentTables } from './dynamodb/lookUpContent.ts';
export { lookUpContent } from './dynamodb/lookUpContent.ts';
export { markSourceDeleted } from './dynamodb/markSourceDeleted.ts';
export type { DocumentWithSources, StoredItem } from './dynamodb/readDocumentWithSources.ts';
export { readDocumentWithSources } from './dynamodb/readDocumentWithSources.ts';
export type { KeyHistory } from './dynamodb/readKeyHistory.ts';
export { readKeyHistory } from './dynamodb/readKeyHistory.ts';
export { recordIngestion } from './dynamodb/recordIngestion.ts';
export { recordRejection } from './dynamodb/recordRejection.ts';
export { releaseNearBands } from './dynamodb/releaseNearBands.ts';
export type { DocumentPage, ScanSegment } from './dynamodb/scanDocuments.ts';
export { scanDocuments } from './dynamodb/scanDocuments.ts';
export { scanDocumentsInWindow } from './dynamodb/scanDocumentsInWindow.ts';
export type { TopicUpdate } from './dynamodb/updateDocumentTopics.ts';
export { updateDocumentTopics } from './dynamodb/updateDocumentTopics.ts';
export { withdrawDocument } from './dynamodb/withdrawDocument.ts';
export { AdapterError, TransientDependencyError } from './errors.ts';
export type { DomainEvent } from './eventbridge/publishEvents.ts';
export { publishEvents } from './eventbridge/publishEvents.ts';
export type {
  AnnouncedObject,
  RemovedObject,
  S3NotificationBody,
  S3ObjectNotification,
} from './events/s3Notification.ts';
export {
  announcedObjects,
  decodeNotificationKey,
  encodeNotificationKey,
  removedObjects,
  S3NotificationBodySchema,
  S3ObjectNotificationSchema,
} from './events/s3Notification.ts';
export type { TimeBudgetOptions } from './lambda/timeBudget.ts';
export { TimeBudgetExhaustedError, timeBudget } from './lambda/timeBudget.ts';
export { createS3ObjectReader } from './s3/createS3ObjectReader.ts';
export { deleteDocumentText } from './s3/deleteDocumentText.ts';
export { documentTextLocation, putDocumentText } from './s3/putDocumentText.ts';
export { readObject } from './s3/readObject.ts';
export type { BackfillOptions, BackfillReport } from './sqs/enqueueBackfill.ts';
export { enqueueBackfill } from './sqs/enqueueBackfill.ts';
export type { EnqueueReport, ListedObject } from './sqs/enqueueObjects.ts';
export { BACKFILL_EVENT_NAME, enqueueObjects } from './sqs/enqueueObjects.ts';
export type { MoveMessagesOptions, MoveReport } from './sqs/moveMessages.ts';
export { moveMessages } from './sqs/moveMessages.ts';
export type { MoveTaskOptions } from './sqs/moveMessagesWithTask.ts';
export { MoveTaskUnavailableError, moveMessagesWithTask } from './sqs/moveMessagesWithTask.ts';
export type { OutgoingMessage } from './sqs/sendMessages.ts';
export { sendMessages } from './sqs/sendMessages.ts';
export type { DynamoDocumentStoreOptions } from './store/createDynamoDocumentStore.ts';
export { createDynamoDocumentStore } from './store/createDynamoDocumentStore.ts';
