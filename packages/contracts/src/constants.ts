/**
 * Version of the record contract. Bumped on any change a consumer could notice:
 * minor for additive fields, major for removals or changed meanings.
 */
const SCHEMA_VERSION = '1.4' as const;

/** Versions a reader of this package accepts: the same major, any minor. */
const SCHEMA_MAJOR = 1;

/** The kinds of item the document table holds, in the `kind` attribute. */
const ItemKind = {
  DOCUMENT: 'document',
  SOURCE: 'source',
  TOPIC: 'topic',
  REJECTION: 'rejection',
  /** The canonical document that owns one LSH band, for near-duplicate lookups. */
  NEAR_BAND: 'near-band',
} as const;

/**
 * Topic ids of the default crime-and-security taxonomy. Since 1.4 a topic id is any
 * id of the deployed taxonomy (`TopicIdSchema` is a string); these are for tools that
 * work with the default one (the labelled evaluation sets).
 */
const TOPIC_IDS = [
  'terrorism',
  'cybercrime',
  'human_trafficking',
  'migrant_smuggling',
  'drug_trafficking',
  'firearms',
  'organized_crime',
  'corruption_financial',
  'environmental',
  'cultural_property',
  'child_exploitation',
  'cooperation',
] as const;

/** Outcome of one source object, as reported by the CLI and the source records. */
const IngestStatus = {
  NEW: 'new',
  DUPLICATE: 'duplicate',
  /** A distinct content so close to an existing document that it is a republished copy. */
  NEAR_DUPLICATE: 'near-duplicate',
  REJECTED: 'rejected',
} as const;

/** Why an object was not ingested. Stable codes: consumers may switch on them. */
const RejectionReason = {
  EMPTY: 'empty',
  EMPTY_AFTER_NORMALIZATION: 'empty-after-normalization',
  BINARY_CONTENT: 'binary-content',
  UNSUPPORTED_TYPE: 'unsupported-type',
  /**
   * No longer given since 1.3: HTML is read as its visible text (source
   * `format: 'html'`). Kept so that rejection records written before stay valid.
   */
  HTML_CONTENT: 'html-content',
  INVALID_UTF8: 'invalid-utf8',
  UNDETECTED_ENCODING: 'undetected-encoding',
  TOO_LARGE: 'too-large',
  OBJECT_NOT_FOUND: 'object-not-found',
  /**
   * The object could not be read on the message's last allowed receive
   * (access denied, KMS, SSE-C, a foreign bucket...): `errorCode` says why.
   * A later successful read (redrive, backfill) still records its document.
   */
  UNREADABLE: 'unreadable',
} as const;

/**
 * Encodings the decoder recognises, recorded on each source. Legacy
 * single-byte encodings carry their WHATWG names (what `TextDecoder` reads);
 * 1.3 added every one after `WINDOWS_1252`.
 */
const TextEncoding = {
  UTF8: 'utf-8',
  UTF8_BOM: 'utf-8-bom',
  UTF16LE: 'utf-16le',
  UTF16BE: 'utf-16be',
  WINDOWS_1252: 'windows-1252',
  /** Central European (Polish, Czech, Slovak, Hungarian, Croatian...). */
  WINDOWS_1250: 'windows-1250',
  /** Cyrillic (Russian, Ukrainian, Bulgarian, Serbian...). */
  WINDOWS_1251: 'windows-1251',
  WINDOWS_1253: 'windows-1253',
  /** Turkish; ISO-8859-9 is read as it too. */
  WINDOWS_1254: 'windows-1254',
  WINDOWS_1255: 'windows-1255',
  WINDOWS_1256: 'windows-1256',
  WINDOWS_1257: 'windows-1257',
  WINDOWS_1258: 'windows-1258',
  ISO_8859_2: 'iso-8859-2',
  ISO_8859_5: 'iso-8859-5',
  ISO_8859_6: 'iso-8859-6',
  ISO_8859_7: 'iso-8859-7',
  ISO_8859_8: 'iso-8859-8',
  KOI8_R: 'koi8-r',
  /** Thai. */
  WINDOWS_874: 'windows-874',
} as const;

/** Format a source object was read as, recorded on its source record (since 1.3). */
const DocumentFormat = {
  /** Plain text. */
  TEXT: 'text',
  /** An HTML page or fragment, read as its visible text. */
  HTML: 'html',
  /** An RSS or Atom feed, read as its items' titles and descriptions. */
  FEED: 'feed',
} as const;

/** Attribute and index names of the document table (single-table design). */
const TableKeys = {
  PARTITION_KEY: 'pk',
  SORT_KEY: 'sk',
  GSI1_NAME: 'gsi1',
  GSI1_PARTITION_KEY: 'gsi1pk',
  GSI1_SORT_KEY: 'gsi1sk',
} as const;

/** Default cap on object size: larger objects are rejected as `too-large` without being read. */
const DEFAULT_MAX_OBJECT_BYTES = 1_048_576;

/** Default limit for keeping the normalized text inside the DynamoDB item (items max out at 400 KB). */
const DEFAULT_INLINE_TEXT_MAX_BYTES = 100_000;

/** Default receives before the ingest queue dead-letters a message (its maxReceiveCount). */
const DEFAULT_MAX_RECEIVE_COUNT = 5;

/** Names of the environment variables the Lambdas read. Set by the CDK constructs. */
const EnvKeys = {
  TABLE_NAME: 'DOCUMENT_TABLE_NAME',
  /** The near-duplicate index table (schema 1.4+): band owners, kept off the document stream. */
  NEAR_INDEX_TABLE_NAME: 'NEAR_INDEX_TABLE_NAME',
  TEXT_BUCKET_NAME: 'DOCUMENT_TEXT_BUCKET_NAME',
  MAX_OBJECT_BYTES: 'MAX_OBJECT_BYTES',
  INLINE_TEXT_MAX_BYTES: 'INLINE_TEXT_MAX_BYTES',
  EVENT_BUS_NAME: 'EVENT_BUS_NAME',
  TOPIC_THRESHOLD: 'TOPIC_THRESHOLD',
  /** A taxonomy file bundled with the ingest function, relative to its code (schema 1.4+). */
  TAXONOMY_FILE: 'TAXONOMY_FILE',
  /**
   * SHA-256 (hex) of that file as the constructs validated it at synth: a file
   * that matches needs no validation at cold start, one that does not is refused.
   */
  TAXONOMY_SHA256: 'TAXONOMY_SHA256',
  /** The ingest queue's maxReceiveCount: the receive after which a message is dead-lettered. */
  MAX_RECEIVE_COUNT: 'MAX_RECEIVE_COUNT',
  /** Queue that receives, self-contained, the events the stream consumer gave up on. */
  EVENT_FAILURE_QUEUE_URL: 'EVENT_FAILURE_QUEUE_URL',
  /** How long (seconds after the table change) the stream consumer retries before giving up. */
  EVENT_RETRY_WINDOW_SECONDS: 'EVENT_RETRY_WINDOW_SECONDS',
  /** The bucket the backfill job announces objects of. */
  INGEST_BUCKET_NAME: 'INGEST_BUCKET_NAME',
  /** The ingest queue the backfill job writes notifications to. */
  INGEST_QUEUE_URL: 'INGEST_QUEUE_URL',
} as const;

/** Source and detail type of the events the stream consumer publishes. */
const DocumentEvents = {
  SOURCE: 'doc-ingest.documents',
  DOCUMENT_INGESTED: 'DocumentIngested',
  /** A document's live sources reached zero (schema 1.3+). */
  DOCUMENT_WITHDRAWN: 'DocumentWithdrawn',
  /** A document was erased from the table (schema 1.3+). */
  DOCUMENT_PURGED: 'DocumentPurged',
  /** A document moved to a newer taxonomy version (schema 1.4+). */
  DOCUMENT_RECLASSIFIED: 'DocumentReclassified',
} as const;

export {
  DEFAULT_INLINE_TEXT_MAX_BYTES,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_RECEIVE_COUNT,
  DocumentEvents,
  DocumentFormat,
  EnvKeys,
  IngestStatus,
  ItemKind,
  RejectionReason,
  SCHEMA_MAJOR,
  SCHEMA_VERSION,
  TableKeys,
  TextEncoding,
  TOPIC_IDS,
};
