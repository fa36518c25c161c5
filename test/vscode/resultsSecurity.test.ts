import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Dialog, Frame, Page } from 'playwright-core';
import { setupScript, startCodeServer, type CodeServerSession } from './codeServer';
import { openFile, runCommand, webviewContent } from './workbench';

// Event data is attacker-controlled (issue 6, Security): the results panel must show hostile field
// values and hostile raw events as text and run nothing, checked in the real browser.

/** Each payload sets window.__pwned if it ever runs as markup or as a URL. */
const payloads = {
  Image: '<script>window.__pwned=1</script>',
  CommandLine: '<img src=x onerror="window.__pwned=2">',
  TargetFilename: 'javascript:window.__pwned=3',
  Computer: '"><svg onload=window.__pwned=4>',
} as const;
type PayloadField = keyof typeof payloads;
const payloadFields = Object.keys(payloads) as PayloadField[];

/** Element text in XML: `<` and `&` must be escaped; `>` and `"` may stay as they are. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * A Sysmon EventCode 11 event in the shape of sample-data/events/wermgr_ads_sysmon.log; `data`
 * goes into EventData as written, so a caller can hand in well-formed or hostile XML.
 */
function sysmonEvent(recordId: number, computer: string, data: string): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>" +
    '<EventID>11</EventID><Version>2</Version><Level>4</Level><Task>11</Task><Opcode>0</Opcode>' +
    "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2026-11-20T10:00:0" +
    `${recordId}.0000000Z'/><EventRecordID>${recordId}</EventRecordID><Correlation/>` +
    "<Execution ProcessID='3184' ThreadID='4412'/>" +
    '<Channel>Microsoft-Windows-Sysmon/Operational</Channel>' +
    `<Computer>${computer}</Computer><Security UserID='S-1-5-18'/></System><EventData>` +
    `<Data Name='RuleName'>-</Data><Data Name='UtcTime'>2026-11-20 10:00:0${recordId}.000</Data>` +
    `${data}</EventData></Event>`
  );
}

/** Well-formed XML: the payloads are escaped, so the extracted fields hold them entity-encoded. */
const escapedEvent = sysmonEvent(
  1,
  xmlText(payloads.Computer),
  payloadFields
    .filter((field) => field !== 'Computer')
    .map((field) => `<Data Name='${field}'>${xmlText(payloads[field])}</Data>`)
    .join(''),
);

/** What an attacker who writes the log file directly can do: markup in the raw event itself. */
const rawMarkup = {
  script: '<script>window.__pwned=5</script>',
  img: '<img src=x onerror="window.__pwned=6">',
};
const hostileRawEvent = sysmonEvent(
  2,
  'WKS-02.corp.example.com',
  `<Data Name='Image'>C:\\Windows\\System32\\cmd.exe</Data>` +
    `<Data Name='CommandLine'>cmd.exe ${rawMarkup.img}</Data>` +
    `<Data Name='TargetFilename'>${rawMarkup.script}</Data>`,
);

/** A file name is data too: the panel names the files a run read. */
const eventsFileName = '<svg onload=window.__pwned=7>.log';
const eventsFile = `events/${eventsFileName}`;
/** A field name that the search makes from user text, shown as a column header. */
const headerPayload = '<img src=x onerror=window.__pwned=8>';
// Splunk's regex extraction leaves XML entities encoded (shared/reference/sysmon-fields.md, "Raw
// fields"), so the search decodes `&lt;` as a user would, to put the literal payloads in the cells.
const searchFile = 'hostile.spl';
const searchText =
  'index=*\n' +
  `| eval ${payloadFields.map((f) => `${f}=replace(${f}, "&lt;", "<")`).join(', ')}\n` +
  `| rename host as "${headerPayload}"\n` +
  `| table ${payloadFields.join(' ')} "${headerPayload}"\n`;

/** Markup that data could only have produced by reaching the DOM as HTML. */
interface MarkupReport {
  scripts: { id: string; src: string; hasNonce: boolean }[];
  /** Elements no panel view creates (img, iframe, a, object, embed, form, base, ...). */
  foreign: string[];
  /** svg elements outside the panel's own timeline and chart. */
  strayedSvg: number;
  /** Attributes named on* or holding a javascript: URL, as `tag[name=value]`. */
  activeAttributes: string[];
  pwned: unknown;
}

/**
 * Runs in the page under test. A string, not a function: the project's type-check has no DOM
 * library, and this is the only code here that needs one.
 */
const inspectMarkupScript = `(() => {
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
  const activeAttributes = [];
  for (const node of document.querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      const name = attribute.name.toLowerCase();
      const url = urlAttributes.includes(name) && /^\\s*javascript:/i.test(attribute.value);
      if (name.startsWith('on') || url) activeAttributes.push(node.tagName + '[' + name + '=' + attribute.value + ']');
    }
  }
  return {
    scripts: Array.from(document.scripts, (script) => ({ id: script.id, src: script.src, hasNonce: script.nonce.length > 0 })),
    foreign: Array.from(
      document.querySelectorAll('img, iframe, frame, a, object, embed, form, base, math'),
      (node) => node.outerHTML,
    ),
    strayedSvg: Array.from(document.querySelectorAll('svg')).filter(
      (svg) => !svg.closest('[data-testid="timeline"], [data-testid="chart"]'),
    ).length,
    activeAttributes,
    pwned: window.__pwned,
  };
})()`;

function inspectMarkup(frame: Frame): Promise<MarkupReport> {
  return frame.evaluate<MarkupReport>(inspectMarkupScript);
}

/** VS Code's webview host prepends its own inline script (acquireVsCodeApi) with this id. */
const vscodeApiScriptId = '_vscodeApiScript';

function assertInert(report: MarkupReport, where: string): void {
  const scripts = `${where}: scripts ${JSON.stringify(report.scripts)}`;
  const pageScripts = report.scripts.filter((script) => script.id !== vscodeApiScriptId);
  assert.ok(report.scripts.length - pageScripts.length <= 1, scripts);
  assert.equal(pageScripts.length, 1, scripts);
  assert.match(pageScripts[0]?.src ?? '', /\/dist\/webview\/results\.js$/, scripts);
  assert.equal(pageScripts[0]?.hasNonce, true, `${where}: the panel's script lost its nonce`);
  assert.deepEqual(report.foreign, [], `${where}: elements made from data`);
  assert.equal(report.strayedSvg, 0, `${where}: svg outside the timeline and chart`);
  assert.deepEqual(report.activeAttributes, [], `${where}: active attributes`);
  assert.equal(report.pwned, undefined, `${where}: a payload ran`);
}

/** The extension's page (iframe.webview > iframe#active-frame) and the webview host around it. */
async function webviewFrames(page: Page): Promise<{ host: Frame; content: Frame }> {
  const host = await page.locator('iframe.webview.ready').last().elementHandle();
  const hostFrame = await host?.contentFrame();
  const content = await (await hostFrame?.$('#active-frame'))?.contentFrame();
  if (!hostFrame || !content) throw new Error('the results webview has no content frame');
  return { host: hostFrame, content };
}

async function pwnedIn(frame: Frame | Page): Promise<unknown> {
  return frame.evaluate<unknown>('window.__pwned');
}

describe(
  'the results panel with hostile event data in code-server',
  { skip: !existsSync(setupScript) && `${setupScript} is missing`, timeout: 300_000 },
  () => {
    let session: CodeServerSession;
    const dialogs: string[] = [];

    before(async () => {
      session = await startCodeServer({
        screenshotPrefix: 'security',
        files: {
          [eventsFile]: `${escapedEvent}\n${hostileRawEvent}\n`,
          [searchFile]: searchText,
          '.vscode/settings.json': JSON.stringify({ 'spl.sampleDataPaths': [eventsFile] }),
        },
      });
      // Fires for dialogs of every frame, webviews included; dismissing keeps the run going.
      session.page.on('dialog', (dialog: Dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
    });

    after(() => session?.close());

    test('field values that hold markup and javascript: URLs render as literal cell text', async () => {
      await session.step('table', async () => {
        const { page } = session;
        await openFile(page, searchFile);
        await runCommand(page, 'SPL: Run Search on Sample Data');
        const panel = webviewContent(page);
        await panel
          .locator('[data-testid="results"][data-state="ready"]')
          .waitFor({ timeout: 90_000 });
        await panel.locator('#rows tr[data-row-index]').nth(1).waitFor();
        const headers = await panel.locator('#header-row th').allTextContents();
        assert.deepEqual(headers, [...payloadFields, headerPayload]);
        const datasets = await panel.locator('[data-testid="datasets"]').textContent();
        assert.ok(datasets?.includes(eventsFileName), `datasets: ${datasets}`);
        for (const field of payloadFields) {
          const cells = await panel
            .locator(`#rows tr[data-row-index] td[data-field="${field}"]`)
            .allTextContents();
          assert.ok(
            cells.includes(payloads[field]),
            `${field}: ${JSON.stringify(payloads[field])} is not a cell's text: ${JSON.stringify(cells)}`,
          );
        }
        // The panel is narrower than the table: one screenshot of each side.
        await session.screenshot('table-left');
        await panel
          .locator('#rows td[data-field="Computer"]', { hasText: payloads.Computer })
          .scrollIntoViewIfNeeded();
        const { host, content } = await webviewFrames(page);
        assertInert(await inspectMarkup(content), 'results table');
        assert.equal(await pwnedIn(host), undefined, 'the webview host ran a payload');
        assert.equal(await pwnedIn(page), undefined, 'the workbench ran a payload');
        assert.deepEqual(dialogs, []);
      });
    });

    test('the events view shows escaped and hostile raw XML as text', async () => {
      await session.step('events', async () => {
        const { page } = session;
        const panel = webviewContent(page);
        const expectations = [
          { computer: payloads.Computer, raw: Object.values(payloads).map(xmlText) },
          { computer: 'WKS-02.corp.example.com', raw: Object.values(rawMarkup) },
        ];
        for (const { computer, raw } of expectations) {
          const row = panel.locator('#rows tr[data-row-index]', {
            has: panel.locator('td[data-field="Computer"]', { hasText: computer }),
          });
          const rowIndex = await row.getAttribute('data-row-index');
          await row.click();
          const events = panel.locator(`[data-testid="events"][data-row-index="${rowIndex}"]`);
          await events.waitFor();
          const text = (await events.locator('pre.raw').allTextContents()).join('\n');
          for (const piece of raw) {
            // The view must keep XML entities as written, not decode them as HTML would.
            assert.ok(text.includes(piece), `row ${rowIndex}: ${piece} is not in ${text}`);
          }
          // The EventData lines hold the payloads; bring them into the screenshot.
          await events
            .locator('pre.raw .line', { hasText: '</EventData>' })
            .scrollIntoViewIfNeeded();
          await session.screenshot(`events-row-${rowIndex}`);
          const { host, content } = await webviewFrames(page);
          assertInert(await inspectMarkup(content), `events view of row ${rowIndex}`);
          assert.equal(await pwnedIn(host), undefined, 'the webview host ran a payload');
        }
        assert.equal(await pwnedIn(page), undefined, 'the workbench ran a payload');
        assert.deepEqual(dialogs, []);
      });
    });
  },
);
