import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';
import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
import { parseSpl } from './server/src/core/syntax/index';
const dir = '../shared/corpus/security_content/detections';
const searches = globSync('**/*.yml', { cwd: dir }).sort().slice(0, 300).flatMap((f) => { const s: unknown = parseDocument(readFileSync(join(dir, f), 'utf8')).get('search'); return typeof s === 'string' ? [s] : []; });
function doc(n: number, wrap: boolean) { const lines: string[] = []; for (let index = 0; lines.length < n; index++) { const body = (searches[index % searches.length] as string).replace(/\s+\|\s+/g, '\n| ').split('\n'); if (index === 0 || !wrap) lines.push(...(index === 0 ? body : ['| search x', ...body.slice(1)])); else lines.push('| append [', ...body, ']'); } return lines.join('\n'); }
for (const wrap of [true, false]) for (const n of [250, 500, 1000, 2000]) {
  const d = doc(n, wrap);
  for (const [name, f] of [['chev', parseSplWithChevrotain], ['hand', parseSpl]] as const) {
    f(d); const t0 = performance.now(); for (let i = 0; i < 5; i++) f(d); console.log(wrap ? 'append' : 'flat', n, name, ((performance.now() - t0) / 5).toFixed(1));
  }
}
