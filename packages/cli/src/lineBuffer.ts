import type { CliStream } from './io.ts';

/** Lines gathered for a stream, written in batches. */
interface LineBuffer {
  /** Adds text; writes what is gathered once it is large or old enough. */
  write(text: string): void;
  /** Writes whatever is gathered. */
  flush(): void;
}

interface LineBufferOptions {
  /**
   * Write once this many characters are gathered.
   * @default 16384
   */
  maxChars?: number;
  /**
   * Write once this long has passed since the last write, so a reader sees
   * lines come while a run goes on.
   * @default 10
   */
  maxDelayMs?: number;
}

/**
 * Gathers output lines and writes them to `stream` in batches: for thousands
 * of small results, one write per line cost more than the lines themselves.
 * A line waits at most `maxDelayMs` plus the time to produce the next one;
 * the caller flushes at the end.
 *
 * @example
 * const out = createLineBuffer(process.stdout);
 * out.write('{"status":"new"}\n');
 * out.flush();
 */
const createLineBuffer = (stream: CliStream, options: LineBufferOptions = {}): LineBuffer => {
  const maxChars = options.maxChars ?? 16_384;
  const maxDelayMs = options.maxDelayMs ?? 10;
  let pending = '';
  let lastWrite = performance.now();
  const flush = () => {
    lastWrite = performance.now();
    if (pending === '') return;
    const text = pending;
    pending = '';
    stream.write(text);
  };
  return {
    write: (text) => {
      pending += text;
      if (pending.length >= maxChars || performance.now() - lastWrite >= maxDelayMs) flush();
    },
    flush,
  };
};

export type { LineBuffer, LineBufferOptions };
export { createLineBuffer };
