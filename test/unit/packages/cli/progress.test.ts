import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../../packages/cli/src/progress.ts';

/** A stream that records each write, a terminal or not. */
const recorder = (isTTY: boolean) => {
  const writes: string[] = [];
  const stream = {
    write: (chunk: string) => writes.push(chunk) > 0,
    isTTY,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { writes, stream };
};

describe('Function: createProgress', () => {
  it.each([
    [true, 'draws a bar on a terminal'],
    [false, 'writes nothing elsewhere'],
  ])('terminal %s: %s', (terminal) => {
    // Prepare
    const { writes, stream } = recorder(terminal);

    // Act
    const progress = createProgress(stream, { label: 'process', unit: 'files', total: 4 });
    progress.update(2, { new: 2 });
    progress.stop();

    // Assess
    expect(writes.join('').includes('process')).toBe(terminal);
  });
});
