import { isMark } from '../language/countLetters.ts';

/**
 * Most combining marks kept in a row. Unicode's Stream-Safe Text Format (UAX #15)
 * bounds a run of non-starters at 30, enough for any real writing; no language
 * stacks more. Longer runs ("zalgo" text, or an attack) are cut to this length:
 * normalization reorders each run of marks by sorting it, which costs the square
 * of the run's length, so an unbounded run makes NFC, NFD and folding quadratic.
 */
const MAX_COMBINING_MARKS = 30;

// A full run of the allowed marks, then the excess; one greedy pass, no backtracking
// beyond the 30 marks of the first group.
const EXCESS_MARKS = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');

// Below U+0300 no unit is a combining mark.
const FIRST_MARK = 0x300;

/**
 * Whether `text` may hold more than `MAX_COMBINING_MARKS` marks in a row: a
 * scan of its units by table, much cheaper than the Unicode-property expression,
 * which then runs only on the rare text that passes. A surrogate counts as a
 * possible mark (marks exist outside the BMP), so the answer is never a wrong no.
 */
const mayHaveLongMarkRun = (text: string): boolean => {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < FIRST_MARK) {
      run = 0;
    } else if ((unit >= 0xd800 && unit <= 0xdfff) || isMark(unit)) {
      run++;
      if (run > MAX_COMBINING_MARKS) return true;
    } else {
      run = 0;
    }
  }
  return false;
};

/**
 * Cuts every run of combining marks to `MAX_COMBINING_MARKS`, so that Unicode
 * normalization of the result is linear in its length.
 *
 * @example
 * capCombiningMarks(`a${'\u0301'.repeat(1000)}`).length; // 31
 */
const capCombiningMarks = (text: string): string =>
  mayHaveLongMarkRun(text) ? text.replace(EXCESS_MARKS, '$1') : text;

export { capCombiningMarks, MAX_COMBINING_MARKS };
