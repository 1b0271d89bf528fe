import { TableKeys } from '@doc-ingest/contracts';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
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
   * Customer-managed key for encryption at rest (the table and its stream
   * hold full texts). Every reader and writer needs `kms:Decrypt` /
   * `kms:GenerateDataKey` on it, which CDK's table grants include.
   * @default a new customer-managed key with rotation enabled, removed with the table
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * The single-table document store: `pk`/`sk` string keys, on-demand billing,
 * encryption with a customer-managed key, point-in-time recovery, a `NEW_AND_OLD_IMAGES` stream for the event
 * publisher and the `gsi1` index (all attributes projected).
 *
 * @example
 * const { table } = new DocumentTable(this, 'Documents');
 */
class DocumentTable extends Construct {
  /** The table. */
  public readonly table: dynamodb.Table;
  /** The customer-managed key that encrypts the table. */
  public readonly encryptionKey: kms.IKey;

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

    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, 'Key', {
        description: 'Encrypts the document table',
        enableKeyRotation: true,
        removalPolicy,
      });
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
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.encryptionKey,
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
  }
}

export type { DocumentTableProps };
export { DocumentTable };
