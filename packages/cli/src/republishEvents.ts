import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  type DomainEvent,
  getDocument,
  publishEvents,
  scanDocumentsInWindow,
} from '@doc-ingest/aws-adapters';
import {
  type DocumentEvent,
  DocumentEvents,
  type DocumentRecord,
  documentEventsOfRecord,
  type FailedEventsMessage,
  FailedEventsMessageSchema,
} from '@doc-ingest/contracts';
import * as z from 'zod/mini';

/** What to re-publish: documents by hash, documents of a time window, or a failure queue. */
type RepublishSelection =
  | { contentHashes: string[] }
  | {
      /** ISO timestamp: events whose time (createdAt, withdrawnAt) is at or after it. */
      since: string;
      /** @default now */
      until?: string;
    }
  | { failureQueueUrl: string };

interface RepublishOptions {
  tableName: string;
  eventBusName: string;
  selection: RepublishSelection;
  /** Called after each batch, for progress output. */
  onProgress?: (report: RepublishReport) => void;
}

interface RepublishClients {
  dynamodb: DynamoDBClient;
  eventBridge: EventBridgeClient;
  /** Needed only with `failureQueueUrl`. */
  sqs?: SQSClient;
}

interface RepublishReport {
  /** Documents read from the table. */
  documents: number;
  /** Events EventBridge accepted. */
  published: number;
  /** Events it refused (run again: ids are stable, consumers drop repeats). */
  failed: number;
  /** Content hashes asked for (or named by a failure message) that the table no longer holds. */
  missing: string[];
  /** Failure-queue messages read, and those left in the queue because something failed. */
  messages: { read: number; kept: number };
}

/** Lambda's own on-failure record for a stream batch: shard pointers and arrival times only. */
const StreamBatchPointerSchema = z.object({
  DDBStreamBatchInfo: z.object({
    approximateArrivalOfFirstRecord: z.string(),
    approximateArrivalOfLastRecord: z.string(),
  }),
});

/** Documents are created (createdAt) a little before their stream record arrives. */
const POINTER_WINDOW_BEFORE_MS = 5 * 60_000;
const POINTER_WINDOW_AFTER_MS = 60_000;
/** Long enough that a kept message does not come back within one run. */
const RECEIVE_VISIBILITY_SECONDS = 300;

const toDomainEvents = (events: { detailType: string; detail: unknown }[]): DomainEvent[] =>
  events.map((event) => ({
    id: String((event.detail as { eventId?: unknown }).eventId ?? ''),
    source: DocumentEvents.SOURCE,
    detailType: event.detailType,
    detail: event.detail,
  }));

/** The events of a document whose time falls in [since, until]. */
const eventsInWindow = (doc: DocumentRecord, since: string, until: string): DocumentEvent[] =>
  documentEventsOfRecord(doc).filter((event) => {
    const at =
      event.detailType === DocumentEvents.DOCUMENT_WITHDRAWN
        ? event.detail.withdrawnAt
        : doc.createdAt;
    return at >= since && at <= until;
  });

/** Re-publishing from the table, one selection at a time, with a running report. */
class Republisher {
  readonly report: RepublishReport = {
    documents: 0,
    published: 0,
    failed: 0,
    missing: [],
    messages: { read: 0, kept: 0 },
  };

  private readonly clients: RepublishClients;
  private readonly options: RepublishOptions;

  constructor(clients: RepublishClients, options: RepublishOptions) {
    this.clients = clients;
    this.options = options;
  }

  /** Publishes and returns whether every event was accepted. */
  async publish(events: { detailType: string; detail: unknown }[]): Promise<boolean> {
    if (events.length === 0) return true;
    let failed: number;
    try {
      const refused = await publishEvents(
        this.clients.eventBridge,
        this.options.eventBusName,
        toDomainEvents(events),
      );
      failed = refused.length;
    } catch {
      // Counted, not thrown: what failed is reported and can be republished.
      failed = events.length;
    }
    this.report.published += events.length - failed;
    this.report.failed += failed;
    return failed === 0;
  }

  async byContentHashes(contentHashes: string[]): Promise<void> {
    for (const contentHash of contentHashes) {
      const doc = await getDocument(this.clients.dynamodb, this.options.tableName, contentHash);
      if (doc === undefined) {
        this.report.missing.push(contentHash);
        continue;
      }
      this.report.documents += 1;
      await this.publish(documentEventsOfRecord(doc));
    }
  }

  async byWindow(since: string, until: string): Promise<boolean> {
    let complete = true;
    for await (const documents of scanDocumentsInWindow(
      this.clients.dynamodb,
      this.options.tableName,
      since,
      until,
    )) {
      this.report.documents += documents.length;
      const events = documents.flatMap((doc) => eventsInWindow(doc, since, until));
      for (let start = 0; start < events.length; start += 10) {
        complete = (await this.publish(events.slice(start, start + 10))) && complete;
      }
      this.options.onProgress?.(this.report);
    }
    return complete;
  }

  /**
   * One message of our own: the table says what is true now, so the document
   * is read again; a purge is published as the message tells it (the table
   * cannot). A document gone since is not an error: its purge has its own event.
   */
  async fromFailedEvents(message: FailedEventsMessage): Promise<boolean> {
    const purges = message.events.filter(
      (event) => event.detailType === DocumentEvents.DOCUMENT_PURGED,
    );
    if (message.contentHash === undefined) return this.publish(message.events);
    let doc: DocumentRecord | undefined;
    try {
      doc = await getDocument(this.clients.dynamodb, this.options.tableName, message.contentHash);
    } catch {
      // Still breaks the contract (or the table failed): keep the message.
      return false;
    }
    if (doc === undefined && purges.length === 0) this.report.missing.push(message.contentHash);
    if (doc !== undefined) this.report.documents += 1;
    return this.publish([...(doc === undefined ? [] : documentEventsOfRecord(doc)), ...purges]);
  }

  async fromMessage(message: Message): Promise<boolean> {
    let body: unknown;
    try {
      body = JSON.parse(message.Body ?? '');
    } catch {
      return false;
    }
    const ours = FailedEventsMessageSchema.safeParse(body);
    if (ours.success) return this.fromFailedEvents(ours.data);
    const pointer = StreamBatchPointerSchema.safeParse(body);
    if (!pointer.success) return false;
    const info = pointer.data.DDBStreamBatchInfo;
    const first = Date.parse(info.approximateArrivalOfFirstRecord);
    const last = Date.parse(info.approximateArrivalOfLastRecord);
    if (Number.isNaN(first) || Number.isNaN(last)) return false;
    return this.byWindow(
      new Date(first - POINTER_WINDOW_BEFORE_MS).toISOString(),
      new Date(last + POINTER_WINDOW_AFTER_MS).toISOString(),
    );
  }

  async fromFailureQueue(queueUrl: string): Promise<void> {
    const sqs = this.clients.sqs;
    if (sqs === undefined) throw new Error('republishing from a failure queue needs an SQS client');
    const seen = new Set<string>();
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          VisibilityTimeout: RECEIVE_VISIBILITY_SECONDS,
        }),
      );
      const fresh = Messages.filter((m) => !seen.has(m.MessageId ?? m.ReceiptHandle ?? ''));
      if (fresh.length === 0) break;
      const settled: Message[] = [];
      for (const message of fresh) {
        seen.add(message.MessageId ?? message.ReceiptHandle ?? '');
        this.report.messages.read += 1;
        if (await this.fromMessage(message)) settled.push(message);
        else this.report.messages.kept += 1;
      }
      if (settled.length > 0) {
        // Deleted only once every event it stands for was accepted.
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: settled.map((m, index) => ({
              Id: String(index),
              ReceiptHandle: m.ReceiptHandle,
            })),
          }),
        );
      }
      this.options.onProgress?.(this.report);
    }
  }
}

/**
 * Re-publishes document events from the table, the source of truth: for some
 * content hashes, for a time window, or for what a stream-failure queue holds
 * (its messages are deleted once their events are published). Event ids are
 * those of the first publication, so consumers drop what they already had.
 *
 * @example
 * const report = await republishEvents(
 *   { dynamodb, eventBridge, sqs },
 *   { tableName, eventBusName, selection: { failureQueueUrl } },
 * );
 */
const republishEvents = async (
  clients: RepublishClients,
  options: RepublishOptions,
): Promise<RepublishReport> => {
  const republisher = new Republisher(clients, options);
  const { selection } = options;
  if ('contentHashes' in selection) await republisher.byContentHashes(selection.contentHashes);
  else if ('since' in selection)
    // Stored times are UTC `toISOString()` strings: compare like with like.
    await republisher.byWindow(
      new Date(selection.since).toISOString(),
      new Date(selection.until ?? Date.now()).toISOString(),
    );
  else await republisher.fromFailureQueue(selection.failureQueueUrl);
  return republisher.report;
};

export type { RepublishClients, RepublishOptions, RepublishReport, RepublishSelection };
export { republishEvents };
