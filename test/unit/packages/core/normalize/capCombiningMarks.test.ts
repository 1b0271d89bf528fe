import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capCombiningMarks,
  MAX_COMBINING_MARKS,
} from '../../../../../packages/core/src/normalize/capCombiningMarks.ts';

// The plain rule: every run of more than MAX_COMBINING_MARKS marks cut to that many.
const referenceCap = (text: string): string =>
  text.replace(new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu'), '$1');

const ACUTE = '\u0301';
// A combining mark beyond the BMP (musical symbol combining stem).
const ASTRAL_MARK = '\u{1D165}';

describe('Function: capCombiningMarks', () => {
  it.each([
    { name: 'plain text', text: 'Né à Paris, déjà.', expected: 'Né à Paris, déjà.' },
    {
      name: 'a run of exactly the limit',
      text: `a${ACUTE.repeat(30)}b`,
      expected: `a${ACUTE.repeat(30)}b`,
    },
    {
      name: 'a run one over the limit',
      text: `a${ACUTE.repeat(31)}b`,
      expected: `a${ACUTE.repeat(30)}b`,
    },
    { name: 'a long run', text: `a${ACUTE.repeat(1000)}`, expected: `a${ACUTE.repeat(30)}` },
    {
      name: 'a long run of marks beyond the BMP',
      text: `a${ASTRAL_MARK.repeat(40)}`,
      expected: `a${ASTRAL_MARK.repeat(30)}`,
    },
    {
      name: 'marks of both planes in one run',
      text: `a${`${ACUTE}${ASTRAL_MARK}`.repeat(20)}`,
      expected: `a${`${ACUTE}${ASTRAL_MARK}`.repeat(15)}`,
    },
    { name: 'emoji, not marks', text: '😀'.repeat(40), expected: '😀'.repeat(40) },
  ])('cuts $name as the rule says', ({ text, expected }) => {
    // Act
    const capped = capCombiningMarks(text);

    // Assess
    expect(capped).toBe(expected);
    expect(capped).toBe(referenceCap(text));
  });

  it('agrees with the plain rule on any mix of letters and marks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('a', 'é', ' ', '😀', '\uD800', ASTRAL_MARK, '\u200D'),
            fc.constantFrom(ACUTE, '\u0327', '\u0651').map((mark) => mark.repeat(8)),
            fc.string({ maxLength: 3 }),
          ),
          { maxLength: 40 },
        ),
        (pieces) => {
          // Prepare
          const text = pieces.join('');

          // Act
          const capped = capCombiningMarks(text);

          // Assess
          expect(capped).toBe(referenceCap(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
