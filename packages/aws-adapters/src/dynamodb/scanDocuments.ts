import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type DocumentRecord, DocumentRecordSchema, ItemKind } from '@doc-ingest/contracts';

/** One segment of a parallel scan (DynamoDB splits the table into `totalSegments` parts). */
interface ScanSegment {
  segment: number;
  totalSegments: number;
}

interface DocumentPage {
  documents: DocumentRecord[];
  /** Pass back as `startKey` to resume after this page; absent on the last page. */
  nextKey?: Record<string, AttributeValue>;
}

/**
 * Pages through the canonical documents of the table (a filtered Scan), so a
 * long job such as reclassification can stop and resume at a page boundary.
 * With `parallel`, only that segment of a parallel scan: workers given
 * segments 0..n-1 of n together read the whole table once.
 *
 * @example
 * for await (const page of scanDocuments(dynamodb, table)) handle(page.documents);
 */
async function* scanDocuments(
  client: DynamoDBClient,
  tableName: string,
  startKey?: Record<string, AttributeValue>,
  parallel?: ScanSegment,
): AsyncGenerator<DocumentPage> {
  let exclusiveStartKey = startKey;
  do {
    const response = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'kind = :kind',
        ExpressionAttributeValues: { ':kind': { S: ItemKind.DOCUMENT } },
        ExclusiveStartKey: exclusiveStartKey,
        ...(parallel === undefined
          ? {}
          : { Segment: parallel.segment, TotalSegments: parallel.totalSegments }),
      }),
    );
    const documents = (response.Items ?? []).map((item) =>
      DocumentRecordSchema.parse(unmarshall(item)),
    );
    exclusiveStartKey = response.LastEvaluatedKey;
    yield exclusiveStartKey === undefined
      ? { documents }
      : { documents, nextKey: exclusiveStartKey };
  } while (exclusiveStartKey !== undefined);
}

export type { DocumentPage, ScanSegment };
export { scanDocuments };
