import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  findDatasetRoot,
  locateDataset,
  readDetectionTestOutline,
  readDetectionTests,
  readExpectations,
  toJunitXml,
  type DetectionTestReport,
} from '../../server/src/core/testing';
import { globMatches } from '../../server/src/core/testing/glob';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { globSync } from 'tinyglobby';
import { repoRoot, scratchFolder } from './fixtures';

const sharedAttackData = resolve(repoRoot, '../shared/data/attack_data');
const datasetPath = 'attack_techniques/T1202/atomic_red_team/windows-sysmon.log';

describe('dataset locations', () => {
  it('maps attack_data URLs (media and raw hosts) under <root>/datasets', () => {
    for (const host of [
      'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/',
      'https://raw.githubusercontent.com/splunk/attack_data/master/datasets/',
    ]) {
      assert.deepEqual(locateDataset(`${host}${datasetPath}`, '/anywhere', sharedAttackData), {
        kind: 'found',
        path: join(sharedAttackData, 'datasets', datasetPath),
      });
    }
    assert.deepEqual(
      locateDataset(
        `https://raw.githubusercontent.com/splunk/attack_data/master/datasets/${datasetPath}`,
        '/x',
        undefined,
      ),
      {
        kind: 'no-root',
        relative: datasetPath,
      },
    );
  });

  it('resolves relative paths against the detection folder; other URLs are not mapped', () => {
    const folder = join(repoRoot, 'sample-data/detections');
    assert.deepEqual(locateDataset('../events/wermgr_ads_sysmon.log', folder, undefined), {
      kind: 'found',
      path: join(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log'),
    });
    assert.equal(locateDataset('../events/none.log', folder, undefined).kind, 'missing');
    assert.equal(
      locateDataset('https://example.com/x.log', folder, sharedAttackData).kind,
      'unmapped',
    );
  });

  it('finds the nearest attack_data/ clone beside a folder at or above the detection', () => {
    const top = scratchFolder();
    mkdirSync(join(top, 'attack_data/datasets'), { recursive: true });
    mkdirSync(join(top, 'security_content/detections/endpoint'), { recursive: true });
    assert.equal(
      findDatasetRoot(join(top, 'security_content/detections/endpoint')),
      join(top, 'attack_data'),
    );
  });
});

describe('reading tests with their places', () => {
  it('gives the range of every test and data value; a data-less entry is a problem', () => {
    const text = [
      "search: '| makeresults'",
      'tests:',
      '  - name: First',
      '    attack_data:',
      '      - data: a.log',
      '        sourcetype: st',
      '      - source: only',
      '  - attack_data: []',
      '',
    ].join('\n');
    const file = readDetectionTests(text);
    const slice = (r: { start: { offset: number }; end: { offset: number } }) =>
      text.slice(r.start.offset, r.end.offset);
    assert.deepEqual(
      file.tests.map((t) => t.name),
      ['First', 'test 2'],
    );
    const data = file.tests[0]!.datasets;
    assert.equal(data.length, 1);
    assert.equal(slice(data[0]!.range), 'a.log');
    assert.equal(data[0]!.sourcetype, 'st');
    assert.equal(file.diagnostics[0]?.code, 'spl.test.no-data');
    assert.equal(slice(file.diagnostics[0]!.range), 'source: only\n');
  });
});

describe('the outline of tests (name and tests alone, for listing)', () => {
  const sameAsFullRead = (text: string, what: string) => {
    const full = readDetectionTests(text);
    assert.deepEqual(readDetectionTestOutline(text), { name: full.name, tests: full.tests }, what);
  };

  it('keeps the offsets of tests written after the search, with sequences at column 0', () => {
    const text = [
      '# a comment',
      "search: '| makeresults'",
      'tests:',
      '- name: "First: quoted"',
      '  attack_data:',
      '  - data: a.log',
      '# between',
      '- name: Second',
      '  attack_data:',
      '  - data: b.log',
      'name: Named Last',
      'tags:',
      '  tests: not these',
      '',
    ].join('\n');
    sameAsFullRead(text, 'inline sample');
    assert.deepEqual(
      readDetectionTestOutline(text).tests.map((t) => t.name),
      ['First: quoted', 'Second'],
    );
  });

  it('agrees with the full read on a sample of the corpus', () => {
    const detections = globSync('**/*.yml', {
      cwd: resolve(repoRoot, '../shared/corpus/security_content/detections'),
      absolute: true,
    }).sort();
    assert.ok(detections.length > 1_000);
    for (const path of detections.filter((_, index) => index % 25 === 0)) {
      sameAsFullRead(readFileSync(path, 'utf8'), path);
    }
  });
});

describe('the expected-results format', () => {
  it('reads counts, patterns, nulls and multivalues', () => {
    const read = readExpectations(
      'x.expected.yml',
      "count: {max: 4}\nrows:\n  - a: '1*'\n    b: null\n    c: [x, y]\n    d: 015\n",
    );
    assert.deepEqual(read.diagnostics, []);
    const expectations = read.expectations!;
    assert.equal(expectations.count?.min, 0);
    assert.equal(expectations.count?.max, 4);
    assert.deepEqual(Object.fromEntries(expectations.rows[0]!.fields), {
      a: { kind: 'glob', text: '1*' },
      b: { kind: 'absent' },
      c: { kind: 'list', items: ['x', 'y'] },
      d: { kind: 'glob', text: '015' },
    });
  });

  it('reports a bad count and a row that is not a mapping at their places', () => {
    const text = 'count: {min: 3, max: 1}\nrows:\n  - just text\n';
    const read = readExpectations('x.expected.yml', text);
    assert.equal(read.expectations, undefined);
    assert.deepEqual(
      read.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['spl.test.expected-shape', 0],
        ['spl.test.expected-shape', 2],
      ],
    );
  });
});

describe('globs', () => {
  it('match * against any run and everything else literally, case-sensitively', () => {
    assert.ok(globMatches('C:\\*\\wermgr.exe', 'C:\\Temp\\x\\wermgr.exe'));
    assert.ok(globMatches('*', ''));
    assert.ok(!globMatches('a*b', 'a-c'));
    assert.ok(!globMatches('Abc', 'abc'));
    assert.ok(globMatches('a.c', 'a.c') && !globMatches('a.c', 'abc'));
  });

  it('agree with an anchored regular expression on random inputs', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab*]{0,8}$/),
        fc.stringMatching(/^[ab]{0,10}$/),
        (pattern, text) => {
          const regex = new RegExp(`^${pattern.replaceAll('*', '.*')}$`);
          assert.equal(globMatches(pattern, text), regex.test(text));
        },
      ),
    );
  });

  it('stay fast on a pattern that makes a regex backtrack', () => {
    const started = process.hrtime.bigint();
    assert.ok(!globMatches('*0*0*0*0*0*0*1', '0'.repeat(4096)));
    // A generous bound: the two-pointer walk takes milliseconds; a backtracking regex, hours.
    assert.ok(process.hrtime.bigint() - started < 5_000_000_000n);
  });
});

describe('JUnit XML', () => {
  it('is well formed whatever the names and messages hold, with counts per suite', () => {
    const range = new LineIndex('x\ny\n').range(2, 3);
    const report: DetectionTestReport = {
      path: '/d/a&b.yml',
      name: 'Detect <"quoted"> &\u0001 \'more\'',
      outcomes: [
        { name: 'ok', range, status: 'pass', reasons: [], resultCount: 1, stages: [], ms: 5 },
        {
          name: 'bad ]]> test',
          range,
          status: 'fail',
          reasons: [
            {
              code: 'spl.test.no-results',
              message: 'no <rows> & "none"',
              file: '/d/a&b.yml',
              range,
            },
          ],
          resultCount: 0,
          stages: [],
          ms: 1500,
        },
        {
          name: 'later',
          range,
          status: 'skip',
          reasons: [{ code: 'spl.test.dataset-missing', message: 'gone', file: '/d/a&b.yml' }],
          resultCount: 0,
          stages: [],
          ms: 0,
        },
      ],
    };
    const xml = toJunitXml([report], (p) => p);
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    assert.equal(suite.name, 'Detect <"quoted"> & \'more\'');
    assert.deepEqual(
      [suite.tests, suite.failures, suite.skipped, suite.time],
      ['3', '1', '1', '1.505'],
    );
    const [pass, fail, skip] = suite.testcase;
    assert.equal(pass.failure, undefined);
    assert.equal(fail.line, '2');
    assert.equal(fail.failure.type, 'spl.test.no-results');
    assert.equal(fail.failure['#text'], '/d/a&b.yml:2:1 spl.test.no-results no <rows> & "none"');
    assert.equal(skip.skipped.message, 'gone');
  });
});
