// Only chardet's single-byte recognisers: its index also bundles the multi-byte and
// UTF ones (12 KB more in the Lambda bundle) that this module never needs.
import {
  ISO_8859_1,
  ISO_8859_2,
  ISO_8859_5,
  ISO_8859_6,
  ISO_8859_7,
  ISO_8859_8,
  ISO_8859_9,
  KOI8_R,
  windows_874,
  windows_1251,
  windows_1256,
  windows_1257,
  windows_1258,
} from 'chardet/lib/encoding/sbcs.js';

/** A single-byte encoding the decoder reads, by its WHATWG name (`TextDecoder#encoding`). */
type LegacyEncodingName =
  | 'windows-1250'
  | 'windows-1251'
  | 'windows-1252'
  | 'windows-1253'
  | 'windows-1254'
  | 'windows-1255'
  | 'windows-1256'
  | 'windows-1257'
  | 'windows-1258'
  | 'windows-874'
  | 'iso-8859-2'
  | 'iso-8859-5'
  | 'iso-8859-6'
  | 'iso-8859-7'
  | 'iso-8859-8'
  | 'koi8-r';

/** What the detector concluded about bytes that are not UTF-8. */
type LegacyDetection =
  | { ok: true; encoding: LegacyEncodingName; confidence: number }
  | {
      ok: false;
      detail: string;
      /**
       * Whether Windows-1252 is still possible: the best guess is Latin-1, or
       * no guess reached the minimum confidence (too little text to tell).
       */
      westernPossible: boolean;
    };

/**
 * chardet's names (ICU's) of the single-byte encodings read here, to the
 * WHATWG decoder that reads them. Latin-1 is read as Windows-1252, its
 * superset; WHATWG reads ISO-8859-9 as Windows-1254 the same way.
 */
const DECODER_OF: Readonly<Record<string, LegacyEncodingName>> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-6': 'iso-8859-6',
  'windows-1256': 'windows-1256',
  'ISO-8859-7': 'iso-8859-7',
  'windows-1253': 'windows-1253',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-8-I': 'iso-8859-8',
  'windows-1255': 'windows-1255',
  'ISO-8859-9': 'windows-1254',
  'windows-1254': 'windows-1254',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
};

// Code pages of Latin-script languages, whose text is mostly ASCII letters.
const LATIN_RECOGNISERS = [
  new ISO_8859_1(),
  new ISO_8859_2(),
  new ISO_8859_9(),
  new windows_1257(),
  new windows_1258(),
];
const ALL_RECOGNISERS = [
  ...LATIN_RECOGNISERS,
  new ISO_8859_5(),
  new ISO_8859_6(),
  new ISO_8859_7(),
  new ISO_8859_8(),
  new windows_1251(),
  new windows_1256(),
  new windows_874(),
  new KOI8_R(),
];
/**
 * Below this share of bytes above 0x7F, a text is in a Latin script: Cyrillic,
 * Greek, Hebrew, Arabic and Thai text has most of its bytes there. Such a text
 * is only scored against Latin code pages, a third less work; a non-Latin
 * quote in it then reads as odd words and is refused, never accepted.
 */
const LATIN_MAX_HIGH_SHARE = 0.15;

interface Guess {
  name: string;
  confidence: number;
  lang?: string;
}

/** chardet's guesses for `sample`, best first (what its `analyse` does, single-byte only). */
const analyse = (sample: Uint8Array): Guess[] => {
  const byteStats = new Array<number>(256).fill(0);
  for (const byte of sample) byteStats[byte] = (byteStats[byte] ?? 0) + 1;
  let c1Bytes = false;
  for (let byte = 0x80; byte <= 0x9f && !c1Bytes; byte++) c1Bytes = (byteStats[byte] ?? 0) > 0;
  const context = {
    byteStats,
    c1Bytes,
    rawInput: sample,
    rawLen: sample.length,
    inputBytes: sample,
    inputLen: sample.length,
  };
  let high = 0;
  for (let byte = 0x80; byte <= 0xff; byte++) high += byteStats[byte] ?? 0;
  const recognisers =
    high <= sample.length * LATIN_MAX_HIGH_SHARE ? LATIN_RECOGNISERS : ALL_RECOGNISERS;
  return recognisers
    .flatMap((recogniser) => recogniser.match(context) ?? [])
    .sort((a, b) => b.confidence - a.confidence);
};

/**
 * Bytes the detector reads: its n-gram statistics settle long before, and its
 * cost (about 0.5 µs a byte, every language of every code page) stays bounded.
 */
const DETECTION_SAMPLE_BYTES = 16_384;
/** chardet confidence (0-100) a non-Western encoding needs to be believed. */
const MIN_CONFIDENCE = 20;
/** Lead over the best candidate that would read the text differently. */
const MIN_MARGIN = 10;

/*
 * ISO-8859 encodings and the Windows code page that shares most of their
 * letters: ICU tells them apart only by bytes 0x80-0x9F, which a Windows text
 * without its few letters there (Polish ś, ź; Greek quotes) does not have.
 */
const COUNTERPART: Readonly<Partial<Record<LegacyEncodingName, LegacyEncodingName>>> = {
  'iso-8859-2': 'windows-1250',
  'windows-1250': 'iso-8859-2',
  'iso-8859-7': 'windows-1253',
  'windows-1253': 'iso-8859-7',
  'iso-8859-8': 'windows-1255',
  'windows-1255': 'iso-8859-8',
};

const LETTER = /\p{L}/u;

/*
 * Letters that Central European, Turkish, Baltic and Vietnamese code pages turn
 * into when read as Windows-1252 (ř ø, ě ì, ň ò, ı ý, ş þ, ğ ð, ő õ, š, ž...) and
 * that Western text seldom holds. When the detector is unsure, one of them is
 * enough to refuse Windows-1252 rather than risk mojibake.
 */
const SUSPECT_LETTERS_1252 = /[øìòýþðÞÐÝõÕšžŠŽ]/u;

/*
 * When both readings are letters (ISO-8859-2 `š` is Windows-1250 `ą`), the
 * detected language decides: letters it never writes make a reading wrong.
 * Polish has no š ž ť ľ; the other languages of these code pages have no ą.
 */
const FOREIGN_LETTERS: Readonly<Record<string, RegExp>> = {
  pl: /[šžťľŠŽŤĽ]/u,
  default: /[ąĄ]/u,
};

const decoders = new Map<LegacyEncodingName, InstanceType<typeof TextDecoder>>();

/** The (cached) decoder of a legacy encoding. */
const legacyDecoder = (encoding: LegacyEncodingName): InstanceType<typeof TextDecoder> => {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding);
    decoders.set(encoding, decoder);
  }
  return decoder;
};

/** Whether every character of `text` at the positions `at` is a letter. */
const lettersAt = (text: string, at: readonly number[]): boolean =>
  at.every((index) => LETTER.test(text.charAt(index)));

/** Whether some character of `text` at the positions `at` is foreign to `language`. */
const foreignAt = (text: string, at: readonly number[], language: string): boolean => {
  const foreign = FOREIGN_LETTERS[language] ?? (FOREIGN_LETTERS.default as RegExp);
  return at.some((index) => foreign.test(text.charAt(index)));
};

/**
 * Between an ISO-8859 encoding and its Windows counterpart, the reading whose
 * differing characters are all letters wins (ISO-8859-2 `ą` read as
 * Windows-1250 is the sign `±`, so the text is ISO-8859-2); when both are
 * letters, the one without letters foreign to the detected language wins
 * (see `FOREIGN_LETTERS`); otherwise the text is refused.
 */
const settleCounterpart = (
  sample: Uint8Array,
  encoding: LegacyEncodingName,
  text: string,
  confidence: number,
  language: string,
): LegacyDetection => {
  const counterpart = COUNTERPART[encoding];
  if (counterpart === undefined) return { ok: true, encoding, confidence };
  const other = legacyDecoder(counterpart).decode(sample);
  // Single-byte decoders map one byte to one UTF-16 unit: positions line up.
  const differ: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== other[i]) differ.push(i);
  if (differ.length === 0) return { ok: true, encoding, confidence };
  let mine = lettersAt(text, differ);
  let theirs = lettersAt(other, differ);
  if (mine && theirs) {
    mine = !foreignAt(text, differ, language);
    theirs = !foreignAt(other, differ, language);
  }
  if (mine && !theirs) return { ok: true, encoding, confidence };
  if (theirs && !mine) return { ok: true, encoding: counterpart, confidence };
  return {
    ok: false,
    detail: `${encoding} or ${counterpart}: characters ${differ.slice(0, 3).join(', ')}... read plausibly both ways`,
    westernPossible: false,
  };
};

/**
 * Names the single-byte encoding of bytes that are not UTF-8, with chardet
 * (a port of ICU's detector: byte n-gram statistics per language and
 * encoding) over the first 16 KB. The best guess is kept when it is a
 * single-byte encoding read here, with a confidence of at least 20 and a
 * lead of 10 over the best guess that would decode the sample to other
 * characters (Windows-1257 against ISO-8859-2 on a short Baltic text is a
 * tie: it is refused rather than risked); an ISO-8859 guess and its Windows
 * counterpart are settled by which reads the bytes where they differ as
 * letters (see `settleCounterpart`). A multi-byte guess (Shift_JIS,
 * GB18030...) or no clear winner is `ok: false`, saying whether
 * Windows-1252 is still possible; the caller then decides, or rejects.
 *
 * @example
 * detectLegacyEncoding(koi8Bytes); // { ok: true, encoding: 'koi8-r', confidence: 41 }
 */
const detectLegacyEncoding = (bytes: Uint8Array): LegacyDetection => {
  const sample = bytes.subarray(0, DETECTION_SAMPLE_BYTES);
  const matches = analyse(sample);
  const [best] = matches;
  if (best === undefined) {
    return { ok: false, detail: 'no encoding detected', westernPossible: true };
  }
  const encoding = DECODER_OF[best.name];
  if (best.confidence < MIN_CONFIDENCE) {
    return {
      ok: false,
      detail: `best guess ${best.name} at confidence ${best.confidence} only`,
      westernPossible: !SUSPECT_LETTERS_1252.test(legacyDecoder('windows-1252').decode(sample)),
    };
  }
  if (encoding === undefined) {
    return {
      ok: false,
      detail: `looks like ${best.name} (confidence ${best.confidence}), which is not read`,
      westernPossible: false,
    };
  }
  const text = legacyDecoder(encoding).decode(sample);
  const rival = matches.find((match: Guess) => {
    const other = DECODER_OF[match.name];
    return (
      other !== encoding && (other === undefined || legacyDecoder(other).decode(sample) !== text)
    );
  });
  if (rival !== undefined && best.confidence - rival.confidence < MIN_MARGIN) {
    return {
      ok: false,
      detail: `${best.name} (confidence ${best.confidence}) and ${rival.name} (${rival.confidence}) are too close to tell`,
      westernPossible: encoding === 'windows-1252',
    };
  }
  return settleCounterpart(sample, encoding, text, best.confidence, best.lang ?? '');
};

export type { LegacyDetection, LegacyEncodingName };
export { DETECTION_SAMPLE_BYTES, detectLegacyEncoding, legacyDecoder, MIN_CONFIDENCE, MIN_MARGIN };
