import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * ESM bundles have no `require`; some CommonJS dependencies call it for Node
 * built-ins, so the bundle defines one. `__cdkCreateRequire` avoids clashing
 * with any `createRequire` binding in the bundled code.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __cdkCreateRequire } from 'node:module';" +
  'const require = __cdkCreateRequire(import.meta.url);';

/**
 * Export condition under which the doc-ingest packages resolve to `src/`
 * (see packages/contracts); scripts/build.mjs bundles with the same.
 */
const SOURCE_CONDITION = 'doc-ingest-source';

/**
 * Export conditions of every bundle. Naming any condition drops esbuild's
 * default `module` one, which packages such as `@smithy/core` need to resolve
 * to their ES modules instead of CommonJS that cannot be tree-shaken (150 KB
 * more in the ingest bundle).
 */
const CONDITIONS = [SOURCE_CONDITION, 'module'];

/**
 * `node:http` as CommonJS (`bundling/nodeHttp.cjs`; its comment says why).
 * `src/constructs/` and `dist/constructs/` are both two levels below the
 * package root, so this resolves the same from the sources and from the build.
 */
const NODE_HTTP_SHIM = fileURLToPath(new URL('../../bundling/nodeHttp.cjs', import.meta.url));

/** File name of a bundle's entry; its handler is `index.handler`. */
const BUNDLE_FILE = 'index.mjs';

/**
 * esbuild options of every function: minified ESM for Node 24 with external
 * source maps and the AWS SDK bundled. `scripts/build.mjs` of this package
 * bundles the pre-built functions with the same options.
 */
const BUNDLING_OPTIONS: nodejs.BundlingOptions = {
  forceDockerBundling: false,
  format: nodejs.OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: 'node24',
  minify: true,
  // Non-ASCII text (language models, Arabic terms) as UTF-8 rather than
  // \u escapes: about 90 KB less to load and parse at a cold start.
  charset: nodejs.Charset.UTF8,
  sourceMap: true,
  sourceMapMode: nodejs.SourceMapMode.EXTERNAL,
  sourcesContent: false,
  // Bundle the SDK: the version is pinned by our lock file.
  bundleAwsSDK: true,
  externalModules: [],
  // Workspace packages resolve to their TypeScript sources here; their
  // built files exist only in published tarballs.
  esbuildArgs: {
    '--conditions': CONDITIONS.join(','),
    '--alias:node:http': NODE_HTTP_SHIM,
    '--alias:http': NODE_HTTP_SHIM,
  },
};

/** Powertools log levels accepted by `POWERTOOLS_LOG_LEVEL`. */
const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];

/** Command hooks that copy `files` (name -> absolute path) into the bundle. */
const copyFiles = (files: Readonly<Record<string, string>>): nodejs.ICommandHooks => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir: string, outputDir: string) =>
    Object.entries(files).map(
      ([name, path]) => `cp ${JSON.stringify(path)} ${JSON.stringify(join(outputDir, name))}`,
    ),
});

/**
 * A pre-built bundle with extra files beside it: a copy in a staging folder,
 * so the package's own bundle stays as shipped.
 */
const withExtraFiles = (
  bundleDir: string,
  files: Readonly<Record<string, string>> | undefined,
): string => {
  if (files === undefined) return bundleDir;
  const staging = mkdtempSync(join(tmpdir(), 'doc-ingest-bundle-'));
  cpSync(bundleDir, staging, { recursive: true });
  for (const [name, path] of Object.entries(files)) cpSync(path, join(staging, name));
  return staging;
};

/** Properties of {@link BundledFunction}. */
interface BundledFunctionProps {
  /**
   * Absolute path of a TypeScript entry exporting `handler`, bundled at
   * synth by esbuild. Exactly one of `entry` and `bundleDir`.
   * @default none: `bundleDir` is required
   */
  readonly entry?: string;
  /**
   * A folder holding a bundle made beforehand with the same options
   * (`index.mjs` exporting `handler`, and its source map), deployed as is.
   * Exactly one of `entry` and `bundleDir`.
   * @default none: `entry` is required
   */
  readonly bundleDir?: string;
  /**
   * Root esbuild resolves `entry`'s imports from.
   * @default the folder of `depsLockFilePath`
   */
  readonly projectRoot?: string;
  /**
   * The lock file of the project that holds `entry`.
   * @default the first lock file found from the working directory upwards
   */
  readonly depsLockFilePath?: string;
  /**
   * Function description shown in the console.
   * @default no description
   */
  readonly description?: string;
  /**
   * Memory in MB (128 to 10240).
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Timeout (1 s to 15 min).
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * Environment variables besides the Powertools ones.
   * @default none
   */
  readonly environment?: Record<string, string>;
  /** `POWERTOOLS_SERVICE_NAME`: the `service` of every log line and metric. */
  readonly serviceName: string;
  /**
   * `POWERTOOLS_METRICS_NAMESPACE`.
   * @default 'DocIngest'
   */
  readonly metricsNamespace?: string;
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * How long the function's log group keeps logs.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Active X-Ray tracing. Adds `xray:PutTraceSegments` and
   * `xray:PutTelemetryRecords` on `*` (X-Ray has no resource-level
   * permissions).
   * @default false
   */
  readonly tracing?: boolean;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Files copied into the function's code after bundling: name in the code
   * -> absolute path of the file to copy.
   * @default none
   */
  readonly extraFiles?: Readonly<Record<string, string>>;
}

/**
 * A Node.js 24 arm64 Lambda function bundled locally by esbuild (no Docker)
 * as minified ESM with source maps and the AWS SDK v3 bundled, running
 * under its own role with no managed policies and writing to its own log
 * group with a retention.
 *
 * The SDK is bundled rather than taken from the runtime so the deployed
 * version is the one pinned in `package-lock.json` and exercised by the tests.
 *
 * @example
 * const fn = new BundledFunction(this, 'Ingest', {
 *   entry: '/repo/functions/ingest/handler.ts',
 *   serviceName: 'ingest',
 * });
 */
class BundledFunction extends Construct {
  /** The function. */
  public readonly function: lambda.Function;
  /** The execution role; grant permissions to it. */
  public readonly role: iam.Role;
  /** The function's log group. */
  public readonly logGroup: logs.LogGroup;

  public constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const memorySize = props.memorySize ?? 1024;
    const timeout = props.timeout ?? Duration.seconds(60);
    const logLevel = props.logLevel ?? 'INFO';
    if (!Number.isInteger(memorySize) || memorySize < 128 || memorySize > 10_240) {
      throw new Error(`memorySize must be an integer in 128..10240, got ${memorySize}`);
    }
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > 900) {
      throw new Error(
        `timeout must be between 1 second and 15 minutes, got ${timeout.toHumanString()}`,
      );
    }
    if (!LOG_LEVELS.includes(logLevel)) {
      throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);
    }
    if ((props.entry === undefined) === (props.bundleDir === undefined)) {
      throw new Error('give exactly one of entry (bundled at synth) and bundleDir (pre-bundled)');
    }
    if (props.bundleDir !== undefined && !existsSync(join(props.bundleDir, BUNDLE_FILE))) {
      throw new Error(`bundleDir ${props.bundleDir} holds no ${BUNDLE_FILE}`);
    }

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    // An explicit role keeps AWSLambdaBasicExecutionRole (logs:* on every
    // log group) off the function: it may write to its own log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${id} function`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const common = {
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize,
      timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: props.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace ?? 'DocIngest',
        POWERTOOLS_LOG_LEVEL: logLevel,
      },
    };
    this.function =
      props.bundleDir === undefined
        ? new nodejs.NodejsFunction(this, 'Function', {
            ...common,
            entry: props.entry,
            projectRoot: props.projectRoot,
            depsLockFilePath: props.depsLockFilePath,
            bundling: {
              ...BUNDLING_OPTIONS,
              ...(props.extraFiles === undefined
                ? {}
                : { commandHooks: copyFiles(props.extraFiles) }),
            },
          })
        : new lambda.Function(this, 'Function', {
            ...common,
            // The bundle is index.mjs, as NodejsFunction names its ESM output.
            handler: 'index.handler',
            code: lambda.Code.fromAsset(withExtraFiles(props.bundleDir, props.extraFiles)),
          });

    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords support no ' +
          'resource-level permissions; CDK adds them for active tracing.',
      });
    }
  }
}

export type { BundledFunctionProps };
export { BundledFunction };
