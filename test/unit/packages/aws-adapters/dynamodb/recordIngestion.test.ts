import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { recordIngestion, TransientDependencyError } from '@doc-ingest/aws-adapters';
import { buildDocumentItems, processDocument } from '@doc-ingest/core';
import type { IngestionItems } from '@doc-ingest/ingestion';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../../helpers/fakeDocumentTable.ts';

/*
 * Against the in-memory table fake (no AWS in unit runs): which requests the
 * writer sends and what they leave. The conformance suite
 * (test/unit/packages/aws-adapters/store/) checks crash repair and races.
 */

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-22T10:05:00.000Z';

const itemsOf = (key: string, now = NOW): IngestionItems => {
  const result = processDocument({
    bytes: Buffer.from(
      'Cyberattaque contre un hôpital\n\nUn rançongiciel a chiffré les serveurs; les pirates exigent une rançon en cryptomonnaie.',
    ),
    key,
  });
  if (!result.ok) throw new Error('fixture must be accepted');
  return buildDocumentItems(
    result.value,
    { bucket: 'b', key, versionId: 'v1', size: 120 },
    { inline: true },
    now,
  );
};

describe('Function: recordIngestion', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  beforeEach(() => {
    table = fakeDocumentTable();
  });
  const written = () =>
    table.mock
      .commandCalls(PutItemCommand)
      .map((call) => call.args[0].input.Item?.kind?.S)
      .filter((kind) => kind !== undefined);

  it('creates the document, then its topics, then its source, each a conditional put', async () => {
    // Prepare
    const fixture = itemsOf('a.txt');

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', fixture, NOW);

    // Assess
    expect(outcome).toBe('new');
    expect(written()).toEqual(['document', ...fixture.topics.map(() => 'topic'), 'source']);
    for (const call of table.mock.commandCalls(PutItemCommand)) {
      expect(call.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
    }
    expect(table.mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
    expect(table.ofKind('source')).toMatchObject([{ status: 'new', receivedAt: NOW }]);
  });

  it('adds a copy of another key as a duplicate source, counted in one transaction', async () => {
    // Prepare
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('b.txt', LATER), LATER);

    // Assess
    expect(outcome).toBe('duplicate');
    const transaction = table.mock.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input;
    expect(transaction?.TransactItems?.[0]?.Put?.Item?.status).toEqual({ S: 'duplicate' });
    expect(transaction?.TransactItems?.[1]?.Update?.UpdateExpression).toContain(
      'sourceCount = sourceCount + :one',
    );
    expect(table.ofKind('document')).toMatchObject([{ sourceCount: 2, liveSourceCount: 2 }]);
    expect(table.mock.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('goes straight to the duplicate source when the document is known to exist', async () => {
    // Prepare
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);
    table.mock.resetHistory();

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('b.txt'), NOW, {
      documentExists: true,
    });

    // Assess
    expect(outcome).toBe('duplicate');
    expect(table.mock.commandCalls(PutItemCommand)).toHaveLength(0);
    expect(table.mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it('reports a transient failure when a document known to exist is gone', async () => {
    // Act
    const outcome = recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW, {
      documentExists: true,
    });

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('writes nothing more for a redelivered first object', async () => {
    // Prepare
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);
    const changes = table.changes.length;

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('a.txt', LATER), LATER);

    // Assess
    expect(outcome).toBe('already-recorded');
    expect(table.changes).toHaveLength(changes);
  });

  it('repairs a first object whose run stopped after the document', async () => {
    // Prepare: only the document was written
    const first = itemsOf('a.txt');
    await recordIngestion(dynamodb, 'table', first, NOW);
    for (const [key, item] of table.items) if (item.kind !== 'document') table.items.delete(key);

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('a.txt', LATER), LATER);

    // Assess: written as the first run would have, at its time
    expect(outcome).toBe('new');
    expect(table.ofKind('source')).toEqual([JSON.parse(JSON.stringify(first.newSource))]);
    expect(table.ofKind('topic')).toEqual(JSON.parse(JSON.stringify(first.topics)));
    expect(table.ofKind('document')).toMatchObject([{ sourceCount: 1, liveSourceCount: 1 }]);
  });

  it('treats a redelivered duplicate as already recorded', async () => {
    // Prepare
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);
    await recordIngestion(dynamodb, 'table', itemsOf('b.txt'), NOW);

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('b.txt', LATER), LATER);

    // Assess
    expect(outcome).toBe('already-recorded');
    expect(table.ofKind('document')).toMatchObject([{ sourceCount: 2 }]);
  });

  it('reads the stored document when the refusal does not carry it', async () => {
    // Prepare: an endpoint that ignores ReturnValuesOnConditionCheckFailure
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);
    table.mock.resetHistory();
    table.mock.on(PutItemCommand).rejectsOnce(
      new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
      }),
    );

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', itemsOf('b.txt'), NOW);

    // Assess
    expect(outcome).toBe('duplicate');
    const read = table.mock.commandCalls(BatchGetItemCommand)[0]?.args[0].input;
    expect(read?.RequestItems?.table?.ConsistentRead).toBe(true);
  });

  it('reports a transaction conflict as transient', async () => {
    // Prepare
    await recordIngestion(dynamodb, 'table', itemsOf('a.txt'), NOW);
    table.mock.on(TransactWriteItemsCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
      }),
    );

    // Act & Assess
    await expect(
      recordIngestion(dynamodb, 'table', itemsOf('b.txt'), NOW, { documentExists: true }),
    ).rejects.toBeInstanceOf(TransientDependencyError);
  });
});
