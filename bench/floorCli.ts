import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { floorFile } from './floorWork.ts';

/*
 * The floor of issue 14 as a command, the yardstick of `ingest process` end to
 * end: `node bench/floorCli.ts <dir> > /dev/null`. Like `ingest process`, it
 * lists the folder, does the floor's work on each file and prints one JSON
 * line per file (its name, the SHA-256 and the topic counts). Node runs it
 * without tsx (its own type stripping), so its start-up is Node's.
 */

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node bench/floorCli.ts <dir>');
const decoder = new TextDecoder('utf-8');
const lines: string[] = [];
for (const name of readdirSync(dir)) {
  if (name.startsWith('.')) continue;
  const { counts, sha256 } = floorFile(join(dir, name), decoder);
  lines.push(JSON.stringify({ source: name, contentHash: sha256.toString('hex'), counts }));
}
process.stdout.write(`${lines.join('\n')}\n`);
