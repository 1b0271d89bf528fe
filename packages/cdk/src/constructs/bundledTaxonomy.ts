import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TaxonomyFileSchema, taxonomyReferenceProblems } from '@doc-ingest/contracts';
import { parse as parseYaml } from 'yaml';

/** Name of the taxonomy file inside the ingest function's code. */
const BUNDLED_TAXONOMY_NAME = 'taxonomy.json';

/**
 * Where the built-in crime-and-security taxonomy is: the core's file in this
 * repository, else the copy the package build puts in `dist/taxonomies/`
 * (`src/constructs/` and `dist/constructs/` are both two levels below the
 * package root). The functions' bundles do not carry it: the constructs ship
 * it as a file, like a taxonomy of the user's.
 */
const builtInTaxonomyFile = (): string => {
  const inRepository = fileURLToPath(
    new URL('../../../core/taxonomies/crime-and-security.json', import.meta.url),
  );
  if (existsSync(inRepository)) return inRepository;
  return fileURLToPath(new URL('../../dist/taxonomies/crime-and-security.json', import.meta.url));
};

/** A taxonomy file ready to ship in a function's code. */
interface BundledTaxonomy {
  /** Its name in the code (`TAXONOMY_FILE`). */
  name: string;
  /** Where the compact JSON was written. */
  path: string;
  version: string;
  /** SHA-256 (hex) of the JSON written (`TAXONOMY_SHA256`). */
  sha256: string;
}

/**
 * Reads a taxonomy file (JSON, or YAML by its `.yaml` / `.yml` extension),
 * validates it as the ingest function would (the contract's schema, unique
 * topic ids, known siblings; a bad taxonomy fails the synth, naming the
 * problem), and writes it as compact JSON to a file named after its content,
 * ready to be copied into the function's code: the Lambda then parses JSON
 * only, and any change of the taxonomy changes the asset. The SHA-256 of that
 * JSON lets the function skip validating it again at cold start.
 */
const bundledTaxonomy = (file: string): BundledTaxonomy => {
  const path = resolve(file);
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  const data: unknown = ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
  // The file's shape, checked with the contract's schema; the function
  // compiles it at cold start and refuses a file that does not compile.
  const parsed = TaxonomyFileSchema.safeParse(data);
  const problems = parsed.success
    ? taxonomyReferenceProblems(parsed.data)
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new Error(`invalid taxonomy: ${problems.join('; ')} (${file})`);
  }
  const { version } = parsed.data;
  const json = JSON.stringify(data);
  const sha256 = createHash('sha256').update(json).digest('hex');
  const dir = join(tmpdir(), 'doc-ingest-taxonomy');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${sha256.slice(0, 16)}.json`);
  // Written aside, then renamed over: several synths on one machine (parallel
  // tests, two `cdk synth` at once) share this path, and one of them may be
  // copying the file into a function's code while another rewrites it. A rename
  // is atomic, so a reader sees the whole file, never a truncated one.
  const aside = `${out}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(aside, json);
  renameSync(aside, out);
  return { name: BUNDLED_TAXONOMY_NAME, path: out, version, sha256 };
};

export { BUNDLED_TAXONOMY_NAME, builtInTaxonomyFile, bundledTaxonomy };
