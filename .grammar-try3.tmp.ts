import { parseSearchExpressionWithChevrotain as s, parseEvalExpressionWithChevrotain as e } from './server/src/core/syntax/grammar/index';
import { searchText, evalText } from './server/src/core/syntax/outline';
for (const t of ['a', 'a b', 'a=1', 'x OR y']) { const r = s(t); console.log(t, '=>', r.expression && searchText(r.expression), r.diagnostics.map(d=>d.message)); }
for (const t of ['a', '1+2*3', 'f(x, 2)']) { const r = e(t); console.log(t, '=>', r.expression && evalText(r.expression), r.diagnostics.map(d=>d.message)); }
