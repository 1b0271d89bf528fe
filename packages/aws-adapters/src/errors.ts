/** Base class of the adapters' errors. */
class AdapterError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AdapterError';
  }
}

/**
 * A dependency failed in a way worth retrying (throttling, a transaction
 * conflict, a partial EventBridge failure). The handler lets the record fail
 * so that the queue or stream delivers it again.
 */
class TransientDependencyError extends AdapterError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TransientDependencyError';
  }
}

export { AdapterError, TransientDependencyError };
