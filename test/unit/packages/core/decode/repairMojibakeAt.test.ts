import { describe, expect, it } from 'vitest';
import { repairMojibakeAt } from '../../../../../packages/core/src/decode/repairMojibakeAt.ts';

describe('Function: repairMojibakeAt', () => {
  it.each([
    ['Ã©', 0, { char: 'é', length: 2 }],
    ['lâ€™', 1, { char: '’', length: 3 }],
    ['ðŸ˜€', 0, { char: '😀', length: 4 }],
    ['Ã\u00a0', 0, { char: 'à', length: 2 }],
  ])('repairs %j at %i', (text, index, expected) => {
    // Act
    const repair = repairMojibakeAt(text, index);

    // Assess
    expect(repair).toEqual(expected);
  });

  it.each([
    ['a plain letter', 'abc', 0],
    ['a sequence cut by the end', 'â€', 0],
    ['a lead without continuation', 'Ã ', 0],
    ['an overlong sequence', 'à€€', 0],
    ['an implausible code point (É» = U+027B)', 'É»', 0],
    ['a surrogate (í €)', 'í\u00a0€', 0],
  ])('refuses %s', (_, text, index) => {
    // Act
    const repair = repairMojibakeAt(text, index);

    // Assess
    expect(repair).toBeUndefined();
  });
});
