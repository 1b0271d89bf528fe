import { nearBandPartitionKey } from '@doc-ingest/contracts';
import { bandKeys } from '@doc-ingest/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBandIndex } from '../../../../../packages/ingestion/src/memory/bandIndex.ts';

const VERSION = 'w5-m128-b8r2-v3';

/** A canonical band key: band number and 16 lowercase hex digits. */
const bandKeyOf = (band: number, high: number, low: number) =>
  `b${String(band).padStart(2, '0')}:${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;

describe('Function: createBandIndex', () => {
  it('finds what was set under a partition key, by band key and by partition key', () => {
    // Prepare
    const index = createBandIndex();
    const keys = bandKeys(Uint32Array.from({ length: 128 }, (_, i) => i * 2_654_435_761));
    keys.forEach((key, order) => {
      index.add(nearBandPartitionKey(VERSION, key), order);
    });

    // Act
    const byBandKey = keys.map((key) => index.find(VERSION, key));
    const byPartition = keys.map((key) => index.findPartition(nearBandPartitionKey(VERSION, key)));

    // Assess
    expect(keys).toHaveLength(8);
    expect(byBandKey).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(byPartition).toEqual(byBandKey);
    expect(index.size).toBe(8);
  });

  it('tells apart keys that differ only in their version, band, or either half', () => {
    // Prepare
    const index = createBandIndex();
    const key = bandKeyOf(3, 0xdeadbeef, 0x0000ffff);
    index.add(nearBandPartitionKey(VERSION, key), 1);

    // Act
    const found = [
      index.find(VERSION, key),
      index.find('w5-m128-b32r4-v2', key),
      index.find(VERSION, bandKeyOf(4, 0xdeadbeef, 0x0000ffff)),
      index.find(VERSION, bandKeyOf(3, 0xdeadbeee, 0x0000ffff)),
      index.find(VERSION, bandKeyOf(3, 0xdeadbeef, 0x0001ffff)),
    ];

    // Assess
    expect(found).toEqual([1, -1, -1, -1, -1]);
  });

  it.each([
    ['upper-case digits', 'b01:DEADBEEF00000001'],
    ['a short key', 'b01:deadbeef'],
    ['a long key', 'b01:deadbeef000000010'],
    ['no band number', 'bxx:deadbeef00000001'],
    ['a letter past f', 'b01:deadbeeg00000001'],
    ['all ones', 'b99:ffffffffffffffff'],
    ['not a band key at all', 'anything'],
  ])('holds a key of another form too: %s', (_, key) => {
    // Prepare
    const index = createBandIndex();
    index.add(nearBandPartitionKey(VERSION, key), 7);

    // Act
    const found = index.find(VERSION, key);
    const byPartition = index.findPartition(nearBandPartitionKey(VERSION, key));
    const otherVersion = index.find('other', key);

    // Assess
    expect([found, byPartition, otherVersion]).toEqual([7, 7, -1]);
  });

  it('keeps a partition key that is not a band partition key apart', () => {
    // Prepare
    const index = createBandIndex();
    index.add('DOC#b01:deadbeef00000001', 2);

    // Act
    const found = index.findPartition('DOC#b01:deadbeef00000001');
    const asBand = index.find('DOC', 'b01:deadbeef00000001');

    // Assess
    expect([found, asBand]).toEqual([2, -1]);
  });

  it.each([
    ['a band key', nearBandPartitionKey(VERSION, bandKeyOf(0, 1, 2))],
    ['another key', 'NEAR#other'],
  ])('keeps the first value of %s added again, and tells it', (_, pk) => {
    // Prepare
    const index = createBandIndex();
    const first = index.add(pk, 1);

    // Act
    const again = index.add(pk, 5);

    // Assess
    expect([first, again, index.findPartition(pk)]).toEqual([-1, 1, 1]);
    expect(index.size).toBe(1);
  });

  it('answers as a map does for many random keys, through its growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 99 }),
            fc.integer({ min: 0, max: 0xffffffff }),
            fc.integer({ min: 0, max: 0xffffffff }),
          ),
          { minLength: 1, maxLength: 3_000 },
        ),
        (triples) => {
          // Prepare: the first half is set, all are looked up
          const index = createBandIndex();
          const reference = new Map<string, number>();
          const half = Math.ceil(triples.length / 2);
          triples.slice(0, half).forEach(([band, high, low], value) => {
            const pk = nearBandPartitionKey(VERSION, bandKeyOf(band, high, low));
            expect(index.add(pk, value)).toBe(reference.get(pk) ?? -1);
            if (!reference.has(pk)) reference.set(pk, value);
          });

          // Act
          const found = triples.map(([band, high, low]) =>
            index.find(VERSION, bandKeyOf(band, high, low)),
          );

          // Assess
          const expected = triples.map(
            ([band, high, low]) =>
              reference.get(nearBandPartitionKey(VERSION, bandKeyOf(band, high, low))) ?? -1,
          );
          expect(found).toEqual(expected);
          expect(index.size).toBe(reference.size);
        },
      ),
      { numRuns: 30 },
    );
  });
});
