/** Base class of the contract package's errors. */
class RecordContractError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RecordContractError';
  }
}

/** A stream record or item does not match the published schema. */
class RecordSchemaViolationError extends RecordContractError {
  readonly issues: readonly string[];

  constructor(message: string, issues: readonly string[], options?: ErrorOptions) {
    super(message, options);
    this.name = 'RecordSchemaViolationError';
    this.issues = issues;
  }
}

export { RecordContractError, RecordSchemaViolationError };
