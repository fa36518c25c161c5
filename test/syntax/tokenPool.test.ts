/** The parser reuses its token objects from one parse to the next (grammar/tokenPool.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvalExpression, parseSearchExpression, parseSpl } from '../../server/src/core/syntax';
import { withTokenList } from '../../server/src/core/syntax/grammar/tokenPool';

test('a parse result stays as it was after later parses reuse the tokens', () => {
  const first = parseSpl('index=main "unclosed | `sysmon` EventCode=1 | stats count by host');
  const before = JSON.stringify(first);
  parseSpl(
    '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=x by host',
  );
  parseEvalExpression('if(a > 1, "y", lower(b))');
  parseSearchExpression('a=1 OR (b=2 AND NOT c=3)');
  parseSpl('x');
  assert.equal(JSON.stringify(first), before);
});

test('a token list asked for while the pooled one is lent out is a fresh one', () => {
  withTokenList((outer) => {
    outer.add('word', 'a', 0, 1, false);
    const inner = withTokenList((list) => {
      list.add('word', 'b', 0, 1, false);
      return list.finish(1);
    });
    const tokens = outer.finish(1);
    assert.equal(tokens[0]?.image, 'a');
    assert.equal(inner[0]?.image, 'b');
    assert.notEqual(inner, tokens);
  });
});
