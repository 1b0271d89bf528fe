import { performance } from 'node:perf_hooks';
import { processDocument } from '@doc-ingest/core';
import { ADVERSARIAL_CLASSES } from './adversarialCorpus.ts';
import { generateSized } from './corpus.ts';
import { median, round } from './stats.ts';

/*
 * Adversarial throughput: the whole pure pipeline (`processDocument`) on each
 * worst-case class of bench/adversarialCorpus.ts, next to a news article of
 * the same number of bytes, in the same process. A class whose time grows
 * faster than the article's as the size grows is superlinear; the goal is
 * every class within `GOAL_RATIO` of the article at every size.
 */

/** Options of `runAdversarial`. */
interface AdversarialOptions {
  /** Sizes in characters of each class's text. @default [10240, 102400, 409600] */
  sizes?: number[];
  /** Timed runs per class and size; the median is reported. @default 5 */
  rounds?: number;
}

/** A class may take at most this many times the time of an article of its size. */
const GOAL_RATIO = 5;

interface AdversarialRow {
  name: string;
  attacks: string;
  /** Characters of the generated text. */
  chars: number;
  bytes: number;
  /** Outcome: `ok` or the rejection reason. */
  outcome: string;
  msPerKb: number;
  articleMsPerKb: number;
  /** Class time over article time for the same bytes. */
  ratio: number;
}

interface AdversarialResult {
  rounds: number;
  goalRatio: number;
  rows: AdversarialRow[];
  /** Largest ratio over all classes and sizes. */
  worstRatio: number;
  withinGoal: boolean;
}

const timeRuns = (bytes: Uint8Array, key: string, rounds: number): number => {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    processDocument({ bytes, key });
    times.push(performance.now() - start);
  }
  return median(times);
};

const runAdversarial = (options: AdversarialOptions = {}): AdversarialResult => {
  const sizes = options.sizes ?? [10_240, 102_400, 409_600];
  const rounds = options.rounds ?? 5;
  const rows: AdversarialRow[] = [];
  // One warm-up pass, so the first class does not pay for JIT compilation.
  for (const doc of generateSized(10_240, 3)) processDocument(doc);
  for (const size of sizes) {
    for (const entry of ADVERSARIAL_CLASSES) {
      const bytes = new Uint8Array(Buffer.from(entry.make(size), 'utf8'));
      const [article] = generateSized(bytes.length, 1);
      if (article === undefined) throw new Error('no article generated');
      const result = processDocument({ bytes, key: `hostile/${entry.name}.txt` });
      const classMs = timeRuns(bytes, `hostile/${entry.name}.txt`, rounds);
      const articleMs = timeRuns(article.bytes, article.key, rounds);
      const kb = bytes.length / 1_024;
      const articleKb = article.bytes.length / 1_024;
      rows.push({
        name: entry.name,
        attacks: entry.attacks,
        chars: size,
        bytes: bytes.length,
        outcome: result.ok ? 'ok' : result.rejection.reason,
        msPerKb: round(classMs / kb, 4),
        articleMsPerKb: round(articleMs / articleKb, 4),
        ratio: round(classMs / kb / (articleMs / articleKb), 2),
      });
      console.error(`adversarial ${entry.name} ${size}: ${rows.at(-1)?.ratio}x`);
    }
  }
  const worstRatio = Math.max(...rows.map((row) => row.ratio));
  return { rounds, goalRatio: GOAL_RATIO, rows, worstRatio, withinGoal: worstRatio <= GOAL_RATIO };
};

export type { AdversarialOptions, AdversarialResult, AdversarialRow };
export { GOAL_RATIO, runAdversarial };
