import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { readDetectionSearch } from '../server/src/core/analysis/lintDocument';
import { readDetectionYaml } from '../server/src/core/syntax/documents';
const files = globSync('**/*.yml', { cwd: '/work/shared/corpus/security_content/detections', absolute: true });
let same = 0, differ = 0, fast = 0;
for (const f of files) {
  const t = readFileSync(f, 'utf8');
  const a = readDetectionSearch(t); const b = readDetectionYaml(t);
  if (!a.search || !b.search) { if (a.search !== b.search) { differ++; console.log('presence', f, b.diagnostics.map(d=>d.code)); } continue; }
  let ok = a.search.text === b.search.text;
  for (let i = 0; ok && i <= a.search.text.length; i++) if (a.search.toFileOffset(i) !== b.search.toFileOffset(i)) ok = false;
  if (ok) same++; else { differ++; console.log('differ', f); }
}
console.log({ same, differ, fast });
