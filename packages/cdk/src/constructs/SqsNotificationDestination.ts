import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct, IDependable } from 'constructs';

/**
 * S3 event notification target: an SQS queue encrypted with a
 * customer-managed key.
 *
 * Unlike `aws-s3-notifications.SqsDestination`, which gives
 * `s3.amazonaws.com` `kms:GenerateDataKey*`/`kms:Decrypt` with no condition,
 * every statement here (queue policy and key policy) is scoped to the
 * notifying bucket with `aws:SourceArn` and to this account with
 * `aws:SourceAccount`, the confused-deputy guard AWS recommends.
 *
 * @example
 * bucket.addEventNotification(
 *   s3.EventType.OBJECT_CREATED,
 *   new SqsNotificationDestination(queue),
 * );
 */
class SqsNotificationDestination implements s3.IBucketNotificationDestination {
  private readonly queue: sqs.IQueue;

  public constructor(queue: sqs.IQueue) {
    if (!queue.encryptionMasterKey) {
      throw new Error(
        'SqsNotificationDestination expects a queue encrypted with a customer-managed key',
      );
    }
    this.queue = queue;
  }

  public bind(scope: Construct, bucket: s3.IBucketRef): s3.BucketNotificationDestinationConfig {
    const conditions = {
      StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
      ArnLike: { 'aws:SourceArn': bucket.bucketRef.bucketArn },
    };
    const s3Principal = new iam.ServicePrincipal('s3.amazonaws.com');
    const dependencies: IDependable[] = [this.queue];

    const queueResult = this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowS3ObjectNotifications',
        principals: [s3Principal],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions,
      }),
    );
    if (queueResult.policyDependable) {
      dependencies.push(queueResult.policyDependable);
    }

    const key = this.queue.encryptionMasterKey;
    const keyResult = key?.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowS3ToEncryptNotifications',
        principals: [s3Principal],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        // In a key policy, "*" means "this key".
        resources: ['*'],
        conditions,
      }),
      true,
    );
    if (!keyResult?.statementAdded) {
      throw new Error(
        'Cannot add the S3 statement to the key policy of an imported key; ' +
          'grant s3.amazonaws.com kms:GenerateDataKey and kms:Decrypt on it yourself',
      );
    }
    return {
      arn: this.queue.queueArn,
      type: s3.BucketNotificationDestinationType.QUEUE,
      dependencies,
    };
  }
}

export { SqsNotificationDestination };
