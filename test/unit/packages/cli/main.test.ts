import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliMain } from '../../../helpers/runCliMain.ts';
import { SAMPLES_DIR } from '../../../helpers/samples.ts';

const run = async (...argv: string[]) => {
  const { code, stdout, stderr } = await runCliMain(argv);
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return { code, lines, stderr };
};

const scratch = () => mkdtempSync(join(tmpdir(), 'ingest-cli-'));

describe('Function: main (ingest process)', () => {
  it('prints one JSON line per sample with the documented fields', async () => {
    // Act
    const { code, lines } = await run('process', SAMPLES_DIR);

    // Assess
    expect(code).toBe(0);
    expect(lines).toHaveLength(18);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        [
          'contentHash',
          'declaredHash',
          'detail',
          'duplicateOf',
          'language',
          'reason',
          'similarity',
          'source',
          'status',
          'taxonomyVersion',
          'title',
          'topics',
        ].sort(),
      );
      expect(line.status).toBe('new');
      expect(line.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('marks later copies of a content as duplicates of the first', async () => {
    // Prepare
    const dir = scratch();
    const text = 'Un titre\n\nLe même texte, deux fois, sous deux noms.\n';
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), text.replaceAll('\n', '\r\n'));

    // Act
    const { lines } = await run('process', dir);

    // Assess
    expect(lines.map((line) => line.status)).toEqual(['new', 'duplicate']);
    expect(lines[1].duplicateOf).toBe(join(dir, 'a.txt'));
    expect(lines[1].contentHash).toBe(lines[0].contentHash);
  });

  it('marks a republished copy with a new headline as a near-duplicate of the original', async () => {
    // Prepare
    const dir = scratch();
    const body = [
      'Les enquêteurs de la police judiciaire ont interpellé mardi matin quatre personnes soupçonnées',
      "d'avoir organisé pendant deux ans un vaste réseau de revente de voitures volées entre la Belgique",
      "et l'Espagne. Les véhicules étaient maquillés dans un garage de la périphérie avant d'être",
      'exportés par camion avec de faux certificats. Selon le parquet, plus de trois cents voitures',
      'auraient ainsi changé de mains. Les suspects ont été présentés à un juge d’instruction mercredi',
      'et trois d’entre eux ont été placés en détention provisoire dans l’attente de leur procès.',
    ].join(' ');
    writeFileSync(join(dir, 'a.txt'), `Voitures volées : quatre interpellations\n\n${body}\n`);
    writeFileSync(
      join(dir, 'b.txt'),
      `Un réseau de voitures volées démantelé\n\n${body.replace('mardi matin', 'mardi')}\n\nPartagez cet article sur vos réseaux.\n`,
    );

    // Act
    const { lines } = await run('process', dir);

    // Assess
    expect(lines.map((line) => line.status)).toEqual(['new', 'near-duplicate']);
    expect(lines[1].duplicateOf).toBe(join(dir, 'a.txt'));
    expect(lines[1].similarity).toBeGreaterThan(0.7);
    expect(lines[1].similarity).toBeLessThan(1);
    expect(lines[1].contentHash).not.toBe(lines[0].contentHash);
  });

  it('reports a rejection as output and still exits 0', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'empty.txt'), '');

    // Act
    const { code, lines } = await run('process', join(dir, 'empty.txt'));

    // Assess
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ status: 'rejected', reason: 'empty', contentHash: null });
  });

  it('rejects a file above the size cap without reading it', async () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2048));

    // Act
    const { code, lines } = await run('process', '--max-bytes', '1024', dir);

    // Assess
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ status: 'rejected', reason: 'too-large' });
  });

  it.each([
    [['process', '--max-bytes', 'lots', 'a.txt'], /positive whole number/],
    [['process', '--bogus'], /unknown option '--bogus'/],
    [['process'], /missing required argument 'paths'/],
    [['process', '/no/such/path'], /no such file/],
    [['frobnicate'], /unknown command/],
    [[], /Usage: ingest/],
  ])('exits 2 on misuse %j', async (argv, message) => {
    // Act
    const { code, stderr } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
