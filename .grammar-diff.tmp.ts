import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseSpl } from './server/src/core/syntax/index';
import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
function firstDiff(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) { const d = firstDiff((a as any)[k], (b as any)[k], `${path}.${k}`); if (d) return d; }
  return `${path}: keys ${Object.keys(a)} vs ${Object.keys(b)}`;
}
const diffs: string[] = JSON.parse(readFileSync('/tmp/diffs.json', 'utf8'));
for (const s of diffs) {
  const a = parseSplWithChevrotain(s), b = parseSpl(s);
  const d = firstDiff(a, b, '')!;
  console.log('---', d.slice(0, 600));
  const m = /\.diagnostics\.(\d+)/.exec(d); 
  if (m) { const dd = (a.diagnostics[+m[1]] ?? b.diagnostics[+m[1]])!; console.log('   near:', JSON.stringify(s.slice(dd.range.start.offset - 60, dd.range.end.offset + 30))); }
}
