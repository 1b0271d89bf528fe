import { classifyTopics } from './packages/core/src/classify/classifyTopics.ts';
import { getStemmer } from './packages/core/src/classify/stem.ts';
import { foldText } from './packages/core/src/classify/tokenize.ts';
import { readFileSync } from 'node:fs';
const st = getStemmer('ar');
const words = process.argv.slice(2).filter((a) => !a.endsWith('.txt'));
for (const w of words) console.log(w, st(foldText(w)));
for (const f of process.argv.slice(2).filter((a) => a.endsWith('.txt'))) {
  const [title, ...rest] = readFileSync(f, 'utf8').split('\n');
  const r = classifyTopics({ title: title ?? '', body: rest.join('\n'), language: 'ar' }, { threshold: 0.01 });
  console.log(f.split('/').pop(), JSON.stringify(r.topics.map((t) => [t.id, t.score, t.terms.join(',')])));
}
