import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../../../packages/core/src/normalize/splitLines.ts';

describe('Function: splitLines', () => {
  it.each<[string, string, string[]]>([
    ['nothing', '', []],
    ['only spaces and breaks', ' \t\r\n\u00a0\u2003\n\u3000', []],
    ['one line', 'Un  seul\u00a0paragraphe ', ['Un seul paragraphe']],
    ['CRLF with blank runs', 'A\r\n\r\n\r\n\r\nB\r\nC\r\n', ['A', '', 'B', 'C']],
    ['lone CR', 'A\r\rB\rC', ['A', '', 'B', 'C']],
    ['NEL and line separator', 'A\u0085B\u2028C', ['A', 'B', 'C']],
    ['paragraph separator', 'A\u2029B', ['A', '', 'B']],
    ['whitespace-only lines', 'A\n \u00a0\t\nB', ['A', '', 'B']],
    ['leading and trailing blank lines', '\n\n  A\n\n', ['A']],
    ['mixed space runs', 'a \u00a0b\t\tc\u202fd \u2009 e', ['a b c d e']],
    ['spaces around breaks', 'a  \n  b', ['a', 'b']],
  ])('splits %s', (_, text, expected) => {
    // Act
    const lines = splitLines(text);

    // Assess
    expect(lines).toEqual(expected);
  });

  it('keeps a 300 KB single line whole', () => {
    // Prepare
    const text = 'mot\u00a0: suite  '.repeat(25_000);

    // Act
    const lines = splitLines(text);

    // Assess
    expect(lines).toEqual(['mot : suite '.repeat(25_000).trim()]);
  });
});
