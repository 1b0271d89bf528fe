import { join } from 'node:path';
import { main } from '../src/main.ts';

// npm runs scripts from the repository root; INIT_CWD is where the user typed the command.
const repoRoot = join(import.meta.dirname, '..', '..', '..');

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  defaultDir: join(repoRoot, 'test', 'fixtures', 'eval'),
});
