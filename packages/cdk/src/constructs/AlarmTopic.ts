import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Loose on purpose: SNS validates the address; this catches a pasted ARN or a typo'd flag. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Properties of {@link AlarmTopic}. */
interface AlarmTopicProps {
  /**
   * Address subscribed to the topic (SNS sends it a confirmation first).
   * @default no subscription
   */
  readonly email?: string;
  /**
   * Removal policy of the topic's key.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The SNS topic every alarm of the pipeline notifies: encrypted with its own
 * customer-managed key (rotation on), TLS-only, publishable by CloudWatch
 * alarms of this account and region only, optionally with an e-mail
 * subscription.
 *
 * @example
 * const { topic } = new AlarmTopic(this, 'Alarms', { email: 'ops@example.org' });
 */
class AlarmTopic extends Construct {
  /** The topic. */
  public readonly topic: sns.Topic;
  /** The key that encrypts it. */
  public readonly encryptionKey: kms.Key;

  public constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    if (props.email !== undefined && !EMAIL_PATTERN.test(props.email)) {
      throw new Error(`email must be an e-mail address, got '${props.email}'`);
    }
    const { account, region } = Stack.of(this);
    const fromOurAlarms = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: {
        'aws:SourceArn': `arn:${Stack.of(this).partition}:cloudwatch:${region}:${account}:alarm:*`,
      },
    };

    this.encryptionKey = new kms.Key(this, 'Key', {
      description: 'Encrypts the alarm notification topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // CloudWatch publishes to an encrypted topic with the key it protects it with.
    this.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsEncrypt',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: fromOurAlarms.StringEquals },
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'doc-ingest alarms',
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });
    // The explicit policy enforceSSL creates replaces SNS's default one, so
    // CloudWatch needs its own grant.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromOurAlarms,
      }),
    );
    if (props.email !== undefined) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    }
  }
}

export type { AlarmTopicProps };
export { AlarmTopic };
