// Runs inside VS Code's extension host (bundled by runTest.ts): checks the extension through the
// public extension API, with node:assert and no test framework. VS Code calls run() and fails the
// run when it rejects.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { problemsCodes, problemsFile, sysmonDefinitionText, wermgrFile } from '../vscode/fixtures';

const timeoutMs = 60_000;

const checks: Record<string, (folder: vscode.Uri) => Promise<void>> = {
  async 'diagnostics of a .spl file come from the language server'(folder) {
    const uri = vscode.Uri.joinPath(folder, problemsFile);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    });
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.deepEqual(codes.map(String).sort(), problemsCodes);
  },

  async 'SPL: Expand Macros opens the expanded search read-only'(folder) {
    const uri = vscode.Uri.joinPath(folder, wermgrFile);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('spl.expandMacros');
    const expanded = await waitFor('the expanded search', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === 'spl-expanded' ? document : undefined;
    });
    const text = expanded.getText();
    assert.ok(text.includes(sysmonDefinitionText), text);
    assert.ok(!text.includes('`sysmon`'), text);
  },
};

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'runTest.ts opens a copy of sample-data/ as the workspace');
  const failures: string[] = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check(folder);
      console.log(`ok ${name}`);
    } catch (error) {
      console.log(`not ok ${name}\n${(error as Error).stack}`);
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0)
    throw new Error(`${failures.length} check(s) failed:\n${failures.join('\n')}`);
}

/** Polls `probe` every 100 ms until it returns a value, or fails after timeoutMs. */
async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
