import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoClock } from '../../../../packages/cli/src/isoClock.ts';

describe('Function: isoClock', () => {
  it('tells each time as toISOString does, whatever the order of the times asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.integer({ min: 0, max: 2_000 }),
        (starts, step) => {
          // Prepare: each start, then times close to it (same second or the next)
          const times = starts.flatMap((start) => [
            start,
            start + step,
            start + 2 * step,
            start + 1,
          ]);
          let next = 0;
          const now = isoClock(() => times[next++] as number);

          // Act
          const told = times.map(() => now());

          // Assess
          expect(told).toEqual(times.map((time) => new Date(time).toISOString()));
        },
      ),
    );
  });

  it('tells the current time by default', () => {
    // Prepare
    const now = isoClock();

    // Act
    const before = Date.now();
    const told = Date.parse(now());
    const after = Date.now();

    // Assess
    expect(told).toBeGreaterThanOrEqual(before);
    expect(told).toBeLessThanOrEqual(after);
  });
});
