import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEvalExpression,
  checkSearchExpression,
} from '../../../server/src/core/engine/expressions';
import { evalExpr, searchExpr } from './helpers';

describe('checkEvalExpression', () => {
  const cases: [string, string | undefined, RegExp | undefined][] = [
    ['if(x > 1, lower(y), null())', undefined, undefined],
    [
      'lowr(x)',
      'spl.engine.unknown-function',
      /unknown eval function lowr\(\); did you mean lower\(\)\?/,
    ],
    [
      'lookup("t", x)',
      'spl.engine.unsupported-function',
      /lookup\(\) is not supported by the local evaluator/,
    ],
    ['if(x, 1)', 'spl.engine.wrong-argument-count', /if\(\) takes 3 argument\(s\) but was given 2/],
    ['substr(x)', 'spl.engine.wrong-argument-count', /takes 2 to 3/],
    ['case(x=1, "a", x=2)', 'spl.engine.wrong-argument-count', /condition\/value pairs/],
    ['match(x, "(a+)+")', 'spl.engine.invalid-regex', /exponential time/],
    ['replace(x, "a++", "b")', 'spl.engine.invalid-regex', /possessive/],
    ['relative_time(now(), "-1x")', 'spl.engine.invalid-time-modifier', /unknown time unit/],
    ['x + `my_macro`', 'spl.engine.unexpanded-macro', /macro `my_macro` must be expanded/],
  ];
  for (const [expression, code, message] of cases) {
    test(expression, () => {
      const diagnostics = checkEvalExpression(evalExpr(expression));
      if (code === undefined) {
        assert.deepEqual(diagnostics, []);
        return;
      }
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [d] = diagnostics;
      assert.equal(d?.code, code);
      assert.equal(d?.source, 'engine');
      assert.equal(d?.severity, 'error');
      assert.match(d?.message ?? '', message as RegExp);
    });
  }

  test('the diagnostic points at the function name', () => {
    const text = 'x . lowr(y)';
    const [d] = checkEvalExpression(evalExpr(text));
    assert.equal(text.slice(d?.range.start.offset, d?.range.end.offset), 'lowr');
  });

  test('nested calls are checked', () => {
    assert.equal(
      checkEvalExpression(evalExpr('if(x, upper(lowr(y)), 1)'))[0]?.code,
      'spl.engine.unknown-function',
    );
  });
});

describe('checkSearchExpression', () => {
  test('a plain search is fine', () =>
    assert.deepEqual(checkSearchExpression(searchExpr('a=1 NOT b=2 earliest=-24h@h')), []));

  test('an unexpanded macro is an error at its range', () => {
    const text = 'a=1 `sysmon`';
    const [d] = checkSearchExpression(searchExpr(text));
    assert.equal(d?.code, 'spl.engine.unexpanded-macro');
    assert.equal(text.slice(d?.range.start.offset, d?.range.end.offset), '`sysmon`');
  });

  test('an invalid time modifier is reported at its value', () => {
    const text = 'earliest=-24q@x';
    const [d] = checkSearchExpression(searchExpr(text));
    assert.equal(d?.code, 'spl.engine.invalid-time-modifier');
    assert.equal(text.slice(d?.range.start.offset, d?.range.end.offset), '-24q@x');
  });
});
