import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ObjectReader } from '@doc-ingest/ingestion';

/**
 * The ingest decisions' {@link ObjectReader} over local files: the object key
 * is the file path (the bucket is ignored). A file larger than `maxBytes` is
 * `too-large` without being read, as in the cloud; a file that cannot be read
 * throws its `fs` error, named by its code (`ENOENT`, `EACCES`, `EISDIR`).
 * Reads are synchronous: `ingest process` takes one file at a time, and for
 * thousands of small files a thread-pool round trip per `stat` and per read
 * left the process idle for a third of its time. The file is opened once and
 * its size read from the open descriptor, so the path is resolved once.
 *
 * @example
 * const reader = createFileObjectReader();
 * await reader.read({ bucket: 'local', key: 'samples/100.txt' }, { maxBytes: 1_048_576 });
 */
const createFileObjectReader = (): ObjectReader => ({
  read: async (object, options) => {
    const fd = openSync(object.key, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > options.maxBytes) return { kind: 'too-large', size };
      const bytes = readFileSync(fd);
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
