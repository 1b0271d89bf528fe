import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processDocument } from '@doc-ingest/core';
import { generateFrench } from './corpus.ts';
import { median, round } from './stats.ts';

/*
 * The floor of issue 14: the least work any topic classifier that reads words
 * must do per file (read the bytes, decode UTF-8, NFC, lower-case, split into
 * words, one Map lookup per word against a 6,000-word dictionary, SHA-256 of
 * the text), timed in the same process and the same rounds as the pipeline
 * reading the same files, so the ratio holds on a loaded machine.
 */

/** Options of `runFloor`. */
interface FloorOptions {
  /** @default 20000 */
  documents?: number;
  /** Timed rounds of each; the minimum is reported. @default 3 */
  rounds?: number;
}

interface FloorResult {
  documents: number;
  bytes: number;
  rounds: number;
  floorSeconds: number;
  pipelineSeconds: number;
  pipelineDocsPerSecond: number;
  /** Pipeline time over floor time (minimum of the rounds each): the goal is at most 4. */
  ratio: number;
  /** Median over chunks of files of the pipeline's time over the floor's on the same chunk. */
  chunkRatio: number;
}

const DICTIONARY_WORDS = 6_000;
/** Files per chunk timed by both in turn. */
const CHUNK_FILES = 250;
const TOPICS = 12;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

const dictionary = new Map<string, number>(
  Array.from({ length: DICTIONARY_WORDS }, (_, i) => [`w${i.toString(36)}`, i % TOPICS]),
);

/** The floor's work on one file; returns something that depends on all of it. */
const floorFile = (path: string, decoder: { decode(bytes: Uint8Array): string }): number => {
  const text = decoder.decode(readFileSync(path)).normalize('NFC').toLowerCase();
  const counts = new Array<number>(TOPICS).fill(0);
  for (const word of text.split(WORD_SEPARATORS)) {
    const topic = dictionary.get(word);
    if (topic !== undefined) counts[topic] = (counts[topic] ?? 0) + 1;
  }
  return createHash('sha256').update(text).digest()[0] ?? 0;
};

const time = (paths: readonly string[], work: (path: string) => number): number => {
  const start = performance.now();
  let sink = 0;
  for (const path of paths) sink ^= work(path);
  const elapsed = performance.now() - start;
  if (sink === -1) console.error(sink);
  return elapsed;
};

/**
 * Writes the French corpus to a temporary directory, then in each round times
 * the floor and `processDocument` (the core of `ingest process`) in turn on
 * each chunk of its files, and reports the minimum round of each, their ratio,
 * and the median of the chunks' ratios.
 *
 * @example
 * const { ratio } = runFloor({ documents: 2_000, rounds: 1 });
 */
const runFloor = (options: FloorOptions = {}): FloorResult => {
  const rounds = options.rounds ?? 3;
  const docs = generateFrench(options.documents ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'doc-ingest-floor-'));
  try {
    for (const doc of docs) writeFileSync(join(dir, doc.key.split('/').at(-1) ?? ''), doc.bytes);
    const paths = readdirSync(dir).map((name) => join(dir, name));
    const decoder = new TextDecoder('utf-8');
    const floor = (path: string) => floorFile(path, decoder);
    const pipeline = (path: string) => {
      const result = processDocument({ bytes: readFileSync(path), key: path });
      return result.ok ? result.value.charCount : 1;
    };
    time(paths, floor); // warm-up of both
    time(paths, pipeline);
    const floorMs: number[] = [];
    const pipelineMs: number[] = [];
    // Both timed on each chunk of files in turn: on a shared machine whose load
    // swings within seconds, neighbouring timings see the same load, so the
    // median of the chunks' ratios holds where whole-pass minimums do not.
    const chunkRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let floorRound = 0;
      let pipelineRound = 0;
      for (let start = 0; start < paths.length; start += CHUNK_FILES) {
        const chunk = paths.slice(start, start + CHUNK_FILES);
        const f = time(chunk, floor);
        const p = time(chunk, pipeline);
        floorRound += f;
        pipelineRound += p;
        chunkRatios.push(p / f);
      }
      floorMs.push(floorRound);
      pipelineMs.push(pipelineRound);
      console.error(
        `floor: round ${r + 1}/${rounds}: floor ${Math.round(floorRound)} ms, pipeline ${Math.round(pipelineRound)} ms`,
      );
    }
    const best = (values: number[]) => Math.min(...values);
    return {
      documents: docs.length,
      bytes: docs.reduce((sum, doc) => sum + doc.bytes.length, 0),
      rounds,
      floorSeconds: round(best(floorMs) / 1000, 3),
      pipelineSeconds: round(best(pipelineMs) / 1000, 3),
      pipelineDocsPerSecond: round(docs.length / (best(pipelineMs) / 1000), 0),
      ratio: round(best(pipelineMs) / best(floorMs), 2),
      chunkRatio: round(median(chunkRatios), 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export type { FloorOptions, FloorResult };
export { runFloor };
