import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyMacros, scratch, spl } from './helpers';

/** A content folder: sample-data's macros, a clean search, one with an undefined macro. */
function contentRepo(): { dir: string; remove: () => void } {
  const repo = scratch();
  copyMacros(repo.dir);
  mkdirSync(join(repo.dir, 'searches'));
  writeFileSync(
    join(repo.dir, 'searches/clean.spl'),
    '`sysmon` EventCode=1 | stats count by host\n',
  );
  writeFileSync(join(repo.dir, 'searches/broken.spl'), '`sysmon` EventCode=1\n| `sysmonn`\n');
  return repo;
}

describe('spl lint: exit codes and the text format', () => {
  let repo: { dir: string; remove: () => void };
  before(() => (repo = contentRepo()));
  after(() => repo.remove());

  it('exits 0 on a clean file and says how many files it checked', () => {
    const run = spl(['lint', 'searches/clean.spl'], { cwd: repo.dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'No problems (1 file checked).\n');
  });

  it('exits 1 on an error, printed as file:line:col severity code message', () => {
    const run = spl(['lint', 'searches'], { cwd: repo.dir });
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /^searches\/broken\.spl:2:3 error spl\.macro\.undefined Macro 'sysmonn' is not defined; did you mean 'sysmon'\?/m,
    );
    assert.match(run.stdout, /1 error in 1 file \(2 files checked\)\.\n$/);
  });

  it('--quiet prints the errors only', () => {
    const run = spl(['lint', '--quiet', 'searches'], { cwd: repo.dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    assert.match(run.stdout, /spl\.macro\.undefined/);
  });

  it('expands globs and walks folders; the default is the current folder', () => {
    const glob = spl(['lint', 'searches/c*.spl'], { cwd: repo.dir });
    assert.equal(glob.status, 0, glob.stderr);
    const here = spl(['lint'], { cwd: join(repo.dir, 'searches') });
    assert.match(here.stdout, /\(2 files checked\)/);
  });

  it('exits 2 with a clear message for bad paths, empty globs and bad options', () => {
    const cases: [string[], RegExp][] = [
      [['lint', 'nowhere.spl'], /spl lint: nowhere\.spl: no such file or folder\./],
      [
        ['lint', 'searches/*.conf'],
        /no \.spl, \.yml\/\.yaml and macros\.conf files match this glob/,
      ],
      [['lint', '--format', 'xml', 'searches'], /--format takes text, json, sarif, not 'xml'/],
      [['lint', '--max-warnings', '-1', 'searches'], /--max-warnings takes a whole number/],
      [['lint', '--macros', 'missing/', 'searches'], /no such macro file or folder/],
      [['lint', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const run = spl(args, { cwd: repo.dir });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});

describe('spl lint: warnings, macro files and --max-warnings', () => {
  let repo: { dir: string; remove: () => void };
  before(() => {
    repo = scratch();
    copyMacros(repo.dir);
    mkdirSync(join(repo.dir, 'detections'));
    // No `| \`my_detection_filter\``: the security_content convention's warning.
    writeFileSync(
      join(repo.dir, 'detections/my_detection.yml'),
      "name: My detection\nsearch: '`sysmon` EventCode=1 | stats count by host'\n",
    );
    writeFileSync(
      join(repo.dir, 'macros/uses_undeclared.yml'),
      'definition: index=$idx$\ndescription: test\nname: uses_undeclared\n',
    );
  });
  after(() => repo.remove());

  it('reports a warning with exit 0, and exit 1 once warnings pass --max-warnings', () => {
    const run = spl(['lint', 'detections'], { cwd: repo.dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    // The position is in the YAML file: line 2, the closing quote just after the search.
    assert.match(
      run.stdout,
      /^detections\/my_detection\.yml:2:52 warning spl\.detection\.filterMissing /m,
    );
    assert.equal(spl(['lint', '--max-warnings', '1', 'detections'], { cwd: repo.dir }).status, 0);
    assert.equal(spl(['lint', '--max-warnings', '0', 'detections'], { cwd: repo.dir }).status, 1);
  });

  it('checks macro definition files against every loaded macro', () => {
    const run = spl(['lint', 'macros/uses_undeclared.yml'], { cwd: repo.dir });
    assert.match(
      run.stdout,
      /^macros\/uses_undeclared\.yml:1:19 warning spl\.macro\.undeclaredArgument '\$idx\$' is not an argument/m,
    );
  });
});

describe('spl lint --threads', () => {
  it('reports the same, in the same order, when worker threads share the files', () => {
    const repo = scratch();
    try {
      copyMacros(repo.dir);
      // Enough files for workers to start (200), every tenth with a problem.
      for (let i = 0; i < 220; i++) {
        const search = i % 10 === 0 ? '`sysmon` | `nosuch`\n' : `\`sysmon\` EventCode=${i}\n`;
        writeFileSync(join(repo.dir, `s${String(i).padStart(3, '0')}.spl`), search);
      }
      const one = spl(['lint', '--threads', '1', '.'], { cwd: repo.dir });
      const two = spl(['lint', '--threads', '2', '--timings', '.'], { cwd: repo.dir });
      assert.equal(one.status, 1);
      assert.equal(two.status, 1);
      assert.equal(two.stdout, one.stdout);
      assert.match(one.stdout, /22 errors in 22 files/);
      assert.match(two.stderr, /2 threads/);
    } finally {
      repo.remove();
    }
  });
});
