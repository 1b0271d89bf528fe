import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';
import { PAIR_KINDS } from './labels.ts';
import type { DocumentOutcome, EvaluationReport } from './runEvaluation.ts';
import type { PairScores } from './scorePairs.ts';
import type { TopicScores } from './scoreTopics.ts';
import { topicMisses } from './topicMisses.ts';

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toFixed(3);

const percent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)} %`;

/** Left-aligns the first column and right-aligns the others. */
const table = (rows: readonly (readonly string[])[]): string[] => {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
};

const topicSection = (scores: TopicScores): string[] => [
  ...table([
    ['topic', 'support', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'],
    ...TOPIC_IDS.flatMap((id) => {
      const c = scores.perTopic[id];
      if (c === undefined) return [];
      return [
        [
          id,
          `${c.support}`,
          `${c.tp}`,
          `${c.fp}`,
          `${c.fn}`,
          num(c.precision),
          num(c.recall),
          num(c.f1),
        ],
      ];
    }),
  ]),
  '',
  `micro: precision ${num(scores.micro.precision)}  recall ${num(scores.micro.recall)}  f1 ${num(scores.micro.f1)}`,
  `macro f1 (topics with support): ${num(scores.macroF1)}`,
  `false-positive rate on no-topic documents: ${scores.noTopic.withPrediction}/${scores.noTopic.documents} = ${percent(scores.noTopic.rate)}`,
];

const languageSection = (byLanguage: Record<string, TopicScores>): string[] =>
  table([
    ['language', 'docs', 'no-topic', 'precision', 'recall', 'micro f1', 'macro f1', 'fp rate'],
    ...Object.entries(byLanguage).map(([language, s]) => [
      language,
      `${s.documents}`,
      `${s.noTopic.documents}`,
      num(s.micro.precision),
      num(s.micro.recall),
      num(s.micro.f1),
      num(s.macroF1),
      percent(s.noTopic.rate),
    ]),
  ]);

const scored = (doc: DocumentOutcome, ids: readonly TopicId[]): string =>
  ids.map((id) => `${id} (${num(doc.scores[id] ?? null)})`).join(', ');

const missLines = (documents: readonly DocumentOutcome[]): string[] =>
  documents.flatMap((doc) => {
    const { missed, extra } = topicMisses(doc);
    if (missed.length === 0 && extra.length === 0) return [];
    const parts = [
      missed.length > 0 ? `missed ${scored(doc, missed)}` : '',
      extra.length > 0 ? `extra ${scored(doc, extra)}` : '',
    ].filter((part) => part !== '');
    return [`  ${doc.name}: ${parts.join('; ')}`];
  });

const pairSection = (pairs: PairScores): string[] => [
  `judge: ${pairs.judge}; ${pairs.pairs.length} pairs, ${pairs.skipped} not judged`,
  ...table([
    ['expected \\ predicted', ...PAIR_KINDS],
    ...PAIR_KINDS.map((expected) => [
      expected,
      ...PAIR_KINDS.map((predicted) => `${pairs.confusion[expected][predicted]}`),
    ]),
  ]),
  `exact duplicates: precision ${num(pairs.exact.precision)}  recall ${num(pairs.exact.recall)}`,
  `any duplicate (exact or near): precision ${num(pairs.duplicate.precision)}  recall ${num(pairs.duplicate.recall)}`,
  ...pairs.pairs
    .filter((pair) => pair.predicted !== pair.expected)
    .map(
      (pair) =>
        `  ${pair.a} ~ ${pair.b}: expected ${pair.expected}, got ${pair.predicted ?? 'not judged'}`,
    ),
];

/**
 * Renders an evaluation report as plain-text tables for a terminal.
 *
 * @example
 * process.stdout.write(formatReport(await runEvaluation({ dir })));
 */
const formatReport = (report: EvaluationReport): string => {
  const lines = [
    `Evaluation of ${report.dir}`,
    `threshold ${report.threshold}, taxonomy ${report.taxonomyVersion}, ${report.documents.length} documents`,
  ];
  if (report.topics !== undefined) {
    lines.push('', '## Topics', ...topicSection(report.topics));
    lines.push('', '## By language', ...languageSection(report.byLanguage));
    const misses = missLines(report.documents);
    lines.push('', `## Misses (${misses.length} documents)`, ...misses);
  }
  if (report.languageMismatches.length > 0) {
    lines.push(
      '',
      '## Language mismatches',
      ...report.languageMismatches.map(
        (m) => `  ${m.name}: expected ${m.expected}, detected ${m.detected}`,
      ),
    );
  }
  if (report.pairs !== undefined) lines.push('', '## Pairs', ...pairSection(report.pairs));
  if (report.warnings.length > 0) {
    lines.push('', '## Warnings', ...report.warnings.map((warning) => `  ${warning}`));
  }
  return `${lines.join('\n')}\n`;
};

/**
 * Renders an evaluation report as indented JSON (`null` for undefined ratios).
 *
 * @example
 * writeFileSync('report.json', formatReportJson(report));
 */
const formatReportJson = (report: EvaluationReport): string =>
  `${JSON.stringify(report, null, 2)}\n`;

export { formatReport, formatReportJson };
