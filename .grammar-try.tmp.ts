import { parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
const t0 = performance.now();
const r = parseSplWithChevrotain('index=main a=1 | stats count by b | eval x=1+2');
console.log(performance.now() - t0, JSON.stringify(r).slice(0, 500));
