/** A word-list reference that names no list, or lists that include each other. */
class WordListReferenceError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WordListReferenceError';
  }
}

/**
 * The words of the taxonomy's word list `name`, with the lists it includes
 * expanded in place: an entry `@other` stands for every word of list `other`.
 * Why: one list of country names per language (`en-countries`) serves both the
 * "foreign partner" context of cooperation rules (`en-foreign` includes it) and
 * rules that need a country name itself (`authorities` next to `Peru`), without
 * copying it. Duplicates are kept once, in first-seen order. Throws
 * `WordListReferenceError` for an unknown list or a cycle.
 *
 * @example
 * resolveWordList({ a: ['x', '@b'], b: ['y'] }, 'a'); // ['x', 'y']
 */
const resolveWordList = (
  lists: Readonly<Record<string, readonly string[]>>,
  name: string,
): string[] => {
  const words: string[] = [];
  const seen = new Set<string>();
  const expand = (current: string, path: readonly string[]): void => {
    const list = lists[current];
    if (list === undefined) {
      throw new WordListReferenceError(`word list "@${current}" is not defined`);
    }
    if (path.includes(current)) {
      throw new WordListReferenceError(
        `word lists include each other: ${[...path, current].map((n) => `@${n}`).join(' -> ')}`,
      );
    }
    for (const entry of list) {
      if (entry.startsWith('@')) {
        expand(entry.slice(1), [...path, current]);
      } else if (!seen.has(entry)) {
        seen.add(entry);
        words.push(entry);
      }
    }
  };
  expand(name, []);
  return words;
};

export { resolveWordList, WordListReferenceError };
