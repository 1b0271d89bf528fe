// Builds what the package publishes: ESM JavaScript and .d.ts from src/ (tsc),
// and the two Lambda functions the construct deploys, pre-bundled by esbuild
// into dist/lambda/<name>/ so that a user's synth needs neither this
// repository nor a bundler. The esbuild options are those of BundledFunction
// (src/constructs/BundledFunction.ts, BUNDLING_OPTIONS): keep them in step.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const distDir = path.join(packageDir, 'dist');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
/** `node:http` as CommonJS, as BundledFunction aliases it (see the file's comment). */
const nodeHttpShim = path.join(packageDir, 'bundling', 'nodeHttp.cjs');

/** The handlers, by the name of their folder under dist/lambda/. */
const FUNCTIONS = {
  ingest: path.join(repoRoot, 'functions', 'ingest', 'handler.ts'),
  'publish-events': path.join(repoRoot, 'functions', 'publish-events', 'handler.ts'),
  'backfill-batch': path.join(repoRoot, 'functions', 'backfill-batch', 'handler.ts'),
  'reclassify-segment': path.join(repoRoot, 'functions', 'reclassify-segment', 'handler.ts'),
};

// The declarations import @doc-ingest/contracts' published types (dist/),
// which exist only once that package is built.
const contractsDir = path.dirname(require.resolve('@doc-ingest/contracts/package.json'));
if (!existsSync(path.join(contractsDir, 'dist', 'index.d.ts'))) {
  execFileSync(process.execPath, [path.join(contractsDir, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
}

rmSync(distDir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

for (const [name, entry] of Object.entries(FUNCTIONS)) {
  const outfile = path.join(distDir, 'lambda', name, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    // Naming a condition drops esbuild's default `module` one: listed again.
    conditions: ['doc-ingest-source', 'module'],
    alias: { 'node:http': nodeHttpShim, http: nodeHttpShim },
    banner: {
      js:
        "import { createRequire as __cdkCreateRequire } from 'node:module';" +
        'const require = __cdkCreateRequire(import.meta.url);',
    },
    minify: true,
    charset: 'utf8',
    sourcemap: 'external',
    sourcesContent: false,
    // The AWS SDK is bundled: its version is the one this repository's lock file pins.
    external: [],
    logLevel: 'warning',
  });
  console.log(`bundled ${name}: ${Math.round(statSync(outfile).size / 1024)} KB`);
}
// The built-in taxonomy, shipped as a file with the ingest and reclassify
// functions when the user gives none (src/constructs/bundledTaxonomy.ts):
// their bundles do not carry it.
const taxonomyDir = path.join(distDir, 'taxonomies');
mkdirSync(taxonomyDir, { recursive: true });
copyFileSync(
  path.join(repoRoot, 'packages', 'core', 'taxonomies', 'crime-and-security.json'),
  path.join(taxonomyDir, 'crime-and-security.json'),
);
console.log(`built ${distDir}`);
