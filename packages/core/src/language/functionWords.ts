import { isLetterOrMark } from './countLetters.ts';

/**
 * A fast reading of the language of Latin-script text from its function words,
 * for the languages the taxonomy covers. Function words (articles, prepositions,
 * pronouns, auxiliaries) are a third to a half of the words of any text in these
 * languages, and a few of them are enough to tell the languages apart, so a line
 * is named by a table lookup per word instead of franc's trigram ranking (about
 * 1 µs per line against 20 to 60). The lists of a few neighbouring languages
 * (Catalan, Galician, Dutch, Romanian) are read too, only so that a text in one
 * of them is seen as uncertain and left to the full detector.
 */

/** Languages this reading can name (ISO 639-3, as franc names them). */
const NAMED = ['fra', 'eng', 'spa', 'ita', 'deu', 'por'] as const;

/** Neighbours whose function words overlap the named languages': never a verdict. */
const NEIGHBOURS = ['cat', 'glg', 'nld', 'ron'] as const;

const LANGUAGES: readonly string[] = [...NAMED, ...NEIGHBOURS];

// The most frequent function words of each language, lowercase, as written (accents kept).
const FUNCTION_WORDS: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  fra: 'le la les l de des du d un une et à au aux en dans pour par sur avec est sont a ont été qui que qu ne n pas plus ce cette ces il ils elle elles se s son sa ses leur leurs ou mais été selon après',
  eng: 'the of and to in a is was for on that with as by at from it be are were has have had this an which not or but their his its after who been will said they he she',
  spa: 'el la los las de del que y en un una por para con se es no al lo su sus como más pero fue ha han ser este esta sobre entre también le a según tras',
  ita: 'il lo la i gli le l di del della dei delle degli che e è un una per con non da dal dalla in al alla si sono ha anche nel nella ma come più essere stato questo dopo',
  deu: 'der die das den dem des und ist im in zu von mit sich nicht auf für ein eine einer eines auch es als an bei wird wurde sind hat aus nach dass oder wie zum zur',
  por: 'o a os as de do da dos das que e em no na nos nas um uma para por com não se é ao foi mais como seu sua pelo pela entre também ser são após sobre',
  cat: 'el la els les de del i que en un una per amb no es va al seu seva més però dels aquest aquesta ha són',
  glg: 'o a os as de do da que e en un unha para por con non se é ao foi máis como seu súa polo pola coa',
  nld: 'de het een van en in is op te dat die voor met zijn niet aan er maar om ook als bij wordt werd',
  ron: 'și în de la cu pe a al ale din pentru că nu se este sunt un o care fost mai',
};

/**
 * Each function word's weight per language: 1 shared by the languages listing
 * it, so `de` (in eight lists) counts little and `dans` or `the` count fully.
 */
const WEIGHTS: ReadonlyMap<string, Float64Array> = (() => {
  const holders = new Map<string, number[]>();
  LANGUAGES.forEach((language, index) => {
    for (const word of FUNCTION_WORDS[language]?.split(' ') ?? []) {
      const list = holders.get(word) ?? [];
      if (!list.includes(index)) list.push(index);
      holders.set(word, list);
    }
  });
  const weights = new Map<string, Float64Array>();
  for (const [word, list] of holders) {
    const row = new Float64Array(LANGUAGES.length);
    for (const index of list) row[index] = 1 / list.length;
    weights.set(word, row);
  }
  return weights;
})();

/** Longest function word: a longer word is not looked up. */
const LONGEST = Math.max(...[...WEIGHTS.keys()].map((word) => word.length));

/** Units a word read here can hold: `isLatinLetter` accepts none beyond. */
const LATIN_UNITS = 0x250;

/**
 * For each first, and each last, unit of a function word, the lengths (bit
 * `length`) of the function words that start, or end, with it. A word whose
 * first or last letter and length match no function word is not cut out of the
 * text and looked up: most words of a text are not function words.
 */
const [FIRST_UNIT_LENGTHS, LAST_UNIT_LENGTHS] = (() => {
  const first = new Uint16Array(LATIN_UNITS);
  const last = new Uint16Array(LATIN_UNITS);
  for (const word of WEIGHTS.keys()) {
    const head = word.charCodeAt(0);
    const tail = word.charCodeAt(word.length - 1);
    if (head >= LATIN_UNITS || tail >= LATIN_UNITS) continue;
    first[head] = (first[head] as number) | (1 << word.length);
    last[tail] = (last[tail] as number) | (1 << word.length);
  }
  return [first, last];
})();

/** A hash of the units of `word` (31-polynomial, 32-bit), as `readFunctionWords` hashes a word it reads. */
const wordHash = (word: string): number => {
  let hash = 0;
  for (let index = 0; index < word.length; index++) {
    hash = (Math.imul(hash, 31) + word.charCodeAt(index)) | 0;
  }
  return hash;
};

/**
 * The function words and their weights by `wordHash`: a word read is looked
 * up by a number and compared in place, instead of being cut out of the line
 * as a new string and hashed again by a `Map` of strings.
 */
const BY_HASH: ReadonlyMap<number, readonly { word: string; row: Float64Array }[]> = (() => {
  const byHash = new Map<number, { word: string; row: Float64Array }[]>();
  for (const [word, row] of WEIGHTS) {
    const hash = wordHash(word);
    byHash.set(hash, [...(byHash.get(hash) ?? []), { word, row }]);
  }
  return byHash;
})();

/** Whether a word `length` long, from `first` to `last` (lowercase), may be a function word. */
const mayBeFunctionWord = (first: number, last: number, length: number): boolean => {
  if (length > LONGEST) return false;
  const bit = 1 << length;
  return (
    ((FIRST_UNIT_LENGTHS[first] as number) & bit) !== 0 &&
    ((LAST_UNIT_LENGTHS[last] as number) & bit) !== 0
  );
};

const isLatinLetter = (unit: number): boolean =>
  (unit >= 0x61 && unit <= 0x7a) ||
  (unit >= 0xdf && unit <= 0x24f && unit !== 0xf7) ||
  unit === 0xaa ||
  unit === 0xba ||
  unit === 0xb5;

/**
 * What a unit of the text is once lowercased, learned on first sight (0: not
 * yet seen): a Latin letter, stored as its lowercase unit plus one (so at most
 * `LATIN_UNITS`); or one of the classes below. Reading a line unit by unit
 * through this table gives what lowercasing the whole line first gave, without
 * the lowercase copy: lowercasing maps each unit to one unit, but for `İ`
 * (U+0130, lowercase `i` and a combining dot: a mark, so the line is not read)
 * and for surrogates (which stay surrogates, and are not read either).
 */
const UnitClass = {
  /** Neither a Latin letter nor anything that stops the reading. */
  SEPARATOR: 0xfffd,
  /** A separator in the Arabic blocks (U+0600–U+08FF): a digit, a sign. */
  ARABIC_BLOCK_SEPARATOR: 0xfffe,
  /** A letter or mark outside Latin, or a surrogate: the line is not read. */
  OUTSIDE: 0xffff,
} as const;

const unitClasses = new Uint16Array(0x10000);

const classOf = (unit: number): number => {
  let known = unitClasses[unit] as number;
  if (known === 0) {
    known = learnClass(unit);
    unitClasses[unit] = known;
  }
  return known;
};

const learnClass = (unit: number): number => {
  if (unit >= 0xd800 && unit <= 0xdfff) return UnitClass.OUTSIDE;
  const lower = String.fromCharCode(unit).toLowerCase();
  if (lower.length !== 1) return UnitClass.OUTSIDE;
  const lowered = lower.charCodeAt(0);
  if (isLatinLetter(lowered)) return lowered + 1;
  if (lowered < LATIN_UNITS) return UnitClass.SEPARATOR;
  if (lowered >= 0xd800 || isLetterOrMark(lowered)) return UnitClass.OUTSIDE;
  return lowered >= 0x600 && lowered <= 0x8ff
    ? UnitClass.ARABIC_BLOCK_SEPARATOR
    : UnitClass.SEPARATOR;
};

/** The weights of the word `text[start, end)` read lowercase, hashed `hash`, if it is a function word. */
const weightsAt = (
  text: string,
  start: number,
  end: number,
  hash: number,
): Float64Array | undefined => {
  const entries = BY_HASH.get(hash);
  if (entries === undefined) return undefined;
  for (const { word, row } of entries) {
    if (word.length === end - start && spells(text, start, word)) return row;
  }
  return undefined;
};

/** Whether `text` from `start`, read lowercase, spells `word`. */
const spells = (text: string, start: number, word: string): boolean => {
  for (let index = 0; index < word.length; index++) {
    if (classOf(text.charCodeAt(start + index)) - 1 !== word.charCodeAt(index)) return false;
  }
  return true;
};

/**
 * A plain array of zeros, one per language: evidence is made for every line
 * read, and a typed array costs several times more to allocate.
 */
const zeros = (): number[] => new Array<number>(LANGUAGES.length).fill(0);

/** What the function words of some text say. */
interface FunctionWordEvidence {
  /** Weighted function words per language, in the order of `LANGUAGES`. */
  scores: number[];
  /** Function words of each language (unweighted), same order. */
  hits: number[];
  /** Words read. */
  words: number;
  /**
   * Whether the text read holds a unit of the Arabic blocks (U+0600–U+08FF)
   * that is neither a letter nor a mark (an Arabic-Indic digit, a sign). With a
   * letter or mark there, or a unit from U+D800, the result is `undefined`
   * instead. So when it is `false` the text holds nothing of the Arabic script
   * (lowercasing moves no unit into or out of those ranges), and the caller
   * need not look for it again.
   */
  arabicBlockUnits: boolean;
}

/** The thresholds of a verdict: see {@link nameLanguage}. */
interface VerdictThresholds {
  /** Least weighted score of the winner. */
  minScore: number;
  /** Least ratio of the winner's score to the runner-up's. */
  minRatio: number;
  /** Least share (0..1) of the words that are the winner's function words. */
  minCoverage: number;
}

/**
 * Counts the function words of `text` (read lowercase), or `undefined` when it
 * holds a letter or combining mark outside Latin (U+0000–U+024F): another
 * script, or a Latin language with letters from beyond (Vietnamese), which
 * only the full detector names.
 *
 * @example
 * readFunctionWords('La police a arrêté trois hommes dans le cadre…')?.words; // 10
 */
const readFunctionWords = (
  text: string,
  into: FunctionWordEvidence = {
    scores: zeros(),
    hits: zeros(),
    words: 0,
    arabicBlockUnits: false,
  },
): FunctionWordEvidence | undefined => {
  let start = -1;
  let hash = 0;
  let first = 0;
  let last = 0;
  const end = text.length;
  for (let i = 0; i <= end; i++) {
    const unitClass = i < end ? classOf(text.charCodeAt(i)) : UnitClass.SEPARATOR;
    if (unitClass <= LATIN_UNITS) {
      const lowered = unitClass - 1;
      if (start < 0) {
        start = i;
        hash = 0;
        first = lowered;
      }
      hash = (Math.imul(hash, 31) + lowered) | 0;
      last = lowered;
      continue;
    }
    if (unitClass === UnitClass.OUTSIDE) return undefined;
    if (unitClass === UnitClass.ARABIC_BLOCK_SEPARATOR) into.arabicBlockUnits = true;
    if (start < 0) continue;
    into.words++;
    const row = mayBeFunctionWord(first, last, i - start)
      ? weightsAt(text, start, i, hash)
      : undefined;
    start = -1;
    if (row === undefined) continue;
    for (let language = 0; language < row.length; language++) {
      const weight = row[language] as number;
      if (weight === 0) continue;
      (into.scores[language] as number) += weight;
      (into.hits[language] as number) += 1;
    }
  }
  return into;
};

/**
 * The language the evidence names (ISO 639-3), or `undefined` when it is
 * uncertain: the winner scores under `minScore`, less than `minRatio` times
 * the runner-up, its function words are under `minCoverage` of the words, or
 * it is one of the neighbours only read to catch such texts.
 *
 * @example
 * nameLanguage(readFunctionWords(line), { minScore: 1.5, minRatio: 3, minCoverage: 0.2 }); // 'fra'
 */
const nameLanguage = (
  evidence: FunctionWordEvidence,
  thresholds: VerdictThresholds,
): string | undefined => {
  let best = 0;
  let second = 0;
  let winner = -1;
  evidence.scores.forEach((score, language) => {
    if (score > best) {
      second = best;
      best = score;
      winner = language;
    } else if (score > second) {
      second = score;
    }
  });
  if (winner < 0 || winner >= NAMED.length) return undefined;
  if (best < thresholds.minScore || best < thresholds.minRatio * second) return undefined;
  if ((evidence.hits[winner] as number) < thresholds.minCoverage * evidence.words) return undefined;
  return LANGUAGES[winner];
};

/**
 * Whether the function words favour `language` (ISO 639-3) at least as much as
 * any other, with no margin asked (`la`, `le` are French, Spanish and Italian
 * alike); `false` without any function word of it.
 *
 * @example
 * favours(readFunctionWords('• la lutte contre le terrorisme'), 'fra'); // true
 */
const favours = (evidence: FunctionWordEvidence, language: string): boolean => {
  const own = evidence.scores[LANGUAGES.indexOf(language)] ?? 0;
  return own > 0 && evidence.scores.every((score) => score <= own);
};

/** The evidence of several texts together; texts without evidence are skipped. */
const sumEvidence = (all: readonly (FunctionWordEvidence | undefined)[]): FunctionWordEvidence => {
  const total: FunctionWordEvidence = {
    scores: zeros(),
    hits: zeros(),
    words: 0,
    arabicBlockUnits: false,
  };
  for (const evidence of all) {
    if (evidence === undefined) continue;
    for (let language = 0; language < LANGUAGES.length; language++) {
      (total.scores[language] as number) += evidence.scores[language] as number;
      (total.hits[language] as number) += evidence.hits[language] as number;
    }
    total.words += evidence.words;
    total.arabicBlockUnits ||= evidence.arabicBlockUnits;
  }
  return total;
};

export type { FunctionWordEvidence, VerdictThresholds };
export { favours, NAMED as FUNCTION_WORD_LANGUAGES, nameLanguage, readFunctionWords, sumEvidence };
