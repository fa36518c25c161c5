import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintSpl, macroRuleCatalog, type SeverityOverrides } from '../../server/src/core/analysis';
import { buildMacroIndex, loadMacroFiles } from '../../server/src/core/macros';

const repoRoot = resolve(import.meta.dirname, '../..');
const sample = loadMacroFiles([resolve(repoRoot, 'sample-data/macros')]);
const cycle = buildMacroIndex([
  {
    path: 'c.conf',
    text: '[loop_a]\ndefinition = `loop_b`\n[loop_b]\ndefinition = `loop_a`\n[pair(2)]\nargs = a, b\ndefinition = $a$ $b$\n',
  },
]);
for (const definition of cycle.index.all()) sample.index.add(definition);
const index = sample.index;

interface Case {
  readonly name: string;
  readonly search: string;
  readonly detectionFileName?: string;
  readonly severities?: SeverityOverrides;
  /** [code, severity, the text the range covers] for each expected diagnostic, in order. */
  readonly expected: readonly (readonly [string, string, string])[];
  readonly message?: RegExp;
}

const cases: readonly Case[] = [
  {
    name: 'an undefined macro, with did-you-mean',
    search: 'index=main | `security_content_ctim(x)`',
    expected: [['spl.macro.undefined', 'error', '`security_content_ctim(x)`']],
    message: /did you mean 'security_content_ctime'\?/,
  },
  {
    name: 'a wrong number of arguments lists the arities',
    search: '`drop_dm_object_name`',
    expected: [['spl.macro.arity', 'error', '`drop_dm_object_name`']],
    message: /takes 1 argument\(s\), not 0/,
  },
  {
    name: 'a named argument the definition does not declare',
    search: '`pair(a=1, c=2)`',
    expected: [['spl.macro.unknownArgument', 'error', '`pair(a=1, c=2)`']],
    message: /no argument named 'c'/,
  },
  {
    name: 'a recursive macro',
    search: 'x `loop_a`',
    expected: [['spl.macro.recursive', 'error', '`loop_a`']],
    message: /loop_a -> loop_b -> loop_a/,
  },
  // spl-semantics.md "Lexical": macros are not expanded inside a quoted string.
  {
    name: 'a macro inside a quoted string',
    search: 'search x="`sysmon`"',
    expected: [['spl.macro.inQuotes', 'info', '`sysmon`']],
    message: /does not expand it/,
  },
  {
    name: 'four backticks in a row',
    search: 'search a ```` b ``` c',
    expected: [['spl.macro.fourBackticks', 'warning', '````']],
  },
  // spl-semantics.md "macros.conf": every detection must call `<file name>_filter`.
  {
    name: 'the filter macro is missing',
    search: 'index=main | stats count',
    detectionFileName: 'detections/endpoint/My-Detection.v2.yml',
    expected: [['spl.detection.filterMissing', 'warning', '']],
    message: /`my_detection_v2_filter`/,
  },
  {
    name: 'the filter macro has no pipe before it',
    search: 'index=main `my_det_filter`',
    detectionFileName: 'my_det.yml',
    expected: [['spl.detection.filterNoPipe', 'warning', '`my_det_filter`']],
  },
  {
    name: 'the filter macro is not the last stage',
    search: 'index=main | `my_det_filter` | stats count',
    detectionFileName: 'my_det.yml',
    expected: [['spl.detection.filterNotLast', 'warning', '`my_det_filter`']],
  },
  {
    name: 'the filter macro last, after a pipe (defined by the convention)',
    search: 'index=main | stats count by host ```tuning goes below``` | `my_det_filter`',
    detectionFileName: 'my_det.yml',
    expected: [],
  },
  // spl-semantics.md: security_content_ctime(field) is `convert ... ctime($field$)`; stats names
  // an aggregation without `as` by its expression.
  {
    name: 'ctime on a field stats never names',
    search:
      'index=main | stats count min(_time) max(_time) as lastTime by host | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)`',
    expected: [['spl.detection.ctimeUnknownField', 'warning', 'firstTime']],
    message: /'as firstTime'/,
  },
  {
    name: 'ctime after drop_dm_object_name follows the rename',
    search:
      '| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest | `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)` | `security_content_ctime(Processes.dest)`',
    expected: [['spl.detection.ctimeUnknownField', 'warning', 'Processes.dest']],
  },
  {
    name: 'ctime on events (no transforming command yet) is not judged',
    search: 'index=main | `security_content_ctime(anything)`',
    expected: [],
  },
  {
    name: 'ctime on a field eval produced after stats',
    search:
      'index=main | stats count by host | eval firstTime=now() | `security_content_ctime(firstTime)`',
    expected: [],
  },
  {
    name: 'a configured severity replaces the default',
    search: '`nope`',
    severities: { 'spl.macro.undefined': 'hint' },
    expected: [['spl.macro.undefined', 'hint', '`nope`']],
  },
  {
    name: "'off' drops the rule",
    search: '`nope` | `security_content_ctime(a)`',
    severities: { 'spl.macro.undefined': 'off' },
    expected: [],
  },
];

for (const c of cases) {
  test(`lintSpl: ${c.name}`, () => {
    const diagnostics = lintSpl(c.search, {
      index,
      ...(c.detectionFileName ? { detectionFileName: c.detectionFileName } : {}),
      ...(c.severities ? { severities: c.severities } : {}),
    });
    assert.deepEqual(
      diagnostics.map((d) => [
        d.code,
        d.severity,
        c.search.slice(d.range.start.offset, d.range.end.offset),
      ]),
      c.expected,
    );
    if (c.message) assert.match(diagnostics[0]?.message ?? '', c.message);
  });
}

test('the wermgr detection lints clean', () => {
  const search = readFileSync(
    resolve(
      repoRoot,
      'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl',
    ),
    'utf8',
  );
  assert.deepEqual(
    lintSpl(search, {
      index,
      detectionFileName: 'windows_wermgr_alternate_data_stream_in_temp_dir.yml',
    }),
    [],
  );
});

test('every reported code is in the rule catalog with a default severity', () => {
  const codes = new Set(macroRuleCatalog.map((r) => r.code));
  for (const c of cases) for (const [code] of c.expected) assert.ok(codes.has(code), code);
  assert.equal(codes.size, macroRuleCatalog.length, 'codes are unique');
});
