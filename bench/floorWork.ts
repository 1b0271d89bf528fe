import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/*
 * The floor of issue 14: the least work any topic classifier that reads words
 * must do per file. Read the bytes, decode UTF-8, NFC, lower-case, split into
 * words, one Map lookup per word against a 6,000-word dictionary, SHA-256 of
 * the text. No import of the project: `bench/floorCli.ts` runs it as a
 * process that starts as fast as Node does.
 */

const DICTIONARY_WORDS = 6_000;
const TOPICS = 12;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

const dictionary = new Map<string, number>(
  Array.from({ length: DICTIONARY_WORDS }, (_, i) => [`w${i.toString(36)}`, i % TOPICS]),
);

/** What the floor finds in one file: per-topic word counts and the text's SHA-256. */
interface FloorFinding {
  counts: number[];
  sha256: Buffer;
}

/**
 * The floor's work on one file.
 *
 * @example
 * const { sha256 } = floorFile('samples/100.txt', new TextDecoder('utf-8'));
 */
const floorFile = (path: string, decoder: { decode(bytes: Uint8Array): string }): FloorFinding => {
  const text = decoder.decode(readFileSync(path)).normalize('NFC').toLowerCase();
  const counts = new Array<number>(TOPICS).fill(0);
  for (const word of text.split(WORD_SEPARATORS)) {
    const topic = dictionary.get(word);
    if (topic !== undefined) counts[topic] = (counts[topic] ?? 0) + 1;
  }
  return { counts, sha256: createHash('sha256').update(text).digest() };
};

export type { FloorFinding };
export { floorFile };
