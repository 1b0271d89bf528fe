import { TableKeys } from '@doc-ingest/contracts';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Properties of {@link DocumentTable}. */
interface DocumentTableProps {
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse `DeleteTable` calls, from CloudFormation or anyone else.
   * @default true, unless `removalPolicy` is `RemovalPolicy.DESTROY`
   */
  readonly deletionProtection?: boolean;
  /**
   * Continuous backups with point-in-time restore (35 days).
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Customer-managed key for encryption at rest. Without it, DynamoDB
   * encrypts with an AWS-owned key: always on, free, and no extra KMS calls
   * for every reader (including the stream consumer).
   * @default AWS-owned key
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * The single-table document store: `pk`/`sk` string keys, on-demand billing,
 * point-in-time recovery, a `NEW_AND_OLD_IMAGES` stream for the event
 * publisher and the `gsi1` index (all attributes projected).
 *
 * @example
 * const { table } = new DocumentTable(this, 'Documents');
 */
class DocumentTable extends Construct {
  /** The table. */
  public readonly table: dynamodb.Table;
  /** The customer-managed key, when one was given. */
  public readonly encryptionKey?: kms.IKey;

  public constructor(scope: Construct, id: string, props: DocumentTableProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const deletionProtection = props.deletionProtection ?? removalPolicy !== RemovalPolicy.DESTROY;
    if (deletionProtection && removalPolicy === RemovalPolicy.DESTROY) {
      throw new Error(
        'deletionProtection cannot be combined with RemovalPolicy.DESTROY: ' +
          'CloudFormation could never delete the table',
      );
    }

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: {
        name: TableKeys.PARTITION_KEY,
        type: dynamodb.AttributeType.STRING,
      },
      sortKey: { name: TableKeys.SORT_KEY, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true,
      },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      ...(props.encryptionKey
        ? {
            encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryptionKey: props.encryptionKey,
          }
        : { encryption: dynamodb.TableEncryption.DEFAULT }),
      deletionProtection,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TableKeys.GSI1_NAME,
      partitionKey: {
        name: TableKeys.GSI1_PARTITION_KEY,
        type: dynamodb.AttributeType.STRING,
      },
      sortKey: {
        name: TableKeys.GSI1_SORT_KEY,
        type: dynamodb.AttributeType.STRING,
      },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.encryptionKey = props.encryptionKey;
  }
}

export type { DocumentTableProps };
export { DocumentTable };
