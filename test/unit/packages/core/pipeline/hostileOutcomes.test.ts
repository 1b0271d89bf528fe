import { describe, expect, it } from 'vitest';
import { processDocument } from '../../../../../packages/core/src/pipeline/withDefaultTaxonomy.ts';
import { hostileFixtures } from '../../../../helpers/hostileFixtures.ts';

// The size cap is the reader's (aws-adapters), not the core's: that fixture is tested end to end.
const fixtures = hostileFixtures('unit').filter((fixture) => fixture.name !== 'too-large.txt');

describe('Function: processDocument on the hostile fixtures', () => {
  it.each(fixtures)('gives $name ($description) its documented outcome', (fixture) => {
    // Act
    const result = processDocument({ bytes: fixture.bytes, key: `hostile/${fixture.name}` });

    // Assess
    if (fixture.expected.kind === 'rejection') {
      expect(result.ok ? 'accepted' : result.rejection.reason).toBe(fixture.expected.reason);
    } else {
      expect(result.ok && { encoding: result.value.encoding, format: result.value.format }).toEqual(
        {
          encoding: fixture.expected.encoding,
          format: fixture.expected.format ?? 'text',
        },
      );
    }
  });
});
