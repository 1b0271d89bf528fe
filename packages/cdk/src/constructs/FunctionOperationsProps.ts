import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';

/** How a function of the pipeline logs, measures, traces and alerts; shared by its constructs. */
interface FunctionOperationsProps {
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * `POWERTOOLS_METRICS_NAMESPACE`.
   * @default 'DocIngest'
   */
  readonly metricsNamespace?: string;
  /**
   * Log group retention.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Active X-Ray tracing.
   * @default false
   */
  readonly tracing?: boolean;
  /**
   * Topic notified when an alarm fires or recovers.
   * @default alarms without actions
   */
  readonly alarmTopic?: sns.ITopic;
}

export type { FunctionOperationsProps };
