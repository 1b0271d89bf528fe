import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** Deletes every version and delete marker of a bucket a test created, then the bucket. */
const removeBucket = async (s3: S3Client, bucket: string): Promise<void> => {
  const { Versions = [], DeleteMarkers = [] } = await s3.send(
    new ListObjectVersionsCommand({ Bucket: bucket }),
  );
  for (const version of [...Versions, ...DeleteMarkers]) {
    await s3.send(
      new DeleteObjectCommand({ Bucket: bucket, Key: version.Key, VersionId: version.VersionId }),
    );
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
};

export { removeBucket };
