import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/**
 * An alarm that fires as soon as a queue holds a message: for dead-letter and
 * failure queues, where any message is work that did not get done.
 */
const queueNotEmptyAlarm = (
  scope: Construct,
  id: string,
  queue: sqs.IQueue,
  alarmDescription: string,
): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, id, {
    alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

/**
 * An alarm that fires when an execution of a state machine ends without
 * success: failed, timed out or aborted, summed over 5 minutes (a job runs
 * rarely, so one bad end is worth a look).
 */
const executionsUnsuccessfulAlarm = (
  scope: Construct,
  id: string,
  stateMachine: sfn.IStateMachine,
  alarmDescription: string,
): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, id, {
    alarmDescription,
    metric: unsuccessfulExecutions(stateMachine),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

/** Failed + timed-out + aborted executions of a state machine, per 5 minutes. */
const unsuccessfulExecutions = (stateMachine: sfn.IStateMachine): cloudwatch.MathExpression => {
  const sum = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };
  return new cloudwatch.MathExpression({
    expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
    usingMetrics: {
      failed: stateMachine.metricFailed(sum),
      timedOut: stateMachine.metricTimedOut(sum),
      aborted: stateMachine.metricAborted(sum),
    },
    label: 'executions failed, timed out or aborted',
    period: Duration.minutes(5),
  });
};

/** Sends both the alarm and the recovery of each alarm to `topic`, when there is one. */
const notifyTopic = (alarms: cloudwatch.Alarm[], topic: sns.ITopic | undefined): void => {
  if (topic === undefined) return;
  const action = new cwActions.SnsAction(topic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
};

export { executionsUnsuccessfulAlarm, notifyTopic, queueNotEmptyAlarm, unsuccessfulExecutions };
