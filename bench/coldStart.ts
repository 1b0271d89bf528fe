import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { median, quantile, round } from './stats.ts';

/*
 * Cold start: bundles each Lambda with the options of
 * packages/cdk/src/constructs/BundledFunction.ts (what CDK's NodejsFunction passes to
 * esbuild), measures the minified size with the AWS SDK bundled (as
 * deployed) and external (as the nodejs24.x runtime could provide it), ranks
 * the packages by bytes in the output, and times `import()` of each bundle in
 * fresh Node processes.
 */

const REPO_ROOT = join(import.meta.dirname, '..');

const NODE_HTTP_SHIM = join(REPO_ROOT, 'packages', 'cdk', 'bundling', 'nodeHttp.cjs');

/** Same banner as BundledFunction: ESM bundles get a `require` for CJS dependencies. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __cdkCreateRequire } from 'node:module';" +
  'const require = __cdkCreateRequire(import.meta.url);';

/** The esbuild options CDK derives from BundledFunction's `bundling` props. */
const CDK_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  charset: 'utf8',
  sourcemap: 'external',
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // Naming a condition drops esbuild's default `module` one: listed again.
  conditions: ['doc-ingest-source', 'module'],
  // `node:http` as CommonJS, without its ES module facade (see the file's comment).
  alias: { 'node:http': NODE_HTTP_SHIM, http: NODE_HTTP_SHIM },
  banner: { js: ESM_REQUIRE_BANNER },
  logLevel: 'warning',
  absWorkingDir: REPO_ROOT,
};

const FUNCTIONS = {
  ingest: 'functions/ingest/handler.ts',
  'publish-events': 'functions/publish-events/handler.ts',
} as const;

type FunctionName = keyof typeof FUNCTIONS;

/**
 * The built-in taxonomy as the constructs ship it (bundledTaxonomy.ts):
 * compact JSON, with its SHA-256 in the environment.
 */
const SHIPPED_TAXONOMY = JSON.stringify(
  JSON.parse(
    readFileSync(
      join(REPO_ROOT, 'packages', 'core', 'taxonomies', 'crime-and-security.json'),
      'utf8',
    ),
  ),
);

/** Environment the handlers parse at module scope (see each config.ts). */
const HANDLER_ENV: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  DOCUMENT_TABLE_NAME: 'documents',
  NEAR_INDEX_TABLE_NAME: 'near-index',
  DOCUMENT_TEXT_BUCKET_NAME: 'texts',
  EVENT_BUS_NAME: 'bus',
  EVENT_FAILURE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/failures',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'DocIngestBench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  // As BundledFunction sets it (Node 24 reads the source map only when a stack is mapped).
  NODE_OPTIONS: '--enable-source-maps',
  // Shipped beside the bundle, as the constructs ship it (see `bundle`).
  TAXONOMY_FILE: 'taxonomy.json',
  TAXONOMY_SHA256: createHash('sha256').update(SHIPPED_TAXONOMY).digest('hex'),
};

interface PackageShare {
  name: string;
  bytes: number;
}

interface BundleFigures {
  /** Minified `index.mjs` bytes (source map excluded). */
  bytes: number;
  gzipBytes: number;
  /** Packages by bytes in the output, biggest first. */
  topPackages: PackageShare[];
  /** Fastest run: the least disturbed by other load on the machine. */
  importMs: { min: number; median: number; p95: number; max: number; runs: number };
}

interface FunctionFigures {
  /** AWS SDK bundled, as BundledFunction deploys today. */
  sdkBundled: BundleFigures;
  /** `@aws-sdk/*` external: what the nodejs24.x runtime would provide. */
  sdkExternal: BundleFigures;
}

/** Module-scope cost of one dependency alone, bundled the same way. */
interface ProbeFigures {
  name: string;
  bytes: number;
  /** Median over the runs. */
  importMs: number;
  importMinMs: number;
}

interface ColdStartResult {
  nodeVersion: string;
  /** Fresh `node` process that imports nothing, for reference. */
  emptyProcessMs: number;
  functions: Record<FunctionName, FunctionFigures>;
  /** Import time of the heavy dependencies one by one (medians). */
  probes: ProbeFigures[];
}

/** Entries that import one dependency each and keep it alive. */
const PROBES: Record<string, string> = {
  'franc-min + iso-639-3 map':
    "import { francAll } from 'franc-min'; import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js'; globalThis.probe = [francAll('Les enquêteurs ont interpellé trois suspects'), iso6393To1];",
  'stemmers (Orama fr,es,it,de,pt + wink Porter2 en)':
    "import * as fr from '@orama/stemmers/french'; import * as es from '@orama/stemmers/spanish'; import * as it from '@orama/stemmers/italian'; import * as de from '@orama/stemmers/german'; import * as pt from '@orama/stemmers/portuguese'; import en from 'wink-porter2-stemmer'; globalThis.probe = [fr, es, it, de, pt, en];",
  zod: "import { z } from 'zod'; globalThis.probe = z.object({ a: z.string() });",
  '@doc-ingest/contracts':
    "import * as contracts from '@doc-ingest/contracts'; globalThis.probe = contracts;",
  '@doc-ingest/core (with franc-min, stemmers, compiled taxonomy)':
    "import * as core from '@doc-ingest/core'; globalThis.probe = core;",
  '@aws-sdk/client-s3 + client-dynamodb':
    "import { S3Client } from '@aws-sdk/client-s3'; import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; globalThis.probe = [new S3Client({}), new DynamoDBClient({})];",
  'Powertools logger + metrics + batch, middy':
    "import { Logger } from '@aws-lambda-powertools/logger'; import { Metrics } from '@aws-lambda-powertools/metrics'; import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch'; import middy from '@middy/core'; globalThis.probe = [new Logger(), new Metrics(), new BatchProcessor(EventType.SQS), middy];",
};

/** Groups an esbuild input path by package: `node_modules/@scope/name`, `packages/x`, `functions/x`. */
const packageOf = (input: string): string => {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = input.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts[0] === 'packages' || parts[0] === 'functions' ? `${parts[0]}/${parts[1]}` : input;
};

const topPackages = (metafile: Metafile, top: number): PackageShare[] => {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => ({ name, bytes }));
};

/** Milliseconds from process start to the end of `import(file)`, per fresh process. */
const IMPORT_PROBE = [
  "import { performance } from 'node:perf_hooks';",
  "import { pathToFileURL } from 'node:url';",
  'const start = performance.now();',
  'await import(pathToFileURL(process.argv[1]).href);',
  'process.stdout.write(JSON.stringify({ importMs: performance.now() - start }));',
].join('\n');

const timeImports = (file: string, runs: number): BundleFigures['importMs'] => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '--eval', IMPORT_PROBE, file],
      {
        env: { PATH: process.env.PATH ?? '', ...HANDLER_ENV },
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`import of ${file} failed: ${child.stderr}`);
    samples.push((JSON.parse(child.stdout) as { importMs: number }).importMs);
  }
  return {
    min: round(Math.min(...samples), 1),
    median: round(median(samples), 1),
    p95: round(quantile(samples, 0.95), 1),
    max: round(Math.max(...samples), 1),
    runs,
  };
};

const emptyProcessMs = (runs: number): number => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    spawnSync(process.execPath, ['--eval', '0']);
    samples.push(performance.now() - start);
  }
  return round(median(samples), 1);
};

const probe = async (
  name: string,
  contents: string,
  outdir: string,
  runs: number,
): Promise<ProbeFigures> => {
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    ...CDK_BUILD_OPTIONS,
    // Resolved from packages/core, where the core's own dependencies are declared.
    stdin: { contents, resolveDir: join(REPO_ROOT, 'packages', 'core'), loader: 'ts' },
    outfile,
  });
  const times = timeImports(outfile, runs);
  return {
    name,
    bytes: statSync(outfile).size,
    importMs: times.median,
    importMinMs: times.min,
  };
};

const bundle = async (
  entry: string,
  outdir: string,
  sdkExternal: boolean,
  runs: number,
): Promise<BundleFigures> => {
  mkdirSync(outdir, { recursive: true });
  // Lets an external `@aws-sdk/*` resolve from the bundle's folder, as it would from /var/runtime.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(outdir, 'node_modules'));
  // The taxonomy travels as a file beside the bundle, as IngestFunction ships it.
  writeFileSync(join(outdir, 'taxonomy.json'), SHIPPED_TAXONOMY);
  const outfile = join(outdir, 'index.mjs');
  const result = await build({
    ...CDK_BUILD_OPTIONS,
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    external: sdkExternal ? ['@aws-sdk/*'] : [],
    metafile: true,
  });
  const bytes = statSync(outfile).size;
  return {
    bytes,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    topPackages: topPackages(result.metafile, 12),
    importMs: timeImports(outfile, runs),
  };
};

/** Options of `runColdStart`. */
interface ColdStartOptions {
  /** Fresh processes per bundle. @default 15 */
  runs?: number;
  /** Keep the bundles here instead of in a temp folder that is removed. */
  outDir?: string;
}

/**
 * Bundles and times both functions.
 *
 * @example
 * const { functions } = await runColdStart({ runs: 5 });
 */
const runColdStart = async (options: ColdStartOptions = {}): Promise<ColdStartResult> => {
  const runs = options.runs ?? 15;
  const root = options.outDir ?? mkdtempSync(join(tmpdir(), 'doc-ingest-bench-'));
  try {
    const functions = {} as Record<FunctionName, FunctionFigures>;
    for (const [name, entry] of Object.entries(FUNCTIONS) as [FunctionName, string][]) {
      console.error(`cold start: bundling and importing ${name} (${runs} runs each)`);
      functions[name] = {
        sdkBundled: await bundle(entry, join(root, name, 'sdk-bundled'), false, runs),
        sdkExternal: await bundle(entry, join(root, name, 'sdk-external'), true, runs),
      };
    }
    const probes: ProbeFigures[] = [];
    for (const [index, [name, contents]] of Object.entries(PROBES).entries()) {
      probes.push(await probe(name, contents, join(root, 'probes', String(index)), runs));
    }
    return {
      nodeVersion: process.version,
      emptyProcessMs: emptyProcessMs(runs),
      functions,
      probes,
    };
  } finally {
    if (options.outDir === undefined) rmSync(root, { recursive: true, force: true });
  }
};

export type { BundleFigures, ColdStartOptions, ColdStartResult, FunctionFigures, ProbeFigures };
export { CDK_BUILD_OPTIONS, runColdStart };
