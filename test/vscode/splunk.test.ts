import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MOCK_TOKEN, startMockSplunk, type MockSplunk } from '../splunk/mockSplunk';
import { setupScript, startCodeServer, type CodeServerSession } from './codeServer';
import { openFile, runCommand, waitForText, webviewContent } from './workbench';

// "SPL: Run Search on Splunk" in a real VS Code against the mock Splunk on loopback: the token is
// typed into a password box once, kept in SecretStorage, and sent from there.

describe(
  'Splunk commands in code-server',
  { skip: !existsSync(setupScript) && `${setupScript} is missing`, timeout: 240_000 },
  () => {
    let mock: MockSplunk;
    let session: CodeServerSession;

    before(async () => {
      mock = await startMockSplunk();
      session = await startCodeServer({
        screenshotPrefix: 'splunk',
        files: {
          'on_splunk.spl': 'index=main count=40\n',
          'broken.spl': 'index=main\n| statz count\n',
          '.vscode/settings.json': JSON.stringify({ 'spl.splunk.url': mock.baseUrl }),
        },
      });
    });

    after(async () => {
      await session?.close();
      await mock?.stop();
    });

    test('the token goes into the secret store and the run streams into the results panel', async () => {
      await session.step('splunk-token', async () => {
        await openFile(session.page, 'on_splunk.spl');
        await runCommand(session.page, 'SPL: Set Splunk Token');
        const box = session.page.locator('.quick-input-widget input[type="password"]');
        await box.waitFor({ state: 'visible', timeout: 60_000 });
        await session.page.keyboard.type(MOCK_TOKEN);
        await session.page.keyboard.press('Enter');
        await waitForText(session.page, '.notifications-toasts', 'is saved in the secret store');
      });
      await session.step('splunk-results', async () => {
        await runCommand(session.page, 'SPL: Run Search on Splunk');
        const panel = webviewContent(session.page);
        const host = new URL(mock.baseUrl).host;
        await panel
          .locator('[data-testid="origin"]', {
            hasText: `Splunk ${host} \u00b7 -24h to now \u00b7 server's macros`,
          })
          .waitFor({ timeout: 60_000 });
        await panel
          .locator('[data-testid="summary"]', { hasText: /^40 rows in / })
          .waitFor({ timeout: 30_000 });
        const hosts = await panel
          .locator('#rows tr[data-row-index] td[data-field="host"]')
          .allInnerTexts();
        assert.equal(hosts[0], 'host0');
        const sent = mock.requests.filter(
          (r) => r.form.get('search') === 'search index=main count=40',
        );
        assert.equal(sent.at(-1)?.authorization, `Bearer ${MOCK_TOKEN}`);
        const settings = readFileSync(join(session.workspace, '.vscode/settings.json'), 'utf8');
        assert.ok(!settings.includes(MOCK_TOKEN), 'the token was written into settings');
      });
    });

    test("the server's syntax error appears in Problems at the command it names", async () => {
      await session.step('splunk-problems', async () => {
        await openFile(session.page, 'broken.spl');
        await runCommand(session.page, 'SPL: Run Search on Splunk');
        await session.page.keyboard.press('Control+Shift+M');
        const row = await waitForText(
          session.page,
          '.markers-panel .monaco-list-row',
          "Unknown search command 'statz'.",
          60_000,
        );
        // Line 2, column 3: `statz` after `| `.
        assert.match(await row.innerText(), /Splunk[\s\S]*\[Ln 2, Col 3\]/);
      });
    });
  },
);
