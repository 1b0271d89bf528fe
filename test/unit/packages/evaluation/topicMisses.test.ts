import { describe, expect, it } from 'vitest';
import { topicMisses } from '../../../../packages/evaluation/src/topicMisses.ts';

describe('Function: topicMisses', () => {
  it('lists labelled topics not given and given topics neither labelled nor optional', () => {
    // Act
    const misses = topicMisses({
      expected: ['terrorism', 'cooperation'],
      optional: ['organized_crime'],
      predicted: ['terrorism', 'organized_crime', 'firearms'],
    });

    // Assess
    expect(misses).toEqual({ missed: ['cooperation'], extra: ['firearms'] });
  });

  it('finds no miss in a document without a label (only part of a pair)', () => {
    // Act
    const misses = topicMisses({ expected: undefined, optional: [], predicted: ['cybercrime'] });

    // Assess
    expect(misses).toEqual({ missed: [], extra: [] });
  });
});
