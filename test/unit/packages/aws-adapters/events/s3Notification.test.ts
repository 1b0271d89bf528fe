import {
  announcedObjects,
  decodeNotificationKey,
  encodeNotificationKey,
  removedObjects,
  S3NotificationBodySchema,
} from '@doc-ingest/aws-adapters';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../../../helpers/loadEvent.ts';

const bodyOf = (name: string, index = 0) => {
  const event = loadEvent<SQSEvent>(name);
  return S3NotificationBodySchema.parse(JSON.parse(event.Records[index]?.body ?? ''));
};

describe('Function: decodeNotificationKey', () => {
  it.each([
    ['Rapport+final+%C3%A9%2B%C3%BC+%28copie%29+2024.txt', 'Rapport final é+ü (copie) 2024.txt'],
    ['plain/key.txt', 'plain/key.txt'],
    ['100%25+done.txt', '100% done.txt'],
    ['broken%E9escape.txt', 'broken%E9escape.txt'],
  ])('decodes %s', (raw, decoded) => {
    // Act
    const key = decodeNotificationKey(raw);

    // Assess
    expect(key).toBe(decoded);
  });
});

describe('Function: encodeNotificationKey', () => {
  it.each(['Rapport final é+ü (copie) 2024.txt', 'a/b/100% done.txt', 'plain.txt'])(
    'round-trips %s through decodeNotificationKey',
    (key) => {
      expect(decodeNotificationKey(encodeNotificationKey(key))).toBe(key);
    },
  );

  it('writes spaces as + and keeps slashes, as S3 does', () => {
    expect(encodeNotificationKey('in/a b+c.txt')).toBe('in/a+b%2Bc.txt');
  });
});

describe('Function: announcedObjects', () => {
  it('returns the created object with its version and decoded key', () => {
    // Prepare
    const body = bodyOf('sqs/object-created-encoded-key');

    // Act
    const objects = announcedObjects(body);

    // Assess
    expect(objects).toEqual([
      {
        bucket: 'doc-ingest-bucket',
        key: 'incoming/Rapport final é+ü (copie) 2024.txt',
        versionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
        eTag: '0123456789abcdef0123456789abcdef',
        size: 120,
        eventName: 'ObjectCreated:Put',
      },
    ]);
  });

  it('announces nothing for the S3 test event', () => {
    expect(announcedObjects(bodyOf('sqs/s3-test-event'))).toEqual([]);
  });

  it('announces nothing for a delete', () => {
    expect(announcedObjects(bodyOf('sqs/batch-mixed', 4))).toEqual([]);
  });

  it('refuses a body that is not a notification', () => {
    expect(S3NotificationBodySchema.safeParse({ hello: 'world' }).success).toBe(false);
  });
});

describe('Function: removedObjects', () => {
  const body = (eventName: string, object: Record<string, unknown>) =>
    S3NotificationBodySchema.parse({
      Records: [{ eventName, s3: { bucket: { name: 'b' }, object } }],
    });

  it.each([
    ['ObjectRemoved:Delete', { key: 'a+b.txt', versionId: 'v1' }, { versionId: 'v1' }],
    ['ObjectRemoved:Delete', { key: 'a+b.txt' }, {}],
    ['ObjectRemoved:Delete', { key: 'a+b.txt', versionId: 'null' }, {}],
    ['ObjectRemoved:DeleteMarkerCreated', { key: 'a+b.txt', versionId: 'marker' }, {}],
    ['LifecycleExpiration:Delete', { key: 'a+b.txt', versionId: 'v2' }, { versionId: 'v2' }],
    ['LifecycleExpiration:DeleteMarkerCreated', { key: 'a+b.txt', versionId: 'm' }, {}],
  ])('reads %s of %o as removing %o', (eventName, object, version) => {
    // Act
    const removed = removedObjects(body(eventName, object));

    // Assess
    expect(removed).toEqual([{ bucket: 'b', key: 'a b.txt', eventName, ...version }]);
  });

  it.each(['ObjectCreated:Put', 'ObjectRestore:Completed'])('ignores %s', (eventName) => {
    expect(removedObjects(body(eventName, { key: 'k' }))).toEqual([]);
  });

  it('ignores the S3 test event', () => {
    expect(removedObjects(S3NotificationBodySchema.parse({ Event: 's3:TestEvent' }))).toEqual([]);
  });
});
