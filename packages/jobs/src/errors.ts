/** Base of the errors the jobs raise. */
class JobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JobError';
  }
}

/**
 * Some notifications of a batch were refused by the queue. The whole batch
 * fails so that Step Functions retries it: re-sending the accepted ones is
 * harmless, because ingestion of a recorded object writes nothing.
 */
class EnqueueIncompleteError extends JobError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnqueueIncompleteError';
  }
}

/** A worker was handed input that is not what the state machine sends: a bug, not a retry. */
class JobInputError extends JobError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JobInputError';
  }
}

export { EnqueueIncompleteError, JobError, JobInputError };
