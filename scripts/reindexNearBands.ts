import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { claimNearBands, scanDocuments } from '@doc-ingest/aws-adapters';
import { FINGERPRINT_VERSION, nearBandsOfStoredDocument } from '@doc-ingest/core';

/*
 * `npx tsx --conditions=doc-ingest-source scripts/reindexNearBands.ts --table <DocumentTableName> --index-table <NearIndexTableName>`
 *
 * One-off migration to fingerprint v3 (README, "Migration to fingerprint
 * v3"): scans the document table and claims, for every canonical document
 * whose fingerprint has another layout's bands, the current version's bands
 * from its stored signature (`nearBandsOfStoredDocument`). A band already
 * owned stays with its owner; a rerun claims nothing twice. Credentials and
 * region come from the usual AWS environment (AWS_ENDPOINT_URL for LocalStack).
 */

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    'index-table': { type: 'string' },
  },
});
const table = values.table;
const indexTable = values['index-table'];
if (table === undefined || indexTable === undefined) {
  console.error(
    'usage: reindexNearBands.ts --table <DocumentTableName> --index-table <NearIndexTableName>',
  );
  process.exit(2);
}

const dynamodb = new DynamoDBClient({});
let documents = 0;
let indexed = 0;
for await (const page of scanDocuments(dynamodb, table)) {
  for (const document of page.documents) {
    documents++;
    if (document.fingerprint?.version === FINGERPRINT_VERSION) continue;
    let pending = nearBandsOfStoredDocument(document);
    if (pending.length === 0) continue;
    // A claim stops at a band another document owns: leave that one, claim the rest.
    while (pending.length > 0) {
      const { lost } = await claimNearBands(dynamodb, indexTable, pending);
      if (lost.length === 0) break;
      pending = pending.filter((band) => !lost.includes(band.pk));
    }
    indexed++;
  }
}
console.log(`${documents} documents read, ${indexed} indexed under ${FINGERPRINT_VERSION}`);
