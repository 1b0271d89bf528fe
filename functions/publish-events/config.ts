import { EnvKeys } from '@doc-ingest/contracts';
import * as z from 'zod/mini';

const PublishConfigSchema = z.object({
  [EnvKeys.EVENT_BUS_NAME]: z.string().check(z.minLength(1)),
});

interface PublishConfig {
  eventBusName: string;
}

/** Parses the environment once, at cold start, so a bad deployment fails fast. */
const loadPublishConfig = (env: NodeJS.ProcessEnv): PublishConfig => {
  const parsed = PublishConfigSchema.parse(env);
  return Object.freeze({ eventBusName: parsed[EnvKeys.EVENT_BUS_NAME] });
};

export type { PublishConfig };
export { loadPublishConfig };
