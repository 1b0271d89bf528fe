import { EnvKeys } from '@doc-ingest/contracts';
import * as z from 'zod/mini';

/** DynamoDB Streams keep records 24 h; giving up an hour before leaves time to write the message. */
const DEFAULT_RETRY_WINDOW_SECONDS = 23 * 3600;

const PublishConfigSchema = z.object({
  [EnvKeys.EVENT_BUS_NAME]: z.string().check(z.minLength(1)),
  [EnvKeys.EVENT_FAILURE_QUEUE_URL]: z.string().check(z.minLength(1)),
  [EnvKeys.EVENT_RETRY_WINDOW_SECONDS]: z.optional(
    z.coerce.number().check(z.int(), z.gte(0), z.lte(86_400)),
  ),
});

interface PublishConfig {
  eventBusName: string;
  failureQueueUrl: string;
  /** Seconds after the table change during which a failing publication is retried. */
  retryWindowSeconds: number;
}

/** Parses the environment once, at cold start, so a bad deployment fails fast. */
const loadPublishConfig = (env: NodeJS.ProcessEnv): PublishConfig => {
  const parsed = PublishConfigSchema.parse(env);
  return Object.freeze({
    eventBusName: parsed[EnvKeys.EVENT_BUS_NAME],
    failureQueueUrl: parsed[EnvKeys.EVENT_FAILURE_QUEUE_URL],
    retryWindowSeconds: parsed[EnvKeys.EVENT_RETRY_WINDOW_SECONDS] ?? DEFAULT_RETRY_WINDOW_SECONDS,
  });
};

export type { PublishConfig };
export { DEFAULT_RETRY_WINDOW_SECONDS, loadPublishConfig };
