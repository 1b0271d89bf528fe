import { TableKeys } from '@doc-ingest/contracts';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Properties of {@link NearDuplicateIndexTable}. */
interface NearDuplicateIndexTableProps {
  /**
   * Customer-managed key for encryption at rest: band items carry document
   * fingerprints, which say something about the texts, so they get the data key.
   */
  readonly encryptionKey: kms.IKey;
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Continuous backups with point-in-time restore (35 days). The index can be
   * rebuilt from the documents' fingerprints, but a restore is faster.
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
}

/**
 * The near-duplicate index: one owner item per LSH band (`pk` = `NEAR#...`,
 * `sk` = `OWNER`), in a table of its own and WITHOUT a stream. Band claims are
 * bookkeeping of the ingest function, not part of the record contract: kept
 * in the document table they made up 85 % of what its stream consumers read
 * (issue 12). Same key names as the document table, so the adapters' key
 * builders serve both; no index, on-demand billing.
 *
 * @example
 * const { table } = new NearDuplicateIndexTable(this, 'NearIndex', { encryptionKey });
 */
class NearDuplicateIndexTable extends Construct {
  /** The table. */
  public readonly table: dynamodb.Table;

  public constructor(scope: Construct, id: string, props: NearDuplicateIndexTableProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TableKeys.PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TableKeys.SORT_KEY, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true,
      },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy,
    });
  }
}

export type { NearDuplicateIndexTableProps };
export { NearDuplicateIndexTable };
