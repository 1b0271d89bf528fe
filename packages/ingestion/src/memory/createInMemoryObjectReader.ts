import type { ObjectRef } from '@doc-ingest/contracts';
import type { ObjectReader, ObjectReadResult } from '../read/ObjectReader.ts';

/** One stored object: its bytes, and optionally the version and ETag a store would report. */
interface InMemoryObject {
  bytes: Uint8Array;
  versionId?: string;
  eTag?: string;
}

/** Thrown by the in-memory reader for a key it was told cannot be read. */
class InMemoryReadError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`cannot read the object (${code})`);
    this.name = 'InMemoryReadError';
    this.code = code;
  }
}

interface InMemoryObjectReader extends ObjectReader {
  /** Stores (or replaces) the object under `bucket` and `key`. */
  put(ref: Pick<ObjectRef, 'bucket' | 'key'>, object: InMemoryObject): void;
  /** Removes the object: reading it then gives `not-found`. */
  remove(ref: Pick<ObjectRef, 'bucket' | 'key'>): void;
  /** Makes reads of the object fail with `code` (an access error, a timeout). */
  fail(ref: Pick<ObjectRef, 'bucket' | 'key'>, code: string): void;
}

const pathOf = (ref: Pick<ObjectRef, 'bucket' | 'key'>) => `${ref.bucket}/${ref.key}`;

/**
 * An {@link ObjectReader} over a map, for tests and callers that already hold
 * the bytes. It answers as the S3 reader does: `too-large` without the bytes
 * above `maxBytes`, `not-found` for an unknown key or another version than the
 * stored one, and a thrown error for a key made to fail.
 *
 * @example
 * const reader = createInMemoryObjectReader();
 * reader.put({ bucket: 'b', key: 'a.txt' }, { bytes: Buffer.from('Title\n\nBody') });
 */
const createInMemoryObjectReader = (): InMemoryObjectReader => {
  const objects = new Map<string, InMemoryObject>();
  const failures = new Map<string, string>();
  return {
    read: async (ref, options): Promise<ObjectReadResult> => {
      const failure = failures.get(pathOf(ref));
      if (failure !== undefined) throw new InMemoryReadError(failure);
      const object = objects.get(pathOf(ref));
      if (object === undefined) return { kind: 'not-found' };
      if (ref.versionId !== undefined && ref.versionId !== (object.versionId ?? 'null')) {
        return { kind: 'not-found' };
      }
      const version = object.versionId === undefined ? {} : { versionId: object.versionId };
      const size = object.bytes.byteLength;
      if (size > options.maxBytes) return { kind: 'too-large', size, ...version };
      const result: ObjectReadResult = {
        kind: 'ok',
        bytes: object.bytes.slice(),
        size,
        ...version,
      };
      if (object.eTag !== undefined) result.eTag = object.eTag;
      return result;
    },
    errorCode: (error) =>
      error instanceof InMemoryReadError
        ? error.code
        : error instanceof Error
          ? error.name
          : 'UnknownError',
    put: (ref, object) => {
      objects.set(pathOf(ref), { ...object, bytes: object.bytes.slice() });
      failures.delete(pathOf(ref));
    },
    remove: (ref) => {
      objects.delete(pathOf(ref));
    },
    fail: (ref, code) => {
      failures.set(pathOf(ref), code);
    },
  };
};

export type { InMemoryObject, InMemoryObjectReader };
export { createInMemoryObjectReader, InMemoryReadError };
