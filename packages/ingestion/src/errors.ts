/** Base of the errors the ingest decisions raise. */
class IngestionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IngestionError';
  }
}

/**
 * The object could not be read; on the last receive it was recorded as
 * `unreadable` first. Thrown so the message still fails toward the DLQ.
 */
class ObjectUnreadableError extends IngestionError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ObjectUnreadableError';
  }
}

/**
 * A store found its data in a state only a concurrent or manual change
 * explains (a document vanished while a source was added to it): the caller
 * retries, and the retry decides again.
 */
class StoreConflictError extends IngestionError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreConflictError';
  }
}

export { IngestionError, ObjectUnreadableError, StoreConflictError };
