import {
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectRef } from '@doc-ingest/contracts';

/**
 * Erases a stored normalized text (a document's `textLocation`): every
 * version of its key and every delete marker, since the text bucket is
 * versioned and a plain delete would only hide the text. Returns how many
 * versions were deleted; a rerun finds none left.
 *
 * @example
 * await deleteDocumentText(s3, document.textLocation);
 */
const deleteDocumentText = async (client: S3Client, location: ObjectRef): Promise<number> => {
  let deleted = 0;
  let page: ListObjectVersionsCommandOutput | undefined;
  do {
    page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: location.bucket,
        Prefix: location.key,
        KeyMarker: page?.NextKeyMarker,
        VersionIdMarker: page?.NextVersionIdMarker,
      }),
    );
    const versions = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter(
      (version) => version.Key === location.key,
    );
    for (const version of versions) {
      await client.send(
        new DeleteObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          VersionId: version.VersionId,
        }),
      );
      deleted++;
    }
  } while (page.IsTruncated === true);
  return deleted;
};

export { deleteDocumentText };
