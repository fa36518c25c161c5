import { loadFieldConfig } from './server/src/core/engine/fields';
import { createInputReport, readEvents } from './server/src/core/engine/input';
const file = 'bench/.generated/sysmon-100000.log';
(async () => {
  const { extractor } = loadFieldConfig({});
  const t = performance.now(); let n = 0;
  for await (const row of readEvents({ path: file }, {}, createInputReport())) { extractor.apply(row); ++n; }
  console.log('read+extract 50k', (performance.now() - t).toFixed(0));
})();
