import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readAll, sampleEvents, sysmonLine, tempDir, writeTemp } from './helpers';

describe('readEvents: XmlWinEventLog metadata', () => {
  it('gives each event _raw, _time, host, source, sourcetype, index and linecount', async () => {
    const { rows, report } = await readAll({ path: sampleEvents });
    assert.equal(rows.length, 20);
    assert.deepEqual(report, { files: 1, events: 20, filteredOut: 0, skipped: 0, problems: [] });
    const truePositive = rows.find((r) =>
      String(r.get('_raw')).includes(
        '\\jdoe\\AppData\\Local\\Temp\\RP_5c1b0e0a-3f7d-4a55-9a1e-0d4b7c6e2f18\\System32\\wermgr.exe:WDFOO',
      ),
    );
    assert.ok(truePositive);
    // sysmon-fields.md "Where an event comes from": _time from UtcTime (UTC), host = <Computer>,
    // source = XmlWinEventLog:<Channel>, sourcetype XmlWinEventLog.
    assert.equal(truePositive.get('_time'), Date.UTC(2026, 10, 19, 9, 14, 3, 418) / 1000);
    assert.equal(truePositive.get('host'), 'FIN-WKS-07.corp.example.com');
    assert.equal(truePositive.get('source'), 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational');
    assert.equal(truePositive.get('sourcetype'), 'XmlWinEventLog');
    assert.equal(truePositive.get('index'), 'main');
    assert.equal(truePositive.get('linecount'), 1);
    assert.deepEqual(
      [...truePositive.keys()],
      ['_raw', '_time', 'host', 'source', 'sourcetype', 'index', 'linecount'],
    );
  });

  it('falls back to TimeCreated SystemTime, keeping its sub-second digits', async () => {
    const line = sysmonLine(1).replace(/<Data Name='UtcTime'>[^<]*<\/Data>/, '');
    const path = writeTemp(tempDir(), 'a.log', line + '\n');
    const { rows } = await readAll({ path });
    const time = rows[0]?.get('_time');
    assert.equal(typeof time, 'number');
    assert.ok(
      Math.abs((time as number) - (Date.UTC(2026, 10, 20, 12, 0, 1, 250) / 1000 + 0.0001001)) <
        1e-6,
    );
  });

  it('lets the dataset override source, sourcetype and host like a test stanza does', async () => {
    const spec = {
      path: sampleEvents,
      source: 'XmlWinEventLog:Other',
      sourcetype: 'custom',
      host: 'h1',
    };
    const { rows } = await readAll(spec);
    assert.ok(rows.every((r) => r.get('source') === 'XmlWinEventLog:Other'));
    assert.ok(rows.every((r) => r.get('sourcetype') === 'custom' && r.get('host') === 'h1'));
  });

  it('joins the lines of a multi-line event until the next line starting with <Event xmlns', async () => {
    // sysmon-fields.md: the Windows add-on breaks events only at a newline followed by `<Event xmlns`.
    const multi = sysmonLine(2).replace(
      "<Data Name='Image'>",
      "<Data Name='Image'>first\r\nsecond ",
    );
    const text = [sysmonLine(1), multi, sysmonLine(3)].join('\r\n') + '\r\n';
    const { rows, report } = await readAll({ path: writeTemp(tempDir(), 'multi.log', text) });
    assert.equal(report.events, 3);
    assert.deepEqual(
      rows.map((r) => r.get('linecount')),
      [1, 2, 1],
    );
    assert.ok(String(rows[1]?.get('_raw')).includes('first\r\nsecond'));
    assert.ok(String(rows[1]?.get('_raw')).endsWith('</Event>'));
  });

  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const path = writeTemp(
      tempDir(),
      'bom.log',
      Buffer.concat([bom, Buffer.from(sysmonLine(1) + '\n')]),
    );
    const { rows, report } = await readAll({ path });
    assert.equal(rows.length, 1);
    assert.deepEqual(report.problems, []);
    assert.ok(String(rows[0]?.get('_raw')).startsWith('<Event xmlns'));
  });

  it('reads other text one event per line, with the file as source', async () => {
    const path = writeTemp(tempDir(), 'app.txt', 'alpha one\r\n\r\nbeta two\ngamma');
    const { rows, report } = await readAll({ path });
    assert.deepEqual(
      rows.map((r) => r.get('_raw')),
      ['alpha one', 'beta two', 'gamma'],
    );
    assert.equal(report.events, 3);
    assert.ok(rows.every((r) => r.get('source') === path && r.get('sourcetype') === 'text'));
  });

  it('reads every file of a directory in path order', async () => {
    const dir = tempDir();
    writeTemp(dir, 'b.log', sysmonLine(2) + '\n');
    writeTemp(dir, 'a.log', sysmonLine(1) + '\n');
    const { rows, report } = await readAll({ path: dir });
    assert.equal(report.files, 2);
    assert.deepEqual(
      rows.map((r) => String(r.get('_raw')).includes('tool1.exe')),
      [true, false],
    );
  });
});

describe('readEvents: pre-filter', () => {
  it('keeps only events holding every literal, case-insensitively, and counts the rest', async () => {
    const { rows, report } = await readAll(
      { path: sampleEvents },
      { literals: ['WERMGR.EXE:', '\\temp\\'] },
    );
    const expected = readFileSync(sampleEvents, 'utf8')
      .split('\n')
      .filter((l) => /wermgr\.exe:/i.test(l) && /\\temp\\/i.test(l));
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => r.get('_raw')),
      expected,
    );
    assert.equal(report.events, 20);
    assert.equal(report.filteredOut, 17);
  });

  it('applies rawFilter to _raw before the row is built', async () => {
    const seen: string[] = [];
    const rawFilter = (raw: string) => {
      seen.push(raw);
      return raw.includes('<EventID>22<');
    };
    const { rows, report } = await readAll({ path: sampleEvents }, { rawFilter });
    assert.equal(seen.length, 20);
    assert.equal(rows.length, 2);
    assert.equal(report.filteredOut, 18);
  });

  it('finds every hit across read buffers in a file larger than one buffer', async () => {
    // 9,000 events of ~700 bytes span several 1 MiB reads; every 997th event is a hit.
    const lines = Array.from({ length: 9000 }, (_, n) =>
      sysmonLine(n, n % 997 === 0 ? `C:\\Temp\\WerMgr.EXE:stream${n}` : undefined),
    );
    const path = writeTemp(tempDir(), 'big.log', lines.join('\n') + '\n');
    const { rows, report } = await readAll({ path }, { literals: ['wermgr.exe:'] });
    const expected = lines.filter((l) => l.toLowerCase().includes('wermgr.exe:'));
    assert.deepEqual(
      rows.map((r) => r.get('_raw')),
      expected,
    );
    assert.equal(report.events, 9000);
    assert.equal(report.filteredOut, 9000 - expected.length);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { rows } = await readAll({ path: sampleEvents }, { signal: controller.signal });
    assert.equal(rows.length, 0);
  });
});
