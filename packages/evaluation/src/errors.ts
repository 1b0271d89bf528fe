/** Base of the errors of the evaluation harness. */
class EvaluationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EvaluationError';
  }
}

/**
 * The folder to evaluate cannot be used as given: no `labels.json` nor
 * `pairs.json`, unreadable JSON, or labels that do not match the schema. The
 * caller misused the tool; retrying will not help.
 *
 * @example
 * try {
 *   await runEvaluation({ dir: 'nowhere' });
 * } catch (error) {
 *   if (error instanceof EvaluationInputError) process.exitCode = 2;
 * }
 */
class EvaluationInputError extends EvaluationError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EvaluationInputError';
  }
}

export { EvaluationError, EvaluationInputError };
