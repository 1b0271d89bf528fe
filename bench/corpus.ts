import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Deterministic benchmark corpus built from the project's samples: the same
 * seed always yields the same documents, byte for byte, so two runs measure
 * the same work.
 */

// BENCH_SAMPLES_DIR lets a bundled copy of the benchmark (profiling) find the samples.
const SAMPLES_DIR = process.env.BENCH_SAMPLES_DIR ?? join(import.meta.dirname, '..', 'samples');

/** One generated object: what S3 would hand the ingest function. */
interface CorpusDocument {
  key: string;
  bytes: Uint8Array;
  variant: VariantName;
}

/** One sample, decoded, split into its title and paragraphs. */
interface SampleText {
  name: string;
  title: string;
  paragraphs: string[];
}

const Variant = {
  UTF8: 'utf8',
  CRLF: 'crlf',
  NFD: 'nfd',
  NBSP: 'nbsp',
  BOM: 'bom',
  CP1252: 'cp1252',
  UTF16LE: 'utf16le',
  FOOTER: 'footer',
} as const;

type VariantName = (typeof Variant)[keyof typeof Variant];

const VARIANTS: readonly VariantName[] = Object.values(Variant);

/** Size classes of the scaling run, in bytes. */
const SIZE_CLASSES = {
  '1KB': 1_024,
  '10KB': 10_240,
  '100KB': 102_400,
  '1MB': 1_048_576,
} as const;

type SizeClass = keyof typeof SIZE_CLASSES;

// Site footers as the samples' sources print them: they exercise boilerplate stripping.
const FOOTERS: readonly string[] = [
  'Publicité\n\nNOUVELLES CONNEXES\n\nUn autre article sans rapport\n\nEncore un titre',
  'Advertisement\n\nRelated news\n\nAnother headline here\n\nSign up for our newsletter',
  'Comentarios\n\nNOTICIAS RELACIONADAS\n\nOtra noticia de la semana\n\nPublicidad',
];

// Windows-1252 bytes 0x80-0x9F, by code point.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const CP1252_BY_CODE = new Map<number, number>(
  Array.from(CP1252_HIGH, (char, index) => [char.charCodeAt(0), 0x80 + index]),
);
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** mulberry32: a small, fast, seedable PRNG; enough for shuffling test data. */
const createRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const decodeSample = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

/** The samples, decoded (UTF-8 or Windows-1252), with LF line ends. */
const loadSampleTexts = (dir: string = SAMPLES_DIR): SampleText[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = decodeSample(readFileSync(join(dir, name))).replace(/\r\n?/g, '\n');
      const [title = '', ...rest] = text.split('\n');
      const paragraphs = rest
        .join('\n')
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph.length > 0);
      return { name, title: title.trim(), paragraphs };
    });

const encodeCp1252 = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] =
      code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_BY_CODE.get(code) ?? 0x3f);
  }
  return out;
};

const encodeUtf16le = (text: string): Uint8Array => {
  const body = Buffer.from(text, 'utf16le');
  const out = new Uint8Array(body.length + 2);
  out.set([0xff, 0xfe]);
  out.set(body, 2);
  return out;
};

const withPrefix = (prefix: readonly number[], body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
};

/** Encodes a text the way the variant describes. */
const encodeVariant = (text: string, variant: VariantName, footer: string): Uint8Array => {
  const utf8 = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'utf8'));
  switch (variant) {
    case Variant.CRLF:
      return utf8(text.replace(/\n/g, '\r\n'));
    case Variant.NFD:
      return utf8(text.normalize('NFD'));
    case Variant.NBSP:
      return utf8(text.replace(/ ([:;?!»])/g, '\u00A0$1').replace(/\n\n/g, '  \n\u00A0\n'));
    case Variant.BOM:
      return withPrefix(UTF8_BOM, utf8(text));
    case Variant.CP1252:
      return encodeCp1252(text);
    case Variant.UTF16LE:
      return encodeUtf16le(text);
    case Variant.FOOTER:
      return utf8(`${text}\n\n${footer}\n`);
    default:
      return utf8(text);
  }
};

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Options of `generateCorpus`. */
interface CorpusOptions {
  /** @default 20000 */
  count?: number;
  /** @default 42 */
  seed?: number;
}

/**
 * Sample-sized documents (1.5-2.5 KB): each is a sample with its paragraphs
 * reordered and a numbered line, so every content hash differs, encoded in
 * one of the variants in turn (UTF-8, CRLF, NFD, NBSP, BOM, Windows-1252,
 * UTF-16LE, boilerplate footer).
 *
 * @example
 * const docs = generateCorpus({ count: 20_000 });
 */
const generateCorpus = (options: CorpusOptions = {}): CorpusDocument[] => {
  const count = options.count ?? 20_000;
  const random = createRandom(options.seed ?? 42);
  const samples = loadSampleTexts();
  const docs: CorpusDocument[] = [];
  for (let n = 0; n < count; n++) {
    const sample = samples[n % samples.length] as SampleText;
    const variant = VARIANTS[Math.floor(n / samples.length) % VARIANTS.length] as VariantName;
    const [lead, ...rest] = sample.paragraphs;
    const body = [lead ?? '', ...shuffled(rest, random), `Réf. ${n}`].join('\n\n');
    const text = `${sample.title}\n\n${body}\n`;
    docs.push({
      key: `incoming/bench/${String(n).padStart(6, '0')}_${variant}.txt`,
      bytes: encodeVariant(text, variant, FOOTERS[n % FOOTERS.length] as string),
      variant,
    });
  }
  return docs;
};

// The samples are in French, English or Spanish; a crude function-word vote tells which.
const guessLanguage = (sample: SampleText): string => {
  const text = ` ${sample.paragraphs.join(' ').toLowerCase()} `;
  const score = (words: readonly string[]): number =>
    words.reduce((sum, word) => sum + text.split(` ${word} `).length - 1, 0);
  const scores: [string, number][] = [
    ['fr', score(['le', 'les', 'des', 'et', 'est'])],
    ['en', score(['the', 'and', 'of', 'to', 'is'])],
    ['es', score(['el', 'los', 'las', 'y', 'que'])],
  ];
  scores.sort((x, y) => y[1] - x[1]);
  return scores[0]?.[0] ?? 'und';
};

/**
 * UTF-8 documents of about `bytes` bytes, each in one language: a sample's
 * title, then paragraphs of the samples of that language drawn at random
 * until the size is reached (cut at the last space before the limit).
 *
 * @example
 * const [doc] = generateSized(1_048_576, 1);
 */
const generateSized = (bytes: number, count: number, seed = 7): CorpusDocument[] => {
  const random = createRandom(seed + bytes);
  const samples = loadSampleTexts();
  const languages = new Map(samples.map((sample) => [sample.name, guessLanguage(sample)]));
  const docs: CorpusDocument[] = [];
  for (let n = 0; n < count; n++) {
    const sample = samples[n % samples.length] as SampleText;
    const language = languages.get(sample.name);
    const pool = samples
      .filter((other) => languages.get(other.name) === language)
      .flatMap((other) => other.paragraphs);
    const parts = [`${sample.title}\n\n`];
    let size = Buffer.byteLength(parts[0] as string, 'utf8');
    while (size < bytes) {
      const paragraph = `${pool[Math.floor(random() * pool.length)] as string}\n\n`;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph, 'utf8');
    }
    const encoded = Buffer.from(parts.join(''), 'utf8').subarray(0, bytes);
    const cut = encoded.lastIndexOf(0x20);
    docs.push({
      key: `incoming/bench/sized-${bytes}-${n}-${language}.txt`,
      bytes: new Uint8Array(encoded.subarray(0, cut > 0 ? cut : encoded.length)),
      variant: Variant.UTF8,
    });
  }
  return docs;
};

/**
 * The floor corpus of issue 14: `count` distinct UTF-8 French documents of
 * about 2 KB, each a French sample's title, then paragraphs of every French
 * sample drawn in a shuffled order until 2 KB is reached, then a numbered line.
 *
 * @example
 * const docs = generateFrench(20_000);
 */
const generateFrench = (count: number, bytes = 2_048, seed = 14): CorpusDocument[] => {
  const random = createRandom(seed);
  const samples = loadSampleTexts().filter((sample) => guessLanguage(sample) === 'fr');
  const pool = samples.flatMap((sample) => sample.paragraphs);
  const docs: CorpusDocument[] = [];
  for (let n = 0; n < count; n++) {
    const sample = samples[n % samples.length] as SampleText;
    const parts = [sample.title];
    let size = Buffer.byteLength(sample.title, 'utf8');
    for (const paragraph of shuffled(pool, random)) {
      if (size >= bytes - 20) break;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph, 'utf8') + 2;
    }
    parts.push(`Réf. ${n}`);
    docs.push({
      key: `incoming/bench/fr-${String(n).padStart(6, '0')}.txt`,
      bytes: Buffer.from(`${parts.join('\n\n')}\n`, 'utf8'),
      variant: Variant.UTF8,
    });
  }
  return docs;
};

/** Total bytes of some documents. */
const totalBytes = (docs: readonly CorpusDocument[]): number =>
  docs.reduce((sum, doc) => sum + doc.bytes.length, 0);

export type { CorpusDocument, CorpusOptions, SampleText, SizeClass, VariantName };
export {
  createRandom,
  generateCorpus,
  generateFrench,
  generateSized,
  loadSampleTexts,
  SIZE_CLASSES,
  totalBytes,
  VARIANTS,
  Variant,
};
