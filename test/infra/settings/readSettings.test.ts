import { PipelineSettingsError } from '@doc-ingest/cdk';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../infra/settings/readSettings.ts';

/** Context as the CDK CLI passes `-c key=value`: every value a string. */
const fromCommandLine = (pairs: Record<string, string>): Record<string, unknown> => ({
  '@aws-cdk/core:checkSecretUsage': true,
  ...pairs,
});

const problemsOf = (context: Record<string, unknown>): readonly string[] => {
  try {
    readSettings(context);
  } catch (error) {
    if (error instanceof PipelineSettingsError) return error.problems;
    throw error;
  }
  throw new Error('readSettings accepted the context');
};

describe('Function: readSettings', () => {
  it('returns no settings when the context has none, ignoring CDK feature flags', () => {
    // Act
    const settings = readSettings(fromCommandLine({}));

    // Assess
    expect(settings).toEqual({});
  });

  it('coerces command-line strings to the types the settings declare', () => {
    // Prepare
    const context = fromCommandLine({
      'doc-ingest:stackName': 'Ingest-Prod',
      'doc-ingest:stage': 'prod',
      'doc-ingest:objectKeyPrefix': 'incoming/',
      'doc-ingest:objectKeySuffixes': '.txt, .html',
      'doc-ingest:removalPolicy': 'DESTROY',
      'doc-ingest:ingestMemoryMb': '2048',
      'doc-ingest:ingestTimeoutSeconds': '120',
      'doc-ingest:batchSize': '5',
      'doc-ingest:maxConcurrency': '20',
      'doc-ingest:maxObjectBytes': '2097152',
      'doc-ingest:inlineTextLimitBytes': '50000',
      'doc-ingest:topicThreshold': '0.6',
      'doc-ingest:logRetentionDays': '90',
      'doc-ingest:alarmEmail': 'ops@example.com',
    });

    // Act
    const settings = readSettings(context);

    // Assess
    expect(settings).toEqual({
      stackName: 'Ingest-Prod',
      stage: 'prod',
      objectKeyPrefix: 'incoming/',
      objectKeySuffixes: ['.txt', '.html'],
      removalPolicy: 'destroy',
      ingestMemoryMb: 2048,
      ingestTimeoutSeconds: 120,
      batchSize: 5,
      maxConcurrency: 20,
      maxObjectBytes: 2_097_152,
      inlineTextLimitBytes: 50_000,
      topicThreshold: 0.6,
      logRetentionDays: 90,
      alarmEmail: 'ops@example.com',
    });
  });

  it('accepts JSON types from cdk.json, and a JSON list of suffixes', () => {
    // Act
    const settings = readSettings({
      'doc-ingest:batchSize': 3,
      'doc-ingest:objectKeySuffixes': ['.txt'],
      'doc-ingest:removalPolicy': 'Retain',
    });
    const fromString = readSettings({ 'doc-ingest:objectKeySuffixes': '[".md", ".txt"]' });

    // Assess
    expect(settings).toEqual({
      batchSize: 3,
      objectKeySuffixes: ['.txt'],
      removalPolicy: 'retain',
    });
    expect(fromString.objectKeySuffixes).toEqual(['.md', '.txt']);
  });

  it('refuses an unknown key, naming it, suggesting the nearest and listing the valid ones', () => {
    // Act
    const [problem] = problemsOf({ 'doc-ingest:ingestMemoryMB': '2048' });

    // Assess
    expect(problem).toContain('doc-ingest:ingestMemoryMB is not a setting');
    expect(problem).toContain('Did you mean doc-ingest:ingestMemoryMb?');
    expect(problem).toContain('Valid keys: doc-ingest:stackName, doc-ingest:stage');
    expect(problem).toContain('doc-ingest:logRetentionDays');
  });

  it.each([
    ['removalPolicy', 'doc-ingest:removalPolicy'],
    ['stackName', 'doc-ingest:stackName'],
    ['ingestPrefix', 'doc-ingest:objectKeyPrefix'],
    ['ingestSuffix', 'doc-ingest:objectKeySuffixes'],
  ])('refuses the unprefixed key %s and points to %s', (key, expected) => {
    // Act
    const problems = problemsOf(fromCommandLine({ [key]: 'x' }));

    // Assess
    expect(problems).toEqual([expect.stringContaining(`use ${expected}`)]);
  });

  it.each([
    ['ingestMemoryMb', 'lots'],
    ['ingestMemoryMb', '64'],
    ['ingestTimeoutSeconds', '901'],
    ['batchSize', '2.5'],
    ['maxConcurrency', '1'],
    ['topicThreshold', '1.5'],
    ['logRetentionDays', '31'],
    ['removalPolicy', 'snapshot'],
    ['alarmEmail', 'not-an-address'],
    ['alarmTopicArn', 'arn:aws:sqs:eu-west-1:123456789012:q'],
    ['existingBucketName', 'Bad_Bucket'],
    ['stage', 'Prod Stage'],
    ['stackName', '1stack'],
    ['objectKeySuffixes', '[".txt"'],
  ])('refuses %s=%s with a message naming the key', (name, value) => {
    // Act
    const problems = problemsOf({ [`doc-ingest:${name}`]: value });

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^doc-ingest:${name}: `));
  });

  it('reports every problem at once', () => {
    // Act
    const problems = problemsOf({
      'doc-ingest:batchSize': '0',
      'doc-ingest:bogus': 'x',
      removalPolicy: 'destroy',
    });

    // Assess
    expect(problems).toHaveLength(3);
  });
});
