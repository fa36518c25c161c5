import { corpusSearches } from './corpusFiles';
import { parseSpl } from '../../server/src/core/syntax/index';
const all = corpusSearches();
let bad = 0; const codes = new Map<string, number>();
for (const { file, search } of all) {
  const r = parseSpl(search);
  const errs = r.diagnostics.filter(d => d.severity === 'error');
  if (errs.length) { bad++; for (const e of errs) { codes.set(e.message.slice(0,50), (codes.get(e.message.slice(0,50))??0)+1); }
    if (bad <= Number(process.env.SHOW ?? 15)) console.log(file, errs.map(e => `${e.code} ${e.message} @${e.range.start.offset} «${search.slice(e.range.start.offset-30, e.range.end.offset+20)}»`).join('\n  ')); }
}
console.log(all.length, 'bad', bad); console.log([...codes].sort((a,b)=>b[1]-a[1]).slice(0,30));
