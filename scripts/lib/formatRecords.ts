import type { DocumentRecord } from '@doc-ingest/contracts';
import type { Outcome } from './uploadAndAwait.ts';

const cut = (text: string, width: number): string =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

/** One row per uploaded object: what the pipeline made of it. Keys are shown without `prefix`. */
const formatOutcomeTable = (
  outcomes: Outcome[],
  documents: Map<string, DocumentRecord>,
  prefix = '',
): string => {
  const name = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : key);
  const header = `${cut('object', 34)}  ${cut('status', 9)}  ${cut('lang', 4)}  ${cut('topics (score)', 46)}  title`;
  const rows = outcomes.map((outcome) => {
    if (outcome.kind === 'rejection') {
      return `${cut(name(outcome.key), 34)}  ${cut('rejected', 9)}  ${cut('', 4)}  ${cut(outcome.record.reason, 46)}  ${outcome.record.detail}`;
    }
    const doc = documents.get(outcome.record.contentHash);
    const topics = doc?.topics.map((t) => `${t.id} ${t.score.toFixed(2)}`).join(', ') || '-';
    return `${cut(name(outcome.key), 34)}  ${cut(outcome.record.status, 9)}  ${cut(doc?.language ?? '', 4)}  ${cut(topics, 46)}  ${cut(doc?.title ?? '', 60)}`;
  });
  return [header, '-'.repeat(header.length + 40), ...rows].join('\n');
};

/** Documents per topic among the given documents, most frequent first. */
const formatTopicSummary = (documents: DocumentRecord[]): string => {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const topic of doc.topics) counts.set(topic.id, (counts.get(topic.id) ?? 0) + 1);
  }
  const none = documents.filter((doc) => doc.topics.length === 0).length;
  const lines = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => `  ${id.padEnd(22)} ${String(count).padStart(3)}`);
  lines.push(`  ${'(no crime topic)'.padEnd(22)} ${String(none).padStart(3)}`);
  return lines.join('\n');
};

export { formatOutcomeTable, formatTopicSummary };
