/*
 * `npx tsx --conditions=doc-ingest-source bench/nearIndex.ts [folder with pairs.json]...`
 *
 * Issue 12 (cost): how many index items does a document need? The
 * near-duplicate decision (`compareFingerprints` on the 128-slot MinHash
 * signatures) does not depend on the index; the index only has to bring the
 * original up as a candidate. For each candidate layout this prints:
 *
 * - recall on every pair the decision calls a near-duplicate: the labelled
 *   pairs of each folder given (`pairs.json`, as `npm run eval` reads them)
 *   and generated copies of every labelled document of `test/fixtures/` and
 *   `samples/` (one paragraph added, one dropped, every 40th / 25th word
 *   replaced, a paragraph of boilerplate appended);
 * - the candidate rate among distinct documents (pairs the decision calls
 *   distinct): false candidates cost a comparison, never a merge;
 * - a replay through a single-owner index, the way the DynamoDB store works
 *   (a key's first canonical claimer owns it; copies claim nothing): every
 *   document and copy in a fixed shuffled order, decided against the owners
 *   of its keys, compared with the decision against every canonical document
 *   seen so far (no index). "Changed" counts documents whose outcome differs.
 *
 * SimHash rows are for comparison with Manku et al.: a 64-bit SimHash of the
 * same shingles, 4 keys of 16 bits; a candidate shares a block (covering
 * Hamming distance 3 or less).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  bandKeys,
  compareFingerprints,
  type Fingerprint,
  MIN_SHINGLES,
  processDocument,
} from '@doc-ingest/core';
// Not part of the package's API: the bench reads the core's own finalizer.
import { fmix32 } from '../packages/core/src/similarity/hash32.ts';

const REPO_ROOT = join(import.meta.dirname, '..');

interface Layout {
  name: string;
  keys: (fingerprint: Fingerprint) => string[];
}

/** 64-bit SimHash of the shingle hashes, as four 16-bit blocks. */
const simHashBlocks = (shingles: Uint32Array): number[] => {
  const counts = new Int32Array(64);
  for (const shingle of shingles) {
    const halves = [fmix32(shingle ^ 0x2545f491), fmix32(shingle ^ 0x9e3779b9)];
    for (let bit = 0; bit < 64; bit++) {
      const word = halves[bit >> 5] as number;
      counts[bit] = (counts[bit] as number) + ((word >>> (bit & 31)) & 1 ? 1 : -1);
    }
  }
  const blocks = [0, 0, 0, 0];
  for (let bit = 0; bit < 64; bit++) {
    if ((counts[bit] as number) > 0)
      blocks[bit >> 4] = (blocks[bit >> 4] as number) | (1 << (bit & 15));
  }
  return blocks;
};

const minHashLayout = (bands: number, rows: number): Layout => ({
  name: `MinHash ${bands} bands x ${rows} row${rows > 1 ? 's' : ''}`,
  keys: (fp) => (fp.shingleCount >= MIN_SHINGLES ? bandKeys(fp.signature, rows, bands) : []),
});

const LAYOUTS: Layout[] = [
  minHashLayout(32, 4),
  minHashLayout(16, 4),
  minHashLayout(8, 2),
  minHashLayout(7, 2),
  minHashLayout(6, 2),
  minHashLayout(5, 2),
  minHashLayout(4, 2),
  minHashLayout(8, 1),
  minHashLayout(6, 1),
  minHashLayout(4, 1),
  {
    name: 'SimHash 64 bits, 4 blocks of 16',
    keys: (fp) =>
      fp.shingleCount >= MIN_SHINGLES
        ? simHashBlocks(fp.shingles).map((block, i) => `s${i}:${block}`)
        : [],
  },
];

interface Doc {
  name: string;
  fingerprint: Fingerprint;
  /** The original a generated copy was made from. */
  copyOf?: string;
}

const fingerprintOf = (name: string, text: string): Doc | undefined => {
  const result = processDocument({ bytes: new TextEncoder().encode(text), key: name });
  return result.ok ? { name, fingerprint: result.value.fingerprint } : undefined;
};

const minhashOnly = (fp: Fingerprint) => ({
  signature: fp.signature,
  shingleCount: fp.shingleCount,
});

const isNear = (a: Fingerprint, b: Fingerprint): boolean =>
  compareFingerprints(minhashOnly(a), minhashOnly(b)).isNearDuplicate;

const shareKey = (layout: Layout, a: Fingerprint, b: Fingerprint): boolean => {
  const keys = new Set(layout.keys(a));
  return layout.keys(b).some((key) => keys.has(key));
};

/** Deterministic pseudo-random stream (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const BOILERPLATE =
  'Subscribe to our newsletter to receive the latest news every morning. ' +
  'All rights reserved. Reproduction of this article without permission is prohibited.';

/** Edited copies of a text, the kinds of change republishers make. */
const variants = (text: string, next: () => number): [string, string][] => {
  const paragraphs = text.split(/\n+/u).filter((p) => p.trim() !== '');
  const replaceEvery = (every: number) =>
    text
      .split(/(\s+)/u)
      .map((token, i) =>
        i % (2 * every) === 0 && /\S/u.test(token) ? `x${Math.floor(next() * 1e6)}` : token,
      )
      .join('');
  const added = [
    ...paragraphs.slice(0, 1),
    `Update ${Math.floor(next() * 1e9)}: the spokesperson declined further comment on the case today.`,
    ...paragraphs.slice(1),
  ].join('\n\n');
  const dropped = paragraphs.length > 2 ? paragraphs.slice(0, -1).join('\n\n') : text;
  return [
    ['paragraph added', added],
    ['last paragraph dropped', dropped],
    ['every 40th word replaced', replaceEvery(40)],
    ['every 25th word replaced', replaceEvery(25)],
    ['boilerplate appended', `${text}\n\n${BOILERPLATE}`],
  ];
};

const labelledFolders = (): string[] => {
  const fixtures = join(REPO_ROOT, 'test/fixtures');
  return [
    ...readdirSync(fixtures)
      .map((name) => join(fixtures, name))
      .filter((path) => statSync(path).isDirectory()),
    join(REPO_ROOT, 'samples'),
  ];
};

const textsOf = (folder: string): [string, string][] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => [`${folder}/${name}`, readFileSync(join(folder, name), 'utf8')]);

interface PairSet {
  label: string;
  pairs: [Fingerprint, Fingerprint][];
}

const labelledPairs = (folder: string): PairSet => {
  const pairs = JSON.parse(readFileSync(join(folder, 'pairs.json'), 'utf8')) as {
    a: string;
    b: string;
    kind: string;
  }[];
  const result: PairSet = { label: `${folder} (labelled pairs decided near)`, pairs: [] };
  for (const { a, b, kind } of pairs) {
    if (kind === 'distinct') continue;
    const docA = fingerprintOf(a, readFileSync(join(folder, a), 'utf8'));
    const docB = fingerprintOf(b, readFileSync(join(folder, b), 'utf8'));
    if (docA === undefined || docB === undefined) continue;
    if (isNear(docA.fingerprint, docB.fingerprint))
      result.pairs.push([docA.fingerprint, docB.fingerprint]);
  }
  return result;
};

const pct = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 1)} %`;

/** Replays documents through a single-owner index; counts outcomes that differ from no index. */
const replay = (layout: Layout, stream: Doc[]): { changed: number; keysPerCanonical: number } => {
  const owners = new Map<string, Doc>();
  const canonical: Doc[] = [];
  let changed = 0;
  let claimed = 0;
  for (const doc of stream) {
    let oracle: Doc | undefined;
    for (const other of canonical) {
      if (isNear(doc.fingerprint, other.fingerprint)) {
        oracle = other;
        break;
      }
    }
    const keys = layout.keys(doc.fingerprint);
    const found = keys
      .map((key) => owners.get(key))
      .find((owner) => owner !== undefined && isNear(doc.fingerprint, owner.fingerprint));
    if ((oracle === undefined) !== (found === undefined)) changed++;
    if (found === undefined && oracle === undefined && keys.length > 0) {
      canonical.push(doc);
      for (const key of keys) {
        if (!owners.has(key)) {
          owners.set(key, doc);
          claimed++;
        }
      }
    }
  }
  return { changed, keysPerCanonical: claimed / Math.max(1, canonical.length) };
};

const main = () => {
  const next = random(12);
  const originals: Doc[] = [];
  for (const folder of labelledFolders()) {
    for (const [name, text] of textsOf(folder)) {
      const doc = fingerprintOf(name, text);
      if (doc !== undefined && doc.fingerprint.shingleCount >= MIN_SHINGLES) originals.push(doc);
    }
  }
  const generated: PairSet = { label: 'generated copies decided near', pairs: [] };
  const copies: Doc[] = [];
  const byKind = new Map<string, PairSet>();
  for (const original of originals) {
    const text = readFileSync(original.name, 'utf8');
    for (const [kind, copyText] of variants(text, next)) {
      const copy = fingerprintOf(`${original.name}~${kind}`, copyText);
      if (copy === undefined || !isNear(original.fingerprint, copy.fingerprint)) continue;
      copy.copyOf = original.name;
      copies.push(copy);
      generated.pairs.push([original.fingerprint, copy.fingerprint]);
      const set = byKind.get(kind) ?? { label: `  of which ${kind}`, pairs: [] };
      set.pairs.push([original.fingerprint, copy.fingerprint]);
      byKind.set(kind, set);
    }
  }
  const distinct: [Fingerprint, Fingerprint][] = [];
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      const a = (originals[i] as Doc).fingerprint;
      const b = (originals[j] as Doc).fingerprint;
      if (!isNear(a, b)) distinct.push([a, b]);
    }
  }
  const stream = [...originals, ...copies]
    .map((doc) => ({ doc, order: next() }))
    .sort((x, y) => x.order - y.order)
    .map(({ doc }) => doc);
  const sets = [
    ...process.argv.slice(2).map(labelledPairs),
    labelledPairs(join(REPO_ROOT, 'test/fixtures/eval')),
    generated,
    ...byKind.values(),
  ];
  console.log(
    `${originals.length} labelled documents of test/fixtures and samples, ${copies.length} generated copies decided near, ` +
      `${distinct.length} pairs of them decided distinct; replay of ${stream.length} documents in a shuffled order\n`,
  );
  const header = [
    'Layout',
    'Keys',
    ...sets.map((s) => `${s.label} (${s.pairs.length})`),
    'Candidates among distinct pairs',
    'Replay: outcomes changed',
    'Keys claimed per canonical',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const layout of LAYOUTS) {
    const keyCount = layout.keys((originals[0] as Doc).fingerprint).length;
    const recalls = sets.map(({ pairs }) =>
      pct(pairs.filter(([a, b]) => shareKey(layout, a, b)).length, pairs.length),
    );
    const falseCandidates = distinct.filter(([a, b]) => shareKey(layout, a, b)).length;
    const { changed, keysPerCanonical } = replay(layout, stream);
    console.log(
      `| ${[layout.name, keyCount, ...recalls, `${falseCandidates} (${pct(falseCandidates, distinct.length)})`, changed, keysPerCanonical.toFixed(2)].join(' | ')} |`,
    );
  }
};

main();
