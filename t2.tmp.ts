import { readEvents, createInputReport, decodeXmlWinEvent } from './server/src/core/engine/input/index';
import { loadFieldConfig } from './server/src/core/engine/fields/index';
(async () => {
  const { extractor, diagnostics } = loadFieldConfig({});
  console.log(diagnostics);
  let bad = 0, n = 0;
  for (const p of process.argv.slice(2)) {
    const r = createInputReport();
    for await (const row of readEvents({ path: p }, {}, r)) {
      n++;
      extractor.apply(row);
      const d = decodeXmlWinEvent(String(row.get('_raw')));
      if (!d.ok) { continue; }
      for (const [k, v] of d.fields) if (row.get(k) !== v) { bad++; if (bad < 10) console.log(p, k, JSON.stringify(v), JSON.stringify(row.get(k))); }
      if (n === 1) console.log(row);
    }
  }
  console.log('events', n, 'mismatches', bad);
})();
