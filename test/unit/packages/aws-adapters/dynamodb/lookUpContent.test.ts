import {
  type AttributeValue,
  BatchGetItemCommand,
  DynamoDBClient,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { lookUpContent } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);

const OWN = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const THIRD = 'c'.repeat(64);
const VERSION = 'w5-m128-b32r4-v1';
const content = {
  contentHash: OWN,
  fingerprintVersion: VERSION,
  bandKeys: ['b00:1', 'b01:2', 'b02:3'],
};
const bandPk = (bandKey: string) => `NEAR#${VERSION}#${bandKey}`;
const fingerprintOf = (hash: string) => ({
  version: VERSION,
  signature: `sig-${hash.slice(0, 4)}`,
  shingleCount: 60,
});
const owner = (bandKey: string, hash: string) =>
  marshall({ pk: bandPk(bandKey), contentHash: hash, fingerprint: fingerprintOf(hash) });
const ownDocument = (extra: object = {}) =>
  marshall({ pk: `DOC#${OWN}`, contentHash: OWN, fingerprint: fingerprintOf(OWN), ...extra });
const TABLES = { documents: 'documents', nearIndex: 'near-index' };
type Raw = Record<string, AttributeValue>;
/** Answers each table with the given items of its own (document items to `documents`, bands to the index). */
const answer = (...items: Raw[]) => ({
  Responses: {
    documents: items.filter((item) => item.pk?.S?.startsWith('DOC#')),
    'near-index': items.filter((item) => item.pk?.S?.startsWith('NEAR#')),
  },
});

describe('Function: lookUpContent', () => {
  beforeEach(() => {
    dynamoMock.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reads the document from the document table and one owner item per band from the index', async () => {
    // Prepare
    dynamoMock.on(BatchGetItemCommand).resolves(answer());

    // Act
    await lookUpContent(dynamodb, TABLES, content);

    // Assess
    const requests = dynamoMock
      .commandCalls(BatchGetItemCommand)
      .map((call) => call.args[0].input.RequestItems ?? {});
    expect(requests).toHaveLength(2);
    expect(dynamoMock.commandCalls(QueryCommand)).toHaveLength(0);
    expect(requests.find((request) => 'documents' in request)?.documents?.Keys).toEqual([
      marshall({ pk: `DOC#${OWN}`, sk: 'DOCUMENT' }),
    ]);
    expect(requests.find((request) => 'near-index' in request)?.['near-index']?.Keys).toEqual(
      content.bandKeys.map((bandKey) => marshall({ pk: bandPk(bandKey), sk: 'OWNER' })),
    );
  });

  it('offers each other band owner once, with the fingerprint of its band item', async () => {
    // Prepare
    dynamoMock
      .on(BatchGetItemCommand)
      .resolves(answer(owner('b00:1', OTHER), owner('b01:2', OTHER), owner('b02:3', THIRD)));

    // Act
    const known = await lookUpContent(dynamodb, TABLES, content);

    // Assess
    expect(known.existing).toBeUndefined();
    expect(known.candidates).toEqual([
      { contentHash: OTHER, fingerprint: fingerprintOf(OTHER) },
      { contentHash: THIRD, fingerprint: fingerprintOf(THIRD) },
    ]);
    expect(known.unclaimedBands).toEqual(new Set());
  });

  it('reports the bands nobody owns as unclaimed and never offers the content itself', async () => {
    // Prepare
    dynamoMock.on(BatchGetItemCommand).resolves(answer(owner('b01:2', OWN)));

    // Act
    const known = await lookUpContent(dynamodb, TABLES, content);

    // Assess
    expect(known.candidates).toEqual([]);
    expect(known.unclaimedBands).toEqual(new Set([bandPk('b00:1'), bandPk('b02:3')]));
  });

  it('reports a stored content with its near-duplicate mark', async () => {
    // Prepare
    const mark = { contentHash: OTHER, similarity: 0.83 };
    dynamoMock.on(BatchGetItemCommand).resolves(answer(ownDocument({ nearDuplicateOf: mark })));
    const copy = await lookUpContent(dynamodb, TABLES, content);
    dynamoMock.reset();
    dynamoMock.on(BatchGetItemCommand).resolves(answer(ownDocument(), owner('b00:1', OWN)));

    // Act
    const original = await lookUpContent(dynamodb, TABLES, content);

    // Assess
    expect(copy.existing).toEqual({ nearDuplicateOf: mark });
    expect(original.existing).toEqual({});
    expect(original.candidates).toEqual([]);
  });

  it('neither compares nor claims a band whose owner has no valid fingerprint', async () => {
    // Prepare
    const legacyOwner = marshall({ pk: bandPk('b00:1'), contentHash: OTHER });
    dynamoMock.on(BatchGetItemCommand).resolves(answer(legacyOwner));

    // Act
    const known = await lookUpContent(dynamodb, TABLES, content);

    // Assess
    expect(known.candidates).toEqual([]);
    expect(known.unclaimedBands).toEqual(new Set([bandPk('b01:2'), bandPk('b02:3')]));
  });

  it('treats keys left unprocessed as unknown: no candidate, no claim, no stored document', async () => {
    // Prepare
    const unread = [
      marshall({ pk: `DOC#${OWN}`, sk: 'DOCUMENT' }),
      marshall({ pk: bandPk('b00:1'), sk: 'OWNER' }),
    ];
    // Each table's request leaves its key unprocessed, every time; the index
    // answers one owner the first time.
    let ownerAnswered = false;
    dynamoMock.on(BatchGetItemCommand).callsFake((input) => {
      const table = Object.keys(input.RequestItems ?? {})[0] as string;
      const keys = unread.filter((key) =>
        table === 'documents' ? key.pk?.S?.startsWith('DOC#') : key.pk?.S?.startsWith('NEAR#'),
      );
      const items = table === 'near-index' && !ownerAnswered ? [owner('b01:2', OTHER)] : [];
      if (table === 'near-index') ownerAnswered = true;
      return { Responses: { [table]: items }, UnprocessedKeys: { [table]: { Keys: keys } } };
    });

    // Act
    const lookingUp = lookUpContent(dynamodb, TABLES, content);
    await vi.runAllTimersAsync();
    const known = await lookingUp;

    // Assess
    expect(dynamoMock.commandCalls(BatchGetItemCommand).length).toBeGreaterThan(1);
    expect(known.existing).toBeUndefined();
    expect(known.candidates.map((candidate) => candidate.contentHash)).toEqual([OTHER]);
    expect(known.unclaimedBands).toEqual(new Set([bandPk('b02:3')]));
  });
});
