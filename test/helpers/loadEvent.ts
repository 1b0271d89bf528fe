import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');

/**
 * A fresh copy of a sample event from `events/`, e.g. `loadEvent('sqs/batch-mixed')`.
 * Each call parses the file again, so tests may mutate what they get.
 */
const loadEvent = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(join(EVENTS_DIR, `${name}.json`), 'utf8')) as T;

export { EVENTS_DIR, loadEvent };
