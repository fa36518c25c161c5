import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setupScript, startCodeServer, type CodeServerSession } from './codeServer';
import { processGroupAlive } from './processGroup';
import { runCommand } from './workbench';
import { repoRoot } from './vsix';

// Issue 8: the Testing view lists the workspace's detections that have tests, runs them and shows
// pass or fail with the reason, in a real VS Code (code-server in headless Chromium).

const passingName = 'Windows Wermgr Alternate Data Stream in Temp Dir';
const failingName = 'Wermgr Stream With No Match';
const failingFile = 'detections/wermgr_stream_with_no_match.yml';
/** The stage that drops the failing copy's last two events (core/testing/explainRun.ts). */
const droppedHere =
  'Stage 5 (search) received 2 rows and kept none: the last events were dropped here.';

const explorerRows = '.test-explorer .monaco-list-row';
const resultRows = '.test-output-peek-tree .monaco-list-row';

/**
 * The sample wermgr detection renamed, with a search stage no event passes; it has no
 * .expected.yaml, so its test needs at least one result and fails.
 */
function failingDetection(): string {
  const sample = readFileSync(
    resolve(
      repoRoot,
      'sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.yml',
    ),
    'utf8',
  );
  const filter = "| `windows_wermgr_alternate_data_stream_in_temp_dir_filter`'";
  assert.ok(sample.includes(`name: ${passingName}\n`) && sample.includes(filter));
  return sample
    .replace(`name: ${passingName}\n`, `name: ${failingName}\n`)
    .replace(filter, `| search Contents=nomatch ${filter}`);
}

/** A top-level row of the Test Explorer, once its accessible label reports `state`. */
function explorerRow(session: CodeServerSession, name: string, state: string) {
  return session.page.locator(`${explorerRows}[aria-level="1"][aria-label^="${name} (${state})"]`);
}

describe(
  'the Testing view in code-server',
  { skip: !existsSync(setupScript) && `${setupScript} is missing`, timeout: 300_000 },
  () => {
    let session: CodeServerSession;

    before(async () => {
      session = await startCodeServer({
        screenshotPrefix: 'testing',
        files: { [failingFile]: failingDetection() },
      });
    });

    after(() => session?.close());

    test('lists both detections with tests', async () => {
      await session.step('listed', async () => {
        const { page } = session;
        // The Testing view (and its commands) exists once the extension registers its controller.
        await page
          .locator('.activitybar .action-item a[aria-label^="Testing"]')
          .waitFor({ timeout: 90_000 });
        await runCommand(page, 'View: Show Testing');
        await explorerRow(session, passingName, 'Not yet run').waitFor({ timeout: 60_000 });
        await explorerRow(session, failingName, 'Not yet run').waitFor();
        // sample-data has one detection with tests; its .expected.yaml and the macro YAMLs are not listed.
        assert.equal(await page.locator(`${explorerRows}[aria-level="1"]`).count(), 2);
      });
    });

    test('Run All Tests passes the sample detection and fails the copy with no match', async (t) => {
      await session.step('ran', async () => {
        const { page } = session;
        const started = performance.now();
        await runCommand(page, 'Test: Run All Tests');
        await explorerRow(session, passingName, 'Passed').waitFor({ timeout: 60_000 });
        await explorerRow(session, failingName, 'Failed').waitFor({ timeout: 60_000 });
        t.diagnostic(`both tests ran in ${Math.round(performance.now() - started)} ms`);
      });
    });

    test('the Test Results view gives the reason under the failed test', async () => {
      await session.step('reason', async () => {
        const { page } = session;
        await runCommand(page, 'Test Results: Focus on Test Results View');
        await page.locator(resultRows, { hasText: droppedHere }).waitFor();
        await page
          .locator(resultRows, { has: page.locator('.codicon-testing-passed-icon') })
          .waitFor();
        const rows = await page
          .locator(resultRows)
          .evaluateAll((elements) =>
            elements.map(
              (row) =>
                `${row.getAttribute('aria-level')} ${(row.textContent ?? '').replace(/\s+/g, ' ').trim()}`,
            ),
          );
        // A test's messages are its children (level 3); the failed test's come right after it.
        const failed = rows.findIndex((row) => row.startsWith('2 ') && row.includes(failingName));
        const reason = rows.findIndex((row) => row.includes(droppedHere));
        assert.ok(failed >= 0 && reason > failed, rows.join('\n'));
        assert.ok(
          rows.slice(failed + 1, reason + 1).every((row) => row.startsWith('3 ')),
          rows.join('\n'),
        );
        assert.ok(
          rows.some((row) => row.startsWith('3 ') && row.includes('spl.test.no-results')),
          rows.join('\n'),
        );
        // The passing test has no messages: nothing of level 3 follows it.
        const passed = rows.findIndex((row) => row.startsWith('2 ') && row.includes(passingName));
        assert.ok(passed >= 0, rows.join('\n'));
        assert.ok(!rows[passed + 1]?.startsWith('3 '), rows.join('\n'));
      });
    });

    test('closing the session stops code-server and every process it started', async () => {
      await session.close();
      assert.equal(processGroupAlive(session.processGroup), false);
    });
  },
);
