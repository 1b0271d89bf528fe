/**
 * One distinct written word, as the tokenizer reads it and the matcher keys
 * it. The tokenizer hands out one object per distinct spelling (see
 * `tokenize.ts`), shared by every document that writes it, so what only
 * depends on the word is worked out once: its folded form, whether it is a
 * function word, and, filled in by the matcher on first need, its lowercase
 * spelling, its stem in each language and its candidate terms.
 */
interface Word {
  /** The word exactly as written. */
  readonly surface: string;
  /**
   * Folded form used for matching: lowercase, accents stripped (see `foldText`);
   * `''` for a word longer than `MAX_TOKEN_CHARS`, which matches nothing.
   */
  readonly norm: string;
  /** Function word (`de`, `the`, `los`...) or single letter: skipped by phrase matching. */
  readonly stop: boolean;
  /** An elided article or conjunction (`l`, `qu`, `dell`): dropped before an apostrophe. */
  readonly elision: boolean;
  /** `surface` in lowercase, once asked for (what a one-word hit reports). */
  lower: string | undefined;
  /** The word's stem in each language, by `languageSlot`, once asked for. */
  readonly stems: (string | undefined)[];
  /** The cache `entry` was found for (the matcher's per-taxonomy, per-policy memory). */
  entryOf: object | undefined;
  /** What the matcher found for the word under `entryOf`. */
  entry: unknown;
  /** The learned-layer reader `learned` was found for (see `readDocumentWords`). */
  learnedOf: object | undefined;
  /** What that reader knows of the word: its stem's number and weight row. */
  learned: unknown;
}

/**
 * A new word. Every field is set here, in one order, so all words share one
 * shape and the matcher's reads of them stay fast.
 */
const createWord = (surface: string, norm: string, stop: boolean, elision: boolean): Word => ({
  surface,
  norm,
  stop,
  elision,
  lower: undefined,
  stems: [],
  entryOf: undefined,
  entry: undefined,
  learnedOf: undefined,
  learned: undefined,
});

const slots = new Map<string, number>();

/**
 * A small number per language code, the index of the language's stem in
 * `Word.stems`; the same for the life of the process.
 *
 * @example
 * word.stems[languageSlot('fr')]; // the French stem, if already computed
 */
const languageSlot = (language: string): number => {
  let slot = slots.get(language);
  if (slot === undefined) {
    slot = slots.size;
    slots.set(language, slot);
  }
  return slot;
};

export type { Word };
export { createWord, languageSlot };
