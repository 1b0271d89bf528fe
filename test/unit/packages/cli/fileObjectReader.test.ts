import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileObjectReader } from '@doc-ingest/cli';
import { describe, expect, it } from 'vitest';

describe('Function: createFileObjectReader', () => {
  it('reads a file by its path, and refuses one over the limit without reading it', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ingest-reader-'));
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Titre\n\nTexte.\n');
    const reader = createFileObjectReader();

    // Act
    const ok = await reader.read({ bucket: 'local', key: path }, { maxBytes: 100 });
    const large = await reader.read({ bucket: 'local', key: path }, { maxBytes: 5 });

    // Assess
    expect(ok).toMatchObject({ kind: 'ok', size: 14 });
    expect(ok.kind === 'ok' && Buffer.from(ok.bytes).toString()).toBe('Titre\n\nTexte.\n');
    expect(large).toEqual({ kind: 'too-large', size: 14 });
  });

  it('throws for a missing file and names the failure by its code', async () => {
    // Prepare
    const reader = createFileObjectReader();
    const path = join(mkdtempSync(join(tmpdir(), 'ingest-reader-')), 'none.txt');

    // Act
    const error = await reader
      .read({ bucket: 'local', key: path }, { maxBytes: 100 })
      .catch((caught: unknown) => caught);

    // Assess
    expect(reader.errorCode(error)).toBe('ENOENT');
    expect(reader.errorCode('not an error')).toBe('UnknownError');
  });

  it('throws EISDIR for a folder given as a file', async () => {
    // Prepare
    const reader = createFileObjectReader();
    const dir = mkdtempSync(join(tmpdir(), 'ingest-reader-'));

    // Act
    const error = await reader
      .read({ bucket: 'local', key: dir }, { maxBytes: 1_000_000 })
      .catch((caught: unknown) => caught);

    // Assess
    expect(reader.errorCode(error)).toBe('EISDIR');
  });
});
