import assert from 'node:assert/strict';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_REPORTED_PROBLEMS } from '../../../server/src/core/engine/input';
import { readAll, sysmonLine, tempDir, writeTemp } from './helpers';

/** Good events around one bad one: the good ones must come through untouched. */
function around(bad: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(sysmonLine(1) + '\n'),
    typeof bad === 'string' ? Buffer.from(bad + '\n') : Buffer.concat([bad, Buffer.from('\n')]),
    Buffer.from(sysmonLine(3) + '\n'),
  ]);
}

function images(rows: Map<string, unknown>[]): string[] {
  return rows.map((r) => /Name='Image'>([^<]*)</.exec(String(r.get('_raw')))?.[1] ?? '');
}

describe('readEvents: bad input is skipped, counted and located', () => {
  it('skips a truncated event', async () => {
    const path = writeTemp(tempDir(), 't.log', around(sysmonLine(2).slice(0, 400)));
    const { rows, report } = await readAll({ path });
    assert.deepEqual(images(rows), ['C:\\Tools\\tool1.exe', 'C:\\Tools\\tool3.exe']);
    assert.equal(report.skipped, 1);
    assert.equal(report.events, 3);
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.line]),
      [[path, 2]],
    );
    assert.match(report.problems[0]!.message, /truncated/);
  });

  it('skips an event without its <System> part', async () => {
    const bad = sysmonLine(2).replace(/<System>.*<\/System>/, '');
    const { rows, report } = await readAll({ path: writeTemp(tempDir(), 'm.log', around(bad)) });
    assert.equal(rows.length, 2);
    assert.equal(report.skipped, 1);
    assert.match(report.problems[0]!.message, /malformed XML/);
  });

  it('skips an event that is not valid UTF-8', async () => {
    const [head, tail] = sysmonLine(2).split('tool2');
    const bad = Buffer.concat([
      Buffer.from(head!),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(tail!),
    ]);
    const { rows, report } = await readAll({ path: writeTemp(tempDir(), 'u.log', around(bad)) });
    assert.deepEqual(images(rows), ['C:\\Tools\\tool1.exe', 'C:\\Tools\\tool3.exe']);
    assert.equal(report.problems[0]?.line, 2);
    assert.match(report.problems[0]!.message, /UTF-8/);
  });

  it('keeps valid non-ASCII text', async () => {
    const line = sysmonLine(2, 'C:\\Programme\\Büro\\äpp.exe');
    const { rows, report } = await readAll({ path: writeTemp(tempDir(), 'ok.log', around(line)) });
    assert.equal(report.skipped, 0);
    assert.deepEqual(images(rows)[1], 'C:\\Programme\\Büro\\äpp.exe');
  });

  it('skips a 50 MB single line without holding it in memory', async () => {
    for (const kind of ['xml', 'text'] as const) {
      const path = join(tempDir(), 'huge.log');
      const fd = openSync(path, 'w');
      writeSync(
        fd,
        kind === 'xml' ? sysmonLine(1) + '\n' + sysmonLine(2).slice(0, 300) : 'first line\n',
      );
      const filler = Buffer.alloc(1024 * 1024, 'A');
      for (let i = 0; i < 50; i++) writeSync(fd, filler);
      writeSync(fd, kind === 'xml' ? '\n' + sysmonLine(3) + '\n' : '\nlast line\n');
      closeSync(fd);
      const before = process.memoryUsage().rss;
      const { rows, report } = await readAll({ path });
      const grown = process.memoryUsage().rss - before;
      assert.equal(rows.length, 2, kind);
      assert.equal(report.skipped, 1, kind);
      assert.deepEqual(
        report.problems.map((p) => p.line),
        [kind === 'xml' ? 2 : 2],
      );
      assert.match(report.problems[0]!.message, /longer than the limit/);
      assert.ok(grown < 40 * 1024 * 1024, `rss grew by ${grown} bytes`);
      if (kind === 'text')
        assert.deepEqual(
          rows.map((r) => r.get('_raw')),
          ['first line', 'last line'],
        );
    }
  });

  it('skips events over maxEventBytes', async () => {
    const long = sysmonLine(2, 'C:\\' + 'x'.repeat(5000) + '.exe');
    const path = writeTemp(tempDir(), 'long.log', around(long));
    const { rows, report } = await readAll({ path }, { maxEventBytes: 4000 });
    assert.equal(rows.length, 2);
    assert.match(report.problems[0]!.message, /longer than the limit of 4000/);
  });

  it('reports text that is not part of any event', async () => {
    const text = ['# exported events', sysmonLine(1), '# a comment', '', sysmonLine(2)].join('\n');
    const path = writeTemp(tempDir(), 'stray.log', text);
    const { rows, report } = await readAll({ path });
    assert.equal(rows.length, 2);
    assert.deepEqual(
      report.problems.map((p) => p.line),
      [1, 3],
    );
  });

  it('reads an empty file as no events, and says so', async () => {
    const path = writeTemp(tempDir(), 'empty.log', '');
    const { rows, report } = await readAll({ path });
    assert.equal(rows.length, 0);
    assert.equal(report.files, 1);
    assert.match(report.problems[0]!.message, /empty/);
  });

  it('skips a binary file', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const path = writeTemp(tempDir(), 'blob.bin', bytes);
    const { rows, report } = await readAll({ path });
    assert.equal(rows.length, 0);
    assert.equal(report.skipped, 1);
    assert.deepEqual([report.problems[0]?.file, report.problems[0]?.line], [path, 0]);
    assert.match(report.problems[0]!.message, /binary/);
  });

  it('skips a missing file', async () => {
    const path = join(tempDir(), 'nope.log');
    const { rows, report } = await readAll({ path });
    assert.equal(rows.length, 0);
    assert.equal(report.skipped, 1);
    assert.match(report.problems[0]!.message, /cannot read/);
  });

  it('lists only the first few problems but counts them all', async () => {
    const lines = Array.from({ length: 30 }, (_, n) => sysmonLine(n).slice(0, 200));
    const path = writeTemp(tempDir(), 'many.log', lines.join('\n') + '\n');
    const { report } = await readAll({ path });
    assert.equal(report.skipped, 30);
    assert.equal(report.problems.length, MAX_REPORTED_PROBLEMS);
  });
});
