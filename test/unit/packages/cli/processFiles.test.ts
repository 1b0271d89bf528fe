import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFiles } from '@doc-ingest/cli';
import { describe, expect, it } from 'vitest';

const collect = async (iterable: AsyncIterable<{ source: string; status: string }>) => {
  const results: { source: string; status: string }[] = [];
  for await (const result of iterable) results.push(result);
  return results;
};

describe('Function: processFiles', () => {
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
