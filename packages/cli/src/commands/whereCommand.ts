import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readDocumentWithSources, readKeyHistory, type StoredItem } from '@doc-ingest/aws-adapters';
import { ExitCode, NotFoundError, UsageError } from '../io.ts';
import { formatFor, type LookupFormat, lookupOutputOption } from '../lookupOutput.ts';
import {
  flagTarget,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface WhereOptions {
  stackName?: string;
  table?: string;
  output?: LookupFormat;
}

/** What one version of a key became. */
interface VersionOutcome {
  versionId: string | null;
  outcome: string;
  at: string;
  size: number;
  contentHash: string | null;
  reason: string | null;
  detail: string | null;
  document: {
    title: string;
    language: string;
    topics: string[];
    nearDuplicateOf: unknown;
    sourceCount: number;
  } | null;
}

const S3_URI = /^s3:\/\/([^/]+)\/(.+)$/;

const parseS3Uri = (uri: string): { bucket: string; key: string } => {
  const match = S3_URI.exec(uri);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new UsageError(`where: give an object as s3://bucket/key, got '${uri}'`);
  }
  return { bucket: match[1], key: match[2] };
};

/** The documents the sources point to, one read per distinct hash. */
const documentsOf = async (
  dynamodb: DynamoDBClient,
  table: string,
  sources: StoredItem[],
): Promise<Map<string, StoredItem>> => {
  const hashes = [...new Set(sources.map((source) => String(source.contentHash)))];
  const found = await Promise.all(
    hashes.map((hash) => readDocumentWithSources(dynamodb, table, hash)),
  );
  return new Map(
    found.flatMap((entry) =>
      entry === undefined ? [] : [[String(entry.document.contentHash), entry.document]],
    ),
  );
};

const toOutcomes = (
  sources: StoredItem[],
  rejections: StoredItem[],
  documents: Map<string, StoredItem>,
): VersionOutcome[] => {
  const fromSources = sources.map((source): VersionOutcome => {
    const document = documents.get(String(source.contentHash));
    return {
      versionId: (source.versionId as string | undefined) ?? null,
      outcome: String(
        document?.nearDuplicateOf !== undefined && source.status === 'new'
          ? 'near-duplicate'
          : source.status,
      ),
      at: String(source.receivedAt),
      size: Number(source.size),
      contentHash: String(source.contentHash),
      reason: null,
      detail: null,
      document:
        document === undefined
          ? null
          : {
              title: String(document.title),
              language: String(document.language),
              topics: ((document.topics as { id: string }[] | undefined) ?? []).map((t) => t.id),
              nearDuplicateOf: document.nearDuplicateOf ?? null,
              sourceCount: Number(document.sourceCount),
            },
    };
  });
  const fromRejections = rejections.map(
    (rejection): VersionOutcome => ({
      versionId: (rejection.versionId as string | undefined) ?? null,
      outcome: 'rejected',
      at: String(rejection.rejectedAt),
      size: Number(rejection.size),
      contentHash: null,
      reason: String(rejection.reason),
      detail: String(rejection.detail),
      document: null,
    }),
  );
  return [...fromSources, ...fromRejections].sort((a, b) => a.at.localeCompare(b.at));
};

const asText = (uri: string, outcomes: VersionOutcome[]): string => {
  const lines = [`${uri}: ${outcomes.length} version${outcomes.length === 1 ? '' : 's'} recorded`];
  for (const o of outcomes) {
    const what =
      o.outcome === 'rejected'
        ? `${o.reason}: ${o.detail}`
        : `${o.contentHash}  ${o.document === null ? '' : `"${o.document.title}" [${o.document.topics.join(', ') || 'no topic'}]`}`;
    lines.push(
      `  ${o.at}  ${(o.versionId ?? 'unversioned').padEnd(12)}  ${o.outcome.padEnd(14)}  ${what}`,
    );
  }
  return `${lines.join('\n')}\n`;
};

/** `ingest where s3://bucket/key`: what each version of a key became. */
const whereCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('where')
      .summary('print what each version of an S3 object became')
      .description(
        'Print what each recorded version of an S3 object became: new document, duplicate,\n' +
          'near-duplicate (with the document it copies) or rejected (with the reason), oldest first.',
      )
      .argument('<s3-uri>', 's3://bucket/key, the key as stored (not URL-encoded)')
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .addOption(lookupOutputOption())
      .addHelpText(
        'after',
        '\nExample:\n  $ ingest where -s DocIngest s3://my-bucket/2025/article.txt',
      )
      .action(async (uri: string, options: WhereOptions) => {
        const object = parseS3Uri(uri);
        const { table } = await resolveTargets(context, options.stackName, {
          table: flagTarget(TABLE_FLAG, options.table),
        });
        const dynamodb = context.clients.dynamodb();
        const history = await readKeyHistory(dynamodb, table, object);
        if (history.sources.length === 0 && history.rejections.length === 0) {
          throw new NotFoundError(
            `nothing recorded for ${uri} in ${table} (not uploaded, not ingested yet, or outside the notification filter)`,
          );
        }
        const documents = await documentsOf(dynamodb, table, history.sources);
        const outcomes = toOutcomes(history.sources, history.rejections, documents);
        context.io.stdout.write(
          formatFor(options.output, context.io.stdout) === 'json'
            ? `${JSON.stringify({ object: uri, versions: outcomes }, null, 2)}\n`
            : asText(uri, outcomes),
        );
        context.exitCode = ExitCode.OK;
      }),
};

export { whereCommand };
