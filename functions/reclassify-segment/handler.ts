import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { EnvKeys } from '@doc-ingest/contracts';
import { compileTaxonomy } from '@doc-ingest/core';
import { reclassifySegment } from '@doc-ingest/jobs';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { readBundledTaxonomy } from '../shared/readBundledTaxonomy.ts';

const ConfigSchema = z.object({
  [EnvKeys.TABLE_NAME]: z.string().check(z.minLength(1)),
  /** The taxonomy file shipped in the bundle (the built-in one, or the `taxonomy` setting). */
  [EnvKeys.TAXONOMY_FILE]: z.string().check(z.minLength(1)),
  /** SHA-256 of that file as validated at synth: then it is not validated again. */
  [EnvKeys.TAXONOMY_SHA256]: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

/**
 * A page is at most 1 MB of items, each re-scored from its text: stop
 * starting pages once less than this is left, so a round ends before the timeout.
 */
const RESERVE_MS = 60_000;

const logger = new Logger();
// Parsed at cold start, so a bad deployment fails fast.
const config = ConfigSchema.parse(process.env);
// The taxonomy the ingest function classifies with, so that a reclassification
// never moves documents to another one; a missing, bad or altered file fails the cold start.
const taxonomy = compileTaxonomy(
  readBundledTaxonomy(config[EnvKeys.TAXONOMY_FILE], config[EnvKeys.TAXONOMY_SHA256]),
);
const clients = { dynamodb: new DynamoDBClient({}), s3: new S3Client({}) };

/** One round of one parallel-scan segment of the reclassify state machine. */
const handler = middy(async (event: unknown, context: Context) => {
  const result = await reclassifySegment(
    clients,
    config[EnvKeys.TABLE_NAME],
    event,
    () => context.getRemainingTimeInMillis() > RESERVE_MS,
    taxonomy,
  );
  const { startKey: _resumeAt, ...counts } = result;
  logger.info('segment round finished', { ...counts });
  return result;
}).use(injectLambdaContext(logger));

export { handler };
