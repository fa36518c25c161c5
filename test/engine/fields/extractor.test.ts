import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { loadFieldConfig } from '../../../server/src/core/engine/fields';
import { event, fakeCompileEval, loadConf } from './helpers';

function applied(files: Record<string, string>, fields: Record<string, string>) {
  const { extractor, diagnostics } = loadConf(files);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity !== 'info'),
    [],
  );
  const row = event(fields);
  extractor.apply(row);
  return row;
}

describe('REPORT- and EXTRACT-', () => {
  it('extracts $1::$2 pairs from every match; a repeated key keeps its first value unless MV_ADD', () => {
    // transforms.conf MV_ADD: without it a field found again keeps its first value.
    const transforms =
      '[kv]\nREGEX = (\\w+)=(\\w*)\nFORMAT = $1::$2\n[kv_mv]\nREGEX = (\\w+)=(\\w+)\nFORMAT = $1::$2\nMV_ADD = true\n';
    const raw = 'a=1 b=2 a=3 empty= c=4';
    const first = applied(
      { 'transforms.conf': transforms, 'props.conf': '[st]\nREPORT-x = kv\n' },
      { _raw: raw },
    );
    assert.deepEqual(
      [first.get('a'), first.get('b'), first.get('c'), first.has('empty')],
      ['1', '2', '4', false],
    );
    const mv = applied(
      { 'transforms.conf': transforms, 'props.conf': '[st]\nREPORT-x = kv_mv\n' },
      { _raw: raw },
    );
    assert.deepEqual(mv.get('a'), ['1', '3']);
  });

  it('names fields by named groups, _KEY_n/_VAL_n pairs, and FORMAT with fixed names', () => {
    const transforms = [
      '[named]',
      'REGEX = user=(?<user>\\w+)',
      '[pcre_named]',
      'REGEX = (?P<action>login|logout)',
      '[keyval]',
      'REGEX = (?<_KEY_1>[a-z-]+):(?<_VAL_1>\\d+)',
      '[fixed]',
      'REGEX = port (\\d+) to (\\d+)',
      'FORMAT = src_port::$1 dest_port::$2',
      '[from_field]',
      'SOURCE_KEY = user',
      'REGEX = ^(\\w)',
      'FORMAT = initial::$1',
    ].join('\n');
    const props = '[st]\nREPORT-a = named, pcre_named, keyval, fixed\nREPORT-b = from_field\n';
    const row = applied(
      { 'transforms.conf': transforms, 'props.conf': props },
      { _raw: 'user=ann login retry-count:3 port 4 to 80' },
    );
    assert.deepEqual(
      ['user', 'action', 'retry_count', 'src_port', 'dest_port', 'initial'].map((f) => row.get(f)),
      ['ann', 'login', '3', '4', '80', 'a'],
    );
  });

  it('runs EXTRACT inline regexes, optionally in another field', () => {
    const props =
      '[st]\nEXTRACT-code = code=(?<code>\\d+)\nEXTRACT-ext = \\.(?<ext>\\w+)$ in file\n';
    const row = applied({ 'props.conf': props }, { _raw: 'code=42 code=43', file: 'report.pdf' });
    assert.deepEqual([row.get('code'), row.get('ext')], ['42', 'pdf']);
  });

  it('runs extractions in ASCII order of their setting names', () => {
    // sysmon-fields.md "Order at search time": regex extractions in ASCII order of class names.
    const transforms =
      '[first]\nREGEX = (\\d+)\nFORMAT = n::first-$1\n[second]\nREGEX = (\\d+)\nFORMAT = n::second-$1\n';
    const props = '[st]\nREPORT-b = first\nREPORT-a = second\n';
    assert.equal(
      applied({ 'transforms.conf': transforms, 'props.conf': props }, { _raw: '7' }).get('n'),
      'second-7',
    );
  });
});

describe('FIELDALIAS-, EVAL- and LOOKUP-', () => {
  it('aliases with AS (overwrites) and ASNEW (only fills a missing field)', () => {
    const props =
      '[st]\nFIELDALIAS-a = src AS dest_a other AS dest_b\nFIELDALIAS-b = src ASNEW kept missing AS gone\n';
    const row = applied(
      { 'props.conf': props },
      { src: 's', other: 'o', dest_b: 'old', kept: 'k', gone: 'g' },
    );
    // unverified: Splunk's spec says AS clears the alias when the original field is null; we follow it.
    assert.deepEqual(
      ['dest_a', 'dest_b', 'kept', 'gone'].map((f) => row.get(f)),
      ['s', 'o', 'k', undefined],
    );
  });

  it('computes every EVAL from the fields as they were before any EVAL ran', () => {
    // sysmon-fields.md "Order at search time": all EVALs of a stanza see the pre-EVAL fields.
    const props =
      '[st]\nEVAL-a = field(b)\nEVAL-b = "new b"\nEVAL-c = field(a)\nEVAL-gone = field(missing)\n';
    const row = applied({ 'props.conf': props }, { a: 'old a', b: 'old b', gone: 'x' });
    assert.deepEqual(
      ['a', 'b', 'c', 'gone'].map((f) => row.get(f)),
      ['old b', 'new b', 'old a', undefined],
    );
  });

  it('runs FIELDALIAS after extractions, EVAL after FIELDALIAS and LOOKUP last', () => {
    const files = {
      'transforms.conf':
        '[code]\nREGEX = code=(\\d+)\nFORMAT = code::$1\n[names]\nfilename = names.csv\n',
      'names.csv': 'id,name\n7,seven\n',
      'props.conf':
        '[st]\nREPORT-code = code\nFIELDALIAS-id = code AS id\nEVAL-id2 = field(id)\nLOOKUP-n = names id AS id2 OUTPUT name\n',
    };
    assert.equal(applied(files, { _raw: 'code=7' }).get('name'), 'seven');
  });

  it('looks values up with OUTPUT (overwrite) and OUTPUTNEW (only missing fields)', () => {
    const files = {
      'transforms.conf':
        '[users]\nfilename = users.csv\n[users_ci]\nfilename = users.csv\ncase_sensitive_match = false\n',
      'users.csv': 'uid,name,team\n1,ann,red\n2,bob,\n2,bea,blue\n',
    };
    const out = applied(
      { ...files, 'props.conf': '[st]\nLOOKUP-u = users uid OUTPUT name AS who team\n' },
      { uid: '2', team: 'x' },
    );
    // transforms.conf max_matches: several matching rows give a multivalue field.
    assert.deepEqual([out.get('who'), out.get('team')], [['bob', 'bea'], 'blue']);
    const onlyNew = applied(
      { ...files, 'props.conf': '[st]\nLOOKUP-u = users uid OUTPUTNEW name team\n' },
      { uid: '1', team: 'x' },
    );
    assert.deepEqual([onlyNew.get('name'), onlyNew.get('team')], ['ann', 'x']);
    const all = applied({ ...files, 'props.conf': '[st]\nLOOKUP-u = users uid\n' }, { uid: '1' });
    assert.deepEqual([all.get('name'), all.get('team')], ['ann', 'red']);
    const caseless = applied(
      { ...files, 'props.conf': '[st]\nLOOKUP-u = users_ci name OUTPUT uid\n' },
      { name: 'ANN' },
    );
    assert.equal(caseless.get('uid'), '1');
  });
});

describe('stanza precedence', () => {
  const transforms = ['st', 'src', 'host', 'wild', 'other']
    .map((n) => `[${n}]\nREGEX = (.)\nFORMAT = by::${n}\n`)
    .join('');
  function winner(props: string, fields: Record<string, string> = {}) {
    return applied(
      { 'transforms.conf': transforms, 'props.conf': props },
      { _raw: 'x', ...fields },
    ).get('by');
  }

  it('lets [source::] beat [host::] beat [sourcetype] for the same setting', () => {
    // sysmon-fields.md: a [source::...] stanza beats a [sourcetype] stanza for the same class name.
    const props =
      '[st]\nREPORT-x = st\n[host::h1]\nREPORT-x = host\n[source::/var/log/app.log]\nREPORT-x = src\n';
    assert.equal(winner(props), 'src');
    assert.equal(winner('[st]\nREPORT-x = st\n[host::h*]\nREPORT-x = host\n'), 'host');
  });

  it('applies [default] and settings before any stanza to every event, below all others', () => {
    assert.equal(winner('REPORT-x = other\n[st]\nREPORT-y = st\n'), 'other');
    assert.equal(winner('[default]\nREPORT-x = other\n[st]\nREPORT-x = st\n'), 'st');
  });

  it('merges different settings of all matching stanzas', () => {
    const props = '[st]\nREPORT-a = st\nEVAL-e = "from st"\n[source::...]\nREPORT-b = src\n';
    const row = applied({ 'transforms.conf': transforms, 'props.conf': props }, { _raw: 'x' });
    assert.deepEqual([row.get('by'), row.get('e')], ['st', 'from st']);
  });

  it('matches ... across path separators and * within one path segment', () => {
    assert.equal(winner('[source::/var/.../*.log]\nREPORT-x = wild\n'), 'wild');
    assert.equal(winner('[source::/var/*.log]\nREPORT-x = wild\n'), undefined);
    assert.equal(winner('[source::(?i)/VAR/LOG/APP.LOG]\nREPORT-x = wild\n'), 'wild');
  });

  it('prefers a literal source over a pattern, then higher priority, then ASCII order', () => {
    assert.equal(
      winner(
        '[source::/var/log/...]\nREPORT-x = wild\n[source::/var/log/app.log]\nREPORT-x = src\n',
      ),
      'src',
    );
    assert.equal(
      winner(
        '[source::/var/...]\nREPORT-x = wild\n[source::/var/log/...]\nREPORT-x = other\npriority = 10\n',
      ),
      'other',
    );
    assert.equal(
      winner('[source::/var/...]\nREPORT-x = wild\n[source::/var/log/...]\nREPORT-x = other\n'),
      'wild',
    );
  });

  it('lets a later file override a setting of an earlier one', () => {
    const { extractor } = loadConf({
      'transforms.conf': transforms,
      'a_props.conf': '[st]\nREPORT-x = st\n',
      'b_props.conf': '[st]\nREPORT-x = other\n',
    });
    const row = event({ _raw: 'x' });
    extractor.apply(row);
    assert.equal(row.get('by'), 'other');
  });
});

describe('configuration problems', () => {
  it('reports each with its file and range, and the rest still works', () => {
    const { extractor, diagnostics, dir } = loadConf({
      'transforms.conf':
        '[bad]\nREGEX = (unclosed\n[good]\nREGEX = (\\d)\nFORMAT = n::$1\n[lookup]\nfilename = absent.csv\n',
      'props.conf':
        '[st]\nREPORT-a = god\nREPORT-b = good\nEVAL-x = nonsense\nFIELDALIAS-y = a TO b\nLOOKUP-z = lookup k\n',
    });
    const summary = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => [d.file.slice(dir.length + 1), d.code, d.range.start.line, d.range.start.column]);
    assert.deepEqual(summary, [
      ['transforms.conf', 'conf-regex', 1, 8],
      ['transforms.conf', 'conf-lookup', 6, 11],
      ['props.conf', 'conf-unknown-transform', 1, 11],
      ['props.conf', 'conf-eval', 3, 9],
      ['props.conf', 'conf-alias', 4, 15],
      ['props.conf', 'conf-lookup', 5, 11],
    ]);
    assert.match(
      diagnostics.find((d) => d.code === 'conf-unknown-transform')!.message,
      /did you mean good\?/,
    );
    const row = event({ _raw: '5' });
    extractor.apply(row);
    assert.equal(row.get('n'), '5');
  });

  it('refuses a regex that can backtrack exponentially', () => {
    const { diagnostics } = loadConf({ 'props.conf': '[st]\nEXTRACT-slow = (?<x>(a+)+)b\n' });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['conf-regex', 1]],
    );
    assert.match(diagnostics[0]!.message, /exponential/);
  });

  it('reports a missing file and a file of the wrong kind', () => {
    const { diagnostics, dir } = loadConf({ 'fields.conf': '[x]\n' });
    assert.match(diagnostics[0]!.message, /must end in props.conf or transforms.conf/);
    const missing = join(dir, 'local', 'props.conf');
    const loaded = loadFieldConfig({
      builtin: false,
      files: [missing],
      compileEval: fakeCompileEval,
    });
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.file, d.code]),
      [[missing, 'conf-file']],
    );
  });
});

describe('computedFields', () => {
  // The literal pre-filter may only use a field's value when that text stands in _raw; EVAL-,
  // FIELDALIAS- and LOOKUP- outputs are computed (sysmon-fields.md "Order at search time").
  it('names EVAL, FIELDALIAS and LOOKUP fields, not regex extractions', () => {
    const { extractor, diagnostics } = loadConf({
      'props.conf': [
        '[st]',
        'EXTRACT-user = user=(?<user>\\w+)',
        'EVAL-shout = "HEY"',
        'FIELDALIAS-a = user AS account',
        'LOOKUP-l = codes code OUTPUT label',
      ].join('\n'),
      'transforms.conf': '[codes]\nfilename = codes.csv\n',
      'codes.csv': 'code,label\n1,one\n',
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...extractor.computedFields()].sort(), [
      'account',
      'code',
      'label',
      'shout',
      'user',
    ]);
  });
});
