import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldName, GenericCommand } from '../../server/src/core/syntax/index';
import { evalText, searchText } from '../../server/src/core/syntax/outline';
import { cleanStages, onlyCommand } from './helpers';

const names = (fields: readonly FieldName[]): string[] => fields.map((field) => field.name);

test('stats family: aggregations, eval() arguments, aliases, by-fields, options', () => {
  const stats = onlyCommand(
    '| stats count(eval(x>1)) as n, dc(user) AS users values(Processes.*) by dest, user',
    'stats',
  );
  assert.deepEqual(
    stats.aggregations.map((a) => a.function),
    ['count', 'dc', 'values'],
  );
  const first = stats.aggregations[0];
  assert.ok(first?.argument && first.argument.kind !== 'field');
  assert.equal(evalText(first.argument), '(x > 1)');
  assert.equal(first.alias?.name, 'n');
  assert.equal(
    stats.aggregations[2]?.argument?.kind === 'field' && stats.aggregations[2].argument.name,
    'Processes.*',
  );
  assert.deepEqual(names(stats.by), ['dest', 'user']);
  const perc = onlyCommand('| stats perc95(x) p99(y) as p by z', 'stats');
  assert.deepEqual(
    perc.aggregations.map((a) => a.function),
    ['perc95', 'p99'],
  );
  const event = onlyCommand('| eventstats avg(x) as avg, stdev(x) as sd by host', 'eventstats');
  assert.deepEqual(
    event.aggregations.map((a) => a.alias?.name),
    ['avg', 'sd'],
  );
  const stream = onlyCommand('| streamstats time_window=1h current=f count by user', 'streamstats');
  assert.deepEqual(
    stream.options.map((o) => o.name),
    ['time_window', 'current'],
  );
  const chart = onlyCommand('| chart count over host by user', 'chart');
  assert.equal(chart.over?.name, 'host');
  assert.deepEqual(names(chart.by), ['user']);
  const timechart = onlyCommand('| timechart span=1h count by user limit=5', 'timechart');
  assert.deepEqual(
    timechart.options.map((o) => o.name),
    ['span', 'limit'],
  );
  const alias = onlyCommand('| stats values(aceFlags) as aceFlags(inheritance)', 'stats');
  assert.equal(alias.aggregations[0]?.alias?.name, 'aceFlags(inheritance)');
});

test('tstats: macros among arguments, from datamodel, where with search semantics, by with span', () => {
  const text =
    '| tstats `security_content_summariesonly` prestats=t count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe OR Processes.process IN ("*a*") by Processes.dest _time span=1h';
  const tstats = onlyCommand(text, 'tstats');
  assert.deepEqual(
    tstats.macros.map((m) => m.name),
    ['security_content_summariesonly'],
  );
  assert.deepEqual(
    tstats.options.map((o) => o.name),
    ['prestats', 'datamodel', 'span'],
  );
  assert.ok(tstats.from?.kind === 'literal');
  assert.equal(tstats.from.value, 'Endpoint.Processes');
  assert.ok(tstats.where);
  assert.equal(
    searchText(tstats.where),
    'OR(Processes.process_name=cmd.exe, Processes.process IN("*a*"))',
  );
  assert.deepEqual(names(tstats.by), ['Processes.dest', '_time']);
  assert.deepEqual(
    tstats.aggregations.map((a) => a.function),
    ['count', 'min'],
  );
  const colon = onlyCommand(
    '| tstats summariesonly=true count FROM datamodel:Network_Traffic.All_Traffic WHERE All_Traffic.dest_port=443 BY All_Traffic.src',
    'tstats',
  );
  assert.equal(colon.from?.kind === 'literal' && colon.from.value, 'Network_Traffic.All_Traffic');
  assert.equal(colon.where && searchText(colon.where), 'All_Traffic.dest_port=443');
});

test('eval, fieldformat, where', () => {
  const evalCommand = onlyCommand(
    '| eval a=1, "b c"=a."x", \'d\'=if(a>0, "p", "n"), e{}=mvindex(x, 0)',
    'eval',
  );
  assert.deepEqual(
    evalCommand.assignments.map((a) => [a.field.name, a.field.quoted]),
    [
      ['a', false],
      ['b c', true],
      ['d', true],
      ['e{}', false],
    ],
  );
  assert.equal(
    evalText(
      evalCommand.assignments[1]?.value ?? {
        kind: 'number',
        value: 0,
        raw: '0',
        range: evalCommand.range,
      },
    ),
    '(a . "x")',
  );
  const fieldformat = onlyCommand('| fieldformat t=strftime(t, "%F")', 'fieldformat');
  assert.equal(fieldformat.assignments.length, 1);
  const where = onlyCommand('| where count > 5 AND like(user, "adm%")', 'where');
  assert.equal(
    where.expression && evalText(where.expression),
    '((count > 5) AND like(user, "adm%"))',
  );
});

test('table, fields, rename, sort, dedup', () => {
  const table = onlyCommand('| table _time, dest "my field" Processes.*', 'table');
  assert.deepEqual(names(table.fields), ['_time', 'dest', 'my field', 'Processes.*']);
  const remove = onlyCommand('| fields - _raw, a', 'fields');
  assert.deepEqual([remove.mode, names(remove.fields)], ['remove', ['_raw', 'a']]);
  const keep = onlyCommand('| fields + a predicted(x)', 'fields');
  assert.deepEqual([keep.mode, names(keep.fields)], ['keep', ['a', 'predicted(x)']]);
  const rename = onlyCommand('| rename Processes.* AS *, a as "b c"', 'rename');
  assert.deepEqual(
    rename.renames.map((r) => [r.from.name, r.to.name]),
    [
      ['Processes.*', '*'],
      ['a', 'b c'],
    ],
  );
  const sort = onlyCommand('| sort 0 -count, + user, num(port) desc', 'sort');
  assert.equal(sort.limit, 0);
  assert.deepEqual(
    sort.keys.map((k) => [k.field.name, k.descending, k.as]),
    [
      ['count', false, undefined],
      ['user', true, undefined],
      ['port', true, 'num'],
    ],
  );
  const sortLimit = onlyCommand('| sort limit=5 - count', 'sort');
  assert.deepEqual([sortLimit.limit, sortLimit.keys[0]?.descending], [5, true]);
  const dedup = onlyCommand('| dedup 2 user host keepempty=true sortby -_time', 'dedup');
  assert.deepEqual(
    [
      dedup.count,
      names(dedup.fields),
      dedup.sortBy.map((k) => [k.field.name, k.descending]),
      dedup.options.length,
    ],
    [2, ['user', 'host'], [['_time', true]], 1],
  );
});

test('head, tail, rex, convert, fillnull', () => {
  assert.equal(onlyCommand('| head 20', 'head').count, 20);
  const condition = onlyCommand('| head (x > 3) keeplast=t', 'head');
  assert.equal(condition.condition && evalText(condition.condition), '(x > 3)');
  assert.equal(condition.options[0]?.name, 'keeplast');
  assert.equal(onlyCommand('| tail 3', 'tail').count, 3);
  const rex = onlyCommand('| rex field=process "(?<exe>[^\\\\\\\\]+)$"', 'rex');
  assert.deepEqual(
    [rex.field, rex.pattern.value, rex.pattern.quoted],
    ['process', '(?<exe>[^\\\\]+)$', true],
  );
  const sed = onlyCommand('| rex mode=sed field=x "s/a/b/g"', 'rex');
  assert.equal(sed.mode, 'sed');
  const convert = onlyCommand(
    '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) AS first, dur2sec(d)',
    'convert',
  );
  assert.equal(convert.timeformat, '%Y-%m-%dT%H:%M:%S');
  assert.deepEqual(
    convert.conversions.map((c) => [c.function, c.field.name, c.alias?.name]),
    [
      ['ctime', 'firstTime', 'first'],
      ['dur2sec', 'd', undefined],
    ],
  );
  const fillnull = onlyCommand('| fillnull value=NULL a b', 'fillnull');
  assert.deepEqual([fillnull.value, names(fillnull.fields)], ['NULL', ['a', 'b']]);
  assert.equal(onlyCommand('| fillnull', 'fillnull').value, undefined);
});

test('lookup, inputlookup, outputlookup', () => {
  const lookup = onlyCommand(
    '| lookup update=true users.csv user AS src_user, host OUTPUTNEW role AS user_role, dept',
    'lookup',
  );
  assert.equal(lookup.table.value, 'users.csv');
  assert.deepEqual(
    lookup.inputs.map((m) => [m.field.name, m.alias?.name]),
    [
      ['user', 'src_user'],
      ['host', undefined],
    ],
  );
  assert.equal(lookup.outputMode, 'OUTPUTNEW');
  assert.deepEqual(
    lookup.outputs.map((m) => [m.field.name, m.alias?.name]),
    [
      ['role', 'user_role'],
      ['dept', undefined],
    ],
  );
  assert.equal(onlyCommand('| lookup t a OUTPUT b', 'lookup').outputMode, 'OUTPUT');
  const input = onlyCommand(
    '| inputlookup append=t known_hosts.csv where host=web* NOT retired=1',
    'inputlookup',
  );
  assert.deepEqual([input.table.value, input.options[0]?.name], ['known_hosts.csv', 'append']);
  assert.equal(input.where && searchText(input.where), 'AND(host=web*, NOT(retired=1))');
  assert.equal(
    onlyCommand('| outputlookup create_empty=false out.csv', 'outputlookup').table.value,
    'out.csv',
  );
});

test('makemv, mvexpand, bin/bucket, top, rare, iplocation, spath', () => {
  const makemv = onlyCommand('| makemv delim="," tokenizer="(\\w+)" users', 'makemv');
  assert.deepEqual([makemv.delim, makemv.tokenizer, makemv.field.name], [',', '(\\w+)', 'users']);
  const mvexpand = onlyCommand('| mvexpand users limit=10', 'mvexpand');
  assert.deepEqual([mvexpand.field.name, mvexpand.limit], ['users', 10]);
  const bucket = onlyCommand('| bucket _time span=1h', 'bin');
  assert.deepEqual([bucket.field.name, bucket.options[0]?.name], ['_time', 'span']);
  assert.equal(onlyCommand('| bin span=5m _time as t', 'bin').alias?.name, 't');
  const top = onlyCommand('| top limit=5 user by host', 'top');
  assert.deepEqual([top.limit, names(top.fields), names(top.by)], [5, ['user'], ['host']]);
  assert.deepEqual(names(onlyCommand('| rare 3 process_name', 'rare').fields), ['process_name']);
  assert.equal(onlyCommand('| iplocation prefix=src_ src_ip', 'iplocation').field.name, 'src_ip');
  assert.equal(onlyCommand('| spath input=json output=x a.b{}.c', 'spath').path?.value, 'a.b{}.c');
  assert.equal(onlyCommand('| spath', 'spath').path, undefined);
});

test('join, append, appendpipe, union with subsearches', () => {
  const join = onlyCommand(
    '| join type=left max=0 dest, user [search index=x | fields dest user]',
    'join',
  );
  assert.deepEqual(
    [names(join.fields), join.options.map((o) => o.name), join.subsearches.length],
    [['dest', 'user'], ['type', 'max'], 1],
  );
  assert.deepEqual(
    join.subsearches[0]?.pipeline.stages.map((s) => s.kind === 'command' && s.name),
    ['search', 'fields'],
  );
  assert.equal(
    onlyCommand('| append [| inputlookup x.csv]', 'append').subsearches[0]?.pipeline.leadingPipe,
    true,
  );
  assert.equal(
    onlyCommand('| appendpipe [stats count by user]', 'appendpipe').subsearches.length,
    1,
  );
  assert.equal(onlyCommand('| union [search a] [search b]', 'union').subsearches.length, 2);
});

test('return and format', () => {
  const ret = onlyCommand('| return 5 user src=src_ip $host', 'return');
  assert.equal(ret.count, 5);
  assert.deepEqual(
    ret.items.map((i) => [i.alias, i.field.name, i.valueOnly]),
    [
      [undefined, 'user', false],
      ['src', 'src_ip', false],
      [undefined, 'host', true],
    ],
  );
  const format = onlyCommand('| format maxresults=10 "(" "(" "AND" ")" "OR" ")"', 'format');
  assert.deepEqual([format.strings.length, format.options.length], [6, 1]);
});

test('every other command goes through the generic grammar', () => {
  const [makeresults, transaction, foreach] = cleanStages(
    '| makeresults count=3 | transaction user maxspan=5m startswith=(a=1) | foreach * [eval <<FIELD>>=if(<<FIELD>>="null", null(), <<FIELD>>)]',
  );
  const generic = [makeresults, transaction, foreach] as GenericCommand[];
  assert.deepEqual(
    generic.map((g) => [g.name, g.generic, g.known]),
    [
      ['makeresults', true, true],
      ['transaction', true, true],
      ['foreach', true, true],
    ],
  );
  assert.deepEqual(
    generic[1]?.args.map((a) => a.kind),
    ['literal', 'option', 'option'],
  );
  const subsearch = generic[2]?.args[1];
  assert.ok(subsearch?.kind === 'subsearch');
  assert.deepEqual(
    subsearch.pipeline.stages.map((s) => s.kind === 'command' && s.name),
    ['eval'],
  );
  const [xyseries] = cleanStages('| xyseries a b c by d as e | head (x>1)').map(
    (s) => s as GenericCommand,
  );
  assert.deepEqual(
    xyseries?.args.map((a) => (a.kind === 'keyword' ? a.keyword : a.kind)),
    ['literal', 'literal', 'literal', 'by', 'literal', 'as', 'literal'],
  );
  const [regex] = cleanStages('| regex process="^a|b$" _raw!="x"').map((s) => s as GenericCommand);
  assert.deepEqual(
    regex?.args.map((a) => a.kind),
    ['option', 'literal'],
  );
});

test('keywords double as field names where no keyword is expected', () => {
  assert.deepEqual(names(onlyCommand('| table from where by as over', 'table').fields), [
    'from',
    'where',
    'by',
    'as',
    'over',
  ]);
  assert.deepEqual(names(onlyCommand('| stats count by from, output', 'stats').by), [
    'from',
    'output',
  ]);
  const evalCommand = onlyCommand('| eval by=1, where=as + 1', 'eval');
  assert.deepEqual(
    evalCommand.assignments.map((a) => a.field.name),
    ['by', 'where'],
  );
  const rename = onlyCommand('| rename by as from', 'rename');
  assert.deepEqual(
    rename.renames.map((r) => [r.from.name, r.to.name]),
    [['by', 'from']],
  );
});
