import assert from 'node:assert/strict';
import { test } from 'node:test';
import { macroEvaluator } from '../../../server/src/core/engine/macroEvaluation';
import { buildMacroIndex, expandMacros } from '../../../server/src/core/macros';

const conf = `
[twice(1)]
args = x
iseval = 1
definition = "search n=" . ($x$ * 2)

[positive(1)]
args = n
definition = search count>$n$
validation = $n$ > 0
errormsg = n must be positive

[named(1)]
args = n
definition = search n=$n$
validation = if($n$ > 10, "n is too large", true())
`;
const { index } = buildMacroIndex([{ path: 'macros.conf', text: conf }]);
const evaluateEval = macroEvaluator({ now: 0, timezone: 'UTC' });

// spl-semantics.md "macros.conf (spec)": iseval = 1 makes the definition an eval expression
// whose string result is the expansion.
test('an iseval macro expands to the value of its expression', () => {
  const result = expandMacros('`twice(21)`', index, { evaluateEval });
  assert.equal(result.text, 'search n=42');
  assert.deepEqual(result.diagnostics, []);
});

// spl-semantics.md "macros.conf (spec)": validation true passes; false or null fails with errormsg.
test('a failed validation reports the errormsg at the call', () => {
  const result = expandMacros('`positive(-1)`', index, { evaluateEval });
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0]!.code, 'spl.macro.validation');
  assert.equal(result.diagnostics[0]!.message, 'n must be positive');
  assert.equal(expandMacros('`positive(3)`', index, { evaluateEval }).diagnostics.length, 0);
});

// spl-semantics.md "macros.conf (spec)": a non-boolean, non-null result is itself the message.
test('a validation that returns text uses the text as the message', () => {
  const result = expandMacros('`named(11)`', index, { evaluateEval });
  assert.equal(result.diagnostics[0]?.message, 'n is too large');
});

test('an expression the evaluator cannot parse is an error, not a crash', () => {
  const outcome = evaluateEval('1 +');
  assert.equal(typeof outcome.error, 'string');
});
