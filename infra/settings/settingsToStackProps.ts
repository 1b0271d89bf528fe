import { type PipelineSettings, pipelinePropsFromSettings } from '@doc-ingest/cdk';
import type { IngestPipelineStackProps } from '../stacks/IngestPipelineStack.ts';

const DEFAULT_STACK_NAME = 'DocIngest';

/** The stack's name: the setting, else `DocIngest` or `DocIngest-<stage>`. */
const stackNameOf = (settings: PipelineSettings): string =>
  settings.stackName ??
  (settings.stage === undefined ? DEFAULT_STACK_NAME : `${DEFAULT_STACK_NAME}-${settings.stage}`);

/** Stack props from validated settings; settings left out keep the props' defaults. */
const settingsToStackProps = (settings: PipelineSettings): IngestPipelineStackProps => ({
  stackName: stackNameOf(settings),
  ...pipelinePropsFromSettings(settings),
});

export { settingsToStackProps, stackNameOf };
