// Windows-1252 characters of bytes 0x80-0x9F; C1 code points stand for the five unassigned bytes.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const SPECIAL_TO_BYTE = new Map<number, number>(
  Array.from(CP1252_80_9F, (char, index) => [char.charCodeAt(0), 0x80 + index]),
);

/**
 * The byte that Windows-1252 (or Latin-1) encodes `code` as, for bytes
 * 0x80-0xFF; -1 for anything else. Used to undo UTF-8-read-as-cp1252.
 *
 * @example
 * cp1252Byte(0x2019); // 0x92 (’)
 */
const cp1252Byte = (code: number): number => {
  if (code >= 0x80 && code <= 0xff) return code;
  return SPECIAL_TO_BYTE.get(code) ?? -1;
};

export { cp1252Byte };
