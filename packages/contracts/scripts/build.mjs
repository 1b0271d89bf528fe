// Builds what the package publishes: ESM JavaScript and .d.ts from src/ (tsc),
// then one JSON Schema file per published shape, generated from the built
// zod schemas so that the files and the code cannot drift apart.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(packageDir, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(distDir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

const { contractJsonSchemas } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
const schemaDir = path.join(distDir, 'schemas');
mkdirSync(schemaDir, { recursive: true });
for (const [name, schema] of Object.entries(contractJsonSchemas())) {
  writeFileSync(
    path.join(schemaDir, `${name}.schema.json`),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
}
console.log(`built ${distDir} with ${Object.keys(contractJsonSchemas()).length} JSON Schemas`);
