import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type FileResult, processFiles } from '@doc-ingest/cli';
import { processDocument } from '@doc-ingest/core';
import { generateFrench } from './corpus.ts';
import { floorFile } from './floorWork.ts';
import { median, round } from './stats.ts';

/*
 * The floor of issue 14 (`bench/floorWork.ts`), timed against the pipeline
 * reading the same files in two ways:
 * - in this process, chunk by chunk in turn with `processDocument` (the core)
 *   and with `processFiles` (what `ingest process` runs: the decisions over
 *   the in-memory store, one run over all the files), so the ratios hold on a
 *   loaded machine;
 * - as the issue measures it: `node bench/floorCli.ts <dir>` and the real
 *   `ingest process <dir>` as child processes in turn, output to /dev/null,
 *   start-up included.
 */

const REPO_ROOT = join(import.meta.dirname, '..');
const INGEST_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'ingest.mjs');
const FLOOR_CLI = join(import.meta.dirname, 'floorCli.ts');

/** Options of `runFloor`. */
interface FloorOptions {
  /** @default 20000 */
  documents?: number;
  /** Timed rounds of each; the minimum is reported. @default 3 */
  rounds?: number;
}

/** `ingest process` end to end: the real binary against the floor command, as child processes. */
interface ProcessTimings {
  /** `node bench/floorCli.ts <dir>`, minimum of the rounds. */
  floorSeconds: number;
  /** `node packages/cli/bin/ingest.mjs process <dir>`, minimum of the rounds. */
  ingestSeconds: number;
  /** The figure: the goal is at most 4. */
  ratio: number;
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
  /** `processFiles` (ingest process in this process), minimum of the rounds. */
  processFilesSeconds: number;
  /** `processFiles` time over floor time (minimum of the rounds each). */
  processFilesRatio: number;
  /** Median over chunks of `processFiles`' time over the floor's on the same chunk. */
  processFilesChunkRatio: number;
  /** The real binary and the floor command as processes. */
  process: ProcessTimings;
}

/** Files per chunk timed by each in turn. */
const CHUNK_FILES = 250;

const time = (paths: readonly string[], work: (path: string) => number): number => {
  const start = performance.now();
  let sink = 0;
  for (const path of paths) sink ^= work(path);
  const elapsed = performance.now() - start;
  if (sink === -1) console.error(sink);
  return elapsed;
};

/** Time to take the next `count` results of a running `processFiles`, each turned into its output line. */
const timeResults = async (results: AsyncIterator<FileResult>, count: number): Promise<number> => {
  const start = performance.now();
  let chars = 0;
  for (let n = 0; n < count; n++) {
    const next = await results.next();
    if (next.done === true) throw new Error('processFiles ended early');
    chars += JSON.stringify(next.value).length + 1;
  }
  const elapsed = performance.now() - start;
  if (chars === 0) console.error(chars);
  return elapsed;
};

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/**
 * Runs a Node command with its output to /dev/null, on every core as a user
 * runs it (this benchmark's process is pinned to one: Node's garbage
 * collector works on other threads too); returns how long it took.
 */
const timeProcess = (args: string[]): number => {
  const [command, argv] = hasTaskset
    ? ['taskset', ['-c', `0-${cpus().length - 1}`, process.execPath, ...args]]
    : [process.execPath, args];
  const start = performance.now();
  const child = spawnSync(command, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  const elapsed = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}`);
  return elapsed;
};

/**
 * `ingest process <dir>` against `floorCli.ts <dir>`, in turn, each round;
 * the minimum of each. Each is run once first, so that the compile caches
 * (Node's, tsx's) hold what a user's second run finds.
 */
const timeProcesses = (dir: string, rounds: number): ProcessTimings => {
  const floor = [FLOOR_CLI, dir];
  const ingest = [INGEST_BIN, 'process', '--no-progress', dir];
  timeProcess(floor);
  timeProcess(ingest);
  const floorMs: number[] = [];
  const ingestMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    floorMs.push(timeProcess(floor));
    ingestMs.push(timeProcess(ingest));
    console.error(
      `floor: processes, round ${r + 1}/${rounds}: floor ${Math.round(floorMs.at(-1) ?? 0)} ms, ingest process ${Math.round(ingestMs.at(-1) ?? 0)} ms`,
    );
  }
  const floorBest = Math.min(...floorMs);
  const ingestBest = Math.min(...ingestMs);
  return {
    floorSeconds: round(floorBest / 1000, 3),
    ingestSeconds: round(ingestBest / 1000, 3),
    ratio: round(ingestBest / floorBest, 2),
  };
};

/**
 * Writes the French corpus to a temporary directory, then in each round times
 * the floor, `processDocument` (the core of `ingest process`) and the next
 * results of one `processFiles` run over all the files in turn on each chunk
 * of files, and reports the minimum round of each, their ratios to the floor,
 * and the medians of the chunks' ratios. Then times the real `ingest process`
 * against the floor command, as processes.
 *
 * @example
 * const { ratio, process } = await runFloor({ documents: 2_000, rounds: 1 });
 */
const runFloor = async (options: FloorOptions = {}): Promise<FloorResult> => {
  const rounds = options.rounds ?? 3;
  const docs = generateFrench(options.documents ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'doc-ingest-floor-'));
  try {
    for (const doc of docs) writeFileSync(join(dir, doc.key.split('/').at(-1) ?? ''), doc.bytes);
    const paths = readdirSync(dir).map((name) => join(dir, name));
    const decoder = new TextDecoder('utf-8');
    const floor = (path: string) => floorFile(path, decoder).sha256[0] ?? 0;
    const pipeline = (path: string) => {
      const result = processDocument({ bytes: readFileSync(path), key: path });
      return result.ok ? result.value.charCount : 1;
    };
    time(paths, floor); // warm-up of both
    time(paths, pipeline);
    const floorMs: number[] = [];
    const pipelineMs: number[] = [];
    const filesMs: number[] = [];
    // Timed on each chunk of files in turn: on a shared machine whose load
    // swings within seconds, neighbouring timings see the same load, so the
    // median of the chunks' ratios holds where whole-pass minimums do not.
    const chunkRatios: number[] = [];
    const filesChunkRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let floorRound = 0;
      let pipelineRound = 0;
      let filesRound = 0;
      // One run over all the files, as `ingest process` makes: its store grows
      // with the run, so a store whose lookups grow with it shows here.
      const results = processFiles(paths, { maxBytes: Number.POSITIVE_INFINITY })[
        Symbol.asyncIterator
      ]();
      for (let start = 0; start < paths.length; start += CHUNK_FILES) {
        const chunk = paths.slice(start, start + CHUNK_FILES);
        const f = time(chunk, floor);
        const p = time(chunk, pipeline);
        const w = await timeResults(results, chunk.length);
        floorRound += f;
        pipelineRound += p;
        filesRound += w;
        chunkRatios.push(p / f);
        filesChunkRatios.push(w / f);
      }
      floorMs.push(floorRound);
      pipelineMs.push(pipelineRound);
      filesMs.push(filesRound);
      console.error(
        `floor: round ${r + 1}/${rounds}: floor ${Math.round(floorRound)} ms, processDocument ${Math.round(pipelineRound)} ms, processFiles ${Math.round(filesRound)} ms`,
      );
    }
    const best = (values: number[]) => Math.min(...values);
    const processes = timeProcesses(dir, rounds);
    return {
      documents: docs.length,
      bytes: docs.reduce((sum, doc) => sum + doc.bytes.length, 0),
      rounds,
      floorSeconds: round(best(floorMs) / 1000, 3),
      pipelineSeconds: round(best(pipelineMs) / 1000, 3),
      pipelineDocsPerSecond: round(docs.length / (best(pipelineMs) / 1000), 0),
      ratio: round(best(pipelineMs) / best(floorMs), 2),
      chunkRatio: round(median(chunkRatios), 2),
      processFilesSeconds: round(best(filesMs) / 1000, 3),
      processFilesRatio: round(best(filesMs) / best(floorMs), 2),
      processFilesChunkRatio: round(median(filesChunkRatios), 2),
      process: processes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export type { FloorOptions, FloorResult, ProcessTimings };
export { runFloor };
