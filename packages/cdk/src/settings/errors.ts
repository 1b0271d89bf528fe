/** A deploy setting is unknown, misspelled or has a value of the wrong type or range. */
class PipelineSettingsError extends Error {
  /** One line per problem, each naming its context key. */
  public readonly problems: readonly string[];

  public constructor(problems: readonly string[], options?: ErrorOptions) {
    super(
      `Invalid doc-ingest settings:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
      options,
    );
    this.name = 'PipelineSettingsError';
    this.problems = problems;
  }
}

export { PipelineSettingsError };
