import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { ObjectReader } from '@doc-ingest/ingestion';

/**
 * The ingest decisions' {@link ObjectReader} over local files: the object key
 * is the file path (the bucket is ignored). A file larger than `maxBytes` is
 * `too-large` without being read, as in the cloud; a file that cannot be read
 * throws its `fs` error, named by its code (`ENOENT`, `EACCES`, `EISDIR`).
 * Reads are synchronous: `ingest process` takes one file at a time, and for
 * thousands of small files a thread-pool round trip per `stat` and per read
 * left the process idle for a third of its time. The file is opened once and
 * its size read once, from the open descriptor.
 *
 * @example
 * const reader = createFileObjectReader();
 * await reader.read({ bucket: 'local', key: 'samples/100.txt' }, { maxBytes: 1_048_576 });
 */
/**
 * The `size` bytes of an open file (fewer if it shrank meanwhile), read
 * without asking its size again as `readFileSync(fd)` would.
 */
const readBytes = (fd: number, size: number): Buffer => {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const count = readSync(fd, bytes, read, size - read, null);
    if (count === 0) return bytes.subarray(0, read);
    read += count;
  }
  return bytes;
};

const createFileObjectReader = (): ObjectReader => ({
  read: async (object, options) => {
    const fd = openSync(object.key, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > options.maxBytes) return { kind: 'too-large', size };
      // A size of 0 may be a file whose size is not known ahead (procfs).
      const bytes = size === 0 ? readFileSync(fd) : readBytes(fd, size);
      return { kind: 'ok', bytes, size: bytes.byteLength };
    } finally {
      closeSync(fd);
    }
  },
  errorCode: (error) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') return code;
    return error instanceof Error ? error.name : 'UnknownError';
  },
});

export { createFileObjectReader };
