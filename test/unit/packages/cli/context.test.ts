import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { defaultClients } from '../../../../packages/cli/src/context.ts';

describe('Function: defaultClients', () => {
  it('creates each SDK client when first asked for it, then hands out the same one', () => {
    // Prepare
    const clients = defaultClients();

    // Act
    const s3 = clients.s3();
    const sfn = clients.sfn();

    // Assess: the lazily loaded SDK is the one the commands import
    expect(s3).toBeInstanceOf(S3Client);
    expect(sfn).toBeInstanceOf(SFNClient);
    expect(clients.s3()).toBe(s3);
    expect(defaultClients().s3()).not.toBe(s3);
  });
});
