import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { outline, parseSpl, type SearchExpression } from '../../server/src/core/syntax/index';
import type { SourceRange } from '../../server/src/core/text/range';

const seedPath = join(
  resolve(__dirname, '../..'),
  'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl',
);
const text = readFileSync(seedPath, 'utf8');
const result = parseSpl(text);
const slice = (range: SourceRange): string => text.slice(range.start.offset, range.end.offset);

test('the wermgr seed parses without diagnostics into five stages', () => {
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(result.comments, []);
  assert.equal(result.pipeline.leadingPipe, false);
  assert.deepEqual(
    result.pipeline.stages.map((stage) =>
      stage.kind === 'command' ? stage.name : `macro:${stage.macro.name}`,
    ),
    [
      'search',
      'stats',
      'macro:security_content_ctime',
      'macro:security_content_ctime',
      'macro:windows_wermgr_alternate_data_stream_in_temp_dir_filter',
    ],
  );
});

test('the implicit search is an AND of the sysmon macro and three comparisons', () => {
  const search = result.pipeline.stages[0];
  assert.ok(search?.kind === 'command' && search.name === 'search' && !('generic' in search));
  assert.equal(search.implicit, true);
  assert.equal(search.nameRange, undefined);
  const expression = search.expression as SearchExpression;
  assert.equal(expression.kind, 'and');
  if (expression.kind !== 'and') return;
  const [macro, eventCode, temp, wermgr] = expression.operands;
  assert.equal(expression.operands.length, 4);
  assert.ok(macro?.kind === 'macro');
  assert.equal(macro.name, 'sysmon');
  assert.equal(macro.hasParens, false);
  assert.equal(slice(macro.range), '`sysmon`');
  assert.ok(eventCode?.kind === 'compare');
  assert.deepEqual(
    [eventCode.field.name, eventCode.operator, eventCode.value.value, eventCode.value.quoted],
    ['EventCode', '=', '15', false],
  );
  assert.ok(temp?.kind === 'compare');
  // spl-semantics.md "Lexical": "*\\Temp\\*" is the pattern *\Temp\*.
  assert.deepEqual(
    [temp.field.name, temp.value.value, temp.value.quoted],
    ['TargetFilename', '*\\Temp\\*', true],
  );
  assert.equal(slice(temp.range), 'TargetFilename="*\\\\Temp\\\\*"');
  assert.equal(slice(temp.value.range), '"*\\\\Temp\\\\*"');
  assert.deepEqual(temp.range.start, { offset: 22, line: 0, column: 22 });
  assert.ok(wermgr?.kind === 'compare');
  assert.equal(wermgr.value.value, '*wermgr.exe:*');
  assert.equal(slice(expression.range), text.split('\n')[0]);
});

test('the stats stage has count, min/max of _time with aliases, and 16 by-fields over three lines', () => {
  const stats = result.pipeline.stages[1];
  assert.ok(stats?.kind === 'command' && stats.name === 'stats' && !('generic' in stats));
  assert.deepEqual(
    stats.aggregations.map((a) => [
      a.function,
      a.argument?.kind === 'field' ? a.argument.name : undefined,
      a.alias?.name,
    ]),
    [
      ['count', undefined, undefined],
      ['min', '_time', 'firstTime'],
      ['max', '_time', 'lastTime'],
    ],
  );
  const by = stats.by.map((field) => field.name);
  assert.equal(by.length, 16);
  assert.deepEqual(by.slice(0, 3), ['dest', 'dvc', 'file_hash']);
  assert.deepEqual(by.slice(-2), ['Contents', 'TargetFilename']);
  const last = stats.by[15];
  assert.ok(last);
  assert.equal(slice(last.range), 'TargetFilename');
  assert.equal(last.range.start.line, 3);
  assert.ok(stats.nameRange);
  assert.deepEqual(stats.nameRange.start, { offset: text.indexOf('stats'), line: 1, column: 2 });
  assert.equal(stats.range.end.offset, last.range.end.offset);
});

test('the macro stages keep their arguments and ranges', () => {
  const ctime = result.pipeline.stages[2];
  assert.ok(ctime?.kind === 'macroStage');
  assert.equal(slice(ctime.range), '`security_content_ctime(firstTime)`');
  assert.equal(ctime.macro.hasParens, true);
  assert.deepEqual(
    ctime.macro.args.map((a) => [a.name, a.value, slice(a.range)]),
    [[undefined, 'firstTime', 'firstTime']],
  );
  assert.equal(slice(ctime.macro.nameRange), 'security_content_ctime');
  const filter = result.pipeline.stages[4];
  assert.ok(filter?.kind === 'macroStage');
  assert.deepEqual(filter.macro.args, []);
  assert.equal(filter.range.end.offset, text.trimEnd().length);
});

test('the outline shows one line per stage', () => {
  const lines = outline(result, text).split('\n');
  assert.equal(lines.length, 5);
  assert.equal(
    lines[0],
    '1:0 search  expression: AND(`sysmon`, EventCode=15, TargetFilename="*\\\\Temp\\\\*", TargetFilename="*wermgr.exe:*")',
  );
  assert.match(
    lines[1] ?? '',
    /^2:2 stats {2}count, min\(_time\) as firstTime, max\(_time\) as lastTime by dest, dvc, .*, TargetFilename$/,
  );
  assert.equal(lines[2], '5:2 macro security_content_ctime(firstTime)');
});
