import * as z from 'zod';

/** Prefix of every setting in CDK context: `doc-ingest:<name>`. */
const CONTEXT_PREFIX = 'doc-ingest:';

/** Retention periods CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

// Context given with `-c key=value` arrives as a string; in cdk.json or in
// code it keeps its JSON type. These accept both.
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const stringList = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) {
      try {
        return JSON.parse(trimmed);
      } catch {
        return value; // left for the array check to refuse with its message
      }
    }
    return trimmed
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  },
  z.array(z.string().min(1)).min(1),
);

/**
 * Every deploy setting, its type, range and default. The README's settings
 * table documents the same keys; `test/infra/settings` checks they agree.
 * The app reads them from CDK context; in code they map onto the construct's
 * props with `pipelinePropsFromSettings`.
 */
const PipelineSettingsSchema = z.strictObject({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a CloudFormation stack name')
    .optional()
    .describe("The stack's name. Default: `DocIngest`, or `DocIngest-<stage>` with a stage."),
  stage: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes, at most 32')
    .optional()
    .describe(
      'A stage name (dev, prod...): tags every resource `doc-ingest:stage` and names the stack. Default: none.',
    ),
  objectKeyPrefix: z
    .string()
    .min(1)
    .optional()
    .describe('Only keys starting with this prefix notify the pipeline. Default: every key.'),
  objectKeySuffixes: stringList
    .optional()
    .describe(
      'Only keys ending with one of these suffixes notify (`.txt,.html` or a JSON list). Default: every key.',
    ),
  existingBucketName: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name')
    .optional()
    .describe(
      'Ingest from this existing bucket instead of creating one. Default: the stack creates a bucket.',
    ),
  existingBucketKeyArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:kms:/, 'a KMS key ARN')
    .optional()
    .describe(
      'The KMS key of `existingBucketName` when it uses SSE-KMS with a customer key; the ingest function may decrypt with it. Default: none.',
    ),
  removalPolicy: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['retain', 'destroy']))
    .optional()
    .describe(
      '`retain` keeps buckets, table and keys when the stack is deleted; `destroy` removes them (test stacks). Case-insensitive. Default: `retain`.',
    ),
  alarmEmail: z
    .email()
    .optional()
    .describe('Subscribes this address to the alarm topic. Default: no subscription.'),
  alarmTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/, 'an SNS topic ARN')
    .optional()
    .describe(
      'Send alarms to this existing topic instead of one the stack creates. Default: a topic of the stack.',
    ),
  ingestMemoryMb: wholeNumber(128, 10_240)
    .optional()
    .describe('Memory of the ingest function in MB (128-10240). Default: 1024.'),
  ingestTimeoutSeconds: wholeNumber(1, 900)
    .optional()
    .describe(
      'Timeout of the ingest function in seconds (1-900); the queue visibility timeout is 6x. Default: 60.',
    ),
  batchSize: wholeNumber(1, 10)
    .optional()
    .describe('SQS messages per ingest invocation (1-10). Default: 10.'),
  maxConcurrency: wholeNumber(2, 1000)
    .optional()
    .describe(
      'Most concurrent ingest invocations the queue drives (2-1000). Default: see the stack props.',
    ),
  backfillBatchSize: wholeNumber(1, 1000)
    .optional()
    .describe(
      'Objects per child workflow of the backfill job (1-1000); 1 drops the ItemBatcher (LocalStack has none). Default: 100.',
    ),
  backfillChildWorkflows: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['express', 'standard']))
    .optional()
    .describe(
      "Type of the backfill map's child workflows: `express` (cheaper) or `standard` (what LocalStack runs). Default: `express`.",
    ),
  maxObjectBytes: wholeNumber(1, 52_428_800)
    .optional()
    .describe(
      'Largest object read; larger ones are rejected `too-large` unread (up to 50 MiB). Default: 1048576.',
    ),
  inlineTextLimitBytes: wholeNumber(0, 300_000)
    .optional()
    .describe(
      'Largest normalized text stored inside the table item; larger texts go to the text bucket (0-300000). Default: 100000.',
    ),
  topicThreshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Score (0-1) a topic needs to be recorded. Default: 0.45.'),
  taxonomy: z
    .string()
    .min(1)
    .optional()
    .describe(
      'A taxonomy file (JSON or YAML, relative to the app folder) bundled with the ingest function instead of the built-in crime-and-security one. Default: the built-in one.',
    ),
  logRetentionDays: z.coerce
    .number()
    .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
      message: `one of ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .optional()
    .describe(
      'How long the functions keep their logs, in days (a CloudWatch Logs retention). Default: 30.',
    ),
});

type PipelineSettings = z.output<typeof PipelineSettingsSchema>;
/** Settings as written (numbers may be strings, as `-c` gives them). */
type PipelineSettingsInput = z.input<typeof PipelineSettingsSchema>;
type PipelineSettingName = keyof PipelineSettings;

const SETTING_NAMES = Object.keys(PipelineSettingsSchema.shape) as PipelineSettingName[];

export type { PipelineSettingName, PipelineSettings, PipelineSettingsInput };
export { CONTEXT_PREFIX, LOG_RETENTION_DAYS, PipelineSettingsSchema, SETTING_NAMES };
