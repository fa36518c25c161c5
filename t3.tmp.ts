import { createReadStream, readFileSync } from 'node:fs';
const file = 'bench/.generated/sysmon-100000.log';
(async () => {
  for (let round = 0; round < 3; round++) {
    let t = performance.now(); let hits = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) { hits += chunk.length > 0 ? 1 : 0; }
    console.log('read only', (performance.now() - t).toFixed(0));
    t = performance.now(); hits = 0;
    const re = /wermgr\.exe:/gi;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const s = chunk.toString('latin1'); re.lastIndex = 0; while (re.exec(s)) hits++;
    }
    console.log('latin1+regex', (performance.now() - t).toFixed(0), hits);
    t = performance.now(); hits = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const s = chunk.toString('latin1'); let i = 0; while ((i = s.indexOf('wermgr.exe:', i)) >= 0) { hits++; i++; }
    }
    console.log('latin1+indexOf', (performance.now() - t).toFixed(0), hits);
    t = performance.now(); hits = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const s = chunk.toString('latin1'); let i = 0; while ((i = s.indexOf('\n', i)) >= 0) { hits++; i++; }
    }
    console.log('latin1+newlines', (performance.now() - t).toFixed(0), hits);
    t = performance.now(); hits = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let i = 0; while ((i = chunk.indexOf(10, i)) >= 0) { hits++; i++; }
    }
    console.log('buffer newlines', (performance.now() - t).toFixed(0), hits);
  }
})();
