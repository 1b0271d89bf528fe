import * as z from 'zod/mini';

/*
 * The body of an SQS message that S3 sends for a bucket notification. Only the
 * fields the pipeline reads are required, so notifications from S3-compatible
 * services and our own backfill messages (same shape) parse too.
 */
const S3ObjectNotificationSchema = z.object({
  eventName: z.string(),
  eventTime: z.optional(z.string()),
  s3: z.object({
    bucket: z.object({ name: z.string().check(z.minLength(1)) }),
    object: z.object({
      /** URL-encoded, with `+` for spaces, as S3 sends it. */
      key: z.string().check(z.minLength(1)),
      size: z.optional(z.number().check(z.nonnegative())),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.optional(z.string()),
    }),
  }),
});

/** S3 sends this once when a notification configuration is created. */
const S3TestEventSchema = z.object({
  Event: z.literal('s3:TestEvent'),
  Bucket: z.optional(z.string()),
});

const S3NotificationBodySchema = z.union([
  z.object({ Records: z.array(S3ObjectNotificationSchema) }),
  S3TestEventSchema,
]);

type S3ObjectNotification = z.infer<typeof S3ObjectNotificationSchema>;
type S3NotificationBody = z.infer<typeof S3NotificationBodySchema>;

/** One object that a notification announces, key already URL-decoded. */
interface AnnouncedObject {
  bucket: string;
  key: string;
  versionId?: string;
  eTag?: string;
  size?: number;
  eventName: string;
}

/** One object that a notification reports removed (or hidden by a delete marker). */
interface RemovedObject {
  bucket: string;
  key: string;
  /**
   * The one version deleted for good, when the event names one. Absent when
   * the key as a whole is gone: a delete in an unversioned bucket, a delete
   * marker (its versionId is the marker's own), or a lifecycle expiration.
   */
  versionId?: string;
  eventName: string;
}

/** Events that remove an object: user deletes and lifecycle expirations. */
const REMOVAL_EVENTS = /^(ObjectRemoved|LifecycleExpiration):/;
/** A delete that removes one version permanently, not just hides the key. */
const VERSION_DELETE = /^(ObjectRemoved|LifecycleExpiration):Delete$/;

/**
 * Decodes a key as S3 writes it into notifications: `+` stands for a space and
 * everything else is percent-encoded. A malformed escape falls back to the raw
 * key rather than losing the object.
 */
const decodeNotificationKey = (rawKey: string): string => {
  const spaced = rawKey.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
};

/**
 * Encodes a key the way S3 writes it into notifications (the inverse of
 * `decodeNotificationKey`), for messages we enqueue ourselves.
 */
const encodeNotificationKey = (key: string): string =>
  encodeURIComponent(key).replaceAll('%20', '+').replaceAll('%2F', '/');

/**
 * The created objects a notification body announces. Test events and
 * non-create events (deletes, restores, ...) announce nothing.
 *
 * @example
 * for (const object of announcedObjects(JSON.parse(message.body))) ingest(object);
 */
const announcedObjects = (body: S3NotificationBody): AnnouncedObject[] => {
  if (!('Records' in body)) return [];
  return body.Records.filter((record) => record.eventName.startsWith('ObjectCreated:')).map(
    (record) => {
      const object: AnnouncedObject = {
        bucket: record.s3.bucket.name,
        key: decodeNotificationKey(record.s3.object.key),
        eventName: record.eventName,
      };
      const { versionId, eTag, size } = record.s3.object;
      if (versionId !== undefined && versionId !== '') object.versionId = versionId;
      if (eTag !== undefined) object.eTag = eTag;
      if (size !== undefined) object.size = size;
      return object;
    },
  );
};

/**
 * The removed objects a notification body reports. A delete that names a
 * real version removes that version only; a delete marker, an unversioned
 * delete or a version `null` removes what the key showed.
 *
 * @example
 * for (const removed of removedObjects(body)) markDeleted(removed);
 */
const removedObjects = (body: S3NotificationBody): RemovedObject[] => {
  if (!('Records' in body)) return [];
  return body.Records.filter((record) => REMOVAL_EVENTS.test(record.eventName)).map((record) => {
    const removed: RemovedObject = {
      bucket: record.s3.bucket.name,
      key: decodeNotificationKey(record.s3.object.key),
      eventName: record.eventName,
    };
    const { versionId } = record.s3.object;
    const oneVersion =
      VERSION_DELETE.test(record.eventName) &&
      versionId !== undefined &&
      versionId !== '' &&
      versionId !== 'null';
    if (oneVersion) removed.versionId = versionId;
    return removed;
  });
};

export type { AnnouncedObject, RemovedObject, S3NotificationBody, S3ObjectNotification };
export {
  announcedObjects,
  decodeNotificationKey,
  encodeNotificationKey,
  removedObjects,
  S3NotificationBodySchema,
  S3ObjectNotificationSchema,
};
