import type { StoredItem } from '@doc-ingest/aws-adapters';
import { Option } from 'commander';
import type { CliStream } from './io.ts';

/** Output format of the lookup commands. */
type LookupFormat = 'json' | 'text';

/** `-o json|text`; without it, text on a terminal and JSON into a pipe or file. */
const lookupOutputOption = (): Option =>
  new Option(
    '-o, --output <format>',
    'json, or text for people (default: text on a terminal)',
  ).choices(['json', 'text']);

const formatFor = (requested: LookupFormat | undefined, stdout: CliStream): LookupFormat =>
  requested ?? (stdout.isTTY === true ? 'text' : 'json');

/** Table key attributes: storage details, not information. */
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);

/** An item without its key attributes and without the named bulky ones. */
const publicView = (item: StoredItem, drop: string[] = []): StoredItem =>
  Object.fromEntries(
    Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name) && !drop.includes(name)),
  );

const s3Uri = (ref: unknown): string => {
  const { bucket, key } = (ref ?? {}) as { bucket?: string; key?: string };
  return `s3://${bucket}/${key}`;
};

export type { LookupFormat };
export { formatFor, lookupOutputOption, publicView, s3Uri };
