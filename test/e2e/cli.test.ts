import { DeleteItemCommand, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { readKeyHistory } from '@doc-ingest/aws-adapters';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localClients } from '../../scripts/lib/localAws.ts';
import { createPoll } from '../helpers/poll.ts';
import { runIngestBinary } from '../helpers/runIngestBinary.ts';

/*
 * The `ingest` binary against the deployed stack, as an operator runs it:
 * only --stack-name is given; the table comes from CloudFormation's
 * DescribeStacks on LocalStack.
 */

const { stackName, outputs } = inject('deployment');
const clients = localClients();
const RECORD_TIMEOUT_MS = 120_000;

const ingest = runIngestBinary;

const RUN_ID = Date.now().toString(36);
const KEY = `cli-suite/${RUN_ID}/article.txt`;
// Content of this suite's own (the run id makes it so): the other suites
// share the stack, and a sample they ingested first would make this one a
// duplicate.
const sample = {
  bytes: Buffer.from(
    'Saisie de 900 kilos de cocaïne dans un conteneur au port du Havre\n\n' +
      "Les douaniers ont découvert près de 900 kilos de cocaïne dissimulés dans un conteneur de bananes arrivé d'Amérique du Sud. " +
      'Le parquet a ouvert une enquête pour trafic de stupéfiants en bande organisée et importation de drogue.\n\n' +
      "Trois manutentionnaires soupçonnés d'avoir aidé les trafiquants à sortir la marchandise du terminal ont été placés en garde à vue. " +
      "La valeur de la drogue à la revente est estimée à plusieurs dizaines de millions d'euros.\n\n" +
      `Référence de l'essai: ${RUN_ID}.\n`,
  ),
  expected: { language: 'fr', topics: ['drug_trafficking'] },
};

const poll = createPoll(RECORD_TIMEOUT_MS);

/** Waits until the table holds `count` records (sources + rejections) of KEY. */
const awaitRecords = (count: number) =>
  poll(`${KEY}: ${count} records`, async () => {
    const history = await readKeyHistory(clients.dynamodb, outputs.TableName, {
      bucket: outputs.BucketName,
      key: KEY,
    });
    return history.sources.length + history.rejections.length >= count ? history : undefined;
  });

const put = (body: Buffer) =>
  clients.s3.send(new PutObjectCommand({ Bucket: outputs.BucketName, Key: KEY, Body: body }));

let contentHash: string;

beforeAll(async () => {
  // Two versions of one key: an article, then an empty file that replaces it.
  await put(sample.bytes);
  const first = await awaitRecords(1);
  contentHash = String(first.sources[0]?.contentHash);
  await put(Buffer.alloc(0));
  await awaitRecords(2);
});

describe('E2E: the ingest CLI on the deployed stack', () => {
  it('where: tells what each version of a key became, reading the table from --stack-name', async () => {
    // Act
    const { code, stdout } = await ingest(
      'where',
      `s3://${outputs.BucketName}/${KEY}`,
      '--stack-name',
      stackName,
      '-o',
      'json',
    );

    // Assess
    expect(code).toBe(0);
    const { versions } = JSON.parse(stdout);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({
      outcome: 'new',
      contentHash,
      document: { language: sample.expected.language, sourceCount: 1 },
    });
    expect(versions[0].document.topics).toEqual(expect.arrayContaining(sample.expected.topics));
    expect(versions[1]).toMatchObject({ outcome: 'rejected', reason: 'empty', contentHash: null });
    expect(versions[0].versionId).not.toBe(versions[1].versionId);
  });

  it('get: prints the document with its topics and sources', async () => {
    // Act
    const { code, stdout } = await ingest('get', contentHash, '-s', stackName, '-o', 'json');

    // Assess
    expect(code).toBe(0);
    const { document, sources } = JSON.parse(stdout);
    expect(document).toMatchObject({ contentHash, kind: 'document', sourceCount: 1 });
    expect(document.topics.map((topic: { id: string }) => topic.id)).toEqual(
      expect.arrayContaining(sample.expected.topics),
    );
    expect(document).not.toHaveProperty('pk');
    expect(document).not.toHaveProperty('text');
    expect(sources).toEqual([
      expect.objectContaining({ bucket: outputs.BucketName, key: KEY, status: 'new' }),
    ]);
  });

  it('get and where exit 3 for what the table does not hold', async () => {
    // Act
    const get = await ingest('get', 'f'.repeat(64), '-s', stackName);
    const where = await ingest(
      'where',
      `s3://${outputs.BucketName}/cli-suite/none.txt`,
      '-s',
      stackName,
    );

    // Assess
    expect(get.code).toBe(3);
    expect(get.stderr).toContain(`no document ${'f'.repeat(64)}`);
    expect(where.code).toBe(3);
    expect(where.stderr).toContain('nothing recorded for');
  });

  it('reindex: gives a document whose band items were lost its bands again, so a copy finds it', async () => {
    // Prepare: a distinct article of this run, then its band items deleted
    const original = `cli-suite/${RUN_ID}/reindex-original.txt`;
    const copy = `cli-suite/${RUN_ID}/reindex-copy.txt`;
    const article =
      `Démantèlement d'un réseau de contrefaçon de médicaments (essai ${RUN_ID})\n\n` +
      'Les enquêteurs ont saisi des milliers de boîtes de faux antidouleurs dans trois entrepôts de la ' +
      'banlieue lyonnaise. Les produits, fabriqués à l’étranger, étaient revendus en ligne à des ' +
      'pharmacies peu regardantes et à des particuliers.\n\n' +
      'Cinq personnes ont été mises en examen pour contrefaçon en bande organisée et mise en danger ' +
      `de la vie d'autrui. Le parquet évoque un préjudice de plusieurs millions d'euros.\n`;
    const sourceOf = (key: string) =>
      poll(`${key}: recorded`, async () => {
        const history = await readKeyHistory(clients.dynamodb, outputs.TableName, {
          bucket: outputs.BucketName,
          key,
        });
        return history.sources[0];
      });
    await clients.s3.send(
      new PutObjectCommand({ Bucket: outputs.BucketName, Key: original, Body: article }),
    );
    const originalHash = String((await sourceOf(original)).contentHash);
    const bandsOf = async (hash: string) => {
      const { Items = [] } = await clients.dynamodb.send(
        new ScanCommand({
          TableName: outputs.NearIndexTableName,
          FilterExpression: 'contentHash = :hash',
          ExpressionAttributeValues: { ':hash': { S: hash } },
        }),
      );
      return Items.map((item) => unmarshall(item));
    };
    const bands = await bandsOf(originalHash);
    for (const band of bands) {
      await clients.dynamodb.send(
        new DeleteItemCommand({
          TableName: outputs.NearIndexTableName,
          Key: { pk: { S: String(band.pk) }, sk: { S: String(band.sk) } },
        }),
      );
    }

    // Act
    const dryRun = await ingest('reindex', '-s', stackName, '--dry-run');
    const { code, stdout } = await ingest('reindex', '-s', stackName);
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: outputs.BucketName,
        Key: copy,
        Body: article.replace('\n\n', '\n\nMise à jour: la préfecture a confirmé les saisies.\n\n'),
      }),
    );
    const copyHash = String((await sourceOf(copy)).contentHash);

    // Assess
    expect(bands.length).toBeGreaterThan(0);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout).bandsClaimed).toBeGreaterThanOrEqual(bands.length);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ command: 'reindex', dryRun: false });
    expect((await bandsOf(originalHash)).map((band) => band.pk).sort()).toEqual(
      bands.map((band) => band.pk).sort(),
    );
    const { Item } = await clients.dynamodb.send(
      new GetItemCommand({
        TableName: outputs.TableName,
        Key: { pk: { S: `DOC#${copyHash}` }, sk: { S: 'DOCUMENT' } },
      }),
    );
    expect(unmarshall(Item ?? {}).nearDuplicateOf).toMatchObject({ contentHash: originalHash });
  });

  it('exits 3 for a stack that does not exist', async () => {
    // Act
    const { code, stderr } = await ingest('get', contentHash, '-s', `${stackName}Missing`);

    // Assess
    expect(code).toBe(3);
    expect(stderr).toContain(`stack ${stackName}Missing does not exist`);
  });
});
