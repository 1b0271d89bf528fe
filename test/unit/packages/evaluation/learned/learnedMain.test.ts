import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnedMain } from '../../../../../packages/evaluation/src/learned/learnedMain.ts';

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

  it('freezes a model as JSON, then scores a folder with it next to the rules', async () => {
    // Prepare
    const model = join(dir, 'model.json');
    const train = capture();
    const score = capture();

    // Act
    const trained = await learnedMain(['train', fixture, '--out', model], train.io);
    const scored = await learnedMain(['score', '--model', model, fixture], score.io);

    // Assess
    expect(trained).toBe(0);
    const frozen = JSON.parse(await readFile(model, 'utf8'));
    expect(frozen.kind).toBe('doc-ingest-learned-scorer');
    expect(Object.keys(frozen.topics)).toHaveLength(12);
    expect(scored).toBe(0);
    const report = score.out.join('');
    expect(report).toMatch(/^rules +docs +\d+ .*micro-F1 \d\.\d{3}/m);
    expect(report).toMatch(/^learned +docs +\d+ .*Arabic micro-F1 \d\.\d{3}/m);
  });

  it('refuses a file that is not a learned-scorer model, and an unknown command', async () => {
    // Prepare
    const notModel = capture();
    const unknown = capture();

    // Act
    const refused = await learnedMain(
      ['score', '--model', join(fixture, 'labels.json'), fixture],
      notModel.io,
    );
    const misuse = await learnedMain(['fit'], unknown.io);

    // Assess
    expect(refused).toBe(2);
    expect(notModel.err.join('')).toContain('is not a learned-scorer model');
    expect(misuse).toBe(2);
    expect(unknown.err.join('')).toContain('unknown command fit');
  });
});
