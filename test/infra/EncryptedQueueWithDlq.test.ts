import { EncryptedQueueWithDlq } from '@doc-ingest/cdk';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createConstructStack, logicalIdOf } from './testApp.ts';

describe('Construct: EncryptedQueueWithDlq', () => {
  it('creates its own rotating key, a DLQ and TLS-only policies by default', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    const queues = new EncryptedQueueWithDlq(stack, 'Work');
    const template = Template.fromStack(stack);

    // Assess
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 360,
      MessageRetentionPeriod: 345_600,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(queues.deadLetterQueue), 'Arn'] },
        maxReceiveCount: 5,
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 1_209_600,
      RedrivePolicy: Match.absent(),
    });
    template.resourceCountIs('AWS::SQS::QueuePolicy', 2);
    template.allResourcesProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      },
    });
    expect(queues.maxReceiveCount).toBe(5);
  });

  it('retains the DLQ and its key by default, whatever the main queue does', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    const queues = new EncryptedQueueWithDlq(stack, 'Work', {
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const resources = Template.fromStack(stack).toJSON().Resources;

    // Assess
    expect(resources[logicalIdOf(queues.deadLetterQueue)].DeletionPolicy).toBe('Retain');
    expect(resources[logicalIdOf(queues.encryptionKey)].DeletionPolicy).toBe('Retain');
    expect(resources[logicalIdOf(queues.queue)].DeletionPolicy).toBe('Delete');
  });

  it.each([0, -3, 2.5, Number.NaN])('throws on maxReceiveCount %s', (maxReceiveCount) => {
    const stack = createConstructStack();
    expect(() => new EncryptedQueueWithDlq(stack, 'Bad', { maxReceiveCount })).toThrow(
      /maxReceiveCount must be an integer >= 1/,
    );
  });

  it('throws on a visibility timeout above the SQS maximum of 12 hours', () => {
    const stack = createConstructStack();
    expect(
      () => new EncryptedQueueWithDlq(stack, 'Bad', { visibilityTimeout: Duration.hours(13) }),
    ).toThrow(/at most 12 hours/);
  });
});
