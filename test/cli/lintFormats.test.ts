import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { copyMacros, scratch, spl } from './helpers';

/**
 * The SARIF 2.1.0 schema as published with the standard (rtm.5), shipped by the
 * @microsoft/jest-sarif package. It is draft-04 and has a pattern JavaScript's `u` flag rejects,
 * so ajv runs without schema validation and without the `u` flag.
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // Its draft-04 `$schema` and `id` are what ajv 8 cannot take; the rest is plain JSON Schema.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: true,
    unicodeRegExp: false,
  });
  return ajv.compile(schema);
}

describe('spl lint --format json and sarif', () => {
  let repo: { dir: string; remove: () => void };
  before(() => {
    repo = scratch();
    mkdirSync(join(repo.dir, '.git'));
    copyMacros(repo.dir);
    mkdirSync(join(repo.dir, 'content/detections'), { recursive: true });
    writeFileSync(
      join(repo.dir, 'content/detections/bad_one.yml'),
      "name: Bad one\nsearch: '`sysmon` EventCode=1\n  | `sysmonn` | stats count'\n",
    );
  });
  after(() => repo.remove());

  it('json: totals, and each problem with 1-based start and end in the file', () => {
    const run = spl(['lint', '--format', 'json', 'detections'], { cwd: join(repo.dir, 'content') });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      summary: Record<string, number>;
      files: { file: string; kind: string; diagnostics: Record<string, unknown>[] }[];
    };
    assert.deepEqual(report.summary, {
      checked: 1,
      skipped: 0,
      error: 1,
      warning: 1,
      info: 0,
      hint: 0,
    });
    const file = report.files[0];
    assert.equal(file?.file, 'detections/bad_one.yml');
    assert.equal(file?.kind, 'detection');
    const undefinedMacro = file?.diagnostics.find((d) => d.code === 'spl.macro.undefined');
    assert.deepEqual(undefinedMacro?.start, { line: 3, column: 5 });
    assert.deepEqual(undefinedMacro?.end, { line: 3, column: 14 });
  });

  it('sarif: valid SARIF 2.1.0 with the rule catalog and URIs relative to the repository root', () => {
    const run = spl(['lint', '--format', 'sarif', 'detections'], {
      cwd: join(repo.dir, 'content'),
    });
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }[];
        }[];
      }[];
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const [sarifRun] = log.runs;
    const rules = sarifRun?.tool.driver.rules ?? [];
    assert.ok(
      rules.some((r) => r.id === 'spl.detection.ctimeUnknownField' && r.help.text.length > 20),
    );
    const result = sarifRun?.results.find((r) => r.ruleId === 'spl.macro.undefined');
    assert.equal(result?.level, 'error');
    assert.equal(rules[result?.ruleIndex ?? -1]?.id, 'spl.macro.undefined');
    const location = result?.locations[0]?.physicalLocation;
    assert.equal(location?.artifactLocation.uri, 'content/detections/bad_one.yml');
    assert.deepEqual(location?.region, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 14 });
  });
});

describe('spl lint: the config file', () => {
  let repo: { dir: string; remove: () => void };
  const config = (text: string) => writeFileSync(join(repo.dir, '.spl-toolkit.yml'), text);
  before(() => {
    repo = scratch();
    copyMacros(repo.dir);
    mkdirSync(join(repo.dir, 'searches/old'), { recursive: true });
    writeFileSync(join(repo.dir, 'searches/a.spl'), '`sysmon` | `nosuch`\n');
    writeFileSync(join(repo.dir, 'searches/old/b.spl'), '`sysmon` | `nosuch`\n');
  });
  after(() => repo.remove());

  it('is found walking up from the current folder; rules change severities or turn them off', () => {
    config('rules:\n  spl.macro.undefined: warning\n');
    const lowered = spl(['lint', '.'], { cwd: join(repo.dir, 'searches') });
    assert.equal(lowered.status, 0, lowered.stdout);
    assert.match(lowered.stdout, /^a\.spl:1:12 warning spl\.macro\.undefined /m);
    config('rules:\n  spl.macro.undefined: "off"\n');
    assert.match(
      spl(['lint', 'searches'], { cwd: repo.dir }).stdout,
      /^No problems \(2 files checked\)/,
    );
  });

  it('ignore skips files and folders; macroPaths replaces the nearest macros/ folder', () => {
    config('ignore:\n  - searches/old\nmacroPaths:\n  - elsewhere\n');
    mkdirSync(join(repo.dir, 'elsewhere'), { recursive: true });
    writeFileSync(join(repo.dir, 'elsewhere/macros.conf'), '[nosuch]\ndefinition = index=x\n');
    const run = spl(['lint'], { cwd: repo.dir });
    // `sysmon` is now the undefined one: only elsewhere/macros.conf is loaded.
    assert.match(run.stdout, /^searches\/a\.spl:1:1 error spl\.macro\.undefined Macro 'sysmon'/m);
    assert.doesNotMatch(run.stdout, /old\/b\.spl/);
  });

  it('exits 2 on a bad config, naming the file, line and column', () => {
    const cases: [string, RegExp][] = [
      [
        'rules:\n  spl.macro.undefined: loud\n',
        /\.spl-toolkit\.yml:2:24 the severity of 'spl\.macro\.undefined' must be one of error, warning, info, hint, off, not 'loud'/,
      ],
      [
        'rules:\n  spl.macro.undefinde: error\n',
        /\.spl-toolkit\.yml:2:3 unknown rule code 'spl\.macro\.undefinde'; did you mean 'spl\.macro\.undefined'\?/,
      ],
      ['rule:\n  x: error\n', /\.spl-toolkit\.yml:1:1 unknown key 'rule'; did you mean 'rules'\?/],
      ['ignore: searches\n', /\.spl-toolkit\.yml:1:9 `ignore` must be a list of strings/],
      ['macroPaths: [nowhere]\n', /macroPaths: 'nowhere' does not exist/],
      ['rules: [\n', /invalid YAML/],
    ];
    for (const [text, message] of cases) {
      config(text);
      const run = spl(['lint'], { cwd: join(repo.dir, 'searches') });
      assert.equal(run.status, 2, text);
      assert.match(run.stderr, message, text);
    }
  });
});
