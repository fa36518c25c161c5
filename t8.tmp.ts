import { createInputReport, readEvents } from './server/src/core/engine/input';
import { spawnSync } from 'node:child_process';
const file = 'bench/.generated/sysmon-100000.log';
(async () => {
  for (let i = 0; i < 3; i++) {
  let t = performance.now(); let n = 0;
  for await (const row of readEvents({ path: file }, {literals:['wermgr.exe:']}, createInputReport())) { n += row.size; }
  const a = performance.now() - t;
  t = performance.now(); spawnSync('grep', ['-c','-F','-i','wermgr.exe:', file]);
  console.log('selective', a.toFixed(0), 'grep', (performance.now() - t).toFixed(0));
  }
})();
