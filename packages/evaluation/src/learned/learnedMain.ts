import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_THRESHOLD, TAXONOMY_VERSION } from '@doc-ingest/core';
import { EvaluationInputError } from '../errors.ts';
import { crossValidate, type Figures, figuresOf, stratifiedFolds } from './crossValidate.ts';
import {
  type LabelledView,
  type LearnedModel,
  predictWithModel,
  trainModel,
} from './learnedModel.ts';
import { loadLabelledViews } from './loadLabelledViews.ts';

const USAGE = `usage:
  learnedScorer cv <train dir>... [--dev <dir>]... [--stems] [--threshold <p>] [--l2 <x>] [--epochs <n>]
  learnedScorer train <train dir>... --out <model.json> [--dev <dir>]... [--stems] [--threshold <p>] [--l2 <x>] [--epochs <n>]
  learnedScorer score --model <model.json> <dir>
`;

interface LearnedIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const format = (value: number | null): string => (value === null ? '  -  ' : value.toFixed(3));

const line = (label: string, f: Figures): string =>
  `${label.padEnd(8)} docs ${String(f.documents).padStart(4)}  tp ${f.tp} fp ${f.fp} fn ${f.fn}  P ${format(f.microPrecision)} R ${format(f.microRecall)}  micro-F1 ${format(f.microF1)}  no-topic FP ${format(f.noTopicRate)}  Arabic micro-F1 ${format(f.arabicMicroF1)}\n`;

const parseCli = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      dev: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      model: { type: 'string' },
      stems: { type: 'boolean', default: false },
      threshold: { type: 'string', default: '0.5' },
      l2: { type: 'string', default: '0.01' },
      epochs: { type: 'string', default: '400' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });

const loadAll = async (dirs: readonly string[]): Promise<LabelledView[][]> =>
  Promise.all(dirs.map((dir) => loadLabelledViews(dir)));

/**
 * The learned-scorer experiment: `cv` cross-validates on the training folders
 * (leave-one-folder-out, then a 5-fold split by document stratified by
 * language) next to the plain rules; `train` freezes a model as JSON; `score`
 * runs a frozen model and the rules on a labelled folder.
 */
const learnedMain = async (argv: readonly string[], io: LearnedIo): Promise<number> => {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...dirs] = positionals;
  if (values.help === true || command === undefined) {
    io.stdout(USAGE);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  const at = (path: string) => resolve(io.cwd, path);
  const threshold = Number(values.threshold);
  const l2 = Number(values.l2);
  const options = {
    taxonomyVersion: TAXONOMY_VERSION,
    ruleThreshold: DEFAULT_THRESHOLD,
    threshold,
    useStems: values.stems,
    train: { l2Dense: l2, l2Buckets: l2 * 10, epochs: Number(values.epochs) },
  };
  try {
    if (command === 'cv') {
      const parts = await loadAll(dirs.map(at));
      const extra = (await loadAll(values.dev.map(at))).flat();
      const documents = parts.flat();
      const byPart = parts.flatMap((part, p) => part.map(() => p));
      io.stdout(`leave one folder out (${parts.length} folds)\n`);
      const leave = crossValidate(documents, byPart, options, extra);
      io.stdout(line('rules', leave.rules) + line('learned', leave.learned));
      for (const { fold, rules, learned } of leave.perFold) {
        io.stdout(
          `  held-out folder ${dirs[fold]}\n${line('  rules', rules)}${line('  learned', learned)}`,
        );
      }
      io.stdout('5-fold by document, stratified by language\n');
      const five = crossValidate(documents, stratifiedFolds(documents, 5), options, extra);
      io.stdout(line('rules', five.rules) + line('learned', five.learned));
      return 0;
    }
    if (command === 'train') {
      if (values.out === undefined) throw new EvaluationInputError('train needs --out');
      const documents = [...(await loadAll(dirs.map(at))), ...(await loadAll(values.dev.map(at)))];
      const model = trainModel(documents.flat(), {
        ...options,
        trainedOn: [...dirs, ...values.dev],
      });
      await writeFile(at(values.out), `${JSON.stringify(model)}\n`);
      io.stdout(`model written to ${at(values.out)} (${documents.flat().length} documents)\n`);
      return 0;
    }
    if (command === 'score') {
      if (values.model === undefined || dirs.length !== 1) {
        throw new EvaluationInputError('score needs --model and one folder');
      }
      const model = JSON.parse(await readFile(at(values.model), 'utf8')) as LearnedModel;
      if (model.kind !== 'doc-ingest-learned-scorer') {
        throw new EvaluationInputError(`${values.model} is not a learned-scorer model`);
      }
      if (model.taxonomyVersion !== TAXONOMY_VERSION) {
        io.stderr(
          `warning: model trained on taxonomy ${model.taxonomyVersion}, rules are ${TAXONOMY_VERSION}\n`,
        );
      }
      const documents = await loadLabelledViews(at(dirs[0] as string));
      const rules = figuresOf(
        documents,
        documents.map((doc) =>
          Object.entries(doc.scores).flatMap(([id, score]) =>
            (score ?? 0) >= DEFAULT_THRESHOLD ? [id as LabelledView['expected'][number]] : [],
          ),
        ),
      );
      const learned = figuresOf(
        documents,
        documents.map((doc) => predictWithModel(model, doc)),
      );
      io.stdout(`${dirs[0]}\n${line('rules', rules)}${line('learned', learned)}`);
      return 0;
    }
    io.stderr(`unknown command ${command}\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof EvaluationInputError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
};

export type { LearnedIo };
export { learnedMain };
