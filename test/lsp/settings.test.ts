/** The `spl.*` settings, pulled with workspace/configuration at start and on every change. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readSettings, WorkspaceSettings } from '../../server/src/lsp/settings';
import { fileUri, LspSession } from './lspSession';

let session: LspSession;
before(async () => {
  session = await LspSession.startWithSettings(
    { rules: { 'spl.syntax.unknown-command': 'off', 'spl.macro.undefined': 'hint' } },
    'sample-data',
  );
});
after(() => session.stop());

const codes = (diagnostics: { code?: string | number; severity?: number }[]) =>
  diagnostics.map((d) => `${String(d.code)} ${d.severity}`);

test('spl.rules turns rules off or changes their severity, and follows changes', async () => {
  const uri = fileUri('scratch/rules.spl');
  await session.open(uri, 'spl', 'index=a | statz | `nowhere`');
  // Severity 4 is Hint, 1 is Error (LSP DiagnosticSeverity).
  assert.deepEqual(codes((await session.diagnostics(uri)).diagnostics), ['spl.macro.undefined 4']);
  const next = session.nextDiagnostics(uri);
  await session.changeSettings({ rules: { 'spl.macro.undefined': 'off' } });
  assert.deepEqual(codes((await next).diagnostics), ['spl.syntax.unknown-command 1']);
});

test('settings of the wrong type fall back to their defaults and are named', () => {
  const { settings, ignored } = readSettings({
    rules: { 'spl.macro.undefined': 'loud', 'spl.macro.arity': 'warning' },
    sampleDataPaths: 'events',
    timezone: 5,
  });
  assert.deepEqual(settings.rules, { 'spl.macro.arity': 'warning' });
  assert.deepEqual(settings.sampleDataPaths, []);
  assert.equal(settings.timezone, '');
  assert.deepEqual(ignored.sort(), [
    'spl.rules.spl.macro.undefined',
    'spl.sampleDataPaths',
    'spl.timezone',
  ]);
});

test('setting paths resolve in every workspace folder and never leave the workspace', () => {
  const settings = new WorkspaceSettings();
  settings.setFolders(['/work/a', '/work/b']);
  assert.deepEqual(
    settings.resolvePaths(['events', '../secrets', '/work/a/x.log', '/etc/passwd']),
    ['/work/a/events', '/work/b/events', '/work/a/x.log'],
  );
});
