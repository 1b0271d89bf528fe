import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Feature flag: deliver server access logs under a bucket policy, not an ACL. */
const S3_LOGS_USE_BUCKET_POLICY = '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy';

/** How a {@link SecureBucket} encrypts objects at rest. */
const BucketEncryptionMode = {
  /** SSE-KMS with a customer-managed key (rotation on) and S3 Bucket Keys. */
  KMS: 'kms',
  /** SSE-S3 (AES-256, keys managed by S3). */
  S3_MANAGED: 's3-managed',
} as const;
type BucketEncryptionModeName = (typeof BucketEncryptionMode)[keyof typeof BucketEncryptionMode];

/** Properties of {@link SecureBucket}. */
interface SecureBucketProps {
  /**
   * Encryption at rest. KMS is the default: access to object content then
   * also needs `kms:Decrypt` on the key, a second, auditable control, and key
   * use shows up in CloudTrail. S3 Bucket Keys keep the KMS request cost low.
   * @default BucketEncryptionMode.KMS
   */
  readonly encryption?: BucketEncryptionModeName;
  /**
   * Key for `BucketEncryptionMode.KMS`. Not allowed with S3-managed
   * encryption.
   * @default a new customer-managed key with rotation enabled
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Keep every version of every object (recovery from overwrites and
   * deletes).
   * @default true
   */
  readonly versioned?: boolean;
  /**
   * When noncurrent object versions expire. Only used when versioned.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * Bucket that receives the server access logs. Pass the
   * `accessLogsBucket` of another SecureBucket to share one log bucket.
   * @default a new dedicated log bucket (SSE-S3, TLS only, no public access)
   */
  readonly serverAccessLogsBucket?: s3.IBucket;
  /**
   * Key prefix of this bucket's logs in the log bucket.
   * @default 'access-logs/<construct id>/'
   */
  readonly serverAccessLogsPrefix?: string;
  /**
   * How long the dedicated log bucket keeps logs. Only used when this
   * construct creates the log bucket.
   * @default Duration.days(365)
   */
  readonly accessLogsRetention?: Duration;
  /**
   * What happens to the bucket (and a created key and log bucket) when it
   * leaves the stack. With `RemovalPolicy.DESTROY`, objects are deleted too
   * (`autoDeleteObjects`), which suits test stacks only.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * An S3 bucket with secure defaults: public access blocked, TLS-only bucket
 * policy, encryption at rest (customer-managed KMS key by default),
 * versioning, ACLs disabled, and server access logs to a log bucket that is
 * itself locked down.
 *
 * @example
 * const bucket = new SecureBucket(this, 'IngestBucket', {
 *   removalPolicy: RemovalPolicy.RETAIN,
 * });
 */
class SecureBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;
  /** The key that encrypts objects, when the encryption mode is KMS. */
  public readonly encryptionKey?: kms.IKey;
  /** The bucket that receives this bucket's server access logs. */
  public readonly accessLogsBucket: s3.IBucket;

  public constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id);
    // ACLs are disabled (BucketOwnerEnforced), so access-log delivery must be
    // granted by bucket policy whatever the app's feature flags say.
    this.node.setContext(S3_LOGS_USE_BUCKET_POLICY, true);
    const encryption = props.encryption ?? BucketEncryptionMode.KMS;
    if (!Object.values(BucketEncryptionMode).includes(encryption)) {
      throw new Error(`Unknown bucket encryption mode: ${String(encryption)}`);
    }
    if (props.encryptionKey && encryption !== BucketEncryptionMode.KMS) {
      throw new Error('encryptionKey requires BucketEncryptionMode.KMS');
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const destroy = removalPolicy === RemovalPolicy.DESTROY;
    const versioned = props.versioned ?? true;

    this.accessLogsBucket =
      props.serverAccessLogsBucket ??
      this.createLogBucket(props.accessLogsRetention ?? Duration.days(365), removalPolicy);

    if (encryption === BucketEncryptionMode.KMS) {
      this.encryptionKey =
        props.encryptionKey ??
        new kms.Key(this, 'Key', {
          description: `Encrypts the objects of the ${id} bucket`,
          enableKeyRotation: true,
          removalPolicy,
        });
    }

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...(this.encryptionKey
        ? {
            encryption: s3.BucketEncryption.KMS,
            encryptionKey: this.encryptionKey,
            bucketKeyEnabled: true,
          }
        : { encryption: s3.BucketEncryption.S3_MANAGED }),
      versioned,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        ...(versioned
          ? [
              {
                noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(90),
              },
            ]
          : []),
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsPrefix ?? `access-logs/${id}/`,
      removalPolicy,
      autoDeleteObjects: destroy,
    });
  }

  private createLogBucket(retention: Duration, removalPolicy: RemovalPolicy): s3.Bucket {
    // Server access logging only delivers to SSE-S3 buckets, hence no KMS.
    // cdk-nag S1 does not apply: a bucket that receives access logs is exempt.
    return new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      lifecycleRules: [{ expiration: retention }],
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });
  }
}

export type { BucketEncryptionModeName, SecureBucketProps };
export { BucketEncryptionMode, SecureBucket };
