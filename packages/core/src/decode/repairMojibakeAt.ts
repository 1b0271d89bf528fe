import { cp1252Byte } from './cp1252.ts';

/** A mojibake sequence undone: the original character and how many characters it replaces. */
interface MojibakeRepair {
  char: string;
  length: number;
}

/*
 * Code points a repair may produce. Anything else is taken as legitimate
 * text that merely looks like mojibake: «CAFÉ» is É + » = C9 BB, which would
 * "repair" to U+027B, and «PERDÓN» is Ó + » = D3 BB, U+04FB.
 */
const PLAUSIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x017f], // Latin-1 letters and signs, Latin Extended-A (œ, š, ł)
  [0x0180, 0x01bf], // Latin Extended-B up to ư/ơ (Vietnamese)
  [0x0218, 0x021b], // Romanian ș ț
  [0x0300, 0x036f], // combining accents of NFD text
  [0x0386, 0x03ce], // Greek letters
  [0x0400, 0x045f], // basic Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // spaces, dashes, quotes, bullet, ellipsis, zero-widths
  [0x20a0, 0x20cf], // currency signs (€)
  [0x2100, 0x215f], // letterlike (™, №)
  [0x2190, 0x21ff], // arrows
  [0x25a0, 0x26ff], // geometric shapes and symbols (■ ● ♦)
  [0xfeff, 0xfeff], // a BOM written inside the text
  [0x1f300, 0x1faff], // emoji
];

const isPlausible = (codePoint: number): boolean =>
  PLAUSIBLE_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high);

const continuation = (text: string, index: number): number => {
  const byte = cp1252Byte(text.charCodeAt(index));
  return byte >= 0x80 && byte <= 0xbf ? byte & 0x3f : -1;
};

/**
 * Undoes one UTF-8-read-as-Windows-1252 sequence starting at `index` ("Ã©"
 * -> "é", "â€™" -> "’", "Ã" + NBSP -> "à"), when the characters map back to
 * a well-formed UTF-8 sequence of a plausible character; otherwise undefined.
 *
 * @example
 * repairMojibakeAt('lâ€™ONU', 1); // { char: '’', length: 3 }
 */
const repairMojibakeAt = (text: string, index: number): MojibakeRepair | undefined => {
  const lead = text.charCodeAt(index);
  if (lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  if (index + length > text.length) return undefined;
  let codePoint = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  for (let k = 1; k < length; k++) {
    const bits = continuation(text, index + k);
    if (bits < 0) return undefined;
    codePoint = (codePoint << 6) | bits;
  }
  const overlong = (length === 3 && codePoint < 0x800) || (length === 4 && codePoint < 0x10000);
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (overlong || surrogate || codePoint > 0x10ffff || !isPlausible(codePoint)) return undefined;
  return { char: String.fromCodePoint(codePoint), length };
};

export type { MojibakeRepair };
export { repairMojibakeAt };
