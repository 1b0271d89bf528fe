import {
  DeleteRuleCommand,
  type EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * A test-only subscriber to the pipeline's event bus: a rule that copies
 * matching events into a queue the test drains. Not part of the stack.
 */
const createEventsProbe = async (
  clients: { eventBridge: EventBridgeClient; sqs: SQSClient },
  busName: string,
  source: string,
) => {
  const name = `e2e-probe-${Date.now().toString(36)}`;
  const { QueueUrl: queueUrl } = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: name }),
  );
  if (queueUrl === undefined) throw new Error('probe queue not created');
  const { Attributes } = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await clients.eventBridge.send(
    new PutRuleCommand({
      Name: name,
      EventBusName: busName,
      EventPattern: JSON.stringify({ source: [source] }),
    }),
  );
  await clients.eventBridge.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: busName,
      Targets: [{ Id: 'probe', Arn: Attributes?.QueueArn }],
    }),
  );

  const received: unknown[] = [];
  /**
   * Drains the queue until `count` events that `accept` takes have arrived or
   * the deadline passed, and returns those events.
   */
  const collect = async (
    count: number,
    timeoutMs: number,
    accept: (event: unknown) => boolean = () => true,
  ): Promise<unknown[]> => {
    const deadline = Date.now() + timeoutMs;
    const accepted = () => received.filter(accept);
    while (accepted().length < count && Date.now() < deadline) {
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      );
      for (const message of Messages) received.push(JSON.parse(message.Body ?? 'null'));
      if (Messages.length > 0) {
        await clients.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
      }
    }
    return accepted();
  };

  const dispose = async () => {
    await clients.eventBridge.send(
      new RemoveTargetsCommand({ Rule: name, EventBusName: busName, Ids: ['probe'] }),
    );
    await clients.eventBridge.send(new DeleteRuleCommand({ Name: name, EventBusName: busName }));
    await clients.sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
  };

  return { collect, dispose };
};

export { createEventsProbe };
