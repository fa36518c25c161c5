import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseSpl } from './server/src/core/syntax/index';
import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
const dir = '../shared/corpus/security_content/detections';
const searches = globSync('**/*.yml', { cwd: dir }).sort().flatMap((f) => { const s: unknown = parseDocument(readFileSync(join(dir, f), 'utf8')).get('search'); return typeof s === 'string' ? [s] : []; });
let diff = 0; const firsts: string[] = [];
const mut = (t: string) => [0.25, 0.5, 0.75].map((f) => Math.floor(t.length * f)).flatMap((at) => [t.slice(0, at), t.slice(0, at) + t.slice(at + 1)]);
const all = process.env.MUT ? searches.filter((_, i) => i % 7 === 0).flatMap(mut) : searches;
for (const [i, s] of all.entries()) {
  writeFileSync('/tmp/current.txt', s);
  const a = parseSplWithChevrotain(s); const b = parseSpl(s);
  if (!isDeepStrictEqual(a, b)) { diff++; if (firsts.length < 40) firsts.push(s); }
}
console.log('differ', diff, 'of', all.length);
writeFileSync('/tmp/diffs.json', JSON.stringify(firsts, null, 1));
