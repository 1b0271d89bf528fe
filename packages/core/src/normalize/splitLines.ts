const OTHER_SPACES = '\\t\\v\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000';
/*
 * What the single native scan stops at: a line break, or a run of Unicode
 * spaces other than one plain space (left in place, like most of the text).
 * Fixed alternatives with greedy runs: no backtracking, linear time.
 */
const TOKEN = new RegExp(
  `\\r\\n?|[\\n\\u0085\\u2028\\u2029]|[ ${OTHER_SPACES}]{2,}|[${OTHER_SPACES}]`,
  'g',
);
const PARAGRAPH_SEPARATOR = 0x2029;

const isLineBreak = (c: number): boolean =>
  c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === PARAGRAPH_SEPARATOR;

/**
 * Splits text into trimmed lines in one pass: LF, CRLF, CR, NEL and U+2028
 * end a line (U+2029 ends a paragraph), every run of Unicode spaces becomes
 * one plain space, and each run of blank lines becomes a single `''`, never
 * at either end.
 *
 * @example
 * splitLines(' Titre\u00a0 \r\n\r\n\r\n\tTexte\u2003!\r'); // ['Titre', '', 'Texte !']
 */
const splitLines = (text: string): string[] => {
  const lines: string[] = [];
  let blankPending = false;
  let line = '';
  let start = 0;
  const endLine = (end: number): void => {
    const content = (line + text.slice(start, end)).trim();
    line = '';
    if (content === '') {
      blankPending = lines.length > 0;
      return;
    }
    if (blankPending) lines.push('');
    blankPending = false;
    lines.push(content);
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const c = match[0].charCodeAt(0);
    if (isLineBreak(c)) {
      endLine(match.index);
      if (c === PARAGRAPH_SEPARATOR) blankPending = lines.length > 0;
    } else {
      line += `${text.slice(start, match.index)} `;
    }
    start = TOKEN.lastIndex;
  }
  endLine(text.length);
  return lines;
};

export { splitLines };
