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

/**
 * Cuts every run of combining marks to `MAX_COMBINING_MARKS`, so that Unicode
 * normalization of the result is linear in its length.
 *
 * @example
 * capCombiningMarks(`a${'\u0301'.repeat(1000)}`).length; // 31
 */
const capCombiningMarks = (text: string): string => text.replace(EXCESS_MARKS, '$1');

export { capCombiningMarks, MAX_COMBINING_MARKS };
