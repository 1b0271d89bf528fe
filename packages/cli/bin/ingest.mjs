#!/usr/bin/env node
// Runs the TypeScript sources directly: the CLI ships no build step.
import * as nodeModule from 'node:module';

// Type stripping and module hooks need the Node the project pins (`engines`);
// an older system `node` gets a sentence instead of a SyntaxError.
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (NODE_MAJOR < 24 || typeof nodeModule.registerHooks !== 'function') {
  process.stderr.write(
    `ingest needs Node 24 or newer (this is ${process.version}); ` +
      "run it as `npx ingest`, which uses the project's own Node.\n",
  );
  process.exit(1);
}
const { enableCompileCache, registerHooks } = nodeModule;

// Node strips the sources' types itself (they use erasable syntax only) and
// keeps the compiled modules in its on-disk cache: a run starts about 0.3 s
// sooner than through tsx. Node refuses to strip files under node_modules,
// so a copy installed there goes through tsx instead.
enableCompileCache();

// Workspace packages resolve to their sources under this export condition
// (their `dist/` exists only in published tarballs).
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    nextResolve(specifier, {
      ...context,
      conditions: [...context.conditions, 'doc-ingest-source'],
    }),
});
if (import.meta.dirname.split(/[\\/]/).includes('node_modules')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../src/main.ts');

// A reader that goes away (`ingest process dir | head -1`) is not an error:
// stop at the next file, print the summary, exit 0. Ctrl-C stops the same way
// (exit 130); commands that cannot stop between items, and a second Ctrl-C,
// exit at once.
const INTERRUPT_GRACE_MS = 2000;
const stop = new AbortController();
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stop.abort('output closed');
});
process.once('SIGINT', () => {
  stop.abort('interrupted');
  process.exitCode = 130;
  setTimeout(() => process.exit(130), INTERRUPT_GRACE_MS).unref();
  process.once('SIGINT', () => process.exit(130));
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: stop.signal,
});
process.exitCode = stop.signal.reason === 'interrupted' ? 130 : code;
