import type { NearBandRecord, ObjectRef, RejectionRecord } from '@doc-ingest/contracts';
import type {
  BandClaim,
  ContentLookup,
  ContentToLookUp,
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
  SourceDeletion,
  SourceOfKey,
} from './types.ts';

/**
 * What the ingest decisions need from storage, in domain terms (issue 12,
 * after Powertools' idempotency persistence layer): the decisions say "look
 * up this content", "claim these bands", "record this source"; the store owns
 * tables, item keys, conditions and transactions. `createDynamoDocumentStore`
 * (`@doc-ingest/aws-adapters`) is the deployed one, `createInMemoryDocumentStore`
 * serves `ingest process` and the tests. Every write is conditional or
 * idempotent in every implementation, so a redelivery changes nothing.
 */
interface DocumentStore {
  /** Whether the content is stored, and which documents own its bands (with their fingerprints). */
  lookUpContent(content: ContentToLookUp): Promise<ContentLookup>;
  /** Stores a text too large to inline; returns where. */
  storeText(contentHash: string, text: string): Promise<ObjectRef>;
  /** Where a stored content's large text is (written before its document). */
  textLocation(contentHash: string): ObjectRef;
  /**
   * Claims bands for a canonical document, all or none. When another document
   * owns some, nothing of the claim stays written and at least one of them is
   * returned (a store may stop at the first it meets).
   */
  claimNearBands(bands: NearBandRecord[]): Promise<BandClaim>;
  /** Records a document with its source and topics, or a duplicate source of a stored one. */
  recordIngestion(
    items: IngestionItems,
    now: string,
    options?: RecordIngestionOptions,
  ): Promise<IngestionOutcome>;
  /** Records why an object was refused. */
  recordRejection(record: RejectionRecord): Promise<'rejected' | 'already-recorded'>;
  /** Every recorded source (live or deleted) of one object key. */
  findSourcesOfKey(ref: Pick<ObjectRef, 'bucket' | 'key'>): Promise<SourceOfKey[]>;
  /** Marks one source deleted, once, with its document's live count. */
  markSourceDeleted(
    source: Pick<SourceOfKey, 'pk' | 'sk' | 'contentHash'>,
    now: string,
  ): Promise<SourceDeletion>;
  /** Withdraws a document left without live sources; false when it has some or is withdrawn. */
  withdrawDocument(contentHash: string, now: string): Promise<boolean>;
}

export type { DocumentStore };
