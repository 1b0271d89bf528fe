import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPILED_TAXONOMY,
  DEFAULT_TAXONOMY,
  loadTaxonomy,
} from '../../../../../packages/core/src/index.ts';
import { learnedMain } from '../../../../../packages/evaluation/src/learned/learnedMain.ts';

const { learned: _builtInLayer, ...DEFAULT_TAXONOMY_RULES } = DEFAULT_TAXONOMY;

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..', '..');
const fixture = join(repoRoot, 'test', 'fixtures', 'eval-ar');

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: repoRoot },
  };
};

describe('Function: learnedMain', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'learned-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a taxonomy with a learned layer the core loads, its rules unchanged', async () => {
    // Prepare
    const out = join(dir, 'taxonomy.json');
    const train = capture();

    // Act
    const code = await learnedMain(['train', fixture, '--out', out, '--epochs', '3'], train.io);

    // Assess
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(out, 'utf8'));
    const { learned, ...rules } = written;
    expect(rules).toEqual(DEFAULT_TAXONOMY_RULES);
    expect(Object.keys(learned.topics)).toEqual(COMPILED_TAXONOMY.topics);
    expect(loadTaxonomy(written).learned?.topics).toHaveLength(12);
    expect(train.out.join('')).toMatch(/with a learned layer \(\d+ documents, \d+ word weights\)/);
  });

  it('writes a version 2 layer by default and a version 1 layer on request', async () => {
    // Prepare
    const second = join(dir, 'second.json');
    const first = join(dir, 'first.json');

    // Act
    await learnedMain(['train', fixture, '--out', second, '--epochs', '1'], capture().io);
    await learnedMain(
      ['train', fixture, '--out', first, '--epochs', '1', '--layer-version', '1'],
      capture().io,
    );

    // Assess: 7 fixed + 7 languages + 12 topics, and the 5 frame cues from version 2
    const layers = await Promise.all(
      [second, first].map(async (path) => JSON.parse(await readFile(path, 'utf8')).learned),
    );
    expect(layers.map((layer) => layer.version)).toEqual([2, 1]);
    expect(layers.map((layer) => layer.topics.terrorism.rule.length)).toEqual([31, 26]);
    expect(loadTaxonomy(JSON.parse(await readFile(first, 'utf8'))).learned?.version).toBe(1);
  });

  it('weighs a folder given twice twice (how the built-in layer weighs its fixtures)', async () => {
    // Prepare
    const once = capture();
    const twice = capture();
    const documents = (lines: string[]) => Number(/\((\d+) documents/.exec(lines.join(''))?.[1]);

    // Act
    await learnedMain(
      ['train', fixture, '--out', join(dir, 'once.json'), '--epochs', '1'],
      once.io,
    );
    await learnedMain(
      ['train', fixture, fixture, '--out', join(dir, 'twice.json'), '--epochs', '1'],
      twice.io,
    );

    // Assess
    expect(documents(once.out)).toBeGreaterThan(0);
    expect(documents(twice.out)).toBe(2 * documents(once.out));
  });

  it('cross-validates by folder, the rules next to the layer', async () => {
    // Prepare
    const cv = capture();

    // Act
    const code = await learnedMain(
      ['cv', fixture, join(repoRoot, 'test', 'fixtures', 'eval-rules-3'), '--epochs', '2'],
      cv.io,
    );

    // Assess
    expect(code).toBe(0);
    const report = cv.out.join('');
    expect(report).toMatch(/^rules +docs +\d+ .*micro-F1 \d\.\d{3}/m);
    expect(report).toMatch(/^learned +docs +\d+ .*Arabic micro-F1 \d\.\d{3}/m);
    expect(report.match(/^ {2}\S+\n {2}rules/gm)).toHaveLength(2);
  });

  it('refuses a bad option value, a missing --out and an unknown command', async () => {
    // Prepare
    const badValue = capture();
    const noOut = capture();
    const unknown = capture();

    // Act
    const refusedValue = await learnedMain(['cv', fixture, '--l2', 'lots'], badValue.io);
    const badVersion = capture();
    const refusedVersion = await learnedMain(
      ['cv', fixture, '--layer-version', '3'],
      badVersion.io,
    );
    const refusedOut = await learnedMain(['train', fixture], noOut.io);
    const misuse = await learnedMain(['fit', fixture], unknown.io);

    // Assess
    expect([refusedValue, refusedVersion, refusedOut, misuse]).toEqual([2, 2, 2, 2]);
    expect(badVersion.err.join('')).toContain('--layer-version must be 1 or 2, not 3');
    expect(badValue.err.join('')).toContain('--l2 must be a non-negative number');
    expect(noOut.err.join('')).toContain('train needs --out');
    expect(unknown.err.join('')).toContain('unknown command fit');
  });
});
