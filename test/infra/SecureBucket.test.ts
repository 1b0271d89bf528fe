import { BucketEncryptionMode, type BucketEncryptionModeName, SecureBucket } from '@doc-ingest/cdk';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { createConstructStack, logicalIdOf } from './testApp.ts';

describe('Construct: SecureBucket', () => {
  it('defaults to KMS with its own rotating key, versioning, a log bucket and RETAIN', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    const secure = new SecureBucket(stack, 'Docs');
    const template = Template.fromStack(stack);

    // Assess
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: {
                  'Fn::GetAtt': [logicalIdOf(secure.encryptionKey as kms.Key), 'Arn'],
                },
              },
            },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: {
          DestinationBucketName: { Ref: logicalIdOf(secure.accessLogsBucket) },
          LogFilePrefix: 'access-logs/Docs/',
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
          ]),
        },
      }),
    });
    // Server access logs are delivered under a bucket policy, not an ACL.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalIdOf(secure.accessLogsBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('empties the bucket and its log bucket on delete with RemovalPolicy.DESTROY', () => {
    const stack = createConstructStack();
    new SecureBucket(stack, 'Scratch', { removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  it('throws when a key is given with S3-managed encryption', () => {
    const stack = createConstructStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    expect(
      () =>
        new SecureBucket(stack, 'Bad', {
          encryption: BucketEncryptionMode.S3_MANAGED,
          encryptionKey: key,
        }),
    ).toThrow(/encryptionKey requires/);
  });

  it('throws on an unknown encryption mode', () => {
    const stack = createConstructStack();
    expect(
      () => new SecureBucket(stack, 'Bad', { encryption: 'none' as BucketEncryptionModeName }),
    ).toThrow(/Unknown bucket encryption mode/);
  });
});
