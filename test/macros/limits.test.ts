import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMacroIndex, expandMacros, type EvalOutcome } from '../../server/src/core/macros';

function indexOf(conf: string) {
  const built = buildMacroIndex([{ path: 'limits/default/macros.conf', text: conf }]);
  assert.deepEqual(built.diagnostics, []);
  return built.index;
}

/** [name_i] calling [name_{i+1}] `fanout` times, down to a last level with `leaf` as definition. */
function chain(name: string, levels: number, fanout: number, leaf: string): string {
  const stanzas: string[] = [];
  for (let i = 0; i < levels; i++) {
    stanzas.push(
      `[${name}${i}]\ndefinition = ${Array.from({ length: fanout }, () => `\`${name}${i + 1}\``).join(' ')}`,
    );
  }
  stanzas.push(`[${name}${levels}]\ndefinition = ${leaf}`);
  return stanzas.join('\n');
}

test('a deep but acyclic chain stops at the depth limit', () => {
  const index = indexOf(chain('d', 60, 1, 'end'));
  const result = expandMacros('`d0`', index);
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['spl.macro.depthLimit'],
  );
  assert.match(result.diagnostics[0]?.message ?? '', /deeper than 50 levels/);
  assert.deepEqual(result.diagnostics[0]?.range.start.offset, 0);
});

test('the depth limit can be set', () => {
  const index = indexOf(chain('d', 5, 1, 'end'));
  assert.equal(expandMacros('`d0`', index).text, 'end');
  const limited = expandMacros('`d0`', index, { limits: { maxDepth: 3 } });
  assert.deepEqual(
    limited.diagnostics.map((d) => d.code),
    ['spl.macro.depthLimit'],
  );
});

test('an exponential expansion stops at the output limit, quickly', () => {
  // 10 calls per level, 9 levels: 10^9 copies of "x" if nothing stopped it.
  const index = indexOf(chain('b', 9, 10, 'x'));
  const result = expandMacros('`b0`', index, { limits: { maxOutputLength: 10_000 } });
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['spl.macro.outputLimit'],
  );
  assert.ok(result.text.length <= 10_100, `${result.text.length} characters`);
});

test('an expansion that produces nothing still stops at the call limit', () => {
  const index = indexOf(chain('e', 8, 20, '```empty```'));
  const result = expandMacros('`e0`', index, { limits: { maxCalls: 5_000 } });
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['spl.macro.callLimit'],
  );
});

const evalConf = String.raw`
[label(1)]
args = n
iseval = 1
definition = "count=" . $n$

[positive(1)]
args = n
validation = $n$ > 0
errormsg = n must be positive
definition = head $n$

[checked(1)]
args = n
validation = if($n$ > 0, true(), "n is not positive")
definition = head $n$
`;

/** Stands in for the engine's evaluator: the macros layer only passes expressions through. */
function fakeEvaluator(answers: Record<string, EvalOutcome>): (expression: string) => EvalOutcome {
  return (expression) => answers[expression] ?? { error: `unexpected expression ${expression}` };
}

test('iseval definitions expand to the evaluated string', () => {
  const index = indexOf(evalConf);
  const evaluateEval = fakeEvaluator({ '"count=" . 5': { value: 'count=5' } });
  const result = expandMacros('search `label(5)`', index, { evaluateEval });
  assert.equal(result.text, 'search count=5');
  const location = result.sourceMap.toOriginal(9);
  assert.equal(location.offset, 7);
  assert.equal(location.inMacro?.definition.name, 'label');
});

test('without an evaluator, iseval and validation are reported', () => {
  const index = indexOf(evalConf);
  const result = expandMacros('search `label(5)` | `positive(3)`', index);
  assert.equal(result.text, 'search `label(5)` | head 3');
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.severity]),
    [
      ['spl.macro.needsEvaluator', 'warning'],
      ['spl.macro.needsEvaluator', 'warning'],
    ],
  );
  assert.match(result.diagnostics[0]?.message ?? '', /iseval = 1.*needs the evaluator/);
});

// spl-semantics.md "macros.conf": validation true passes; false or null fails with errormsg; a
// non-boolean non-null result is itself the error message.
const validations: readonly {
  search: string;
  answer: EvalOutcome;
  text: string;
  message?: RegExp;
}[] = [
  { search: '`positive(3)`', answer: { value: true }, text: 'head 3' },
  {
    search: '`positive(0)`',
    answer: { value: false },
    text: '`positive(0)`',
    message: /^n must be positive$/,
  },
  { search: '`positive(0)`', answer: {}, text: '`positive(0)`', message: /^n must be positive$/ },
  {
    search: '`checked(0)`',
    answer: { value: 'n is not positive' },
    text: '`checked(0)`',
    message: /^n is not positive$/,
  },
  {
    search: '`positive(x)`',
    answer: { error: 'x is not a number' },
    text: '`positive(x)`',
    message: /x is not a number/,
  },
];

for (const v of validations) {
  test(`validation ${v.search} -> ${JSON.stringify(v.answer)}`, () => {
    const index = indexOf(evalConf);
    const evaluateEval = (): EvalOutcome => v.answer;
    const result = expandMacros(v.search, index, { evaluateEval });
    assert.equal(result.text, v.text);
    if (v.message) assert.match(result.diagnostics[0]?.message ?? '', v.message);
    else assert.deepEqual(result.diagnostics, []);
  });
}

test('the validation expression gets the arguments substituted', () => {
  const index = indexOf(evalConf);
  const seen: string[] = [];
  expandMacros('`positive(42)`', index, {
    evaluateEval: (expression) => {
      seen.push(expression);
      return { value: true };
    },
  });
  assert.deepEqual(seen, ['42 > 0']);
});
