import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

/** The environment the Lambdas' stacks set, with quiet Powertools, for handler tests. */
const HANDLER_ENV: Readonly<Record<string, string>> = {
  DOCUMENT_TABLE_NAME: 'documents',
  NEAR_INDEX_TABLE_NAME: 'near-index',
  DOCUMENT_TEXT_BUCKET_NAME: 'texts',
  EVENT_BUS_NAME: 'documents-bus',
  EVENT_FAILURE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/stream-failures',
  MAX_OBJECT_BYTES: '1048576',
  INLINE_TEXT_MAX_BYTES: '100000',
  // The stacks ship the taxonomy beside the bundle; from the sources it is the core's file.
  TAXONOMY_FILE: fileURLToPath(
    new URL('../../packages/core/taxonomies/crime-and-security.json', import.meta.url),
  ),
  POWERTOOLS_DEV: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: 'DocIngestTest',
};

/**
 * Stubs the handlers' environment (undone by `vi.unstubAllEnvs()` or the
 * config's `unstubEnvs`). Call it before importing a handler: handlers read
 * their configuration at module load, as on a cold start.
 *
 * @example
 * stubHandlerEnv({ POWERTOOLS_LOG_LEVEL: 'INFO' });
 */
const stubHandlerEnv = (overrides: Readonly<Record<string, string>> = {}): void => {
  for (const [name, value] of Object.entries({ ...HANDLER_ENV, ...overrides })) {
    vi.stubEnv(name, value);
  }
};

export { stubHandlerEnv };
