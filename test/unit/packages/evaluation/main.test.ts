import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, main } from '@doc-ingest/evaluation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ARTICLE = [
  'Cyberattaque contre une mairie',
  '',
  'Une attaque par rançongiciel a paralysé les services de la mairie, qui refuse de payer la rançon.',
].join('\n');

describe('Function: main', () => {
  let dir: string;
  let out: string;
  let err: string;

  const run = (argv: string[]) =>
    main(argv, {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      cwd: dir,
      defaultDir: dir,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-main-'));
    out = '';
    err = '';
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a table for the default folder', async () => {
    // Prepare
    writeFileSync(
      join(dir, 'labels.json'),
      JSON.stringify({ 'a.txt': { topics: ['cybercrime'] } }),
    );

    // Act
    const code = await run([]);

    // Assess
    expect(code).toBe(ExitCode.OK);
    expect(out).toContain('## Topics');
    expect(out).toMatch(/cybercrime\s+1\s+1\s+0\s+0/);
    expect(err).toBe('');
  });

  it('prints JSON with --json and resolves the folder from cwd', async () => {
    // Prepare
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({ 'a.txt': { topics: [] } }));

    // Act
    const code = await run(['.', '--json', '--threshold', '0.9']);

    // Assess
    expect(code).toBe(ExitCode.OK);
    const report = JSON.parse(out);
    expect(report.threshold).toBe(0.9);
    expect(report.topics.noTopic.documents).toBe(1);
  });

  it.each([
    ['a missing labels.json', []],
    ['a bad threshold', ['--threshold', '2']],
    ['an unknown option', ['--verbose']],
    ['two folders', ['a', 'b']],
  ])('exits with 2 on %s', async (_, argv) => {
    // Act
    const code = await run(argv);

    // Assess
    expect(code).toBe(ExitCode.MISUSE);
    expect(err).not.toBe('');
  });
});
