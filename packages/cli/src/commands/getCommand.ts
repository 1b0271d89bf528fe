import { readDocumentWithSources, type StoredItem } from '@doc-ingest/aws-adapters';
import type { TopicScore } from '@doc-ingest/contracts';
import { ExitCode, NotFoundError, UsageError } from '../io.ts';
import {
  formatFor,
  type LookupFormat,
  lookupOutputOption,
  publicView,
  s3Uri,
} from '../lookupOutput.ts';
import {
  flagTarget,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface GetOptions {
  stackName?: string;
  table?: string;
  output?: LookupFormat;
  withText?: boolean;
}

const CONTENT_HASH = /^[0-9a-f]{64}$/;

const asText = (document: StoredItem, sources: StoredItem[]): string => {
  const topics = (document.topics as TopicScore[] | undefined) ?? [];
  const near = document.nearDuplicateOf as { contentHash: string; similarity: number } | undefined;
  const lines = [
    `document  ${document.contentHash}`,
    `title     ${document.title}`,
    `language  ${document.language}`,
    `topics    ${
      topics.length === 0
        ? '(none)'
        : topics
            .map((t) => `${t.id} ${t.score.toFixed(2)} (${t.terms.slice(0, 4).join(', ')})`)
            .join('\n          ')
    }`,
    `taxonomy  ${document.taxonomyVersion}`,
    `created   ${document.createdAt}`,
    `text      ${
      document.textLocation === undefined
        ? `inline, ${document.textBytes} bytes`
        : `${s3Uri(document.textLocation)}, ${document.textBytes} bytes`
    }`,
  ];
  if (near !== undefined) {
    lines.push(`near-duplicate of ${near.contentHash} (similarity ${near.similarity})`);
  }
  lines.push(`sources   ${sources.length}`);
  for (const source of sources) {
    lines.push(
      `  ${String(source.status).padEnd(10)} ${source.receivedAt}  ${s3Uri(source)}` +
        (source.versionId === undefined ? '' : `  (version ${source.versionId})`),
    );
  }
  return `${lines.join('\n')}\n`;
};

/** `ingest get <contentHash>`: one document with its topics and sources. */
const getCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('get')
      .summary('print a stored document with its topics and sources')
      .description('Print the stored document of a content hash, with its topics and sources.')
      .argument('<contentHash>', 'the 64-hex SHA-256 of the normalized text')
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .addOption(lookupOutputOption())
      .option('--with-text', 'include the inline normalized text (JSON output)')
      .addHelpText(
        'after',
        '\nExample:\n  $ ingest get -s DocIngest 3f2a…(64 hex) -o json | jq .document.topics',
      )
      .action(async (hash: string, options: GetOptions) => {
        const contentHash = hash.toLowerCase();
        if (!CONTENT_HASH.test(contentHash)) {
          throw new UsageError(`get: a content hash is 64 hex characters, got '${hash}'`);
        }
        const { table } = await resolveTargets(context, options.stackName, {
          table: flagTarget(TABLE_FLAG, options.table),
        });
        const found = await readDocumentWithSources(context.clients.dynamodb(), table, contentHash);
        if (found === undefined) throw new NotFoundError(`no document ${contentHash} in ${table}`);
        const document = publicView(found.document, [
          'fingerprint',
          ...(options.withText ? [] : ['text']),
        ]);
        const sources = found.sources.map((source) => publicView(source));
        context.io.stdout.write(
          formatFor(options.output, context.io.stdout) === 'json'
            ? `${JSON.stringify({ document, sources }, null, 2)}\n`
            : asText(document, sources),
        );
        context.exitCode = ExitCode.OK;
      }),
};

export { getCommand };
