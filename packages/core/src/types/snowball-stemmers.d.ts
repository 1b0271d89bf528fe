/**
 * Types of `snowball-stemmers` (CommonJS, ships no declarations). Use named imports,
 * `import { newStemmer } from 'snowball-stemmers'`: Node's ESM loader, esbuild and
 * CommonJS interop (tsx, vitest) all resolve them, whereas the default import is
 * `undefined` under CommonJS interop because the module sets `__esModule`.
 */
declare module 'snowball-stemmers' {
  interface SnowballStemmer {
    stem(word: string): string;
  }

  /** Throws a TypeError for an algorithm name it does not know. */
  function newStemmer(algorithm: string): SnowballStemmer;
  function algorithms(): string[];

  export type { SnowballStemmer };
  export { algorithms, newStemmer };
}
