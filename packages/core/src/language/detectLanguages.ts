import type { LanguageShare } from '@doc-ingest/contracts';
// franc-min: 82 languages in ~180 KB, ~15 ms to import (eld's smallest table is
// 978 KB and ~135 ms, most of a cold start). It compares every trigram of a text
// with every language of its script, about 0.9 µs per character, so it reads all
// languages once, on a sample of the whole text, and each line against the few
// candidates that sample names (about 0.24 µs per character). `rankTrigrams`
// gives franc's rankings, faster.
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import type { LanguageDetection } from '../types.ts';
import { countLetters } from './countLetters.ts';
import {
  type FunctionWordEvidence,
  favours,
  nameLanguage,
  readFunctionWords,
  sumEvidence,
  type VerdictThresholds,
} from './functionWords.ts';
import { type Ranking, rankTrigrams } from './rankTrigrams.ts';

/** Code of an undetermined language. */
const UNDETERMINED = 'und';

interface DetectLanguagesOptions {
  /**
   * Characters of the whole-text sample read against every language (the start
   * of each sampled line, joined). It names the main language and the candidates
   * the lines are read against.
   * @default 300
   */
  sampleChars?: number;
  /**
   * Languages of the sample's ranking (best first) a line is read against.
   * @default 4
   */
  candidates?: number;
  /**
   * Characters of each sampled line read against the candidates. Choosing among
   * a few languages needs less text than naming one among all: 60 gave the same
   * verdicts as 100 on every labelled document, for 16 % less time.
   * @default 60
   */
  lineChars?: number;
  /**
   * Most lines read. A text with more lines is sampled at an even stride,
   * keeping document order, so a caption or quote anywhere can be seen.
   * @default 12
   */
  maxLines?: number;
  /**
   * Most characters of a line read again against every language, when the
   * candidates name another language than the main one.
   * @default 400
   */
  maxLineChars?: number;
  /**
   * On that second read, the main language is kept when franc scores it at least
   * this close to the best (franc's scores are relative; the best is 1). On a line
   * of fewer than 150 letters the margin (1 - closeness) widens as 150 / letters,
   * since short lines score noisily (titles, above all).
   * @default 0.9
   */
  closeness?: number;
  /**
   * Letters a line needs to be read on its own; shorter lines (dates, names,
   * bylines) are ignored.
   * @default 20
   */
  minLineLetters?: number;
  /**
   * Share (0..1) a language needs to be listed.
   * @default 0.01
   */
  minShare?: number;
  /**
   * Letters the text needs for any verdict; below it the result is `und`.
   * @default 10
   */
  minLetters?: number;
  /**
   * Name the languages of Latin-script text from its function words when they
   * are clear (see `functionWords.ts`), and rank trigrams only for what they
   * leave uncertain. `false` always ranks trigrams (franc's verdicts).
   * @default true
   */
  fast?: boolean;
}

const defaults: Required<DetectLanguagesOptions> = {
  sampleChars: 300,
  candidates: 4,
  lineChars: 60,
  maxLines: 12,
  maxLineChars: 400,
  closeness: 0.9,
  minLineLetters: 20,
  minShare: 0.01,
  minLetters: 10,
  fast: true,
};

/**
 * What the function words of all sampled lines together must show to name the
 * main language without trigrams. Calibrated on every labelled document and the
 * benchmark corpora: a clear margin, since a wrong main language changes the
 * stemmer and the topics.
 */
const DOCUMENT_THRESHOLDS: VerdictThresholds = { minScore: 4, minRatio: 4, minCoverage: 0.2 };

/** The same for one line; a line they leave uncertain is read by trigrams. */
const LINE_THRESHOLDS: VerdictThresholds = { minScore: 1.5, minRatio: 3, minCoverage: 0.15 };

/**
 * At most one sampled line in this many may hold letters beyond Latin (a
 * Vietnamese caption) for the fast path: each is then read by trigrams.
 */
const MAX_OUTSIDE_SHARE_INVERSE = 3;

/** Letters below which a line's second read needs a wider margin (see `closeness`). */
const NOISY_LINE_LETTERS = 150;

/**
 * Characters each line gives the whole-text sample at least: with less, the
 * first line's language dominates the sample (a Portuguese text with a Spanish
 * quote was read as Spanish).
 */
const MIN_SAMPLE_CHARS_PER_LINE = 40;

/** franc-min names some macrolanguages by one member; their ISO 639-1 codes. */
const MACROLANGUAGES: Readonly<Record<string, string>> = {
  arb: 'ar',
  cmn: 'zh',
  pes: 'fa',
  zlm: 'ms',
  uzn: 'uz',
  azj: 'az',
  swh: 'sw',
  plt: 'mg',
  npi: 'ne',
  ckb: 'ku',
  pbu: 'ps',
  qug: 'qu',
};

/** ISO 639-1 when the language has one, else its ISO 639-3 code (as BCP 47 does). */
const toIso1 = (code: string): string =>
  (iso6393To1 as Readonly<Record<string, string>>)[code] ?? MACROLANGUAGES[code] ?? code;

/**
 * Runs of one script, Arabic or Latin, each with the neutral characters (spaces,
 * digits, punctuation) that follow it. franc reads a line as one language, so a
 * line that mixes an Arabic paragraph with an English quote is read as two.
 */
const SCRIPT_RUN =
  /\p{Script=Arabic}[^\p{Script=Latin}]*|\p{Script=Latin}[^\p{Script=Arabic}]*|[^\p{Script=Arabic}\p{Script=Latin}]+/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;

/**
 * A unit in the Arabic blocks' range (U+0600–U+08FF) or the presentation forms
 * (U+FB50 and above, and the surrogates of the Arabic supplements). Without the
 * `u` flag the expression reads UTF-16 units, lone surrogates included; it scans
 * a line of Latin text in less than half the time of a loop over its units.
 */
const ARABIC_RANGE_UNIT = /[\u0600-\u08FF\uD800-\uFFFF]/;

/**
 * Whether `text` may hold Arabic script (see `ARABIC_RANGE_UNIT`). Checked
 * before the Unicode-property expression, which costs more on every line of
 * Latin text.
 */
const mayHoldArabic = (text: string): boolean => ARABIC_RANGE_UNIT.test(text);

const holdsArabic = (text: string): boolean => mayHoldArabic(text) && ARABIC_SCRIPT.test(text);

/**
 * A line holding both Arabic-script and Latin text in its first `maxChars`
 * characters, cut there where the script changes:
 * a run of fewer than `minLetters` letters (a Latin name such as `INTERPOL` or an
 * operation's code name inside an Arabic sentence) stays with the run before it,
 * so only a real passage in the other script (a quote, a paragraph) is read
 * apart. A line in one script is returned whole.
 */
const splitScripts = (line: string, minLetters: number, maxChars: number): string[] => {
  // Only the start of a line is ever read (see `maxLineChars`): look no further.
  const head = line.slice(0, maxChars);
  if (!holdsArabic(head) || !LATIN_SCRIPT.test(head)) return [line];
  const parts: { arabic: boolean; text: string }[] = [];
  let lead = '';
  for (const [run] of head.matchAll(SCRIPT_RUN)) {
    const last = parts.at(-1);
    if (countLetters(run) < minLetters) {
      if (last === undefined) lead += run;
      else last.text += run;
      continue;
    }
    const arabic = ARABIC_SCRIPT.test(run);
    if (last?.arabic === arabic) last.text += run;
    else parts.push({ arabic, text: lead + run });
    lead = '';
  }
  const last = parts.at(-1);
  if (last === undefined) return [line];
  // The rest of the line stays with the last passage, so verdicts still weigh it.
  last.text += line.slice(head.length);
  return parts.map((part) => part.text.trim());
};

/** At most `count` items at an even stride over `items`, in order. */
const spread = <T>(items: readonly T[], count: number): T[] => {
  if (items.length <= count) return [...items];
  const stride = items.length / count;
  return Array.from({ length: count }, (_, n) => items[Math.floor(n * stride)] as T);
};

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** franc's ranking of `text` (ISO 639-3, best first, the best scoring 1). */
const rank = (text: string, only: string[] = []): Ranking => rankTrigrams(text, 10, only);

const best = (ranking: Ranking): string => ranking[0]?.[0] ?? UNDETERMINED;

/**
 * The language of one line: read against the candidates; when that names
 * another language than the main one, read again against every language, and
 * kept as the main language unless another is clearly better.
 */
const readLine = (
  line: string,
  main: string,
  only: string[],
  settings: Required<DetectLanguagesOptions>,
): string => {
  const code = best(rank(line.slice(0, settings.lineChars), only));
  return code === main ? code : readAgainstAll(line, main, settings);
};

/** A line read against every language, kept as `main` unless another is clearly better. */
const readAgainstAll = (
  line: string,
  main: string,
  settings: Required<DetectLanguagesOptions>,
): string => {
  const longer = line.slice(0, settings.maxLineChars);
  const ranking = rank(longer);
  const mainScore = ranking.find(([candidate]) => candidate === main)?.[1] ?? 0;
  const margin = (1 - settings.closeness) * Math.max(1, NOISY_LINE_LETTERS / countLetters(longer));
  return mainScore >= 1 - margin ? main : best(ranking);
};

/** A line read on its own, with the letters its verdict stands for. */
interface SampledLine {
  text: string;
  /** Letters of the whole line, estimated from its start (`lineChars`): not only the part that was read. */
  weight: number;
}

/**
 * The lines of `candidates` with at least `minLineLetters` letters in their
 * first `lineChars` characters, each with its weight; the letters are counted
 * once for both.
 */
const sampleLines = (
  candidates: readonly string[],
  settings: Required<DetectLanguagesOptions>,
): SampledLine[] => {
  const lines: SampledLine[] = [];
  for (const text of candidates) {
    const sample = text.slice(0, settings.lineChars);
    const letters = countLetters(sample);
    if (letters >= settings.minLineLetters) {
      lines.push({ text, weight: (letters * text.length) / sample.length });
    }
  }
  return lines;
};

/**
 * The fast path: when every sampled line is in Latin script and their function
 * words together clearly name one of the taxonomy's languages, that is the main
 * language, each line clearly named by its own function words gets that name,
 * and only the others are read by trigrams (against every language, kept as the
 * main language unless another is clearly better). Returns `false`, having
 * added nothing, when the function words leave the main language uncertain.
 */
const readByFunctionWords = (
  lines: readonly SampledLine[],
  settings: Required<DetectLanguagesOptions>,
  add: (code: string, count: number) => void,
): boolean => {
  const evidence: (FunctionWordEvidence | undefined)[] = [];
  let outside = 0;
  for (const { text: line } of lines) {
    const head = line.slice(0, settings.maxLineChars);
    const read = readFunctionWords(head);
    // Arabic, Persian and Urdu are told apart by the full reading of the whole
    // text. A head read through without a unit of the Arabic blocks holds no
    // Arabic: it is not scanned again.
    if ((read === undefined || read.arabicBlockUnits) && holdsArabic(head)) return false;
    if (read === undefined) outside++;
    evidence.push(read);
  }
  if (outside * MAX_OUTSIDE_SHARE_INVERSE > lines.length) return false;
  const whole = sumEvidence(evidence);
  const main = nameLanguage(whole, DOCUMENT_THRESHOLDS);
  if (main === undefined) return false;
  lines.forEach((line, n) => {
    const read = evidence[n];
    add(lines.length === 1 ? main : lineVerdict(line.text, read, main, settings), line.weight);
  });
  return true;
};

/**
 * One line's language on the fast path: the language its function words name;
 * else the main language when its function words favour it at least as much
 * as any other (a short title, a list item); else what trigrams say (a line in
 * another script, or leaning elsewhere).
 */
const lineVerdict = (
  line: string,
  read: FunctionWordEvidence | undefined,
  main: string,
  settings: Required<DetectLanguagesOptions>,
): string => {
  if (read === undefined) return readAgainstAll(line, main, settings);
  const named = nameLanguage(read, LINE_THRESHOLDS);
  if (named !== undefined) return named;
  return favours(read, main) ? main : readAgainstAll(line, main, settings);
};

/**
 * Detects the main language of a text (ISO 639-1, or ISO 639-3 for a language
 * without a 639-1 code; `und` when unsure or too short) and the languages with a
 * noticeable share. A sample of the whole text (the start of each sampled line)
 * is read against every language, naming the main language and a few
 * candidates; each of at most `maxLines` lines, at an even stride, is then read
 * against the candidates only, and again against every language when it seems
 * to be in another one, so a caption in any language is still found. Each
 * verdict weighs the letters of its line (a line mixing Arabic-script and Latin
 * passages is read as one line per passage, see `splitScripts`); shares are of the letters whose
 * language was determined; the main language comes first. The work is bounded
 * whatever the size of the text. Before any trigram is counted, Latin-script
 * lines are read by their function words (`fast`, see `readByFunctionWords`):
 * when those name the main language clearly, trigrams read only the lines they
 * leave uncertain; the verdicts were the same on every labelled document.
 *
 * @example
 * const { language, languages } = detectLanguages(text);
 * // 'fr', [{ code: 'fr', share: 0.97 }, { code: 'vi', share: 0.03 }]
 */
const detectLanguages = (text: string, options: DetectLanguagesOptions = {}): LanguageDetection => {
  const settings = { ...defaults, ...options };
  // A length check first: counting letters of every line of a large text costs
  // more than reading the few lines that are sampled.
  const lines = sampleLines(
    spread(
      text.split('\n').filter((line) => line.length >= settings.minLineLetters),
      settings.maxLines,
    ).flatMap((line) => splitScripts(line.trim(), settings.minLineLetters, settings.maxLineChars)),
    settings,
  );
  const letters = new Map<string, number>();
  const add = (code: string, count: number) => letters.set(code, (letters.get(code) ?? 0) + count);
  if (lines.length === 0) {
    const whole = text.trim().slice(0, settings.maxLineChars);
    const count = countLetters(whole);
    if (count >= settings.minLetters) add(best(rank(whole)), count);
  } else if (!(settings.fast && readByFunctionWords(lines, settings, add))) {
    const perLine = Math.max(
      MIN_SAMPLE_CHARS_PER_LINE,
      Math.floor(settings.sampleChars / lines.length),
    );
    const ranking = rank(lines.map((line) => line.text.slice(0, perLine)).join('\n'));
    const main = best(ranking);
    const only = ranking.slice(0, settings.candidates).map(([code]) => code);
    for (const line of lines) {
      const single = lines.length === 1 || main === UNDETERMINED;
      add(single ? main : readLine(line.text, main, only, settings), line.weight);
    }
  }
  letters.delete(UNDETERMINED);
  const shares = new Map<string, number>();
  for (const [code, count] of letters) {
    const iso1 = toIso1(code);
    shares.set(iso1, (shares.get(iso1) ?? 0) + count);
  }
  const determined = [...shares.values()].reduce((sum, count) => sum + count, 0);
  if (determined < settings.minLetters) {
    return { language: UNDETERMINED, languages: [] };
  }
  const languages: LanguageShare[] = [...shares]
    .map(([code, count]) => ({ code, share: round(count / determined) }))
    .filter((share) => share.share >= settings.minShare)
    .sort((a, b) => b.share - a.share || a.code.localeCompare(b.code));
  return { language: languages[0]?.code ?? UNDETERMINED, languages };
};

export type { DetectLanguagesOptions };
export { detectLanguages, UNDETERMINED };
