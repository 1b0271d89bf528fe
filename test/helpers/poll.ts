/**
 * A `poll` for end-to-end suites: asks `probe` every `intervalMs` until it
 * returns something other than undefined, or fails naming `what` once the
 * timeout (per call, or the suite's default) has passed. Waits on LocalStack
 * are for an outcome, never a fixed sleep.
 *
 * @example
 * const poll = createPoll(120_000);
 * const item = await poll('the document', async () => (await read()) ?? undefined);
 */
const createPoll =
  (defaultTimeoutMs: number, intervalMs = 500) =>
  async <T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = defaultTimeoutMs,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };

export { createPoll };
