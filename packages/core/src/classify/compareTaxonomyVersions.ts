/**
 * Compares two taxonomy versions (`YYYY.MM.N`, or any dot-separated numbers) part
 * by part as numbers, so `2026.12.1` is newer than `2026.9.3` and `2026.11.10`
 * newer than `2026.11.9`; a missing part counts as 0. Returns a negative number
 * when `a` is older than `b`, 0 when they are equal, a positive one when newer.
 *
 * @example
 * compareTaxonomyVersions('2026.11.3', '2026.12.1') < 0; // true: older
 */
const compareTaxonomyVersions = (a: string, b: string): number => {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (Number.isNaN(diff)) return a.localeCompare(b);
    if (diff !== 0) return diff;
  }
  return 0;
};

export { compareTaxonomyVersions };
