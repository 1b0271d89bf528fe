import {
  DEFAULT_INLINE_TEXT_MAX_BYTES,
  DEFAULT_MAX_OBJECT_BYTES,
  DEFAULT_MAX_RECEIVE_COUNT,
  EnvKeys,
} from '@doc-ingest/contracts';
import { type CompiledTaxonomy, compileOnFirstUse } from '@doc-ingest/core';
import * as z from 'zod/mini';
import { readBundledTaxonomy } from '../shared/readBundledTaxonomy.ts';

/** A positive whole number from an environment string, `fallback` when unset. */
const positiveIntegerOr = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.positive()), fallback);

const IngestConfigSchema = z.object({
  [EnvKeys.TABLE_NAME]: z.string().check(z.minLength(1)),
  /** Band owner items: a table of their own, without a stream (schema 1.4+). */
  [EnvKeys.NEAR_INDEX_TABLE_NAME]: z.string().check(z.minLength(1)),
  [EnvKeys.TEXT_BUCKET_NAME]: z.string().check(z.minLength(1)),
  /** Objects above this size are rejected without being downloaded. */
  [EnvKeys.MAX_OBJECT_BYTES]: positiveIntegerOr(DEFAULT_MAX_OBJECT_BYTES),
  /** Normalized texts above this size go to the text bucket instead of the item. */
  [EnvKeys.INLINE_TEXT_MAX_BYTES]: positiveIntegerOr(DEFAULT_INLINE_TEXT_MAX_BYTES),
  /** Score a topic needs to be recorded; the classifier's default when unset. */
  [EnvKeys.TOPIC_THRESHOLD]: z.optional(z.coerce.number().check(z.gte(0), z.lte(1))),
  /**
   * The taxonomy file shipped in the bundle: the built-in one, or the `taxonomy`
   * setting. Required: the bundle does not carry a taxonomy of its own.
   */
  [EnvKeys.TAXONOMY_FILE]: z.string().check(z.minLength(1)),
  /** SHA-256 of that file as validated at synth: then it is not validated again. */
  [EnvKeys.TAXONOMY_SHA256]: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** The queue's maxReceiveCount: on that receive an unreadable object is recorded. */
  [EnvKeys.MAX_RECEIVE_COUNT]: positiveIntegerOr(DEFAULT_MAX_RECEIVE_COUNT),
});

interface IngestConfig {
  tableName: string;
  nearIndexTableName: string;
  textBucketName: string;
  maxObjectBytes: number;
  inlineTextMaxBytes: number;
  topicThreshold?: number;
  /** The deployed taxonomy, read and validated at cold start, compiled by the first document. */
  taxonomy: CompiledTaxonomy;
  maxReceiveCount: number;
}

/** Parses the environment once, at cold start, so a bad deployment fails fast. */
const loadIngestConfig = (env: NodeJS.ProcessEnv): IngestConfig => {
  const parsed = IngestConfigSchema.parse(env);
  return Object.freeze({
    tableName: parsed[EnvKeys.TABLE_NAME],
    nearIndexTableName: parsed[EnvKeys.NEAR_INDEX_TABLE_NAME],
    textBucketName: parsed[EnvKeys.TEXT_BUCKET_NAME],
    maxObjectBytes: parsed[EnvKeys.MAX_OBJECT_BYTES],
    inlineTextMaxBytes: parsed[EnvKeys.INLINE_TEXT_MAX_BYTES],
    ...(parsed[EnvKeys.TOPIC_THRESHOLD] === undefined
      ? {}
      : { topicThreshold: parsed[EnvKeys.TOPIC_THRESHOLD] }),
    // A missing, invalid or altered file fails the cold start (readBundledTaxonomy).
    // Compiling (70-100 ms for the built-in one) waits for the first document,
    // which keeps it out of the import; a term only the compiler refuses fails
    // that document, and every later one, toward the DLQ.
    taxonomy: compileOnFirstUse(
      readBundledTaxonomy(parsed[EnvKeys.TAXONOMY_FILE], parsed[EnvKeys.TAXONOMY_SHA256]),
    ),
    maxReceiveCount: parsed[EnvKeys.MAX_RECEIVE_COUNT],
  });
};

export type { IngestConfig };
export { loadIngestConfig };
