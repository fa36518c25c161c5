import { open } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { AsciiCaseInsensitiveSearch } from './server/src/core/engine/input/byteSearch';
const file = 'bench/.generated/sysmon-100000.log';
async function pass(fn: (buf: Buffer, n: number) => number) {
  const t = performance.now();
  const fh = await open(file); const buf = Buffer.allocUnsafe(1 << 20); let hits = 0;
  for (;;) { const { bytesRead } = await fh.read(buf, 0, 1 << 20, null); if (!bytesRead) break; hits += fn(buf, bytesRead); }
  await fh.close();
  return [(performance.now() - t).toFixed(0), hits].join('/');
}
(async () => {
  const s = new AsciiCaseInsensitiveSearch('wermgr.exe:');
  const re = /wermgr\.exe:/gi;
  for (let r = 0; r < 3; r++) {
    const t = performance.now(); execFileSync('grep', ['-c', '-F', '-i', 'wermgr.exe:', file]); const g = performance.now() - t;
    console.log('grep', g.toFixed(0),
      'read', await pass(() => 0),
      'bmh', await pass((buf, n) => { let h = 0; for (let p = s.indexIn(buf, 0, n); p >= 0; p = s.indexIn(buf, p + 1, n)) h++; return h; }),
      'lines', await pass((buf, n) => { let h = 0; for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) h++; return h; }),
      'latin1re', await pass((buf, n) => { let h = 0; const str = buf.latin1Slice(0, n); re.lastIndex = 0; while (re.exec(str)) h++; return h; }),
    );
  }
})();
