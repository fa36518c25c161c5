import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDetectionYaml } from '../../server/src/core/syntax/documents';
import { copyMacros, CORPUS, scratch, spl } from './helpers';

const UNFORMATTED = '`sysmon`   EventCode=1|stats count by host   | sort - count\n';

describe('spl lint --fix and spl fmt on temporary copies', () => {
  let repo: { dir: string; remove: () => void };
  before(() => {
    repo = scratch();
    copyMacros(repo.dir);
    mkdirSync(join(repo.dir, 'detections'));
  });
  after(() => repo.remove());

  it('--fix adds the missing filter macro to a real detection and reports it', () => {
    // A corpus detection (single-quoted search) with its `_filter` call taken out.
    const name = 'windows_rasautou_dll_execution.yml';
    const original = readFileSync(join(CORPUS, 'detections/endpoint', name), 'utf8');
    const filter = ' | `windows_rasautou_dll_execution_filter`';
    assert.ok(original.includes(filter), 'the corpus detection ends with its filter');
    const file = join(repo.dir, 'detections', name);
    writeFileSync(file, original.replace(filter, ''));
    const before = spl(['lint', 'detections'], { cwd: repo.dir });
    assert.match(before.stdout, /warning spl\.detection\.filterMissing/);
    const fixed = spl(['lint', '--fix', 'detections'], { cwd: repo.dir });
    assert.match(
      fixed.stdout,
      /^detections\/windows_rasautou_dll_execution\.yml: fixed: added '\| `windows_rasautou_dll_execution_filter`' at the end of the search$/m,
    );
    assert.doesNotMatch(fixed.stdout, /filterMissing/);
    assert.equal(readFileSync(file, 'utf8'), original, 'the fix restores the file byte for byte');
  });

  it('--fix leaves a detection alone when the edit would not read back as intended', () => {
    const file = join(repo.dir, 'detections/escaped_quote.yml');
    // The search ends in an escaped quote inside single quotes: appending after the mapped last
    // character would split the '' pair, so the fix must refuse.
    const text = "name: x\nsearch: 'index=a user=''bob'''\n";
    writeFileSync(file, text);
    spl(['lint', '--fix', 'detections/escaped_quote.yml'], { cwd: repo.dir });
    const after = readFileSync(file, 'utf8');
    const search = readDetectionYaml(after).search?.text;
    assert.ok(after === text || search === "index=a user='bob' | `escaped_quote_filter`", after);
  });

  it('fmt --check lists files that would change and exits 1; fmt rewrites them; --fix formats too', () => {
    const file = join(repo.dir, 'a.spl');
    writeFileSync(file, UNFORMATTED);
    const check = spl(['fmt', '--check', 'a.spl'], { cwd: repo.dir });
    assert.equal(check.status, 1);
    assert.match(check.stdout, /^would reformat a\.spl$/m);
    assert.equal(readFileSync(file, 'utf8'), UNFORMATTED, '--check changes nothing');
    const format = spl(['fmt', 'a.spl'], { cwd: repo.dir });
    assert.equal(format.status, 0, format.stderr);
    const formatted = readFileSync(file, 'utf8');
    assert.equal(formatted, '`sysmon` EventCode=1\n| stats count by host\n| sort - count\n');
    assert.equal(spl(['fmt', '--check', 'a.spl'], { cwd: repo.dir }).status, 0);
    writeFileSync(file, UNFORMATTED);
    const fix = spl(['lint', '--fix', 'a.spl'], { cwd: repo.dir });
    assert.match(fix.stdout, /^a\.spl: fixed: formatted/m);
    assert.equal(readFileSync(file, 'utf8'), formatted);
  });

  it('fmt leaves a search with a syntax error as written and says why', () => {
    const file = join(repo.dir, 'b.spl');
    writeFileSync(file, 'index=a | eval x=(1\n');
    const run = spl(['fmt', 'b.spl'], { cwd: repo.dir });
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^b\.spl: not formatted: Fix the syntax error first/m);
    assert.equal(readFileSync(file, 'utf8'), 'index=a | eval x=(1\n');
    copyFileSync(file, join(repo.dir, 'c.spl'));
    assert.equal(spl(['fmt', 'nowhere.spl'], { cwd: repo.dir }).status, 2);
  });
  it('fmt formats the search of detection YAML, lists it with --check and leaves other YAML alone', () => {
    mkdirSync(join(repo.dir, 'content'));
    const detection = join(repo.dir, 'content/d.yml');
    const text = "name: d\n# kept\nsearch: 'index=a | stats count by host' # why\nid: 1\n";
    writeFileSync(detection, text);
    const macro = 'definition: index=a   |  head 1\nname: m\n';
    writeFileSync(join(repo.dir, 'content/m.yml'), macro);
    writeFileSync(join(repo.dir, 'content/broken.yml'), "search: 'index=a | eval x=(1'\n");
    const check = spl(['fmt', '--check', 'content'], { cwd: repo.dir });
    assert.equal(check.status, 1);
    assert.match(check.stdout, /^would reformat content\/d\.yml$/m);
    // The macro file is not a detection: neither formatted nor counted.
    assert.match(check.stdout, /^1 of 2 files would change\.$/m);
    assert.match(
      check.stderr,
      /^content\/broken\.yml: not formatted: Fix the syntax error in the search first \(line 1, column 27: /m,
    );
    assert.equal(readFileSync(detection, 'utf8'), text, '--check changes nothing');
    const format = spl(['fmt', 'content'], { cwd: repo.dir });
    assert.equal(format.status, 0, format.stderr);
    assert.equal(
      readFileSync(detection, 'utf8'),
      'name: d\n# kept\nsearch: |- # why\n  index=a\n  | stats count by host\nid: 1\n',
    );
    assert.equal(readFileSync(join(repo.dir, 'content/m.yml'), 'utf8'), macro);
    assert.equal(spl(['fmt', '--check', 'content/d.yml'], { cwd: repo.dir }).status, 0);
  });
});
