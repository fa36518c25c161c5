import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMacroFiles } from '../../server/src/core/macros';
import {
  runDetectionTests,
  type DetectionTestReport,
  type TestOutcome,
} from '../../server/src/core/testing';
import {
  copyWermgr,
  detectionYaml,
  sampleEvents,
  sampleMacros,
  scratchFolder,
  wermgrSearch,
  wermgrYaml,
  writeDetection,
} from './fixtures';

const macroIndex = loadMacroFiles([sampleMacros]).index;
const folder = scratchFolder();

async function runFile(path: string): Promise<DetectionTestReport> {
  return runDetectionTests(path, readFileSync(path, 'utf8'), { macroIndex });
}

function onlyOutcome(report: DetectionTestReport): TestOutcome {
  assert.equal(report.outcomes.length, 1);
  return report.outcomes[0]!;
}

/** The text a reason's range covers in its file. */
function textAt(outcome: TestOutcome, code: string): string {
  const reason = outcome.reasons.find((r) => r.code === code);
  assert.ok(reason?.range, `no ${code} with a range in ${JSON.stringify(outcome.reasons)}`);
  return readFileSync(reason.file, 'utf8').slice(
    reason.range.start.offset,
    reason.range.end.offset,
  );
}

describe('running a detection test', () => {
  it('passes the wermgr sample: its expected results name both true positives', async () => {
    const report = await runFile(wermgrYaml);
    const outcome = onlyOutcome(report);
    assert.deepEqual(outcome.reasons, []);
    assert.equal(outcome.status, 'pass');
    assert.equal(outcome.resultCount, 2);
    assert.equal(report.name, 'Windows Wermgr Alternate Data Stream in Temp Dir');
    assert.match(report.expectationsPath ?? '', /\.expected\.yaml$/);
    // 20 events in, 3 match the first search, stats drops the one without Contents.
    assert.deepEqual(
      outcome.stages.map((s) => [s.in, s.out]),
      [
        [20, 3],
        [3, 2],
        [2, 2],
        [2, 2],
        [2, 2],
      ],
    );
  });

  it('without expected results, passes on at least one result (security_content rule)', async () => {
    const path = writeDetection(folder, 'plain_pass', detectionYaml(wermgrSearch, [sampleEvents]));
    assert.equal(onlyOutcome(await runFile(path)).status, 'pass');
  });

  it('fails with no results and names the stage that dropped the last events', async () => {
    const search = '`sysmon` EventCode=15 | stats count by NoSuchField';
    const path = writeDetection(folder, 'dropped', detectionYaml(search, [sampleEvents]));
    const outcome = onlyOutcome(await runFile(path));
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.reasons[0]?.code, 'spl.test.no-results');
    assert.match(
      outcome.reasons.find((r) => r.code === 'spl.test.dropped-here')!.message,
      /^Stage 2 \(stats\) received 7 rows and kept none/,
    );
    assert.equal(textAt(outcome, 'spl.test.dropped-here'), 'stats count by NoSuchField');
    // The evaluator's reason: `stats ... by` drops events whose by-field is null
    // (../shared/reference/spl-semantics.md, "Transforming and other commands").
    assert.equal(textAt(outcome, 'spl.engine.by-field-missing'), 'NoSuchField');
  });

  it('fails on a command the evaluator does not support, at its place in the YAML', async () => {
    const search = '`sysmon` EventCode=15 | contingency host';
    const path = writeDetection(folder, 'unsupported', detectionYaml(search, [sampleEvents]));
    const outcome = onlyOutcome(await runFile(path));
    assert.equal(outcome.status, 'fail');
    assert.equal(textAt(outcome, 'spl.engine.unsupported-command'), 'contingency');
  });

  it('skips a test whose dataset is not available locally, pointing at its data value', async () => {
    const url =
      'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T9999/none.log';
    const path = writeDetection(folder, 'missing', detectionYaml(wermgrSearch, [url]));
    const noRoot = onlyOutcome(await runFile(path));
    assert.equal(noRoot.status, 'skip');
    assert.equal(textAt(noRoot, 'spl.test.dataset-no-root'), url);
    const withRoot = onlyOutcome(
      await runDetectionTests(path, readFileSync(path, 'utf8'), {
        macroIndex,
        datasetRoot: folder,
      }),
    );
    assert.equal(withRoot.status, 'skip');
    assert.match(
      withRoot.reasons[0]!.message,
      new RegExp(
        `${join(folder, 'datasets/attack_techniques/T9999/none.log').replaceAll('\\', '\\\\')} does not exist`,
      ),
    );
  });

  it('fails a test without attack_data, and reports an unreadable tests list', async () => {
    const path = writeDetection(
      folder,
      'no_data',
      `name: No Data\nsearch: '| makeresults'\ntests:\n  - name: Empty\n    attack_data: []\n`,
    );
    const outcome = onlyOutcome(await runFile(path));
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.reasons[0]?.code, 'spl.test.no-datasets');
  });

  it('skips a cancelled run instead of failing it', async () => {
    const path = writeDetection(folder, 'cancelled', detectionYaml(wermgrSearch, [sampleEvents]));
    const controller = new AbortController();
    controller.abort();
    const outcome = onlyOutcome(
      await runDetectionTests(path, readFileSync(path, 'utf8'), {
        macroIndex,
        signal: controller.signal,
      }),
    );
    assert.equal(outcome.status, 'skip');
    assert.equal(outcome.reasons[0]?.code, 'spl.test.cancelled');
  });
});

describe('expected results', () => {
  it('report each difference at its place in the expected file', async () => {
    const expected = [
      'count: {min: 3}',
      'rows:',
      '  - dest: FIN-WKS-07*',
      '    process_name: planet.exe',
      "    process_id: '6240'",
      'every:',
      '  process_name: rp.exe',
      'none:',
      '  - dest: ENG-WKS-12*',
      '',
    ].join('\n');
    const path = copyWermgr(scratchFolder(), expected);
    const outcome = onlyOutcome(await runFile(path));
    assert.equal(outcome.status, 'fail');
    const byCode = new Map(outcome.reasons.map((r) => [r.code, r]));
    assert.deepEqual([...byCode.keys()].sort(), [
      'spl.test.count',
      'spl.test.every',
      'spl.test.none',
      'spl.test.row-missing',
    ]);
    assert.match(byCode.get('spl.test.count')!.message, /returned 2 results; .* want at least 3/);
    assert.equal(textAt(outcome, 'spl.test.count'), '{min: 3}');
    assert.match(
      byCode.get('spl.test.row-missing')!.message,
      /Closest is result row 2: process_name is 'rp\.exe', expected 'planet\.exe'/,
    );
    assert.equal(byCode.get('spl.test.row-missing')!.range!.start.line, 2);
    assert.match(byCode.get('spl.test.every')!.message, /^Result row 1 does not meet/);
    assert.match(byCode.get('spl.test.none')!.message, /^Result row 1 matches this row/);
  });

  it('need one result row per expected row', async () => {
    const expected =
      'rows:\n  - file_name: wermgr.exe\n  - file_name: wermgr.exe\n  - file_name: wermgr.exe\n';
    const outcome = onlyOutcome(await runFile(copyWermgr(scratchFolder(), expected)));
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.reasons[0]!.message, /already match other expected rows/);
  });

  it('a broken expected file fails the test with the problem at its place', async () => {
    const path = copyWermgr(scratchFolder(), 'cout: 2\n');
    const outcome = onlyOutcome(await runFile(path));
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.reasons[0]!.message, /Unknown key 'cout'; did you mean 'count'\?/);
    assert.equal(textAt(outcome, 'spl.test.expected-shape'), 'cout');
  });

  it('count: 0 lets a test require that the search returns nothing', async () => {
    const search = '`sysmon` EventCode=99';
    const folderWithExpected = scratchFolder();
    const path = writeDetection(
      folderWithExpected,
      'quiet',
      detectionYaml(search, [sampleEvents]),
      'count: 0\n',
    );
    assert.equal(onlyOutcome(await runFile(path)).status, 'pass');
  });
});
