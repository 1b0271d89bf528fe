// franc-min's own language models and script expressions, read by a faster
// scorer: franc looks each trigram up in each language's model (a plain object
// per language), and finds the script by collecting every match of twenty
// script expressions. Here one Map lookup per trigram gives its rank in every
// language of the script, and a text of Latin-1/Latin Extended characters only
// skips the script expressions (no other script has a code point below U+0250).
// The ranking is franc's, number for number (test/unit/.../rankTrigrams.test.ts
// compares the two on every labelled document).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/** One language and its score (the best scores 1), as franc ranks them. */
type Ranking = readonly (readonly [string, number])[];

interface ScriptModel {
  languages: readonly string[];
  /** Language -> its index in `languages`. */
  indexOf: ReadonlyMap<string, number>;
  /**
   * Trigram (as {@link trigramKey}) -> the languages whose model has it, each
   * as `index << 16 | rank`: a trigram is in a few of the models, so a text is
   * read against those only, not against every language.
   */
  ranks: ReadonlyMap<number, Int32Array>;
}

/** franc reads at most this many characters of a text. */
const MAX_LENGTH = 2048;
/** franc's distance for a trigram a model lacks. */
const MAX_DIFFERENCE = 300;
const UNDETERMINED = 'und';

/** A character no script but Latin may claim: every script starts above U+024F. */
const BEYOND_LATIN_EXTENDED = /[\u0250-\uffff]/;
/** franc's Latin letters below U+0250. */
const LATIN_LETTER = /[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
/** What franc's cleaning turns into spaces: ASCII punctuation and digits, then runs of space. */
const PUNCTUATION_AND_DIGITS = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

const models = new Map<string, ScriptModel>();

/**
 * The three UTF-16 units from `at` as one number, a key that spares a string
 * per trigram and its hashing. Units below 1024 (Latin, Greek, Cyrillic) pack
 * into a small integer below 2^30, which V8 hashes fastest; any other trigram
 * maps to 2^48 and up, exactly (below 2^53), so the two never meet.
 */
const trigramKey = (text: string, at: number): number => {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a < 1024 && b < 1024 && c < 1024
    ? (a << 20) | (b << 10) | c
    : 2 ** 48 + a * 2 ** 32 + b * 2 ** 16 + c;
};

/** The models of one script, built on first use (most texts need only Latin's). */
const modelOf = (script: string): ScriptModel | undefined => {
  const cached = models.get(script);
  if (cached !== undefined) return cached;
  const byLanguage = data[script];
  if (byLanguage === undefined) return undefined;
  const languages = Object.keys(byLanguage);
  const dense = new Map<number, Int16Array>();
  languages.forEach((language, index) => {
    const trigrams = (byLanguage[language] as string).split('|');
    trigrams.forEach((trigram, rank) => {
      // A text's trigrams are three UTF-16 units: no other entry can ever match.
      if (trigram.length !== 3) return;
      const key = trigramKey(trigram, 0);
      let row = dense.get(key);
      if (row === undefined) {
        row = new Int16Array(languages.length).fill(-1);
        dense.set(key, row);
      }
      // A trigram listed twice keeps its first (best) rank, as franc does.
      if ((row[index] as number) < 0) row[index] = rank;
    });
  });
  const ranks = new Map<number, Int32Array>();
  for (const [key, row] of dense) {
    const entries: number[] = [];
    row.forEach((rank, index) => {
      if (rank >= 0) entries.push((index << 16) | rank);
    });
    ranks.set(key, Int32Array.from(entries));
  }
  const model = {
    languages,
    indexOf: new Map(languages.map((language, index) => [language, index])),
    ranks,
  };
  models.set(script, model);
  return model;
};

/** The script whose characters are the largest share of `value` (franc's rule, ties to the first). */
const topScript = (value: string): [string | undefined, number] => {
  if (!BEYOND_LATIN_EXTENDED.test(value)) {
    // Only Latin can match; with no letter every script scores 0 and the first wins.
    return LATIN_LETTER.test(value) ? ['Latin', 1] : [Object.keys(expressions)[0], 0];
  }
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  }
  return [top, topShare];
};

/** Reused by every call (the ranking is synchronous): one Map, not one per text. */
const trigramCounts = new Map<number, number>();

/** How often each trigram of the cleaned text occurs (franc's `asDictionary`). */
const countTrigrams = (value: string): Map<number, number> => {
  const cleaned = ` ${value.replace(PUNCTUATION_AND_DIGITS, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
  const counts = trigramCounts;
  counts.clear();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const key = trigramKey(cleaned, i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

const allowed = (language: string, only: readonly string[]): boolean =>
  only.length === 0 || only.includes(language);

/**
 * franc-min's `francAll(text, { minLength, only })`, faster: languages by
 * trigram distance to their models within the text's main script, best first,
 * scored 1 for the best; `[['und', 1]]` for a text too short or of no
 * language. Ties keep the models' order, as franc's stable sort does.
 *
 * @example
 * rankTrigrams('Le gouvernement a annoncé hier un plan.', 10, ['fra', 'cat']);
 * // [['fra', 1], ['cat', 0.93…]]
 */
const rankTrigrams = (text: string, minLength = 10, only: readonly string[] = []): Ranking => {
  if (text.length === 0 || text.length < minLength) return [[UNDETERMINED, 1]];
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const model = script === undefined ? undefined : modelOf(script);
  if (script === undefined || model === undefined) {
    // A script of one language (Greek, Thai...) names it; no script names none.
    return script === undefined || share === 0 || !allowed(script, only)
      ? [[UNDETERMINED, 1]]
      : [[script, 1]];
  }
  // The models' order, whatever the order of `only`: ties are broken by it.
  const picked =
    only.length === 0
      ? model.languages.map((_, index) => index)
      : only
          .map((language) => model.indexOf.get(language) ?? -1)
          .filter((index, at, all) => index >= 0 && all.indexOf(index) === at)
          .sort((a, b) => a - b);
  if (picked.length === 0) return [[UNDETERMINED, 1]];
  const distances = new Float64Array(model.languages.length);
  const wanted = new Uint8Array(model.languages.length);
  for (const index of picked) wanted[index] = 1;
  // Every trigram costs every language MAX_DIFFERENCE (counted once, in
  // `missing`), less what a model that has it saves: integers throughout, so
  // the sums are franc's exactly.
  let missing = 0;
  for (const [trigram, occurrences] of countTrigrams(value)) {
    missing += MAX_DIFFERENCE;
    const entries = model.ranks.get(trigram);
    if (entries === undefined) continue;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k] as number;
      const index = entry >>> 16;
      if (wanted[index] === 0) continue;
      const saved = MAX_DIFFERENCE - Math.abs(occurrences - (entry & 0xffff) - 1);
      distances[index] = (distances[index] as number) - saved;
    }
  }
  for (const index of picked) distances[index] = (distances[index] as number) + missing;
  const ranked = picked
    .map((index): [string, number] => [
      model.languages[index] as string,
      distances[index] as number,
    ])
    .sort((a, b) => a[1] - b[1]);
  const min = (ranked[0] as [string, number])[1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
};

export type { Ranking };
export { rankTrigrams };
