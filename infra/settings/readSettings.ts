import {
  CONTEXT_PREFIX,
  type PipelineSettingName,
  type PipelineSettings,
  PipelineSettingsError,
  PipelineSettingsSchema,
  SETTING_NAMES,
} from '@doc-ingest/cdk';
import { closest, distance } from 'fastest-levenshtein';

/**
 * Context keys that earlier versions documented without the prefix, or under
 * another name; they are refused loudly rather than ignored in silence.
 */
const RENAMED: Record<string, PipelineSettingName> = {
  ingestPrefix: 'objectKeyPrefix',
  ingestSuffix: 'objectKeySuffixes',
  bucketName: 'existingBucketName',
  inlineTextMaxBytes: 'inlineTextLimitBytes',
  ingestMaxConcurrency: 'maxConcurrency',
  memorySize: 'ingestMemoryMb',
  logRetention: 'logRetentionDays',
};

const validKeys = (): string => SETTING_NAMES.map((name) => `${CONTEXT_PREFIX}${name}`).join(', ');

const suggestion = (name: string): string => {
  const nearest = closest(name, SETTING_NAMES);
  return distance(name.toLowerCase(), nearest.toLowerCase()) <= 3
    ? ` Did you mean ${CONTEXT_PREFIX}${nearest}?`
    : '';
};

/** Keys of the context that name a setting wrongly: unknown after the prefix, or a setting without it. */
const misnamedKeys = (context: Record<string, unknown>): string[] => {
  const problems: string[] = [];
  for (const key of Object.keys(context)) {
    if (key.startsWith(CONTEXT_PREFIX)) {
      const name = key.slice(CONTEXT_PREFIX.length);
      if (!(SETTING_NAMES as string[]).includes(name)) {
        problems.push(`${key} is not a setting.${suggestion(name)} Valid keys: ${validKeys()}.`);
      }
    } else if ((SETTING_NAMES as string[]).includes(key) || key in RENAMED) {
      const name = RENAMED[key] ?? key;
      problems.push(`${key} is not read; settings are prefixed: use ${CONTEXT_PREFIX}${name}.`);
    }
  }
  return problems;
};

/**
 * Reads and validates the deploy settings from CDK context (`cdk.json` or
 * `-c doc-ingest:<name>=<value>`). Unknown keys, unprefixed setting names and
 * values of the wrong type or range fail synthesis with a message that names
 * the key; unknown keys also list the valid ones.
 *
 * @example
 * const settings = readSettings(app.node.getAllContext());
 */
const readSettings = (context: Record<string, unknown>): PipelineSettings => {
  const problems = misnamedKeys(context);
  const given: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = context[`${CONTEXT_PREFIX}${name}`];
    if (value !== undefined) given[name] = value;
  }
  const parsed = PipelineSettingsSchema.safeParse(given);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = `${CONTEXT_PREFIX}${issue.path.join('.')}`;
      problems.push(
        `${key}: ${issue.message} (got ${JSON.stringify(given[String(issue.path[0])])})`,
      );
    }
  }
  if (problems.length > 0) throw new PipelineSettingsError(problems);
  return parsed.data as PipelineSettings;
};

export { readSettings };
