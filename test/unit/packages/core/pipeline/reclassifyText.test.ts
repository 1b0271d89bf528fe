import { processDocument, reclassifyText, TAXONOMY_VERSION } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../../../helpers/samples.ts';

describe('Function: reclassifyText', () => {
  it.each(loadSamples())('scores stored sample $name as ingestion did', ({ name, bytes }) => {
    // Prepare
    const result = processDocument({ bytes, key: name });
    if (!result.ok) throw new Error(`${name} rejected`);

    // Act
    const classification = reclassifyText(result.value.text, result.value.language);

    // Assess
    expect(classification.topics).toEqual(result.value.topics);
    expect(classification.taxonomyVersion).toBe(TAXONOMY_VERSION);
  });

  it('handles a text that is only a title', () => {
    expect(reclassifyText('Attentat déjoué', 'fr').topics.map((t) => t.id)).toEqual(['terrorism']);
  });
});
