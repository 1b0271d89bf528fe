import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { Option } from 'commander';
import type { CliContext } from './context.ts';
import { NotFoundError, UsageError } from './io.ts';

/** The outputs of the pipeline stack the CLI reads (infra/stacks/IngestPipelineStack.ts). */
type StackOutputName =
  | 'BucketName'
  | 'TextBucketName'
  | 'TableName'
  | 'NearIndexTableName'
  | 'QueueUrl'
  | 'DeadLetterQueueUrl'
  | 'StreamFailureQueueUrl'
  | 'EventBusName'
  | 'BackfillStateMachineArn'
  | 'ReclassifyStateMachineArn';

/** Environment variable that stands in for `--stack-name`. */
const STACK_NAME_ENV = 'DOC_INGEST_STACK_NAME';

/** `--stack-name`, for every command that talks to the deployed pipeline. */
const stackNameOption = (): Option =>
  new Option(
    '-s, --stack-name <name>',
    'read the bucket, queue and table names from the outputs of this CloudFormation stack',
  ).env(STACK_NAME_ENV);

/** The outputs of a stack, by key. CloudFormation's "does not exist" becomes `NotFoundError`. */
const readStackOutputs = async (
  cloudformation: CloudFormationClient,
  stackName: string,
): Promise<Partial<Record<string, string>>> => {
  try {
    const { Stacks = [] } = await cloudformation.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    const outputs = Stacks[0]?.Outputs ?? [];
    return Object.fromEntries(outputs.map((output) => [output.OutputKey, output.OutputValue]));
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test(String(error))) {
      throw new NotFoundError(`stack ${stackName} does not exist (in this account and region)`, {
        cause: error,
      });
    }
    throw error;
  }
};

/** A flag naming a resource that the stack's outputs also name: one declaration per resource. */
interface TargetFlag {
  /** As commander and the messages spell it (`--table <name>`). */
  flag: string;
  output: StackOutputName;
  /** What the resource is, for the option's help. */
  describes: string;
}

const TABLE_FLAG: TargetFlag = {
  flag: '--table <name>',
  output: 'TableName',
  describes: 'the document table',
};

const NEAR_INDEX_TABLE_FLAG: TargetFlag = {
  flag: '--near-index-table <name>',
  output: 'NearIndexTableName',
  describes: 'the near-duplicate index table',
};

/** The option of a target flag; its help names the stack output it defaults to. */
const targetOption = ({ flag, output, describes }: TargetFlag): Option =>
  new Option(flag, `${describes} (default: stack output ${output})`);

/** A target named by its flag's value, or by the stack output when the flag was not given. */
const flagTarget = ({ flag, output }: TargetFlag, given: string | undefined): Target => ({
  given,
  flag,
  output,
});

/** One resource a command needs: the flag that names it, or the stack output that does. */
interface Target {
  /** Value of the explicit flag, if given. */
  given: string | undefined;
  /** The flag, for messages (`--table <name>`). */
  flag: string;
  output: StackOutputName;
}

/**
 * Resolves what a command works on: explicit flags win; the rest comes from
 * the outputs of `--stack-name` (one DescribeStacks call, made only if needed).
 */
const resolveTargets = async <K extends string>(
  context: CliContext,
  stackName: string | undefined,
  targets: Record<K, Target>,
): Promise<Record<K, string>> => {
  const entries = Object.entries(targets) as [K, Target][];
  const missing = entries.filter(([, target]) => target.given === undefined);
  if (missing.length > 0 && stackName === undefined) {
    const flags = missing.map(([, target]) => target.flag).join(' and ');
    throw new UsageError(`give --stack-name <name> (or ${flags})`);
  }
  const outputs =
    missing.length > 0 && stackName !== undefined
      ? await readStackOutputs(context.clients.cloudformation(), stackName)
      : {};
  const resolved = {} as Record<K, string>;
  for (const [name, target] of entries) {
    const value = target.given ?? outputs[target.output];
    if (value === undefined) {
      throw new NotFoundError(
        `stack ${stackName} has no output ${target.output}: is it a doc-ingest stack?`,
      );
    }
    resolved[name] = value;
  }
  return resolved;
};

export type { StackOutputName, Target, TargetFlag };
export {
  flagTarget,
  NEAR_INDEX_TABLE_FLAG,
  readStackOutputs,
  resolveTargets,
  STACK_NAME_ENV,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
};
