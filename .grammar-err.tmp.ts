import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseSpl } from './server/src/core/syntax/index';
import { splParser, parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
const diffs: string[] = JSON.parse(readFileSync('/tmp/diffs.json', 'utf8'));
let n = 0;
for (const s of diffs) {
  const a = parseSplWithChevrotain(s), b = parseSpl(s);
  const p = splParser();
  if (p.errors.length && n++ < 6) console.log('ERR', p.errors[0]!.message, p.errors[0]!.context.ruleStack.join('>'), JSON.stringify(s.slice(Math.max(0,(p.errors[0]!.token.startOffset||s.length)-80), (p.errors[0]!.token.startOffset||s.length)+10)));
  else if (!p.errors.length && n < 14) { n++; console.log('DIAG', JSON.stringify(a.diagnostics.map(d=>[d.code,d.range.start.offset])), JSON.stringify(b.diagnostics.map(d=>[d.code,d.range.start.offset]))); }
}
