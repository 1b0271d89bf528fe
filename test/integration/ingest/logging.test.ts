import { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';
import { loadEvent } from '../../helpers/loadEvent.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * What the ingest handler writes to its logs, at the INFO level it runs with:
 * the source key and content hash of every object, never the document's text.
 * S3 and DynamoDB are in-memory fakes, as in handler.test.ts.
 */

const SECRET_SENTENCE = 'Cette phrase du corps ne doit jamais apparaître dans les journaux.';
const body = `Un titre ordinaire\n\n${SECRET_SENTENCE} ${'Du texte de remplissage. '.repeat(20)}`;

type Handler = (event: SQSEvent, context: ReturnType<typeof fakeContext>) => Promise<unknown>;
let handler: Handler;

beforeAll(async () => {
  stubHandlerEnv({ POWERTOOLS_DEV: 'false', POWERTOOLS_LOG_LEVEL: 'INFO' });
  vi.resetModules();
  ({ handler } = (await import('../../../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('Handler: ingest logging', () => {
  it('logs the key and content hash of an ingested object but none of its text', async () => {
    // Prepare
    const s3Mock = mockClient(S3Client);
    s3Mock.on(GetObjectCommand).callsFake(() => ({
      Body: Readable.from([Buffer.from(body)]) as never,
      ContentLength: Buffer.byteLength(body),
    }));
    const table = fakeDocumentTable();
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(console, 'info').mockImplementation((...args) => capture(args.join(' ')));
    vi.spyOn(console, 'log').mockImplementation((...args) => capture(args.join(' ')));

    // Act
    await handler(loadEvent<SQSEvent>('sqs/object-created'), fakeContext());

    // Assess
    const [document] = table.ofKind('document');
    const logs = lines.join('\n');
    expect(logs).toContain('incoming/100_b55afea218a2948c.txt');
    expect(logs).toContain(String(document?.contentHash));
    expect(logs).not.toContain(SECRET_SENTENCE);
    expect(logs).not.toContain('Du texte de remplissage');
  });
});
