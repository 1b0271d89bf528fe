import type { SQSEvent } from 'aws-lambda';
import { loadEvent } from './loadEvent.ts';

/** The sample single-object SQS event (`events/sqs/object-created.json`), announcing `key` instead of sample 100. */
const objectCreatedEvent = (key: string): SQSEvent => {
  const event = loadEvent<SQSEvent>('sqs/object-created');
  const record = event.Records[0];
  if (record === undefined) throw new Error('events/sqs/object-created.json has no record');
  record.body = record.body.replace('incoming/100_b55afea218a2948c.txt', key);
  return event;
};

export { objectCreatedEvent };
