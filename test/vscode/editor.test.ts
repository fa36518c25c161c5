import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { setupScript, startCodeServer, type CodeServerSession } from './codeServer';
import { problemsFile, problemsText, sysmonDefinitionText } from './fixtures';
import { processGroupAlive } from './processGroup';
import { activeEditor, activeTab, editorText, goTo, openFile, waitForText } from './workbench';

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
        },
      });
    });

    after(() => session?.close());

    test('diagnostics of a .spl file appear in the Problems view', async (t) => {
      const { packageMs, installMs, serverMs, workbenchMs } = session.timings;
      t.diagnostic(
        `start-up: package ${packageMs} ms, install ${installMs} ms, ` +
          `code-server ${serverMs} ms, workbench ${workbenchMs} ms`,
      );
      const started = performance.now();
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
        t.diagnostic(
          `first diagnostics ${Math.round(performance.now() - started)} ms after opening`,
        );
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

    test('closing the session stops code-server and every process it started', async () => {
      await session.close();
      assert.equal(processGroupAlive(session.processGroup), false);
    });
  },
);
