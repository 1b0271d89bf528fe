import { DocumentTable } from '@doc-ingest/cdk';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { createConstructStack, logicalIdOf } from './testApp.ts';

describe('Construct: DocumentTable', () => {
  it('uses a customer-managed key when one is given', () => {
    const stack = createConstructStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new DocumentTable(stack, 'Docs', { encryptionKey: key });
    Template.fromStack(stack).hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] },
      },
    });
  });

  it('creates its own rotating customer-managed key by default', () => {
    const stack = createConstructStack();
    const docs = new DocumentTable(stack, 'Docs');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(docs.encryptionKey), 'Arn'] },
      },
    });
  });

  it('turns deletion protection off with RemovalPolicy.DESTROY', () => {
    const stack = createConstructStack();
    new DocumentTable(stack, 'Docs', { removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: { DeletionProtectionEnabled: false },
    });
  });

  it('throws when deletion protection is combined with RemovalPolicy.DESTROY', () => {
    const stack = createConstructStack();
    expect(
      () =>
        new DocumentTable(stack, 'Docs', {
          removalPolicy: RemovalPolicy.DESTROY,
          deletionProtection: true,
        }),
    ).toThrow(/deletionProtection cannot be combined/);
  });
});
