#!/usr/bin/env node
// Runs the TypeScript sources directly: the CLI ships no build step.
import { registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

// Workspace packages resolve to their sources under this export condition
// (their `dist/` exists only in published tarballs).
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    nextResolve(specifier, {
      ...context,
      conditions: [...context.conditions, 'doc-ingest-source'],
    }),
});
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
