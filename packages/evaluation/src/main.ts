import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EvaluationInputError } from './errors.ts';
import { formatReport, formatReportJson } from './formatReport.ts';
import { createNearDuplicateJudge } from './nearDuplicateJudge.ts';
import { runEvaluation } from './runEvaluation.ts';

/** Exit codes of the `eval` command. */
const ExitCode = {
  OK: 0,
  FAILURE: 1,
  MISUSE: 2,
} as const;

interface MainIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Folder that relative paths are resolved from. */
  cwd: string;
  /** Folder evaluated when no folder is given. */
  defaultDir: string;
}

const USAGE =
  'usage: npm run eval -- [dir] [--json] [--threshold <0..1>] [--judge <minhash|exact|content-hash>]\n';

/** How `--judge` judges pairs: MinHash near-duplicates (default), exact Jaccard, or hash only. */
const JUDGES = {
  minhash: { pairJudge: createNearDuplicateJudge(), pairJudgeName: 'near-duplicate (minhash)' },
  exact: {
    pairJudge: createNearDuplicateJudge({ method: 'exact' }),
    pairJudgeName: 'near-duplicate (exact)',
  },
  'content-hash': {},
} as const;

const parseCli = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean' },
      threshold: { type: 'string' },
      judge: { type: 'string', default: 'minhash' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });

/**
 * The `eval` command without its process bindings: parses `argv`, runs the
 * evaluation and writes the report. Returns the exit code: 0 on success, 2 on
 * misuse (bad option, missing `labels.json`/`pairs.json`, invalid labels).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), {
 *   stdout: (t) => process.stdout.write(t),
 *   stderr: (t) => process.stderr.write(t),
 *   cwd: process.cwd(),
 *   defaultDir: 'test/fixtures/eval',
 * });
 */
const main = async (argv: readonly string[], io: MainIo): Promise<number> => {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return ExitCode.MISUSE;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(USAGE);
    return ExitCode.OK;
  }
  if (positionals.length > 1) {
    io.stderr(`expected at most one folder\n${USAGE}`);
    return ExitCode.MISUSE;
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
      io.stderr(`--threshold must be a number in (0, 1], got ${values.threshold}\n${USAGE}`);
      return ExitCode.MISUSE;
    }
  }
  if (!Object.hasOwn(JUDGES, values.judge)) {
    io.stderr(`--judge must be minhash, exact or content-hash, got ${values.judge}\n${USAGE}`);
    return ExitCode.MISUSE;
  }
  const judge = JUDGES[values.judge as keyof typeof JUDGES];
  const dir = positionals[0] === undefined ? io.defaultDir : resolve(io.cwd, positionals[0]);
  try {
    const report = await runEvaluation(
      threshold === undefined ? { dir, ...judge } : { dir, threshold, ...judge },
    );
    io.stdout(values.json === true ? formatReportJson(report) : formatReport(report));
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof EvaluationInputError) {
      io.stderr(`${error.message}\n`);
      return ExitCode.MISUSE;
    }
    throw error;
  }
};

export type { MainIo };
export { ExitCode, main };
