import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliMain } from '../../../helpers/runCliMain.ts';

/*
 * The text output of `get` and `where`, with an in-memory table (mocked
 * DynamoDB client): test/e2e/cli.test.ts checks the JSON output against the
 * deployed stack; this checks what a person reads on a terminal.
 */
const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const ddbMock = mockClient(dynamodb);
const HASH = 'a'.repeat(64);

const DOCUMENT = {
  pk: `DOC#${HASH}`,
  sk: 'DOCUMENT',
  kind: 'document',
  contentHash: HASH,
  title: 'Ransomware hits a hospital group',
  language: 'en',
  topics: [{ id: 'cybercrime', score: 0.91, terms: ['ransomware', 'ransom'] }],
  taxonomyVersion: '2026.11.3',
  text: 'the whole text',
  textBytes: 14,
  fingerprint: { version: 'v2', signature: 'xyz' },
  sourceCount: 1,
  createdAt: '2026-11-22T10:00:01.000Z',
};
const SOURCE = {
  pk: 'SOURCE#b/in/a.txt',
  sk: 'VERSION#v1',
  kind: 'source',
  bucket: 'b',
  key: 'in/a.txt',
  versionId: 'v1',
  size: 120,
  contentHash: HASH,
  status: 'new',
  receivedAt: '2026-11-22T10:00:01.000Z',
};
const REJECTION = {
  pk: 'REJECTION#b/in/a.txt',
  sk: 'VERSION#v2',
  kind: 'rejection',
  bucket: 'b',
  key: 'in/a.txt',
  versionId: 'v2',
  size: 0,
  reason: 'empty',
  detail: 'the object is empty',
  rejectedAt: '2026-11-22T11:00:00.000Z',
};

/** stdout looks like a terminal: `get` and `where` print text unless asked for JSON. */
const run = (...argv: string[]) =>
  runCliMain(argv, { dynamodb: () => dynamodb }, { stdout: { isTTY: true } });

describe('Function: main (ingest get and where)', () => {
  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(GetItemCommand).resolves({ Item: marshall(DOCUMENT) });
    ddbMock
      .on(QueryCommand)
      .callsFake((input: { ExpressionAttributeValues: { ':pk': { S: string } } }) => {
        const pk = input.ExpressionAttributeValues[':pk'].S;
        if (pk.startsWith('DOC#')) return { Items: [marshall(SOURCE)] };
        if (pk.startsWith('SOURCE#')) return { Items: [marshall(SOURCE)] };
        return { Items: [marshall(REJECTION)] };
      });
  });

  it('get prints the document, its topics and sources as text on a terminal', async () => {
    // Act
    const { code, stdout } = await run('get', HASH, '--table', 't');

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain(`document  ${HASH}`);
    expect(stdout).toContain('topics    cybercrime 0.91 (ransomware, ransom)');
    expect(stdout).toContain('text      inline, 14 bytes');
    expect(stdout).toMatch(
      /sources {3}1\n {2}new {8}2026-11-22T10:00:01\.000Z {2}s3:\/\/b\/in\/a\.txt {2}\(version v1\)\n$/,
    );
  });

  it('get -o json leaves out keys, fingerprint and text unless asked', async () => {
    // Act
    const plain = JSON.parse((await run('get', HASH, '--table', 't', '-o', 'json')).stdout);
    const withText = JSON.parse(
      (await run('get', HASH, '--table', 't', '-o', 'json', '--with-text')).stdout,
    );

    // Assess
    expect(Object.keys(plain.document)).not.toEqual(expect.arrayContaining(['pk']));
    expect(plain.document).not.toHaveProperty('fingerprint');
    expect(plain.document).not.toHaveProperty('text');
    expect(withText.document.text).toBe('the whole text');
    expect(plain.sources[0]).not.toHaveProperty('pk');
  });

  it('where lists each version, oldest first, with what it became', async () => {
    // Act
    const { code, stdout } = await run('where', 's3://b/in/a.txt', '--table', 't');

    // Assess
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      's3://b/in/a.txt: 2 versions recorded',
      `  2026-11-22T10:00:01.000Z  v1            new             ${HASH}  "Ransomware hits a hospital group" [cybercrime]`,
      '  2026-11-22T11:00:00.000Z  v2            rejected        empty: the object is empty',
      '',
    ]);
  });

  it.each([
    [['get', 'abc', '--table', 't'], 2, /64 hex characters/],
    [['where', 'b/in/a.txt', '--table', 't'], 2, /s3:\/\/bucket\/key/],
  ])('refuses %j', async (argv, expected, message) => {
    // Act
    const { code, stderr } = await run(...argv);

    // Assess
    expect(code).toBe(expected);
    expect(stderr).toMatch(message);
    expect(ddbMock.calls()).toHaveLength(0);
  });

  it('exits 3 when the hash is unknown', async () => {
    // Prepare
    ddbMock.on(GetItemCommand).resolves({});

    // Act
    const { code, stderr } = await run('get', HASH, '--table', 't');

    // Assess
    expect(code).toBe(3);
    expect(stderr).toBe(`ingest: no document ${HASH} in t\n`);
  });
});
