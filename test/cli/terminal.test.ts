import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colourEnabled, palette, progressBar } from '../../server/src/cli/terminal';
import { version } from '../../package.json';
import { spl } from './helpers';

describe('terminal conventions', () => {
  it('colour on a TTY only, never with NO_COLOR, always with FORCE_COLOR', () => {
    const tty = { isTTY: true, write: () => true };
    const pipe = { isTTY: false, write: () => true };
    assert.equal(colourEnabled(tty, {}), true);
    assert.equal(colourEnabled(pipe, {}), false);
    assert.equal(colourEnabled(tty, { NO_COLOR: '1' }), false);
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(colourEnabled(tty, { FORCE_COLOR: '0' }), true, 'FORCE_COLOR=0 does not force');
    assert.equal(colourEnabled(pipe, { FORCE_COLOR: '0' }), false);
    assert.equal(palette(true).severity('error', 'x'), '\u001b[31mx\u001b[0m');
    assert.equal(palette(false).severity('error', 'x'), 'x');
  });

  it('draws a progress bar on a TTY after a moment, and erases it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const tick = progressBar(
      { isTTY: true, columns: 80, write: (t) => written.push(t) },
      'lint',
      () => now,
    );
    tick(1, 10);
    assert.deepEqual(written, [], 'nothing during the first moments');
    now = 1000;
    tick(5, 10);
    assert.match(written[0] ?? '', /^\rlint \[#+\.+\] 5\/10$/);
    tick(10, 10);
    assert.equal(written[1], '\r\u001b[2K');
    const piped: string[] = [];
    const quiet = progressBar(
      { isTTY: false, write: (t) => piped.push(t) },
      'lint',
      () => (now += 1000),
    );
    quiet(1, 10);
    quiet(10, 10);
    assert.deepEqual(piped, []);
  });

  it('--version, --help for each command, colour with FORCE_COLOR through a pipe', () => {
    assert.equal(spl(['--version']).stdout, `${version}\n`);
    for (const command of ['lint', 'run', 'expand', 'fmt']) {
      const help = spl([command, '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`^Usage: spl ${command} `));
    }
    const seed = 'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl';
    const escape = '\u001b[';
    const forced = spl(['lint', seed], { env: { FORCE_COLOR: '1' } }).stdout;
    assert.ok(forced.startsWith(`${escape}1mNo problems`), forced);
    assert.ok(!spl(['lint', seed], { env: { NO_COLOR: '1' } }).stdout.includes(escape));
  });
});

describe('spl expand', () => {
  it('--quiet leaves out the note about missing macros; an unreadable input exits 2', () => {
    const noisy = spl(['expand', '-'], { input: 'index=a\n', cwd: '/' });
    assert.match(noisy.stderr, /note: no macros\/ folder/);
    const quiet = spl(['-q', 'expand', '-'], { input: 'index=a\n', cwd: '/' });
    assert.equal(quiet.stdout, 'index=a\n');
    assert.equal(quiet.stderr, '');
    const missing = spl(['expand', 'nowhere.spl']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^spl expand: cannot read nowhere\.spl: ENOENT/);
  });
});
