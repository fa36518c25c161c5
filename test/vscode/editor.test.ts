import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { setupScript, startCodeServer, type CodeServerSession } from './codeServer';
import { problemsFile, problemsText, sysmonDefinitionText } from './fixtures';
import { processGroupAlive } from './processGroup';
import {
  activeEditor,
  activeTab,
  editorText,
  goTo,
  openFile,
  runCommand,
  waitForText,
  webviewContent,
} from './workbench';

// The packaged .vsix in a real VS Code (code-server in headless Chromium), driven as a user
// drives it: keyboard in, rendered workbench out.

const wermgr = 'windows_wermgr_alternate_data_stream_in_temp_dir';

describe(
  'the packaged extension in code-server',
  { skip: !existsSync(setupScript) && `${setupScript} is missing`, timeout: 300_000 },
  () => {
    let session: CodeServerSession;

    before(async () => {
      session = await startCodeServer({
        screenshotPrefix: 'editor',
        files: {
          [problemsFile]: problemsText,
          'completion.spl': '`sysmon` EventCode=15\n',
          // The workspace is a copy of sample-data/, so its events are in events/.
          '.vscode/settings.json': JSON.stringify({ 'spl.sampleDataPaths': ['events'] }),
        },
      });
    });

    after(() => session?.close());

    test('diagnostics of a .spl file appear in the Problems view', async (t) => {
      // Where the start-up time went, for a run that times out on a slow machine (not a benchmark:
      // test/vscode/activationTime.ts measures).
      const { packageMs, installMs, serverMs, workbenchMs } = session.timings;
      t.diagnostic(
        `start-up: package ${packageMs} ms, install ${installMs} ms, ` +
          `code-server ${serverMs} ms, workbench ${workbenchMs} ms`,
      );
      await session.step('problems', async () => {
        await openFile(session.page, problemsFile);
        await session.page.keyboard.press('Control+Shift+M');
        const rows = '.markers-panel .monaco-list-row';
        // The first .spl file activates the extension, which starts the language server.
        await waitForText(
          session.page,
          rows,
          "unknown command 'statz'; did you mean 'stats'?",
          90_000,
        );
        await waitForText(session.page, rows, "Macro 'no_such_macro' is not defined");
        // `sysmon` is defined in the workspace's macro files, so it must not be reported.
        await waitForText(session.page, '.markers-panel', /problems\.spl\s*2/);
        assert.equal(await session.page.locator(rows, { hasText: "'sysmon'" }).count(), 0);
      });
    });

    test('hovering a macro shows its definition from the workspace', async () => {
      await session.step('hover', async () => {
        await openFile(session.page, `${wermgr}.spl`);
        await goTo(session.page, 1, 3);
        await session.page.keyboard.press('Control+K');
        await session.page.keyboard.press('Control+I');
        const hover = await waitForText(session.page, '.monaco-hover', sysmonDefinitionText);
        assert.match(await hover.innerText(), /sysmon/);
      });
    });

    test('typing `| st` offers stats in the suggest widget', async () => {
      await session.step('completion', async () => {
        await openFile(session.page, 'completion.spl');
        await goTo(session.page, 2, 1);
        await session.page.keyboard.type('| st');
        await session.page.keyboard.press('Control+Space');
        await waitForText(session.page, '.suggest-widget .monaco-list-row .label-name', /^stats$/);
        await session.page.keyboard.press('Escape');
      });
    });

    test('Ctrl+Shift+E (SPL: Expand Macros) opens the expanded search', async () => {
      await session.step('expand', async () => {
        await openFile(session.page, `${wermgr}.spl`);
        await session.page.keyboard.press('Control+Shift+E');
        await activeTab(session.page, `${wermgr}.expanded.spl`).waitFor();
        const editor = activeEditor(session.page);
        await waitForText(
          session.page,
          '.editor-group-container.active .view-lines',
          sysmonDefinitionText,
        );
        const text = await editorText(editor);
        assert.ok(!text.includes('`sysmon`'), `the macro call is still there:\n${text}`);
        assert.match(text, /\| stats count min\(_time\) as firstTime/);
      });
    });

    test('SPL: Run Search on Sample Data shows the two true positives and every stage count', async () => {
      await session.step('results', async () => {
        await openFile(session.page, `${wermgr}.spl`);
        await runCommand(session.page, 'SPL: Run Search on Sample Data');
        const panel = webviewContent(session.page);
        await panel
          .locator('[data-testid="results"][data-state="ready"]')
          .waitFor({ timeout: 60_000 });
        // sample-data/README.md: the detection returns one row per true positive.
        const dests = await panel
          .locator('#rows tr[data-row-index] td[data-field="dest"]')
          .allInnerTexts();
        assert.deepEqual(dests.sort(), [
          'ENG-WKS-12.corp.example.com',
          'FIN-WKS-07.corp.example.com',
        ]);
        const stages = panel.locator('[data-testid="stages"] li');
        const counts: string[] = [];
        for (let i = 0; i < (await stages.count()); i++) {
          const stage = stages.nth(i);
          const command = await stage.locator('.command').innerText();
          counts.push(
            `${command} ${await stage.getAttribute('data-in')}>${await stage.getAttribute('data-out')}`,
          );
        }
        // The old-Sysmon event without Contents is dropped by stats (a null by-field drops the event).
        assert.deepEqual(counts, [
          'search 20>3',
          'stats 3>2',
          'convert 2>2',
          'convert 2>2',
          'search 2>2',
        ]);
      });
    });

    test('closing the session stops code-server and every process it started', async () => {
      await session.close();
      assert.equal(processGroupAlive(session.processGroup), false);
    });
  },
);
