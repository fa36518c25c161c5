import { readFileSync } from 'node:fs';
import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
const s = process.env.TEXT ?? readFileSync('/tmp/current.txt', 'utf8');
console.log(JSON.stringify(parseSplWithChevrotain(s).diagnostics.map(d => d.message)));
