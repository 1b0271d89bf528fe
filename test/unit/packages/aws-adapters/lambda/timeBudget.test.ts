import { describe, expect, it } from 'vitest';
import {
  TimeBudgetExhaustedError,
  timeBudget,
} from '../../../../../packages/aws-adapters/src/lambda/timeBudget.ts';

/** A context whose remaining time is whatever the test sets. */
const clock = (remaining: number) => {
  const context = { left: remaining, getRemainingTimeInMillis: () => context.left };
  return context;
};

describe('Function: timeBudget', () => {
  it('lets records start while more than a quarter of the timeout is left', () => {
    // Prepare
    const context = clock(60_000);
    const ensureTime = timeBudget(context);

    // Act
    context.left = 15_001;

    // Assess
    expect(ensureTime).not.toThrow();
  });

  it('refuses to start a record inside the reserve', () => {
    // Prepare
    const context = clock(60_000);
    const ensureTime = timeBudget(context);

    // Act
    context.left = 14_999;

    // Assess
    expect(ensureTime).toThrow(TimeBudgetExhaustedError);
  });

  it.each([
    [4_000, 2_000],
    [1_000, 500],
    [900_000, 15_000],
  ])('bounds the reserve for a %i ms timeout to %i ms', (timeout, reserve) => {
    // Prepare
    const context = clock(timeout);
    const ensureTime = timeBudget(context);

    // Act + Assess
    context.left = reserve + 1;
    expect(ensureTime).not.toThrow();
    context.left = reserve - 1;
    expect(ensureTime).toThrow(/reserve/);
  });
});
