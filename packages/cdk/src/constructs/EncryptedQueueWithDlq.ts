import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** SQS caps the visibility timeout at 12 hours. */
const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;

/** Properties of {@link EncryptedQueueWithDlq}. */
interface EncryptedQueueWithDlqProps {
  /**
   * How long a received message stays hidden from other consumers. When a
   * Lambda function consumes the queue, keep it at least 6x the function
   * timeout (the consumer construct checks this).
   * @default Duration.minutes(6)
   */
  readonly visibilityTimeout?: Duration;
  /**
   * How many times a message may be received before it moves to the DLQ.
   * Must be an integer >= 1.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Customer-managed key that encrypts both queues. Pass one key to share it
   * between queues (and to grant S3 use of it in one place).
   * @default a new customer-managed key with rotation enabled
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * How long the main queue keeps a message.
   * @default Duration.days(4)
   */
  readonly retentionPeriod?: Duration;
  /**
   * How long the DLQ keeps a message: the time an operator has to redrive.
   * @default Duration.days(14)
   */
  readonly deadLetterRetentionPeriod?: Duration;
  /**
   * What happens to the main queue when it leaves the stack.
   * @default RemovalPolicy.DESTROY (it holds transient messages only)
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * What happens to the dead-letter queue (and a key this construct creates)
   * when they leave the stack. The DLQ may hold the only trace of an object
   * that never got a record, so it is kept by default.
   * @default RemovalPolicy.RETAIN
   */
  readonly deadLetterRemovalPolicy?: RemovalPolicy;
}

/**
 * A standard SQS queue with a dead-letter queue, both encrypted with a
 * customer-managed KMS key and reachable over TLS only.
 *
 * @example
 * const ingest = new EncryptedQueueWithDlq(this, 'IngestQueue', {
 *   visibilityTimeout: Duration.minutes(6),
 *   maxReceiveCount: 5,
 * });
 */
class EncryptedQueueWithDlq extends Construct {
  /** The queue consumers read from. */
  public readonly queue: sqs.Queue;
  /** Where messages land after `maxReceiveCount` failed receives. */
  public readonly deadLetterQueue: sqs.Queue;
  /** The key that encrypts both queues. */
  public readonly encryptionKey: kms.IKey;
  /** The visibility timeout applied to {@link queue}. */
  public readonly visibilityTimeout: Duration;
  /** The receive count after which a message moves to the DLQ. */
  public readonly maxReceiveCount: number;

  public constructor(scope: Construct, id: string, props: EncryptedQueueWithDlqProps = {}) {
    super(scope, id);
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    const visibilityTimeout = props.visibilityTimeout ?? Duration.minutes(6);
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1) {
      throw new Error(`maxReceiveCount must be an integer >= 1, got ${maxReceiveCount}`);
    }
    if (visibilityTimeout.toSeconds() > MAX_VISIBILITY_TIMEOUT_SECONDS) {
      throw new Error(
        `visibilityTimeout must be at most 12 hours, got ${visibilityTimeout.toHumanString()}`,
      );
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const deadLetterRemovalPolicy = props.deadLetterRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, 'Key', {
        description: `Encrypts the ${id} queue and its dead-letter queue`,
        enableKeyRotation: true,
        // A retained DLQ is unreadable without its key.
        removalPolicy: deadLetterRemovalPolicy,
      });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.encryptionKey,
      enforceSSL: true,
      retentionPeriod: props.deadLetterRetentionPeriod ?? Duration.days(14),
      removalPolicy: deadLetterRemovalPolicy,
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.encryptionKey,
      enforceSSL: true,
      visibilityTimeout,
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
      removalPolicy,
    });

    this.visibilityTimeout = visibilityTimeout;
    this.maxReceiveCount = maxReceiveCount;
  }
}

export type { EncryptedQueueWithDlqProps };
export { EncryptedQueueWithDlq };
