import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'samples');

interface SampleExpectation {
  language: string;
  topics: string[];
  optional_topics: string[];
  encoding: string;
  notes: string;
}

/** The project's own sample articles and what each must yield. */
const loadSamples = (): { name: string; bytes: Buffer; expected: SampleExpectation }[] => {
  const expected = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'samples.expected.json'), 'utf8'),
  ) as Record<string, SampleExpectation>;
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const expectation = expected[name];
      if (expectation === undefined)
        throw new Error(`test/fixtures/samples.expected.json lacks ${name}`);
      return { name, bytes: readFileSync(join(SAMPLES_DIR, name)), expected: expectation };
    });
};

export type { SampleExpectation };
export { loadSamples, SAMPLES_DIR };
