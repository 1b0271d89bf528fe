import { learnedMain } from '../src/learned/learnedMain.ts';

process.exitCode = await learnedMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
