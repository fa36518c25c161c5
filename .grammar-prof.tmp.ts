import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';
import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
const dir = '../shared/corpus/security_content/detections';
const searches = globSync('**/*.yml', { cwd: dir }).sort().slice(0, 300).flatMap((f) => { const s: unknown = parseDocument(readFileSync(join(dir, f), 'utf8')).get('search'); return typeof s === 'string' ? [s] : []; });
const lines: string[] = [];
for (let index = 0; lines.length < 2000; index++) { const body = (searches[index % searches.length] as string).replace(/\s+\|\s+/g, '\n| ').split('\n'); if (index === 0) lines.push(...body); else lines.push('| append [', ...body, ']'); }
const doc = lines.join('\n');
for (let i = 0; i < 10; i++) parseSplWithChevrotain(doc);
