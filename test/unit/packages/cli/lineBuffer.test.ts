import { describe, expect, it } from 'vitest';
import { createLineBuffer } from '../../../../packages/cli/src/lineBuffer.ts';

/** A stream that records each write. */
const recorder = () => {
  const writes: string[] = [];
  return { writes, stream: { write: (chunk: string) => writes.push(chunk) } };
};

describe('Function: createLineBuffer', () => {
  it('gathers lines into one write once enough are there, and writes the rest on flush', () => {
    // Prepare: never old enough, so only the size decides
    const { writes, stream } = recorder();
    const out = createLineBuffer(stream, { maxChars: 8, maxDelayMs: Number.POSITIVE_INFINITY });

    // Act
    out.write('one\n');
    const beforeFull = [...writes];
    out.write('two\n');
    out.write('six\n');
    out.flush();
    out.flush();

    // Assess
    expect(beforeFull).toEqual([]);
    expect(writes).toEqual(['one\ntwo\n', 'six\n']);
  });

  it('writes each line at once when lines may not wait', () => {
    // Prepare
    const { writes, stream } = recorder();
    const out = createLineBuffer(stream, { maxDelayMs: 0 });

    // Act
    out.write('one\n');
    out.write('two\n');

    // Assess
    expect(writes).toEqual(['one\n', 'two\n']);
  });
});
