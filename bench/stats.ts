/** Small statistics and formatting helpers shared by the benchmarks. */

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The q-quantile (0..1) by nearest rank; NaN for no values. */
const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const rank = Math.min(ordered.length - 1, Math.max(0, Math.ceil(q * ordered.length) - 1));
  return ordered[rank] as number;
};

const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const mid = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[mid] as number)
    : ((ordered[mid - 1] as number) + (ordered[mid] as number)) / 2;
};

/** Rounds to `digits` decimals, for stable JSON. */
const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

const MB = 1_000_000;
const KIB = 1_024;

const formatBytes = (bytes: number): string =>
  bytes >= MB ? `${round(bytes / MB, 2)} MB` : `${round(bytes / 1_000, 1)} KB`;

export { formatBytes, KIB, MB, median, quantile, round };
