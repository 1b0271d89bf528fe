/*
 * `npm run bench [-- --json] [-- --quick] [-- --only floor,core,adversarial,cold,memory,profile,e2e]`
 *
 * Runs the benchmarks of issue 5 and prints a readable report, or with
 * `--json` one JSON object on stdout (progress goes to stderr) so that runs
 * can be compared. `floor` (issue 14) times `processDocument` and
 * `processFiles` (what `ingest process` runs) against the least work any
 * word-reading classifier does (bench/floorWork.ts) on the same files, then
 * the real `ingest process` binary against the floor command
 * (bench/floorCli.ts), and prints the ratios. It and the core benchmark run in a child process pinned to one
 * core with `taskset -c 0` when taskset exists; the memory benchmark runs in
 * a child with `--expose-gc`; `profile` bundles the core workload with
 * esbuild (names kept) and runs it under `node --cpu-prof`. `e2e` (opt-in,
 * only with `--only e2e`) deploys the stack to LocalStack and measures the
 * pipeline end to end plus the cost model (bench/endToEnd.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { AdversarialResult } from './adversarial.ts';
import { type ColdStartResult, runColdStart } from './coldStart.ts';
import type { CoreThroughputResult } from './coreThroughput.ts';
import type { CostBreakdown } from './costModel.ts';
import type { EndToEndResult } from './endToEnd.ts';
import type { FloorResult } from './floor.ts';
import type { MemoryResult } from './memory.ts';
import { type ProfileSummary, summarizeProfile } from './profile.ts';
import { formatBytes, round } from './stats.ts';

const REPO_ROOT = join(import.meta.dirname, '..');
const PARTS = ['floor', 'core', 'adversarial', 'cold', 'memory', 'profile', 'e2e'] as const;
type Part = (typeof PARTS)[number];
/** What runs without `--only`: e2e needs LocalStack and a deploy, so it is opt-in. */
const DEFAULT_PARTS: readonly Part[] = [
  'floor',
  'core',
  'adversarial',
  'cold',
  'memory',
  'profile',
];

const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

/** Work sizes: `--quick` is a smoke run of a few seconds per part. */
const SETTINGS = flags.quick
  ? {
      floor: { documents: 2_000, rounds: 1 },
      core: { documents: 2_000, rounds: 1, bytesPerSizeClass: 1_100_000, sizeRounds: 1 },
      adversarial: { sizes: [10_240, 102_400], rounds: 1 },
      cold: { runs: 3 },
      memory: { files: 500, sampleEvery: 100 },
      profile: { documents: 1_000, rounds: 1 },
      e2e: { files: 100, duplicates: 20, concurrency: 16, pollMs: 200, trickle: 5 },
    }
  : {
      floor: { documents: 20_000, rounds: 3 },
      core: { documents: 20_000, rounds: 3, bytesPerSizeClass: 4_200_000, sizeRounds: 3 },
      adversarial: { sizes: [10_240, 102_400, 409_600], rounds: 5 },
      cold: { runs: 15 },
      memory: { files: 10_000, sampleEvery: 1_000 },
      profile: { documents: 5_000, rounds: 2 },
      e2e: { files: 1_000, duplicates: 200, concurrency: 16, pollMs: 200, trickle: 20 },
    };

const selected: readonly Part[] =
  flags.only === undefined
    ? DEFAULT_PARTS
    : flags.only.split(',').map((part) => {
        if (!PARTS.includes(part as Part)) throw new Error(`--only: unknown part ${part}`);
        return part as Part;
      });

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

const machine = () => {
  const lscpu = spawnSync('lscpu', [], { encoding: 'utf8' }).stdout ?? '';
  const model = /^Model name:\s*(.+)$/m.exec(lscpu)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: REPO_ROOT }).toString().trim();
    commit = git('rev-parse', '--short', 'HEAD');
    // Uncommitted changes to the measured code make the commit alone ambiguous.
    if (git('status', '--porcelain', '--', 'packages', 'functions') !== '') commit += '+dirty';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpu: model,
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    commit,
  };
};

/** Runs `bench/worker.ts <part>` in a fresh Node 24 process and parses its JSON line. */
const runWorker = <T>(part: string, options: object, nodeFlags: string[], pin: boolean): T => {
  const node = [
    ...nodeFlags,
    '--conditions=doc-ingest-source',
    '--import',
    'tsx',
    'bench/worker.ts',
    part,
    JSON.stringify(options),
  ];
  const [command, args] =
    pin && hasTaskset
      ? ['taskset', ['-c', '0', process.execPath, ...node]]
      : [process.execPath, node];
  const child = spawnSync(command, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench worker ${part} failed (${child.status})`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
};

/** Bundles the core workload (not minified) and profiles it with `--cpu-prof`. */
const runProfile = async (options: { documents: number; rounds: number }) => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-ingest-profile-'));
  try {
    const outfile = join(dir, 'profile.mjs');
    await build({
      stdin: {
        contents: `import { runProfileWorkload } from './coreThroughput.ts';\nrunProfileWorkload(${options.documents}, ${options.rounds});\n`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      conditions: ['doc-ingest-source'],
      outfile,
      logLevel: 'warning',
    });
    const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, outfile];
    const [command, argv] = hasTaskset
      ? ['taskset', ['-c', '0', process.execPath, ...args]]
      : [process.execPath, args];
    const child = spawnSync(command, argv, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_SAMPLES_DIR: join(REPO_ROOT, 'samples') },
    });
    if (child.status !== 0) throw new Error('profile run failed');
    const profile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (profile === undefined) throw new Error('no .cpuprofile written');
    return { ...options, ...summarizeProfile(join(dir, profile), 20, outfile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

interface Report {
  date: string;
  machine: ReturnType<typeof machine>;
  loadAverage: { before: number[]; after: number[] };
  pinnedToCore0: boolean;
  quick: boolean;
  command: string;
  floor?: FloorResult;
  core?: CoreThroughputResult;
  adversarial?: AdversarialResult;
  coldStart?: ColdStartResult;
  memory?: MemoryResult;
  profile?: ProfileSummary & { documents: number; rounds: number };
  endToEnd?: EndToEndResult;
  /** Parts that failed, with their error: the others still report. */
  errors: Record<string, string>;
}

const percent = (share: number): string => `${round(share * 100, 1)}%`;

const printCost = (out: string[], label: string, cost: CostBreakdown): void => {
  out.push(`   ${label}: $${round(cost.totalDollarsPerMillionDocs, 2)} per million documents`);
  for (const line of cost.lines) {
    out.push(
      `     ${line.item.padEnd(40)} ${String(round(line.perDocument, 4)).padStart(10)} /doc  $${round(line.dollarsPerMillionDocs, 2)}`,
    );
  }
};

const printEndToEnd = (out: string[], e: EndToEndResult): void => {
  const { observed, recorded } = e.latencyMs;
  out.push(
    '',
    `3. End to end on LocalStack (${e.objects} objects, ${e.exactCopies} exact copies, ${e.concurrency} uploads in flight; stack ${e.stackName}, deployed in ${e.deploySeconds} s)`,
    `   ${e.documentsPerSecond} documents/s over ${e.runSeconds} s (uploads alone: ${e.uploadsPerSecond}/s); missing ${e.missing}; DLQ ${e.deadLetterMessages}`,
    `   PutObject -> record seen by the poller: p50 ${observed.p50} / p95 ${observed.p95} / max ${observed.max} ms (poll every ${e.pollMs} ms, rounds median ${e.pollRoundMs.median} / max ${e.pollRoundMs.max} ms)`,
    `   PutObject -> timestamp written by the Lambda: p50 ${recorded.p50} / p95 ${recorded.p95} / max ${recorded.max} ms`,
    `   one object at a time (idle pipeline, ${e.latencyMs.idleObserved.count} objects): seen p50 ${e.latencyMs.idleObserved.p50} / p95 ${e.latencyMs.idleObserved.p95} / max ${e.latencyMs.idleObserved.max} ms; Lambda timestamp p50 ${e.latencyMs.idleRecorded.p50} / max ${e.latencyMs.idleRecorded.max} ms`,
    `   outcomes ${JSON.stringify(e.outcomes)}; items ${JSON.stringify(e.items)}; mean item bytes ${JSON.stringify(e.itemBytes)}`,
    `   lambda ${JSON.stringify(e.lambda)}`,
    `   requests ${JSON.stringify(e.requests)}; WRU ${e.writeUnits.total}, RRU ${e.readUnits}`,
    '',
    '4. Cost model (us-east-1 list prices, see bench/costModel.ts)',
  );
  printCost(out, 'measured mix', e.cost);
  for (const [label, cost] of Object.entries(e.costBySize))
    printCost(out, `new ${label} document`, cost);
};

const printAdversarial = (out: string[], a: AdversarialResult): void => {
  out.push(
    '',
    `1b. Adversarial inputs (processDocument, median of ${a.rounds} runs; goal: every class within ${a.goalRatio}x of an article of the same size)`,
    '   class                        |    chars | outcome            | ms/KB class | ms/KB article | ratio',
  );
  for (const row of a.rows) {
    out.push(
      `   ${row.name.padEnd(28)} | ${String(row.chars).padStart(8)} | ${row.outcome.padEnd(18)} | ${String(row.msPerKb).padStart(11)} | ${String(row.articleMsPerKb).padStart(13)} | ${row.ratio}`,
    );
  }
  out.push(`   worst ratio ${a.worstRatio}x: ${a.withinGoal ? 'within' : 'OUTSIDE'} the goal`);
};

const printReport = (report: Report): void => {
  const out: string[] = [];
  const { machine: m } = report;
  out.push(`doc-ingest benchmarks, ${report.date}${report.quick ? ' (QUICK smoke run)' : ''}`);
  out.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}`);
  out.push(
    `commit ${m.commit}; load average before ${report.loadAverage.before.join(' ')}, after ${report.loadAverage.after.join(' ')}; core pinned to CPU 0: ${report.pinnedToCore0}`,
  );
  const { floor, core, coldStart, memory, profile } = report;
  if (floor !== undefined) {
    out.push(
      '',
      `0. Against the floor (${floor.documents} French docs of ~2 KB, ${formatBytes(floor.bytes)}, read from files, min of ${floor.rounds} runs each)`,
      `   floor (bench/floor.ts): ${floor.floorSeconds} s; processDocument: ${floor.pipelineSeconds} s, ${floor.pipelineDocsPerSecond} docs/s`,
      `   processDocument / floor = ${floor.ratio}x (goal <= 4x); median over chunks of ${floor.documents >= 250 ? 250 : floor.documents} files timed in turn: ${floor.chunkRatio}x`,
      `   processFiles (ingest process in-process): ${floor.processFilesSeconds} s; / floor = ${floor.processFilesRatio}x; median over chunks: ${floor.processFilesChunkRatio}x`,
      `   ingest process end to end (the binary, start-up included): ${floor.process.ingestSeconds} s; floor command (bench/floorCli.ts): ${floor.process.floorSeconds} s`,
      `   ingest process / floor = ${floor.process.ratio}x (goal <= 4x, issue 14)`,
    );
  }
  if (core !== undefined) {
    out.push(
      '',
      `1. Core throughput (${core.documents} docs, ${formatBytes(core.bytes)}, median of ${core.rounds} rounds)`,
    );
    out.push(
      `   pipeline: ${core.pipeline.docsPerSecond} docs/s, ${core.pipeline.mbPerSecond} MB/s (${core.pipeline.seconds} s)`,
    );
    out.push(
      `   sha256:   ${core.sha256.docsPerSecond} docs/s, ${core.sha256.mbPerSecond} MB/s (${core.sha256.seconds} s)`,
    );
    out.push(`   pipeline / sha256 = ${core.ratio}x (target <= 4x)`);
    out.push(
      `   stages: ${Object.entries(core.stageShares)
        .map(([stage, share]) => `${stage} ${percent(share)}`)
        .join(', ')}`,
    );
    out.push(
      `   outcomes: ${core.outcomes.ok} ok, ${core.outcomes.rejected} rejected; languages ${JSON.stringify(core.outcomes.languages)}`,
    );
    out.push(
      '   size class | docs | ms/doc pipeline | ms/doc sha256 | ratio | MB/s | language | classify',
    );
    for (const size of core.sizeClasses) {
      out.push(
        `   ${size.sizeClass.padEnd(10)} | ${String(size.documents).padStart(4)} | ${String(size.pipelineMsPerDoc).padStart(15)} | ${String(size.sha256MsPerDoc).padStart(13)} | ${String(size.ratio).padStart(5)} | ${String(size.pipelineMbPerSecond).padStart(4)} | ${percent(size.stageShares.language).padStart(8)} | ${percent(size.stageShares.classify)}`,
      );
    }
  }
  if (report.adversarial !== undefined) printAdversarial(out, report.adversarial);
  if (coldStart !== undefined) {
    out.push(
      '',
      `2. Cold start (import in a fresh process, min/median/p95/max of runs; empty node process ${coldStart.emptyProcessMs} ms)`,
    );
    for (const [name, figures] of Object.entries(coldStart.functions)) {
      for (const [variant, bundle] of Object.entries(figures)) {
        out.push(
          `   ${name} (${variant}): ${formatBytes(bundle.bytes)} minified (${formatBytes(bundle.gzipBytes)} gzip), import min ${bundle.importMs.min} / median ${bundle.importMs.median} / p95 ${bundle.importMs.p95} / max ${bundle.importMs.max} ms`,
        );
      }
      out.push(
        `     biggest inputs: ${figures.sdkBundled.topPackages
          .slice(0, 8)
          .map((entry) => `${entry.name} ${formatBytes(entry.bytes)}`)
          .join(', ')}`,
      );
    }
    out.push('   dependencies alone (bundled the same way):');
    for (const probe of coldStart.probes) {
      out.push(
        `     ${probe.name}: ${formatBytes(probe.bytes)}, import median ${probe.importMs} ms (min ${probe.importMinMs})`,
      );
    }
  }
  if (memory !== undefined) {
    out.push(
      '',
      `5. Memory of the ingest handler over ${memory.files} files (${memory.invocations} invocations, ${memory.filesPerSecond} files/s)`,
    );
    out.push(
      `   heap after GC: ${memory.samples.map((s) => `${s.files}:${s.heapUsedMb}`).join(' ')} (MB)`,
    );
    out.push(`   rss: ${memory.samples.map((s) => `${s.files}:${s.rssMb}`).join(' ')} (MB)`);
    out.push(
      `   heap growth after warm-up: ${memory.heapGrowthMb} MB (${memory.heapGrowthKbPer1000Files} KB per 1,000 files); rss growth ${memory.rssGrowthMb} MB; failures ${memory.failures}`,
    );
  }
  if (profile !== undefined) {
    out.push(
      '',
      `Profile (node --cpu-prof, ${profile.documents} docs x ${profile.rounds} rounds, ${profile.totalMs} ms sampled): self time`,
    );
    for (const spot of profile.functions.slice(0, 15)) {
      out.push(`   ${percent(spot.share).padStart(6)}  ${spot.name}`);
    }
    if (profile.lines.length > 0) out.push('   hottest lines (bundle, by module):');
    for (const spot of profile.lines.slice(0, 12)) {
      out.push(`   ${percent(spot.share).padStart(6)}  ${spot.name}`);
    }
    out.push('   by file:');
    for (const spot of profile.files.slice(0, 10)) {
      out.push(`   ${percent(spot.share).padStart(6)}  ${spot.name}`);
    }
  }
  if (report.endToEnd !== undefined) printEndToEnd(out, report.endToEnd);
  for (const [part, error] of Object.entries(report.errors))
    out.push('', `${part} FAILED: ${error}`);
  console.log(out.join('\n'));
};

const main = async (): Promise<void> => {
  const round2 = (values: number[]) => values.map((value) => round(value, 2));
  const report: Report = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: { before: round2(loadavg()), after: [] },
    pinnedToCore0: hasTaskset,
    quick: flags.quick,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    errors: {},
  };
  const attempt = async (part: Part, run: () => Promise<void> | void): Promise<void> => {
    if (!selected.includes(part)) return;
    console.error(`${part}...`);
    try {
      await run();
    } catch (error) {
      report.errors[part] = error instanceof Error ? error.message : String(error);
      console.error(`${part} failed:`, error);
    }
  };
  await attempt('floor', () => {
    report.floor = runWorker<FloorResult>('floor', SETTINGS.floor, [], true);
  });
  await attempt('core', () => {
    report.core = runWorker<CoreThroughputResult>('core', SETTINGS.core, [], true);
  });
  await attempt('adversarial', () => {
    report.adversarial = runWorker<AdversarialResult>(
      'adversarial',
      SETTINGS.adversarial,
      [],
      true,
    );
  });
  await attempt('cold', async () => {
    report.coldStart = await runColdStart(SETTINGS.cold);
  });
  await attempt('memory', () => {
    report.memory = runWorker<MemoryResult>('memory', SETTINGS.memory, ['--expose-gc'], false);
  });
  await attempt('profile', async () => {
    report.profile = await runProfile(SETTINGS.profile);
  });
  await attempt('e2e', () => {
    report.endToEnd = runWorker<EndToEndResult>('e2e', SETTINGS.e2e, [], false);
  });
  report.loadAverage.after = round2(loadavg());
  if (flags.json) console.log(JSON.stringify(report));
  else printReport(report);
  if (Object.keys(report.errors).length > 0) process.exitCode = 1;
};

await main();
