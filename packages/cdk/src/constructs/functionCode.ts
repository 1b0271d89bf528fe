import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundledFunctionProps } from './BundledFunction.ts';

/**
 * The package's pre-bundled functions, `dist/lambda/<name>/`. Both
 * `src/constructs/` and `dist/constructs/` are two levels below the package
 * root, so this resolves the same from the sources and from the build.
 */
const PREBUNDLED_DIR = fileURLToPath(new URL('../../dist/lambda/', import.meta.url));

/** The functions the package ships pre-bundled. */
type PipelineFunctionName = 'ingest' | 'publish-events' | 'backfill-batch' | 'reclassify-segment';

/** TypeScript sources to bundle a function from at synth, instead of its pre-bundled code. */
interface FunctionSource {
  /** Absolute path of the handler entry (exports `handler`). */
  readonly entry: string;
  /**
   * Root esbuild resolves the entry's imports from.
   * @default the folder of `depsLockFilePath`
   */
  readonly projectRoot?: string;
  /**
   * Lock file of the project holding the entry.
   * @default the first lock file found from the working directory upwards
   */
  readonly depsLockFilePath?: string;
}

/** The package was used from its sources without `npm run build`, so it has no bundles. */
class MissingFunctionBundleError extends Error {
  public constructor(name: PipelineFunctionName, dir: string) {
    super(
      `The pre-bundled ${name} function is missing (${dir}). Build @doc-ingest/cdk ` +
        '(npm run build -w packages/cdk), or give the function source to bundle at synth.',
    );
    this.name = 'MissingFunctionBundleError';
  }
}

/** Code props of a {@link BundledFunction}: the given source, else the shipped bundle. */
const functionCode = (
  name: PipelineFunctionName,
  source: FunctionSource | undefined,
): Pick<BundledFunctionProps, 'entry' | 'bundleDir' | 'projectRoot' | 'depsLockFilePath'> => {
  if (source !== undefined) return { ...source };
  const bundleDir = join(PREBUNDLED_DIR, name);
  if (!existsSync(bundleDir)) throw new MissingFunctionBundleError(name, bundleDir);
  return { bundleDir };
};

export type { FunctionSource, PipelineFunctionName };
export { functionCode, MissingFunctionBundleError, PREBUNDLED_DIR };
