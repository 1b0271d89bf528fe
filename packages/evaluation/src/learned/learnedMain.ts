import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TaxonomyFile } from '@doc-ingest/contracts';
import { DEFAULT_TAXONOMY, loadTaxonomy, validateTaxonomy } from '@doc-ingest/core';
import { EvaluationInputError } from '../errors.ts';
import { crossValidate, type Figures } from './crossValidate.ts';
import { type LearningView, loadLearningViews } from './learningViews.ts';
import { type TrainLayerOptions, trainLearnedLayer } from './trainLearnedLayer.ts';

const USAGE = `usage:
  learnedScorer cv <labelled dir>... [--extra <dir>]... [--taxonomy <file>] [options]
  learnedScorer train <labelled dir>... --out <taxonomy.json> [--taxonomy <file>] [options]
options: --threshold <p> (0.45) --epochs <n> (20) --learning-rate <x> (0.2) --l2 <x> (0.0001)
         --max-words <n per topic> (1500) --layer-version <1|2> (2: also reads the frame cues;
         1: for readers on @doc-ingest/contracts before 1.4.3)
cv: leave one folder out (--extra folders are always trained on), the rules next to the layer.
train: writes the taxonomy (the built-in one unless --taxonomy) with a learned layer trained on
       every folder given (a folder given twice weighs twice); its rules are unchanged.
`;

interface LearnedIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const format = (value: number | null): string => (value === null ? '  -  ' : value.toFixed(3));

const line = (label: string, f: Figures): string =>
  `${label.padEnd(10)} docs ${String(f.documents).padStart(4)}  tp ${f.tp} fp ${f.fp} fn ${f.fn}  micro-F1 ${format(f.microF1)}  no-topic FP ${format(f.noTopicRate)}  Arabic micro-F1 ${format(f.arabicMicroF1)}\n`;

const parseCli = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      extra: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      taxonomy: { type: 'string' },
      threshold: { type: 'string' },
      epochs: { type: 'string' },
      'learning-rate': { type: 'string' },
      l2: { type: 'string' },
      'max-words': { type: 'string' },
      'layer-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });

type Values = ReturnType<typeof parseCli>['values'];

const numberOption = (values: Values, name: keyof Values): number | undefined => {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isFinite(value) || value < 0) {
    throw new EvaluationInputError(`--${name} must be a non-negative number, not ${String(text)}`);
  }
  return value;
};

const trainOptions = (values: Values): TrainLayerOptions => {
  const options: TrainLayerOptions = {};
  const set = <K extends keyof TrainLayerOptions>(key: K, value: TrainLayerOptions[K]) => {
    if (value !== undefined) options[key] = value;
  };
  set('threshold', numberOption(values, 'threshold'));
  set('epochs', numberOption(values, 'epochs'));
  set('learningRate', numberOption(values, 'learning-rate'));
  set('l2', numberOption(values, 'l2'));
  set('maxWordsPerTopic', numberOption(values, 'max-words'));
  const version = values['layer-version'];
  if (version !== undefined) {
    if (version !== '1' && version !== '2') {
      throw new EvaluationInputError(`--layer-version must be 1 or 2, not ${version}`);
    }
    options.version = version === '1' ? 1 : 2;
  }
  return options;
};

/** The taxonomy file to read with and to extend; its rules only (a layer in it is replaced). */
const readTaxonomyFile = async (path: string | undefined): Promise<TaxonomyFile> => {
  if (path === undefined) return DEFAULT_TAXONOMY;
  try {
    return validateTaxonomy(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    throw new EvaluationInputError(`${path}: ${(error as Error).message}`);
  }
};

/**
 * Learned layers over the rules: `cv` estimates one by leave-one-folder-out
 * cross-validation next to the rules; `train` writes a taxonomy file carrying
 * one trained on every folder given.
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
  try {
    if (command !== 'cv' && command !== 'train') {
      throw new EvaluationInputError(`unknown command ${command}`);
    }
    if (dirs.length === 0) throw new EvaluationInputError(`${command} needs labelled folders`);
    const options = trainOptions(values);
    const file = await readTaxonomyFile(
      values.taxonomy === undefined ? undefined : at(values.taxonomy),
    );
    const { learned: _previous, ...rulesOnly } = file;
    const taxonomy = loadTaxonomy(rulesOnly);
    const load = (paths: readonly string[]): Promise<LearningView[][]> =>
      Promise.all(paths.map((dir) => loadLearningViews(at(dir), taxonomy)));
    if (command === 'cv') {
      const folders = await load(dirs);
      const extra = (await load(values.extra)).flat();
      const result = crossValidate(folders, taxonomy, options, extra);
      io.stdout(
        `leave one folder out (${folders.length} folders, ${extra.length} extra documents)\n`,
      );
      io.stdout(line('rules', result.rules) + line('learned', result.learned));
      for (const { folder, rules, learned } of result.perFolder) {
        io.stdout(`  ${dirs[folder]}\n${line('  rules', rules)}${line('  learned', learned)}`);
      }
      return 0;
    }
    if (values.out === undefined) throw new EvaluationInputError('train needs --out');
    const views = (await load(dirs)).flat();
    const learned = trainLearnedLayer(views, taxonomy, {
      ...options,
      trainedOn: `${views.length} labelled documents`,
    });
    await writeFile(at(values.out), `${JSON.stringify({ ...rulesOnly, learned }, null, 2)}\n`);
    const words = Object.values(learned.topics).reduce(
      (n, t) => n + Object.keys(t.words).length,
      0,
    );
    io.stdout(
      `${at(values.out)}: taxonomy ${file.version} with a learned layer (${views.length} documents, ${words} word weights)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof EvaluationInputError) {
      io.stderr(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
};

export type { LearnedIo };
export { learnedMain };
