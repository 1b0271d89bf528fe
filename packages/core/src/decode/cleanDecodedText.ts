import { repairMojibakeAt } from './repairMojibakeAt.ts';

/** What cleaning did to a decoded text. */
interface CleanedText {
  text: string;
  /** C0/C1 controls, DEL and terminal escape sequences removed. */
  controlChars: number;
  /** Of those, the ones that are neither whitespace (VT, FF, NEL) nor part of an escape sequence: a sign of binary data. */
  strayControls: number;
  /** Invisible format characters removed (zero-width space, soft hyphen, bidi marks and overrides, stray BOMs); ZWNJ and ZWJ stay. */
  formatChars: number;
  mojibakeRepairs: number;
}

// Bytes 0x80-0xBF as Windows-1252 shows them: the second..fourth characters of a mojibake sequence.
const CONTINUATION =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC' +
  '\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
/*
 * Invisible characters that never carry meaning: soft hyphen, zero-width space,
 * LRM/RLM, bidi embeddings, overrides and isolates, word joiner, BOM. ZWNJ
 * (U+200C) and ZWJ (U+200D) are kept: they change words (Persian `می‌خواهیم`,
 * Hindi conjuncts) and join emoji sequences; variation selectors are kept too.
 */
const FORMAT =
  '\\u00AD\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB';
// One native scan decides whether the slow path is needed; fixed-width alternatives, no backtracking.
const NEEDS_CLEANING = new RegExp(
  `[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F${FORMAT}]|[\\u00C2-\\u00F4][${CONTINUATION}]`,
);
const ESC = 0x1b;
const MAX_ESCAPE_LENGTH = 64;

/** Length of the terminal escape sequence (CSI `ESC[…m`, OSC, two-char) at `i`. */
const escapeLength = (text: string, i: number): number => {
  const next = text.charCodeAt(i + 1);
  const limit = Math.min(text.length, i + MAX_ESCAPE_LENGTH);
  if (next === 0x5b) {
    for (let j = i + 2; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j - i + 1;
      if (c < 0x20 || c > 0x3f) break;
    }
    return 1;
  }
  if (next === 0x5d) {
    for (let j = i + 2; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x07) return j - i + 1;
      if (c === ESC && text.charCodeAt(j + 1) === 0x5c) return j - i + 2;
    }
    return 1;
  }
  return next >= 0x40 && next <= 0x5f ? 2 : 1;
};

const isControl = (c: number): boolean =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);

const isFormat = (c: number): boolean =>
  c === 0xad ||
  c === 0x180e ||
  c === 0x200b ||
  c === 0x200e ||
  c === 0x200f ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2064) ||
  (c >= 0x2066 && c <= 0x206f) ||
  c === 0xfeff ||
  (c >= 0xfff9 && c <= 0xfffb);

const onePass = (text: string): CleanedText => {
  let out = '';
  let last = 0;
  let controlChars = 0;
  let strayControls = 0;
  let formatChars = 0;
  let mojibakeRepairs = 0;
  const replace = (from: number, to: number, by: string): void => {
    out += text.slice(last, from) + by;
    last = to;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x7f && !isControl(c)) {
      i++;
    } else if (c >= 0xc2 && c <= 0xf4) {
      // Cheap pre-check: a continuation shows as 0x80-0xBF or a cp1252 sign at U+0152 and above.
      const next = text.charCodeAt(i + 1);
      if (next < 0x80 || (next > 0xbf && next < 0x152)) {
        i++;
        continue;
      }
      const repair = repairMojibakeAt(text, i);
      if (repair === undefined) {
        i++;
        continue;
      }
      const code = repair.char.codePointAt(0) ?? 0;
      replace(i, i + repair.length, isFormat(code) ? '' : repair.char);
      mojibakeRepairs++;
      i += repair.length;
    } else if (isControl(c)) {
      const length = c === ESC ? escapeLength(text, i) : 1;
      // VT and FF separate words, NEL ends a line: keep them as whitespace.
      const by = c === 0x0b || c === 0x0c ? ' ' : c === 0x85 ? '\n' : '';
      replace(i, i + length, by);
      controlChars++;
      if (by === '' && c !== ESC) strayControls++;
      i += length;
    } else if (isFormat(c)) {
      replace(i, i + 1, '');
      formatChars++;
      i++;
    } else {
      i++;
    }
  }
  const cleaned = last === 0 ? text : out + text.slice(last);
  return { text: cleaned, controlChars, strayControls, formatChars, mojibakeRepairs };
};

/**
 * Removes characters that are never content and repairs UTF-8 text that was
 * once read as Windows-1252, in one linear pass (a second pass only when a
 * repair happened, for doubly encoded text). Text needing neither is
 * returned as is after a single native regex scan.
 *
 * @example
 * cleanDecodedText('l\u00e2\u20ac\u2122\u001b[1mONU\u001b[0m').text; // 'l’ONU'
 */
const cleanDecodedText = (text: string): CleanedText => {
  if (!NEEDS_CLEANING.test(text)) {
    return { text, controlChars: 0, strayControls: 0, formatChars: 0, mojibakeRepairs: 0 };
  }
  const first = onePass(text);
  if (first.mojibakeRepairs === 0 || !NEEDS_CLEANING.test(first.text)) return first;
  const second = onePass(first.text);
  return {
    text: second.text,
    controlChars: first.controlChars + second.controlChars,
    strayControls: first.strayControls + second.strayControls,
    formatChars: first.formatChars + second.formatChars,
    mojibakeRepairs: first.mojibakeRepairs + second.mojibakeRepairs,
  };
};

export type { CleanedText };
export { cleanDecodedText };
