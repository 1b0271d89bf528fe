import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { StackOutputs } from '../../scripts/lib/cdkLocal.ts';
import { localClients } from '../../scripts/lib/localAws.ts';

const gone = async (probe: () => Promise<unknown>): Promise<boolean> => {
  try {
    await probe();
    return false;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return true;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return status === 404;
  }
};

/**
 * What `cdk destroy` of a `doc-ingest:removalPolicy=destroy` stack must
 * remove: the table and both buckets (emptied first). Returns what survived.
 */
const survivorsOfDestroy = async (outputs: StackOutputs): Promise<string[]> => {
  const { dynamodb, s3 } = localClients();
  const probes: [string, () => Promise<unknown>][] = [
    [
      `table ${outputs.TableName}`,
      () => dynamodb.send(new DescribeTableCommand({ TableName: outputs.TableName })),
    ],
    [
      `bucket ${outputs.BucketName}`,
      () => s3.send(new HeadBucketCommand({ Bucket: outputs.BucketName })),
    ],
    [
      `bucket ${outputs.TextBucketName}`,
      () => s3.send(new HeadBucketCommand({ Bucket: outputs.TextBucketName })),
    ],
  ];
  const survivors: string[] = [];
  for (const [name, probe] of probes) if (!(await gone(probe))) survivors.push(name);
  return survivors;
};

export { survivorsOfDestroy };
