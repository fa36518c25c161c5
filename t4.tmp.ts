import { open } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
const file = 'bench/.generated/sysmon-100000.log';
async function scan(re: RegExp | null, size: number) {
  const fh = await open(file); const buf = Buffer.allocUnsafe(size); let hits = 0;
  for (;;) { const { bytesRead } = await fh.read(buf, 0, size, null); if (bytesRead === 0) break;
    if (re) { const s = buf.toString('latin1', 0, bytesRead); re.lastIndex = 0; while (re.exec(s)) hits++; } }
  await fh.close(); return hits;
}
(async () => {
  for (let round = 0; round < 3; round++) {
    let t = performance.now(); execFileSync('grep', ['-c', '-F', '-i', 'wermgr.exe:', file]); console.log('grep', (performance.now() - t).toFixed(0));
    for (const size of [1 << 20, 4 << 20]) {
      t = performance.now(); await scan(null, size); console.log(size, 'read', (performance.now() - t).toFixed(0));
      t = performance.now(); await scan(/wermgr\.exe:/gi, size); console.log(size, '/i', (performance.now() - t).toFixed(0));
      t = performance.now(); await scan(/[wW][eE][rR][mM][gG][rR]\.[eE][xX][eE]:/g, size); console.log(size, 'classes', (performance.now() - t).toFixed(0));
      t = performance.now(); await scan(/\.[eE][xX][eE]:/g, size); console.log(size, 'classes-short', (performance.now() - t).toFixed(0));
    }
  }
})();
