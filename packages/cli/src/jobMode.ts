import type { CliContext } from './context.ts';
import { readStackOutputs, type StackOutputName } from './stackOutputs.ts';

/** Where a bulk command runs: on the stack's state machine, or in this process. */
type JobMode =
  | { kind: 'distributed'; stateMachineArn: string; outputs: Partial<Record<string, string>> }
  | { kind: 'local'; outputs: Partial<Record<string, string>>; reason: string };

/**
 * Chooses how `backfill` and `reclassify` run. `--local` runs in this
 * process. Otherwise, with `--stack-name`, the job runs on the stack's state
 * machine when the stack has one (output `stateMachineOutput`); a stack
 * deployed before the jobs existed has none, and the command runs locally as
 * it always did. Without `--stack-name` (resources named by flags) there is no
 * state machine to find: local.
 */
const chooseJobMode = async (
  context: CliContext,
  options: { stackName?: string; local?: boolean },
  stateMachineOutput: StackOutputName,
): Promise<JobMode> => {
  if (options.stackName === undefined) {
    return { kind: 'local', outputs: {}, reason: 'no --stack-name' };
  }
  const outputs = await readStackOutputs(context.clients.cloudformation(), options.stackName);
  if (options.local === true) return { kind: 'local', outputs, reason: '--local' };
  const stateMachineArn = outputs[stateMachineOutput];
  return stateMachineArn === undefined
    ? { kind: 'local', outputs, reason: `stack has no output ${stateMachineOutput}` }
    : { kind: 'distributed', stateMachineArn, outputs };
};

export type { JobMode };
export { chooseJobMode };
