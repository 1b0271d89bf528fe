import { readFileSync } from 'node:fs';
import { round } from './stats.ts';

/*
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and ranks where the time
 * went: by function (self time) and by source file or package.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  /** Samples per source line (1-based) of this node's function. */
  positionTicks?: { line: number; ticks: number }[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One line of a hot-spot table. */
interface HotSpot {
  name: string;
  /** Share (0..1) of all sampled time, idle and GC included. */
  share: number;
  ms: number;
}

interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  files: HotSpot[];
  /** Hottest source lines (bundle profiles only): the code, its module and share of samples. */
  lines: HotSpot[];
}

const REPO_MARKER = '/work/main/';

/** A short location: `packages/core/src/x.ts` or `node_modules/franc-min/...` → `franc-min/...`. */
const shortUrl = (url: string): string => {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  const repo = path.indexOf(REPO_MARKER);
  return repo >= 0 ? path.slice(repo + REPO_MARKER.length) : path;
};

/**
 * Source file of each line of an esbuild bundle (not minified): esbuild
 * opens every module with a `// path/of/module.ts` comment.
 */
const bundleModules = (bundle: string): ((line: number) => string) => {
  const starts: { line: number; path: string }[] = [];
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const header = /^\/\/ ((?:\.\.\/)*[\w@.-]+\/[^\s]+\.[cm]?[jt]s)$/.exec(text);
      if (header?.[1] !== undefined) starts.push({ line, path: header[1] });
    });
  return (line) => {
    let found = '(bundle)';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return shortUrl(found);
  };
};

const rank = (totals: Map<string, number>, all: number, top: number): HotSpot[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, share: round(us / all, 3), ms: round(us / 1000, 0) }));

/** Line-level ticks of the bundle's own frames, named by code and module. */
const hotLines = (
  profile: CpuProfile,
  bundle: string,
  moduleAt: ((line: number) => string) | undefined,
  top: number,
  totalUs: number,
): HotSpot[] => {
  const code = readFileSync(bundle, 'utf8').split('\n');
  const ticks = new Map<number, number>();
  let all = 0;
  for (const node of profile.nodes) {
    for (const { line, ticks: count } of node.positionTicks ?? []) {
      all += count;
      if (!node.callFrame.url.endsWith(bundle)) continue;
      ticks.set(line, (ticks.get(line) ?? 0) + count);
    }
  }
  const named = new Map<string, number>();
  for (const [line, count] of ticks) {
    const text = (code[line - 1] ?? '').trim().slice(0, 110);
    const name = `${moduleAt?.(line - 1) ?? ''}: ${text}`;
    named.set(name, (named.get(name) ?? 0) + count);
  }
  return [...named]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, count]) => ({
      name,
      share: round(count / all, 3),
      ms: round((count / all) * (totalUs / 1000), 0),
    }));
};

/**
 * Self time per function and per file of a `.cpuprofile`; with `bundle`, the
 * esbuild bundle that ran, frames are named by their source module.
 *
 * @example
 * const { functions } = summarizeProfile('/tmp/prof/CPU.123.cpuprofile');
 */
const summarizeProfile = (path: string, top = 15, bundle?: string): ProfileSummary => {
  const moduleAt = bundle === undefined ? undefined : bundleModules(bundle);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let all = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    all += us;
    const inBundle = moduleAt !== undefined && bundle !== undefined && frame.url.endsWith(bundle);
    const file = inBundle ? moduleAt(frame.lineNumber) : shortUrl(frame.url);
    const name = inBundle
      ? `${frame.functionName || '(anonymous)'} ${file}`
      : `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const group = file.startsWith('packages/') ? file : file.split('/').slice(0, 2).join('/');
    files.set(group, (files.get(group) ?? 0) + us);
  }
  return {
    totalMs: round(all / 1000, 0),
    functions: rank(functions, all, top),
    files: rank(files, all, top),
    lines: bundle === undefined ? [] : hotLines(profile, bundle, moduleAt, top, all),
  };
};

export type { HotSpot, ProfileSummary };
export { summarizeProfile };
