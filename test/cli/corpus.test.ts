import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/cli/lint/lintFiles';
import { CIM_MACROS, CORPUS, scratch, spl } from './helpers';

interface JsonReport {
  summary: Record<string, number>;
  files: { file: string; diagnostics: { code: string; severity: string }[] }[];
}

describe('spl lint over the whole security_content corpus', () => {
  it('finishes without a crash and its findings are summarised by code', () => {
    // The corpus's macros plus the CIM app's (drop_dm_object_name), as a content repository has them.
    const run = spl([
      'lint',
      CORPUS,
      '--format',
      'json',
      '--macros',
      join(CORPUS, 'macros'),
      CIM_MACROS,
    ]);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as JsonReport;
    // 1,711 detections, 189 macros, and the other YAML (data sources, lookups) read and skipped.
    assert.equal(report.summary.checked, 1711 + 189);
    assert.ok((report.summary.skipped ?? 0) > 0, 'data source and lookup YAML are skipped');
    const byCode = new Map<string, number>();
    for (const file of report.files)
      for (const d of file.diagnostics)
        byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
    const summary = [...byCode].sort((a, b) => b[1] - a[1]);
    console.log(
      `corpus lint: ${JSON.stringify(report.summary)}\n${summary.map(([code, n]) => `  ${String(n).padStart(5)} ${code}`).join('\n')}`,
    );
    // Every corpus macro is defined once these folders are loaded (README: none is undefined).
    assert.equal(byCode.get('error spl.macro.undefined'), undefined);
    // Real findings the rules are meant for: a ctime conversion of a field no stage produces.
    assert.ok((byCode.get('warning spl.detection.ctimeUnknownField') ?? 0) > 0);
  });
});

describe('unreadable files', () => {
  it('are reported as failures naming the file, and the others are still linted', () => {
    const repo = scratch();
    try {
      // As root every permission check passes, so a directory stands in for an unreadable file.
      const unreadable = join(repo.dir, 'folder.spl');
      mkdirSync(unreadable);
      const run = lintFiles(
        [unreadable, join(CORPUS, 'macros/sysmon.yml')],
        { root: repo.dir, rules: {}, macroPaths: [], ignore: [] },
        { fix: false },
      );
      assert.equal(run.failures.length, 1);
      assert.match(run.failures[0] ?? '', /folder\.spl: cannot read: EISDIR/);
      assert.equal(run.reports.length, 1);
    } finally {
      repo.remove();
    }
  });

  it(
    'make spl lint exit 2 when a file cannot be read (not as root)',
    { skip: process.getuid?.() === 0 },
    () => {
      const repo = scratch();
      try {
        const file = join(repo.dir, 'secret.spl');
        writeFileSync(file, 'index=a\n', { mode: 0o000 });
        const run = spl(['lint', 'secret.spl'], { cwd: repo.dir });
        assert.equal(run.status, 2);
        assert.match(run.stderr, /secret\.spl: cannot read: EACCES/);
      } finally {
        repo.remove();
      }
    },
  );
});
