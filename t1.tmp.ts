import { readEvents, createInputReport, decodeXmlWinEvent } from './server/src/core/engine/input/index';
(async () => {
  for (const p of process.argv.slice(2)) {
    const r = createInputReport(); let n = 0; let first;
    for await (const row of readEvents({ path: p }, {}, r)) { if (!first) first = row; n++; }
    console.log(p, n, JSON.stringify(r), first && [...first].map(([k,v]) => k==='_raw'? [k, String(v).slice(0,60)]:[k,v]));
    if (first) console.log(decodeXmlWinEvent(String(first.get('_raw'))));
  }
})();
