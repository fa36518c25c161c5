import { splParser } from './server/src/core/syntax/grammar/index';
const t0 = performance.now();
splParser();
console.log('built', performance.now() - t0);
