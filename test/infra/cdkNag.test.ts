import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { IngestPipelineStack } from '../../infra/stacks/IngestPipelineStack.ts';
import { createApp, TEST_ENV } from './testApp.ts';

/**
 * cdk-nag 3 is a policy-validation plugin: findings are returned by
 * `validateScope` (and fail `cdk synth`), not emitted as annotations. Both are
 * checked: nag violations, and any CDK error or warning annotation.
 */
function nagViolations(stack: Stack): string[] {
  const report = new AwsSolutionsChecks(stack.node.root).validateScope(stack);
  return report.violations.map(
    (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
  );
}

describe('cdk-nag: AwsSolutionsChecks', () => {
  it.each([
    ['defaults', {}],
    [
      'test-stack settings (DESTROY, tracing, prefix filter, alarm e-mail)',
      {
        removalPolicy: RemovalPolicy.DESTROY,
        tracing: true,
        ingestPrefix: 'in/',
        alarmEmail: 'ops@example.org',
      },
    ],
    [
      'an existing bucket, several suffixes and an e-mailed alarm topic',
      {
        existingBucketName: 'legacy-articles',
        ingestSuffixes: ['.txt', '.html'],
        alarmEmail: 'ops@example.com',
        stage: 'prod',
      },
    ],
  ])('reports nothing unacknowledged for %s', { timeout: 60_000 }, (_label, props) => {
    // Prepare
    const app = createApp();
    const stack = new IngestPipelineStack(app, 'NagPipeline', { env: TEST_ENV, ...props });

    // Act
    const violations = nagViolations(stack);
    app.synth();

    // Assess
    expect(violations).toEqual([]);
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('does report an insecure bucket (the check can fail)', { timeout: 30_000 }, () => {
    // Prepare
    const app = createApp();
    const stack = new Stack(app, 'Insecure', { env: TEST_ENV });
    new s3.Bucket(stack, 'Plain');

    // Act
    const violations = nagViolations(stack);

    // Assess
    expect(violations.some((v) => v.startsWith('AwsSolutions-S10'))).toBe(true);
    expect(violations.some((v) => v.startsWith('AwsSolutions-S1 '))).toBe(true);
  });
});
