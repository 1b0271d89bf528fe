import {
  DynamoDBClient,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { recordIngestion, TransientDependencyError } from '@doc-ingest/aws-adapters';
import { buildDocumentItems, processDocument } from '@doc-ingest/core';
import type { IngestionItems } from '@doc-ingest/ingestion';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);
const NOW = '2026-11-22T10:00:00.000Z';

const items = (): IngestionItems => {
  const result = processDocument({
    bytes: Buffer.from(
      'Cyberattaque contre un hôpital\n\nUn rançongiciel a chiffré les serveurs; les pirates exigent une rançon en cryptomonnaie.',
    ),
    key: 'a.txt',
  });
  if (!result.ok) throw new Error('fixture must be accepted');
  return buildDocumentItems(
    result.value,
    { bucket: 'b', key: 'a.txt', versionId: 'v1', size: 120 },
    { inline: true },
    NOW,
  );
};

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('Function: recordIngestion', () => {
  beforeEach(() => dynamoMock.reset());

  it('creates document, source and topics in one conditional transaction', async () => {
    // Prepare
    dynamoMock.on(TransactWriteItemsCommand).resolves({});
    const fixture = items();

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', fixture, NOW);

    // Assess
    expect(outcome).toBe('new');
    const calls = dynamoMock.commandCalls(TransactWriteItemsCommand);
    expect(calls).toHaveLength(1);
    const transactItems = calls[0]?.args[0].input.TransactItems ?? [];
    expect(transactItems).toHaveLength(2 + fixture.topics.length);
    for (const item of transactItems) {
      expect(item.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    }
    expect(transactItems[1]?.Put?.Item?.status).toEqual({ S: 'new' });
  });

  it('adds a duplicate source and counts it when the document exists', async () => {
    // Prepare
    const fixture = items();
    const topicCodes = fixture.topics.map(() => 'ConditionalCheckFailed');
    dynamoMock
      .on(TransactWriteItemsCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None', ...topicCodes))
      .resolvesOnce({});

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', fixture, NOW);

    // Assess
    expect(outcome).toBe('duplicate');
    const second = dynamoMock.commandCalls(TransactWriteItemsCommand)[1]?.args[0].input;
    expect(second?.TransactItems?.[0]?.Put?.Item?.status).toEqual({ S: 'duplicate' });
    expect(second?.TransactItems?.[1]?.Update?.UpdateExpression).toContain(
      'sourceCount = sourceCount + :one',
    );
  });

  it('goes straight to the duplicate source when the document is known to exist', async () => {
    // Prepare
    dynamoMock.on(TransactWriteItemsCommand).resolves({});

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', items(), NOW, {
      documentExists: true,
    });

    // Assess
    expect(outcome).toBe('duplicate');
    const calls = dynamoMock.commandCalls(TransactWriteItemsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.TransactItems?.[0]?.Put?.Item?.status).toEqual({
      S: 'duplicate',
    });
  });

  it('reports a transient failure when a document known to exist is gone', async () => {
    // Prepare
    dynamoMock.on(TransactWriteItemsCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));

    // Act
    const outcome = recordIngestion(dynamodb, 'table', items(), NOW, { documentExists: true });

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('writes nothing more for a redelivered object', async () => {
    // Prepare
    dynamoMock
      .on(TransactWriteItemsCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'ConditionalCheckFailed'));

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', items(), NOW);

    // Assess
    expect(outcome).toBe('already-recorded');
    expect(dynamoMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it('treats a redelivered duplicate as already recorded', async () => {
    // Prepare
    dynamoMock
      .on(TransactWriteItemsCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None'))
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None'));

    // Act
    const outcome = await recordIngestion(dynamodb, 'table', items(), NOW);

    // Assess
    expect(outcome).toBe('already-recorded');
  });

  it('reports a transaction conflict as transient', async () => {
    // Prepare
    dynamoMock.on(TransactWriteItemsCommand).rejects(cancelled('TransactionConflict', 'None'));

    // Act & Assess
    await expect(recordIngestion(dynamodb, 'table', items(), NOW)).rejects.toBeInstanceOf(
      TransientDependencyError,
    );
  });
});
