/** The parser reuses its token objects from one parse to the next (grammar/tokenPool.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvalExpression, parseSearchExpression, parseSpl } from '../../server/src/core/syntax';

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
