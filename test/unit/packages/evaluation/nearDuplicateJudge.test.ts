import { join } from 'node:path';
import { processDocument } from '@doc-ingest/core';
import { main, type PairDocument, runEvaluation } from '@doc-ingest/evaluation';
import { describe, expect, it } from 'vitest';
import {
  createNearDuplicateJudge,
  nearDuplicateJudge,
} from '../../../../packages/evaluation/src/nearDuplicateJudge.ts';
import { LOCAL_REPORT, REPUBLISHED_COPY, WIRE_REPORT } from '../core/similarity/articles.ts';

const FIXTURE_DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'eval');

/** A pair document as `runEvaluation` builds it: the pipeline's hash and canonical text. */
const pairDocument = (name: string, raw: string): PairDocument => {
  const result = processDocument({ bytes: new TextEncoder().encode(raw), key: name });
  if (!result.ok) throw new Error(result.rejection.detail);
  return { name, contentHash: result.value.contentHash, text: result.value.text };
};

const JUDGES = [
  { method: 'minhash', judge: nearDuplicateJudge },
  { method: 'exact', judge: createNearDuplicateJudge({ method: 'exact' }) },
] as const;

describe('Function: nearDuplicateJudge', () => {
  it.each(JUDGES)('calls equal content hashes exact duplicates ($method)', ({ judge }) => {
    // Prepare
    const a = pairDocument('a.txt', WIRE_REPORT);
    const b = pairDocument('b.txt', `\uFEFF${WIRE_REPORT.replaceAll('\n', '\r\n')}`);

    // Act
    const kind = judge(a, b);

    // Assess
    expect(kind).toBe('exact-after-normalization');
  });

  it.each(JUDGES)('calls a republished copy a near-duplicate ($method)', ({ judge }) => {
    // Prepare
    const a = pairDocument('wire.txt', WIRE_REPORT);
    const b = pairDocument('copy.txt', REPUBLISHED_COPY);

    // Act
    const kinds = [judge(a, b), judge(b, a)];

    // Assess
    expect(kinds).toEqual(['near-duplicate', 'near-duplicate']);
  });

  it.each(JUDGES)('calls two write-ups of one event distinct ($method)', ({ judge }) => {
    // Prepare
    const a = pairDocument('wire.txt', WIRE_REPORT);
    const b = pairDocument('local.txt', LOCAL_REPORT);

    // Act
    const kind = judge(a, b);

    // Assess
    expect(kind).toBe('distinct');
  });

  it('judges every labelled pair of the fixture set right', async () => {
    // Act
    const report = await runEvaluation({
      dir: FIXTURE_DIR,
      pairJudge: nearDuplicateJudge,
      pairJudgeName: 'near-duplicate (minhash)',
    });

    // Assess
    expect(report.pairs?.judge).toBe('near-duplicate (minhash)');
    expect(report.pairs?.pairs.filter((pair) => pair.predicted !== pair.expected)).toEqual([]);
    expect(report.pairs?.confusion['near-duplicate']['near-duplicate']).toBeGreaterThan(0);
  });
});

describe('Function: main (--judge)', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      cwd: FIXTURE_DIR,
      defaultDir: FIXTURE_DIR,
    });
    return { code, out, err };
  };

  it.each([
    { argv: [], judge: 'near-duplicate (minhash)' },
    { argv: ['--judge', 'exact'], judge: 'near-duplicate (exact)' },
    { argv: ['--judge', 'content-hash'], judge: 'content-hash' },
  ])('judges pairs with $judge given $argv', async ({ argv, judge }) => {
    // Act
    const { code, out } = await run(argv);

    // Assess
    expect(code).toBe(0);
    expect(out).toContain(`judge: ${judge};`);
  });

  it('refuses an unknown judge', async () => {
    // Act
    const { code, err } = await run(['--judge', 'cosine']);

    // Assess
    expect(code).toBe(2);
    expect(err).toContain('--judge must be minhash, exact or content-hash');
  });
});
