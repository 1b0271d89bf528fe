/*
 * Child-process entry of the benchmarks: `node --import tsx bench/worker.ts
 * <part> '<options as JSON>'`. Runs one part in a fresh process (so one
 * part's heap and JIT state never colour another's) and prints its result
 * as one JSON line on stdout; progress goes to stderr.
 */
import { runAdversarial } from './adversarial.ts';
import { runCoreThroughput, runProfileWorkload } from './coreThroughput.ts';
import { runEndToEnd } from './endToEnd.ts';
import { runFloor } from './floor.ts';
import { runMemory } from './memory.ts';

const [part, rawOptions = '{}'] = process.argv.slice(2);
const options = JSON.parse(rawOptions) as Record<string, number>;

const main = async (): Promise<unknown> => {
  switch (part) {
    case 'core':
      return runCoreThroughput(options);
    case 'floor':
      return runFloor(options);
    case 'adversarial':
      return runAdversarial(options as { sizes?: number[]; rounds?: number });
    case 'profile':
      runProfileWorkload(options.documents ?? 20_000, options.rounds ?? 3);
      return { profiled: true };
    case 'memory':
      return runMemory(options);
    case 'e2e':
      return runEndToEnd(options);
    default:
      throw new Error(`unknown benchmark part: ${String(part)}`);
  }
};

process.stdout.write(`${JSON.stringify(await main())}\n`);
