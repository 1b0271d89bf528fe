import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Every record currently readable on a table stream, from the trim horizon of
 * each shard. A test stack is fresh, so this is the whole history of the run.
 */
const readTableStream = async (
  client: DynamoDBStreamsClient,
  streamArn: string,
): Promise<_Record[]> => {
  const records: _Record[] = [];
  const { StreamDescription } = await client.send(
    new DescribeStreamCommand({ StreamArn: streamArn }),
  );
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    // An open shard always hands back a next iterator; stop at the first empty page.
    for (let page = 0; iterator !== undefined && page < 1000; page++) {
      const response = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const batch = response.Records ?? [];
      records.push(...batch);
      if (batch.length === 0) break;
      iterator = response.NextShardIterator;
    }
  }
  return records;
};

export { readTableStream };
