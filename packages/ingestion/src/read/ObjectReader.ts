import type { ObjectRef } from '@doc-ingest/contracts';

interface ReadObjectOptions {
  /** Objects larger than this are not read: the result says `too-large`. */
  maxBytes: number;
}

type ObjectReadResult =
  | {
      kind: 'ok';
      bytes: Uint8Array;
      size: number;
      eTag?: string;
      versionId?: string;
    }
  | { kind: 'too-large'; size: number; versionId?: string }
  | { kind: 'not-found' };

/**
 * Where announced objects are read from, so the decisions import no SDK: S3
 * in the Lambda (`createS3ObjectReader`, `@doc-ingest/aws-adapters`), files
 * in `ingest process`, a map in tests (`createInMemoryObjectReader`). A read
 * that fails for another reason than a missing object throws.
 */
interface ObjectReader {
  /** Reads one object version, never buffering more than `maxBytes`. */
  read(object: ObjectRef, options: ReadObjectOptions): Promise<ObjectReadResult>;
  /** A short code for a failed read (`AccessDenied`, `EACCES`), recorded with an `unreadable` rejection. */
  errorCode(error: unknown): string;
}

export type { ObjectReader, ObjectReadResult, ReadObjectOptions };
