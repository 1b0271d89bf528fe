import * as nodeModule from 'node:module';
nodeModule.enableCompileCache();
nodeModule.registerHooks({ resolve: (s, c, n) => n(s, { ...c, conditions: [...c.conditions, 'doc-ingest-source'] }) });
const t0 = performance.now();
await import(process.argv[2]);
const t1 = performance.now();
console.log(process.argv[2], (t1 - t0).toFixed(1), 'ms');
