#!/usr/bin/env node
// Runs the TypeScript sources directly: the CLI ships no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');

// A reader that goes away (`ingest process dir | head -1`) is not an error:
// stop at the next file, print the summary, exit 0. Ctrl-C stops the same way
// (exit 130); a second Ctrl-C exits at once.
const stop = new AbortController();
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stop.abort('output closed');
});
process.once('SIGINT', () => {
  stop.abort('interrupted');
  process.exitCode = 130;
  process.once('SIGINT', () => process.exit(130));
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: stop.signal,
});
process.exitCode = stop.signal.reason === 'interrupted' ? 130 : code;
