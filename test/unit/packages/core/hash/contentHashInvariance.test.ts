import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../packages/core/src/decode/decodeText.ts';
import { computeContentHash } from '../../../../../packages/core/src/hash/computeContentHash.ts';
import { normalizeText } from '../../../../../packages/core/src/normalize/normalizeText.ts';

/*
 * One article, many byte-level disguises: every variant must reach the same
 * content hash through decodeText -> normalizeText -> computeContentHash.
 */
const ARTICLE = [
  'Trafic d’œuvres d’art : Interpol démantèle un réseau à Marseille',
  '',
  '14 février 2024',
  '',
  'Les enquêteurs ont saisi 37 tableaux et sculptures volés, d’une valeur estimée à 2,5 millions d’€ ; trois suspects ont été interpellés.',
  '',
  '« C’est une opération exemplaire de coopération », a déclaré la porte-parole de l’organisation : « les musées concernés ont été prévenus ».',
  '',
  'Les objets saisis comprennent :',
  '• des icônes byzantines ;',
  '• des statuettes précolombiennes ;',
  '• des manuscrits enluminés.',
].join('\n');

const cp1252Table = new TextDecoder('windows-1252').decode(
  Uint8Array.from({ length: 256 }, (_, index) => index),
);
const toCp1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (char) => {
    const byte = cp1252Table.indexOf(char);
    if (byte < 0) throw new Error(`${char} is not in Windows-1252`);
    return byte;
  });
const toUtf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body]);
const toUtf16 = (text: string, order: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  return new Uint8Array(order === 'le' ? le : le.swap16());
};
// UTF-8 bytes read as Windows-1252 and saved again as UTF-8.
const toMojibake = (text: string): Uint8Array =>
  toUtf8(Array.from(toUtf8(text), (byte) => cp1252Table[byte] ?? '').join(''));

const crlf = (text: string): string => text.replaceAll('\n', '\r\n');
const cr = (text: string): string => text.replaceAll('\n', '\r');
const nbsp = (text: string): string =>
  text
    .replace(/ ([:;!?»€])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/(\d) /g, '$1\u202f');
const trailingSpaces = (text: string): string => text.replaceAll('\n', '  \t\n').concat('   ');
const extraBlankLines = (text: string): string =>
  `\n\n  \n${text.replaceAll('\n\n', '\n\n\u00a0\n\n\n')}\n\n\n`;
const tabs = (text: string): string => text.replaceAll('\n•', '\n\t•').replaceAll(' : ', '\t:\t');
const invisibles = (text: string): string =>
  text.replace('démantèle', 'déman\u00adtèle').replace('réseau', 'ré\u200bseau');
const commentsTail = (text: string): string => `${text}\n\nCommentaires\n`;

describe('Function: computeContentHash (over decodeText and normalizeText)', () => {
  const hashOf = (bytes: Uint8Array, key: string): string => {
    const decoded = decodeText(bytes, { key });
    if (!decoded.ok) throw new Error(`decode rejected: ${decoded.rejection.reason}`);
    const normalized = normalizeText(decoded.value.text);
    if (!normalized.ok) throw new Error(`normalize rejected: ${normalized.rejection.reason}`);
    return computeContentHash(normalized.value.text);
  };
  const expected = computeContentHash(ARTICLE);

  it.each<[string, Uint8Array]>([
    ['UTF-8', toUtf8(ARTICLE)],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], toUtf8(ARTICLE))],
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], toUtf16(ARTICLE, 'le'))],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], toUtf16(ARTICLE, 'be'))],
    ['Windows-1252', toCp1252(ARTICLE)],
    ['CRLF', toUtf8(crlf(ARTICLE))],
    ['CR only', toUtf8(cr(ARTICLE))],
    ['NFD', toUtf8(ARTICLE.normalize('NFD'))],
    ['NBSP and narrow NBSP', toUtf8(nbsp(ARTICLE))],
    ['trailing spaces', toUtf8(trailingSpaces(ARTICLE))],
    ['extra blank lines', toUtf8(extraBlankLines(ARTICLE))],
    ['tabs', toUtf8(tabs(ARTICLE))],
    ['soft hyphen and zero-width space', toUtf8(invisibles(ARTICLE))],
    ['mojibake', toMojibake(ARTICLE)],
    ['a comments heading at the end', toUtf8(commentsTail(ARTICLE))],
    [
      'Windows-1252, CRLF, NBSP, trailing spaces',
      toCp1252(crlf(trailingSpaces(nbsp(ARTICLE).replaceAll('\u202f', '\u00a0')))),
    ],
    [
      'UTF-16BE, CR, NFD, tabs, extra blank lines',
      withBom([0xfe, 0xff], toUtf16(cr(extraBlankLines(tabs(ARTICLE.normalize('NFD')))), 'be')),
    ],
    [
      'UTF-8 BOM, CRLF, mojibake-free NBSP, blank lines',
      withBom([0xef, 0xbb, 0xbf], toUtf8(crlf(extraBlankLines(nbsp(ARTICLE))))),
    ],
  ])('gives the same hash for %s', (_, bytes) => {
    // Act
    const hash = hashOf(bytes, 'inbox/017_0123456789abcdef.txt');

    // Assess
    expect(hash).toBe(expected);
  });

  it('gives another hash for another text', () => {
    // Prepare
    const edited = ARTICLE.replace('37 tableaux', '38 tableaux');

    // Act
    const hash = hashOf(toUtf8(edited), 'a.txt');

    // Assess
    expect(hash).not.toBe(expected);
  });
});
