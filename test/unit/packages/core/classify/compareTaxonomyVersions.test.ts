import { describe, expect, it } from 'vitest';
import { compareTaxonomyVersions } from '../../../../../packages/core/src/classify/compareTaxonomyVersions.ts';

describe('Function: compareTaxonomyVersions', () => {
  it.each([
    ['2026.11.3', '2026.12.1', -1],
    ['2026.12.1', '2026.9.3', 1],
    ['2026.11.10', '2026.11.9', 1],
    ['2026.12', '2026.12.0', 0],
    ['2026.12.1', '2026.12.1', 0],
  ])('compares %s with %s part by part as numbers', (a, b, sign) => {
    // Act
    const result = compareTaxonomyVersions(a, b);

    // Assess
    expect(Math.sign(result)).toBe(sign);
  });
});
