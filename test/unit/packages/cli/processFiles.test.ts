import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FileResult, processFiles } from '@doc-ingest/cli';
import { describe, expect, it } from 'vitest';

const collect = async (iterable: AsyncIterable<FileResult>) => {
  const results: FileResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
};

describe('Function: processFiles', () => {
  it('decides as the deployed function: new, duplicate of the first path, rejected with why', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ingest-files-'));
    const text = 'Un titre\n\nUn texte assez long pour être un article de presse.\n';
    const paths = ['a.txt', 'b.txt', 'empty.txt', 'large.txt'].map((name) => join(dir, name));
    const [a, b, empty, large] = paths as [string, string, string, string];
    writeFileSync(a, text);
    writeFileSync(b, text);
    writeFileSync(empty, '');
    writeFileSync(large, 'x'.repeat(2000));

    // Act
    const results = await collect(processFiles([...paths, a], { maxBytes: 1024 }));

    // Assess
    expect(
      results.map(({ source, status, duplicateOf, similarity, reason }) => ({
        source,
        status,
        duplicateOf,
        similarity,
        reason,
      })),
    ).toEqual([
      { source: a, status: 'new', duplicateOf: null, similarity: null, reason: null },
      { source: b, status: 'duplicate', duplicateOf: a, similarity: 1, reason: null },
      { source: empty, status: 'rejected', duplicateOf: null, similarity: null, reason: 'empty' },
      {
        source: large,
        status: 'rejected',
        duplicateOf: null,
        similarity: null,
        reason: 'too-large',
      },
      { source: a, status: 'duplicate', duplicateOf: a, similarity: 1, reason: null },
    ]);
    expect(results[0]).toMatchObject({
      language: 'fr',
      title: 'Un titre',
      contentHash: results[1]?.contentHash,
    });
    expect(results[3]?.detail).toBe('2000 bytes exceeds the 1024 byte limit');
  });

  it('skips a file that vanished after listing, tells the caller, and goes on', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ingest-files-'));
    writeFileSync(join(dir, 'b.txt'), 'Un titre\n\nUn texte assez long pour être un article.\n');
    const unreadable: string[] = [];

    // Act
    const results = await collect(
      processFiles([join(dir, 'a.txt'), join(dir, 'b.txt')], {
        maxBytes: 1024,
        onUnreadable: (path, error) => unreadable.push(`${path} ${error.code}`),
      }),
    );

    // Assess
    expect(unreadable).toEqual([`${join(dir, 'a.txt')} ENOENT`]);
    expect(results.map((result) => result.source)).toEqual([join(dir, 'b.txt')]);
  });

  it('stops before the next file once the signal is aborted', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ingest-files-'));
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.txt`));
    for (const [index, path] of paths.entries())
      writeFileSync(path, `Titre ${index}\n\nTexte ${index}.\n`);
    const stop = new AbortController();

    // Act
    const results: string[] = [];
    for await (const result of processFiles(paths, { maxBytes: 1024, signal: stop.signal })) {
      results.push(result.source);
      stop.abort('output closed');
    }

    // Assess
    expect(results).toEqual([paths[0]]);
  });
});
