import { readdirSync, readFileSync } from 'node:fs';
import { shingleText as oldShingles } from '/tmp/s5k/before/packages/core/src/similarity/shingles.ts';
import { shingleText as newShingles } from '/work/wt/s5k/packages/core/src/similarity/shingles.ts';
const texts = readdirSync('/tmp/s5k/corpus').slice(0, 3000).map((n) => readFileSync(`/tmp/s5k/corpus/${n}`, 'utf8').normalize('NFC'));
const time = (f: (t: string) => unknown) => { const s = performance.now(); for (const t of texts) f(t); return performance.now() - s; };
const best = { old: Infinity, new: Infinity };
for (let r = 0; r < 15; r++) { best.old = Math.min(best.old, time(oldShingles)); best.new = Math.min(best.new, time(newShingles)); }
console.log(best);
