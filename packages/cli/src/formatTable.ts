import type { FileResult } from './processFiles.ts';

/** Column widths of `--output table`; the source takes the rest of the line. */
const COLUMNS = [
  ['STATUS', 14],
  ['HASH', 12],
  ['LANG', 4],
  ['TOPICS / REASON', 34],
] as const;

const fitCell = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

const row = (cells: string[]): string =>
  `${cells.map((cell, index) => fitCell(cell, COLUMNS[index]?.[1] ?? cell.length)).join('  ')}\n`;

/** The header line of `--output table`. */
const tableHeader = (): string => row([...COLUMNS.map(([title]) => title), 'SOURCE']);

/** One result as a table line: short hash, topics best first (or the rejection reason). */
const tableRow = (result: FileResult): string =>
  row([
    result.status,
    result.contentHash?.slice(0, 12) ?? '-',
    result.language ?? '-',
    result.reason ?? (result.topics.map((topic) => topic.id).join(',') || '-'),
    result.source,
  ]);

export { tableHeader, tableRow };
