import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_NAMES } from '@doc-ingest/cdk';
import { describe, expect, it } from 'vitest';

const README = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

/** Keys of the README's settings table: the first cell of each row under "### Settings". */
const documentedKeys = (): string[] => {
  const section = README.slice(README.indexOf('### Settings'));
  const table = section.slice(0, section.indexOf('\n###'));
  return [...table.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((match) => match[1] ?? '');
};

describe('Docs: the README settings table', () => {
  it('documents exactly the settings the schema accepts, in its order', () => {
    // Assess
    expect(documentedKeys()).toEqual(SETTING_NAMES);
  });
});
